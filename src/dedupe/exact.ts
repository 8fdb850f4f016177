import { canonicalUrl } from '../normalize/canonical-url.js';
import { contentHash } from '../normalize/to-article.js';

export interface DedupeInput {
  id: string;
  url?: string;
  guid?: string;
  title: string;
  text?: string;
  source?: string;
}

export interface DedupeAssignment {
  id: string;
  /** The id of the first record that is the same item. */
  item: string;
  /** The id of the first record of the same story. */
  story: string;
}

/**
 * Exact identity in arrival order: the same canonical URL, the same GUID within a source, or the
 * same words is the same item. Stories here are exact normalised titles; near-duplicate story
 * assignment builds on this.
 */
export function createExactDeduper(): (input: DedupeInput) => DedupeAssignment {
  const itemByKey = new Map<string, string>();
  const storyByItem = new Map<string, string>();
  const storyByTitle = new Map<string, string>();
  return (input) => {
    const keys = identityKeys(input);
    const known = keys.map((key) => itemByKey.get(key)).find((id) => id !== undefined);
    const item = known ?? input.id;
    for (const key of keys) if (!itemByKey.has(key)) itemByKey.set(key, item);
    let story = storyByItem.get(item);
    if (!story) {
      const titleKey = normalizeTitle(input.title);
      story = (titleKey.length >= 8 ? storyByTitle.get(titleKey) : undefined) ?? item;
      if (titleKey.length >= 8 && !storyByTitle.has(titleKey)) storyByTitle.set(titleKey, story);
      storyByItem.set(item, story);
    }
    return { id: input.id, item, story };
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
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
