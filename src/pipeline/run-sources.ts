import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import pLimit from 'p-limit';
import type { SourceConfig } from '../domain.js';
import { messageOf } from '../errors.js';
import { ByteBudget } from '../jobs/byte-budget.js';
import { finishRun, recordAttempt, startRun, type RunRow } from '../store/runs-store.js';
import { claimDueSources, recordSourceOutcome, releaseLeases } from '../store/sources-store.js';
import type { PipelineDeps } from './deps.js';
import { catalogueVersion } from '../tag/catalogue.js';
import { fetchSource, processFetched, type Fetched, type IngestOutcome, type ProcessStages } from './ingest-source.js';
import { inlineParser } from './parse-pool.js';
import { createStoreBatcher } from './store-batcher.js';

export interface RunSummary {
  run: RunRow;
  outcomes: IngestOutcome[];
}

/** A lease long enough for the slowest source (timeout × retries); a crashed worker's claim expires after it. */
const leaseMs = 15 * 60_000;

/**
 * Sources in their CPU half at once: two keep one parsing thread busy while a body's full text
 * downloads; with parse workers, one more than there are workers keeps each of them fed.
 */
export const processingConcurrency = (workers: number) => Math.max(2, workers + 1);

/**
 * Downloaded bodies waiting for a processing slot, at most about this many bytes: when parsing and
 * storing fall behind, new fetches wait rather than pile bodies up (300 typical feeds come to 10–25 MB).
 */
const waitingBodiesBytes = 32 * 1024 * 1024;

/**
 * One fetch run over the due sources (or the named ones): claims them, ingests each with a global
 * and a per-host concurrency limit, and records every outcome. One source's failure never stops the others.
 * When `signal` aborts (SIGTERM), sources already being fetched finish and are recorded; the rest are
 * handed back untouched for the next run, so nothing is half-written.
 */
export async function runSources(deps: PipelineDeps, options: { trigger: string; slugs?: string[]; runId?: number; signal?: AbortSignal }): Promise<RunSummary> {
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const runId = options.runId ?? (await startRun(deps.db, options.trigger, deps.now()));
  const configs = new Map(deps.sources.map((source) => [source.slug, source]));
  const claimed = await claimDueSources(deps.db, { now: deps.now(), owner, leaseMs, slugs: options.slugs });
  // Network and processing are limited apart: a source stuck until its timeout holds only a network
  // slot, while bodies already downloaded are parsed and stored (CPU, database) a few at a time.
  const network = pLimit(deps.config.fetchConcurrency);
  // Stores go through one batcher: sources parsed while a write is in flight share the next one.
  const save = createStoreBatcher(deps.db, { tagVersion: catalogueVersion });
  const parser = deps.parser ?? inlineParser;
  const processing = pLimit(processingConcurrency(parser.workers));
  // A source is parsed only once the batcher has room: when the database is the slower side, bodies
  // wait as bytes under the byte budget (and fetching pauses) instead of as parsed items in memory.
  const stages: ProcessStages = { prepare: (work) => processing(async () => (await save.whenRoom(), work())), parse: (source, fetched) => parser.prepare(source, fetched), save };
  const waiting = new ByteBudget(waitingBodiesBytes);
  const perHost = new Map<string, ReturnType<typeof pLimit>>();
  // Per-host limits wrap the network one, so a busy host queues its own sources without holding global slots.
  const hostLimit = (url: string) => {
    const host = new URL(url).host;
    if (!perHost.has(host)) perHost.set(host, pLimit(deps.config.fetchHostConcurrency));
    return perHost.get(host)!;
  };
  const skipped: string[] = [];
  const results = await Promise.all(
    claimed.map(async (row) => {
      const config: SourceConfig = configs.get(row.slug) ?? rowAsConfig(row);
      const attempt = await hostLimit(config.url)(() =>
        network(async () => {
          await waiting.whenBelow();
          if (options.signal?.aborted) return undefined;
          return { startedAt: deps.now(), fetched: await fetchSource(deps, config, row) };
        }),
      );
      if (attempt === undefined) {
        skipped.push(row.slug);
        return undefined;
      }
      const bytes = attempt.fetched.ok && attempt.fetched.value.kind === 'ok' ? attempt.fetched.value.body.byteLength : 0;
      waiting.hold(bytes);
      // Back to the event loop between sources: with PGlite the store runs in this thread and every
      // await resolves as a microtask, so without this the queue of parses and stores would run end
      // to end while sockets go unread and healthy fetches hit their timeouts.
      await nextTurn();
      // The body is only needed until it is parsed: its bytes leave the budget then, not when the
      // batched write that stores its items commits.
      let held = bytes;
      const releaseBody = () => {
        waiting.release(held);
        held = 0;
      };
      const sourceStages: ProcessStages = {
        ...stages,
        prepare: (work) =>
          stages.prepare(async () => {
            try {
              return await work();
            } finally {
              releaseBody();
            }
          }),
      };
      try {
        return await processAndRecord(deps, sourceStages, { runId, config, ...attempt });
      } finally {
        releaseBody();
      }
    }),
  );
  await releaseLeases(deps.db, owner, skipped);
  const stopped = skipped.length > 0 ? `stopped before ${skipped.length} of ${claimed.length} sources; they are left for the next run` : undefined;
  const run = await finishRun(deps.db, runId, deps.now(), { stopped });
  return { run, outcomes: results.filter((outcome): outcome is IngestOutcome => outcome !== undefined) };
}

