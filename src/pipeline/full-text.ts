/**
 * The per-source `fullText` step: fetch the article page behind an item and keep its extracted body next to
 * the feed summary. `true` fetches every new item, `"auto"` only new items whose feed text is short and that
 * look relevant (a company tag, or an AI word in the title), `false` none. A failed fetch or extraction keeps
 * the feed text and records why in `bodyError`; it never fails the source.
 */
import pLimit from 'p-limit';
import type { SourceConfig, TaggedArticle } from '../domain.js';
import { fetchText } from '../fetch/http-client.js';
import { fetchPolicyFrom } from '../fetch/fetch-policy.js';
import { extractArticle } from '../parse/article/extract-article.js';
import { storedCanonicalUrls } from '../store/full-text-store.js';
import { tagText } from '../tag/matcher.js';
import { aiWords } from '../tag/vocabulary.js';
import type { PipelineDeps } from './deps.js';

/** Feed text shorter than this is a teaser (CNBC and SCMP send a line), so `auto` fetches the page. */
export const shortFeedTextChars = 400;
/** An extraction shorter than this is a caption or a paywall stub, not the article. */
export const minBodyChars = 150;
/** At most this many article pages per source per run, so one busy feed cannot flood a publisher. */
export const maxPagesPerRun = 30;

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const aiTitlePattern = new RegExp(aiWords.map((w) => (/[\u3400-\u9fff]/.test(w) ? escape(w) : `(?<![\\p{L}])${escape(w)}(?![\\p{L}])`)).join('|'), 'iu');

/** Whether `mode` asks for this item's article page. */
export function wantsFullText(mode: SourceConfig['fullText'], article: Pick<TaggedArticle, 'title' | 'summary' | 'tags'>): boolean {
  if (mode === false) return false;
  if (mode === true) return true;
  const short = article.summary.length < shortFeedTextChars;
  const relevant = article.tags.companies.length > 0 || aiTitlePattern.test(article.title);
  return short && relevant;
}

/** Adds `bodyText` (or `bodyError`) to the new items that want it, then re-tags them with the body. */
export async function addFullText(deps: PipelineDeps, source: SourceConfig, articles: TaggedArticle[]): Promise<TaggedArticle[]> {
  if (source.fullText === false || articles.length === 0) return articles;
  const stored = await storedCanonicalUrls(deps.db, articles.map((a) => a.canonicalUrl));
  const wanted = articles.filter((a) => !stored.has(a.canonicalUrl) && wantsFullText(source.fullText, a)).slice(0, maxPagesPerRun);
  if (wanted.length === 0) return articles;
  // Article pages usually live on the feed's own host: the same per-host limit as feed fetches applies.
  const limit = pLimit(deps.config.fetchHostConcurrency);
  const results = new Map(await Promise.all(wanted.map((article) => limit(async () => [article, await fetchBodySafely(deps, source, article)] as const))));
  return articles.map((article) => results.get(article) ?? article);
}

async function fetchBodySafely(deps: PipelineDeps, source: SourceConfig, article: TaggedArticle): Promise<TaggedArticle> {
  try {
    return await fetchBody(deps, source, article);
  } catch (error) {
    // One odd page must not cost the source its run; the reason is kept on the item.
    return failed(deps, article, `extract: ${error instanceof Error ? error.message : String(error)} (${article.url})`);
  }
}

async function fetchBody(deps: PipelineDeps, source: SourceConfig, article: TaggedArticle): Promise<TaggedArticle> {
  const fetched = await fetchText(article.url, fetchPolicyFrom(deps.config));
  if (!fetched.ok) return failed(deps, article, fetched.error.message);
  if (fetched.value.kind !== 'ok') return failed(deps, article, `fetch: unexpected 304 for an unconditional request (${article.url})`);
  const page = fetched.value;
  if (page.contentType && !/html|xml/i.test(page.contentType)) return failed(deps, article, `extract: not an HTML page (${page.contentType}) (${article.url})`);
  const extracted = extractArticle(page.text, page.finalUrl, { zone: source.zone });
  if (extracted.text.length < minBodyChars) {
    return failed(deps, article, `extract: no article text found (${extracted.text.length} chars) (${page.finalUrl})`);
  }
  const published = extracted.published ? new Date(extracted.published) : null;
  return {
    ...article,
    bodyText: extracted.text,
    bodyError: null,
    author: article.author ?? extracted.author,
    publishedAt: article.publishedAt ?? published,
    tags: tagText({ title: article.title, summary: article.summary, body: extracted.text }),
  };
}

function failed(deps: PipelineDeps, article: TaggedArticle, reason: string): TaggedArticle {
  deps.log.warn({ url: article.url, reason }, 'full text: kept the feed text');
  return { ...article, bodyText: null, bodyError: reason };
}
