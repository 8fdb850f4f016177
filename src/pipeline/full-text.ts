/**
 * The per-source `fullText` step: fetch the article page behind an item and keep its extracted body next to
 * the feed summary. `true` fetches every new item, `"auto"` only new items whose feed text is short and that
 * look relevant (a company tag, or an AI word in the title), `false` none. A failed fetch or extraction keeps
 * the feed text and records why in `bodyError`; it never fails the source. A failure that may pass (a
 * timeout, a 503, a reset) is tried again in later runs: 1 h after, then 4 h, then 16 h, then never.
 */
import pLimit from 'p-limit';
import type { SourceConfig, TaggedArticle } from '../domain.js';
import { messageOf } from '../errors.js';
import { fetchText, isTransientFailure } from '../fetch/http-client.js';
import { fetchPolicyFrom } from '../fetch/fetch-policy.js';
import { extractArticle } from '../parse/article/extract-article.js';
import { bodiesDueForRetry, saveRetriedBodies, storedCanonicalUrls, type BodyRetryDue, type RetriedBody } from '../store/full-text-store.js';
import { catalogueVersion } from '../tag/catalogue.js';
import { tagText } from '../tag/matcher.js';
import { aiWords } from '../tag/vocabulary.js';
import type { PipelineDeps } from './deps.js';

/** Feed text shorter than this is a teaser (CNBC and SCMP send a line), so `auto` fetches the page. */
export const shortFeedTextChars = 400;
/** An extraction shorter than this is a caption or a paywall stub, not the article. */
export const minBodyChars = 150;
/** At most this many article pages per source per run (new items first, then retries), so one busy feed cannot flood a publisher. */
export const maxPagesPerRun = 30;
/** The first retry of a page that failed for a passing reason; each later one waits four times longer. */
export const firstBodyRetryMs = 60 * 60_000;
export const maxBodyRetries = 3;

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

/** When to try a failed page again after `retriesSoFar` retries; null once they are used up. */
export function nextBodyRetryAt(retriesSoFar: number, now: Date): Date | null {
  return retriesSoFar >= maxBodyRetries ? null : new Date(now.getTime() + firstBodyRetryMs * 4 ** retriesSoFar);
}

type PageBody = { ok: true; text: string; author: string | null; published: Date | null } | { ok: false; reason: string; transient: boolean };

/**
 * Adds `bodyText` (or `bodyError`) to the new items that want it, then re-tags them with the body;
 * with what is left of the page budget, tries again the stored items whose pages are due a retry.
 */
export async function addFullText(deps: PipelineDeps, source: SourceConfig, articles: TaggedArticle[]): Promise<TaggedArticle[]> {
  if (source.fullText === false) return articles;
  const stored = await storedCanonicalUrls(deps.db, articles.map((a) => a.canonicalUrl));
  const wanted = articles.filter((a) => !stored.has(a.canonicalUrl) && wantsFullText(source.fullText, a)).slice(0, maxPagesPerRun);
  // Article pages usually live on the feed's own host: the same per-host limit as feed fetches applies.
  const limit = pLimit(deps.config.fetchHostConcurrency);
  const results = new Map(await Promise.all(wanted.map((article) => limit(async () => [article, withBody(deps, article, await readPage(deps, source, article.url))] as const))));
  await retryFailedBodies(deps, source, maxPagesPerRun - wanted.length);
  return articles.map((article) => results.get(article) ?? article);
}

/**
 * Fetches again the article pages of this source's stored items that are due a retry, and stores
 * what came back. Never throws: a database failure is logged and the items stay due.
 */
export async function retryFailedBodies(deps: PipelineDeps, source: SourceConfig, budget: number): Promise<void> {
  if (source.fullText === false || budget <= 0) return;
  try {
    const due = await bodiesDueForRetry(deps.db, source.slug, deps.now(), budget);
    const limit = pLimit(deps.config.fetchHostConcurrency);
    const retried = await Promise.all(due.map((item) => limit(async () => retriedBody(deps, item, await readPage(deps, source, item.url)))));
    await saveRetriedBodies(deps.db, retried, catalogueVersion);
  } catch (error) {
    deps.log.warn({ source: source.slug, reason: messageOf(error) }, 'full text: retries not stored; they stay due');
  }
}

function withBody(deps: PipelineDeps, article: TaggedArticle, page: PageBody): TaggedArticle {
  if (!page.ok) {
    deps.log.warn({ url: article.url, reason: page.reason }, 'full text: kept the feed text');
    return { ...article, bodyText: null, bodyError: page.reason, bodyRetryAt: page.transient ? nextBodyRetryAt(0, deps.now()) : null };
  }
  return {
    ...article,
    bodyText: page.text,
    bodyError: null,
    author: article.author ?? page.author,
    publishedAt: article.publishedAt ?? page.published,
    tags: tagText({ title: article.title, summary: article.summary, body: page.text }),
  };
}

function retriedBody(deps: PipelineDeps, item: BodyRetryDue, page: PageBody): RetriedBody {
  const retries = item.bodyRetries + 1;
  const now = deps.now();
  if (!page.ok) return { id: item.id, retries, now, ok: false, bodyError: page.reason, retryAt: page.transient ? nextBodyRetryAt(retries, now) : null };
  return { id: item.id, retries, now, ok: true, bodyText: page.text, author: page.author, tags: tagText({ title: item.title, summary: item.summary, body: page.text }) };
}

/** One article page fetched and extracted; every failure comes back as a reason, never thrown. */
async function readPage(deps: PipelineDeps, source: SourceConfig, url: string): Promise<PageBody> {
  try {
    const fetched = await fetchText(url, fetchPolicyFrom(deps.config));
    if (!fetched.ok) return { ok: false, reason: fetched.error.message, transient: isTransientFailure(fetched.error) };
    if (fetched.value.kind !== 'ok') return { ok: false, reason: `fetch: unexpected 304 for an unconditional request (${url})`, transient: false };
    const page = fetched.value;
    if (page.contentType && !/html|xml/i.test(page.contentType)) return { ok: false, reason: `extract: not an HTML page (${page.contentType}) (${url})`, transient: false };
    const extracted = extractArticle(page.text, page.finalUrl, { zone: source.zone });
    if (extracted.text.length < minBodyChars) {
      return { ok: false, reason: `extract: no article text found (${extracted.text.length} chars) (${page.finalUrl})`, transient: false };
    }
    return { ok: true, text: extracted.text, author: extracted.author, published: extracted.published ? new Date(extracted.published) : null };
  } catch (error) {
    // One odd page must not cost the source its run; the reason is kept on the item.
    return { ok: false, reason: `extract: ${messageOf(error)} (${url})`, transient: false };
  }
}
