import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ParsedFeed, SourceConfig, TaggedArticle } from '../domain.js';
import { AppError, err, messageOf } from '../errors.js';
import { fetchPolicyFrom } from '../fetch/fetch-policy.js';
import { decodeBody } from '../fetch/charset.js';
import { FetchError, fetchBody, type BodyOutcome } from '../fetch/http-client.js';
import { toArticle } from '../normalize/to-article.js';
import { parseFeed } from '../parse/feed.js';
import { parseHtmlListing } from '../parse/html-listing.js';
import { saveArticles } from '../store/items-store.js';
import type { SourceRow } from '../store/sources-store.js';
import { catalogueVersion } from '../tag/catalogue.js';
import { tagText } from '../tag/matcher.js';
import type { PipelineDeps } from './deps.js';
import { addFullText, maxPagesPerRun, retryFailedBodies } from './full-text.js';
import type { SaveFn } from './store-batcher.js';

export interface IngestOutcome {
  slug: string;
  status: 'ok' | 'not_modified' | 'error';
  httpStatus: number | null;
  itemsSeen: number;
  itemsNew: number;
  itemsUpdated: number;
  error: string | null;
  validators?: { etag?: string | null; lastModified?: string | null };
  disable?: string;
  retryAfterMs?: number | null;
}

/** fetch → parse → normalize → tag → store for one source. Never throws: failures come back as values. */
export async function ingestSource(deps: PipelineDeps, source: SourceConfig, row: Pick<SourceRow, 'etag' | 'lastModified'>): Promise<IngestOutcome> {
  return processFetched(deps, source, await fetchSource(deps, source, row));
}

export type Fetched = Awaited<ReturnType<typeof fetchBody>>;

/** The network half: one source's bytes under the fetch policy, not yet decoded (bounded by the run's network limits). */
export async function fetchSource(deps: PipelineDeps, source: SourceConfig, row: Pick<SourceRow, 'etag' | 'lastModified'>): Promise<Fetched> {
  try {
    return await fetchBody(source.url, fetchPolicyFrom(deps.config), row);
  } catch (error) {
    // fetchBody returns expected failures as values; anything thrown is a bug, still recorded on the source.
    return err(new FetchError(`fetch: ${messageOf(error)} (${source.url})`, { kind: 'network' }));
  }
}

/** How processFetched runs its two halves; a fetch run shares both across its sources. */
export interface ProcessStages {
  /** Runs the CPU half (decode, parse, normalize, tag, full text); a run bounds how many go at once. */
  prepare: <T>(work: () => Promise<T>) => Promise<T>;
  /** Stores one source's articles; a run batches several sources into one write. */
  save: SaveFn;
}

/** One source on its own: no bound on the CPU half, its own transaction. */
export const directStages = (deps: PipelineDeps): ProcessStages => ({
  prepare: (work) => work(),
  save: (articles, now) => saveArticles(deps.db, articles, { now, tagVersion: catalogueVersion }),
});

/** The CPU-and-database half: decode → parse → normalize → tag → store what fetchSource brought back. */
export async function processFetched(deps: PipelineDeps, source: SourceConfig, fetched: Fetched, stages: ProcessStages = directStages(deps)): Promise<IngestOutcome> {
  const base = { slug: source.slug, itemsSeen: 0, itemsNew: 0, itemsUpdated: 0 };
  if (!fetched.ok) {
    const status = fetched.error.status;
    return {
      ...base,
      status: 'error',
      httpStatus: status,
      error: fetched.error.message,
      disable: status === 410 ? `gone: ${source.url} answered 410 Gone` : undefined,
      retryAfterMs: fetched.error.retryAfterMs,
    };
  }
  if (fetched.value.kind === 'not_modified') {
    // Nothing new in the feed, but article pages that failed in an earlier run may be due again.
    await retryFailedBodies(deps, source, maxPagesPerRun);
    return { ...base, status: 'not_modified', httpStatus: 304, error: null };
  }
  const response = fetched.value;
  try {
    const { feed, articles } = await stages.prepare(async () => {
      const feed = await parseSource(source, response);
      // A turn of the event loop between the CPU-heavy steps: with PGlite nothing here waits on a socket,
      // so without these the fetches in flight would go unread for the whole of parse, tag and store.
      await nextTurn();
      const articles = await addFullText(deps, source, toTaggedArticles(feed, source));
      await nextTurn();
      return { feed, articles };
    });
    const saved = await stages.save(articles, deps.now());
    return {
      ...base,
      status: 'ok',
      httpStatus: response.status,
      itemsSeen: feed.items.length,
      itemsNew: saved.inserted,
      itemsUpdated: saved.updated,
      error: null,
      validators: response.validators,
    };
  } catch (error) {
    const message = error instanceof AppError ? error.message : `store: ${messageOf(error)}`;
    return { ...base, status: 'error', httpStatus: response.status, error: `${message} (${source.url})` };
  }
}

async function parseSource(source: SourceConfig, response: Extract<BodyOutcome, { kind: 'ok' }>): Promise<ParsedFeed> {
  // Decoded only now, just before parsing, so feeds waiting for a parse slot stay compact bytes.
  const text = decodeBody(response.body, response.contentType);
  if (source.kind === 'html' && source.selectors) {
    return parseHtmlListing(text, response.finalUrl, source.selectors, source.zone);
  }
  return parseFeed(text, { zone: source.zone, baseUrl: response.finalUrl });
}

/** Normalises and tags parsed items; items without a usable link are dropped here. */
export function toTaggedArticles(feed: ParsedFeed, source: Pick<SourceConfig, 'slug' | 'language'>): TaggedArticle[] {
  const articles: TaggedArticle[] = [];
  for (const item of feed.items) {
    const article = toArticle(item, source);
    if (!article) continue;
    articles.push({ ...article, tags: tagText({ title: article.title, summary: article.summary, body: article.bodyText }) });
  }
  return articles;
}
