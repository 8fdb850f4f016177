import { setImmediate as nextTurn } from 'node:timers/promises';
import type { SourceConfig } from '../domain.js';
import { AppError, err, messageOf } from '../errors.js';
import { fetchPolicyFrom } from '../fetch/fetch-policy.js';
import { FetchError, fetchBody } from '../fetch/http-client.js';
import { saveArticles } from '../store/items-store.js';
import type { SourceRow } from '../store/sources-store.js';
import { catalogueVersion } from '../tag/catalogue.js';
import type { PipelineDeps } from './deps.js';
import { addFullText, maxPagesPerRun, retryFailedBodies } from './full-text.js';
import { inlineParser, type ArticleParser } from './parse-pool.js';
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
  /** Decodes, parses, normalises and tags a body: deps.parser (worker threads) when there is one. */
  parse: ArticleParser['prepare'];
  /** Stores one source's articles; a run batches several sources into one write. */
  save: SaveFn;
}

/** One source on its own: no bound on the CPU half, its own transaction. */
export const directStages = (deps: PipelineDeps): ProcessStages => ({
  prepare: (work) => work(),
  parse: (source, fetched) => (deps.parser ?? inlineParser).prepare(source, fetched),
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
    const { itemsSeen, articles } = await stages.prepare(async () => {
      const prepared = await stages.parse(source, { body: response.body, contentType: response.contentType, finalUrl: response.finalUrl });
      // A turn of the event loop between the CPU-heavy steps: with PGlite nothing here waits on a socket,
      // so without these the fetches in flight would go unread for the whole of parse, tag and store.
      await nextTurn();
      const articles = await addFullText(deps, source, prepared.articles);
      await nextTurn();
      return { itemsSeen: prepared.itemsSeen, articles };
    });
    const saved = await stages.save(articles, deps.now());
    return {
      ...base,
      status: 'ok',
      httpStatus: response.status,
      itemsSeen,
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