async function processAndRecord(deps: PipelineDeps, stages: ProcessStages, job: { runId: number; config: SourceConfig; startedAt: Date; fetched: Fetched }): Promise<IngestOutcome> {
  const { runId, config, startedAt } = job;
  let outcome: IngestOutcome;
  try {
    outcome = await processFetched(deps, config, job.fetched, stages);
  } catch (error) {
    outcome = { slug: config.slug, status: 'error', httpStatus: null, itemsSeen: 0, itemsNew: 0, itemsUpdated: 0, error: `pipeline: ${messageOf(error)}` };
  }
  const finishedAt = deps.now();
  await recordSourceOutcome(deps.db, config.slug, { ...outcome, ok: outcome.status !== 'error' }, finishedAt);
  await recordAttempt(deps.db, {
    runId,
    sourceSlug: config.slug,
    status: outcome.status,
    httpStatus: outcome.httpStatus,
    startedAt,
    finishedAt,
    itemsSeen: outcome.itemsSeen,
    itemsNew: outcome.itemsNew,
    itemsUpdated: outcome.itemsUpdated,
    error: outcome.error,
  });
  deps.log.info({ source: config.slug, status: outcome.status, new: outcome.itemsNew, error: outcome.error ?? undefined }, 'source fetched');
  return outcome;
}

function rowAsConfig(row: { slug: string; name: string; url: string; kind: string; language: string; zone: string; weight: number; enabled: boolean }): SourceConfig {
  return { slug: row.slug, name: row.name, url: row.url, kind: row.kind === 'html' ? 'html' : 'feed', language: row.language, zone: row.zone, weight: row.weight, fullText: false, enabled: row.enabled };
}

/** One line per source and a total, as the `fetch` command prints them. */
export function formatRunSummary(summary: RunSummary): string[] {
  const lines = summary.outcomes.map((o) => {
    const counts = o.status === 'error' ? o.error : `${o.itemsSeen} seen, ${o.itemsNew} new, ${o.itemsUpdated} updated`;
    return `${o.slug.padEnd(20)} ${o.status.padEnd(12)} ${o.httpStatus ?? '-'} ${counts}`;
  });
  const { run } = summary;
  lines.push(`total: ${run.sourcesTotal} sources, ${run.sourcesOk} ok, ${run.sourcesFailed} failed, ${run.itemsNew} new items (run ${run.id}, ${run.status})${run.error ? `: ${run.error}` : ''}`);
  return lines;
}
