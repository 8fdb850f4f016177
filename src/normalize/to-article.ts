import type { Article, ParsedItem, SourceConfig } from '../domain.js';
import { cleanBlock, cleanLine, detectLanguage } from '../text.js';
import { canonicalUrl } from './canonical-url.js';
import { contentHash } from './content-hash.js';

export { contentHash } from './content-hash.js';

/** Feed summaries longer than this are truncated; full bodies go to body_text. */
const maxSummaryChars = 4000;

/** Normalises a parsed item into an Article; undefined when it has no usable link. */
export function toArticle(item: ParsedItem, source: Pick<SourceConfig, 'slug' | 'language'>): Article | undefined {
  const url = item.url?.trim();
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  const title = cleanLine(item.title);
  const summary = cleanBlock(item.summary ?? '').slice(0, maxSummaryChars);
  const publishedAt = item.published ? new Date(item.published) : null;
  return {
    sourceSlug: source.slug,
    guid: item.guid?.trim() || null,
    url,
    canonicalUrl: canonicalUrl(url),
    title: title || summary.slice(0, 120),
    summary,
    bodyText: null,
    author: item.author ? cleanLine(item.author) : null,
    publishedAt: publishedAt && !Number.isNaN(publishedAt.getTime()) ? publishedAt : null,
    language: detectLanguage(`${title} ${summary}`, source.language),
    contentHash: contentHash(title, summary),
    categories: item.categories ?? [],
  };
}
