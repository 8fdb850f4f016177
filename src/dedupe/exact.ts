import { canonicalUrl } from '../normalize/canonical-url.js';
import { contentHash } from '../normalize/to-article.js';

export interface DedupeInput {
  id: string;
  url?: string;
  guid?: string;
  title: string;
  text?: string;
  published?: string;
  source?: string;
  lang?: string;
}

/**
 * Exact item identity in arrival order: the same canonical URL, the same GUID within a source, or
 * the same words is the same item. Returns the id of the first record of that item.
 */
export function createItemIdentity(): (input: DedupeInput) => string {
  const itemByKey = new Map<string, string>();
  return (input) => {
    const keys = identityKeys(input);
    const item = keys.map((key) => itemByKey.get(key)).find((id) => id !== undefined) ?? input.id;
    for (const key of keys) if (!itemByKey.has(key)) itemByKey.set(key, item);
    return item;
  };
}

function identityKeys(input: DedupeInput): string[] {
  const keys: string[] = [];
  if (input.url) keys.push(`u:${canonicalUrl(input.url)}`);
  if (input.guid) keys.push(`g:${input.source ?? ''}:${input.guid}`);
  keys.push(`h:${contentHash(input.title, input.text ?? '')}`);
  return keys;
}

/** Lower-case words and CJK characters only, so punctuation and spacing do not split a story. */
export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
