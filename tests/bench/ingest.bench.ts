// `npm run bench -- ingest [--pg URL] [--only pglite|postgres]`: items/s through parse → normalize → dedupe → tag → store for
// the real feeds in ../shared/corpus/feeds (the synthetic feedparser cases left out), on PGlite and on
// PostgreSQL, next to rss-parser's bare parseString rate on the same decoded text in the same run.
// Stores go through the fetch run's batcher, as in `fetch`: sources parsed while a write is in
// flight share the next one. The clock stops when the last write has committed. Each database gets
// a cold run and a warm run (see main).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pLimit from 'p-limit';
import Parser from 'rss-parser';
import type { SourceConfig } from '../../src/domain.js';
import { decodeBody } from '../../src/fetch/charset.js';
import type { ArticleParser } from '../../src/pipeline/parse-pool.js';
import { processingConcurrency } from '../../src/pipeline/run-sources.js';
import { createStoreBatcher } from '../../src/pipeline/store-batcher.js';
import type { Db } from '../../src/store/db.js';
import type { SaveResult } from '../../src/store/items-store.js';
import { syncSources } from '../../src/store/sources-store.js';
import { catalogueVersion } from '../../src/tag/catalogue.js';
import { corpusDir, hasCorpus } from '../helpers/fixtures.js';
import { benchParser, cpuSeconds, openBenchDb, parsingMode, serverUrlFrom } from './bench-db.js';

interface Feed {
  slug: string;
  /** The file's bytes, as a fetch brings them (the pipeline decodes them). */
  bytes: Buffer;
  /** The decoded text, for the bare parse. */
  text: string;
}

export async function main(args: string[]): Promise<void> {
  if (!hasCorpus) {
    console.log(`ingest bench: ${corpusDir} is absent; nothing to measure`);
    return;
  }
  const feeds = await loadRealFeeds();
  const bare = await bareParseRate(feeds);
  console.log(`ingest bench: ${feeds.length} real feeds from the corpus`);
  console.log(
    `  rss-parser bare parseString: ${bare.items} items in ${bare.seconds.toFixed(2)} s = ${Math.round(bare.items / bare.seconds)} items/s (median of three passes: ${bare.passes.map((pass) => pass.toFixed(2)).join(', ')} s)`,
  );
  const bareRate = bare.items / bare.seconds;
  for (const kind of databasesFrom(args)) {
    // Parsing as `fetch` does it on this database: PARSE_WORKERS, else a worker beside PostgreSQL and inline with PGlite.
    const parser = benchParser(kind, serverUrlFrom(args));
    try {
      await pipelineRuns(kind, args, feeds, parser, bareRate);
    } finally {
      await parser.close();
    }
  }
}

async function pipelineRuns(kind: 'pglite' | 'postgres', args: string[], feeds: Feed[], parser: ArticleParser, bareRate: number): Promise<void> {
  // Twice, each on a fresh database: the first run pays for compiling the pipeline's code (as a
  // `fetch` from system cron does every hour); the second runs warm, as the bare parse does (it
  // had its warm-up pass) and as the long-running server's hourly fetches do.
  for (const run of ['first run, cold', 'second run, warm'] as const) {
    const handle = await openBenchDb(kind, serverUrlFrom(args));
    if (!handle) {
      console.log(`  ${kind}: skipped (no DATABASE_URL or --pg URL)`);
      return;
    }
    try {
      const figures = await runPipeline(handle.db, feeds, parser);
      const rate = figures.seen / figures.seconds;
      const s = (value: number) => `${value.toFixed(2)} s`;
      console.log(
        `  pipeline on ${kind} (${run}; parsing ${parsingMode(parser)}): ${figures.seen} items (${figures.stored} stored new) in ${s(figures.seconds)} = ${Math.round(rate)} items/s = ${(rate / bareRate).toFixed(2)} × bare parse (dedupe+store after the last parse ${s(figures.tail)}; ${s(figures.cpu)} of this process's CPU, all threads)`,
      );
      for (const [message, count] of figures.storeErrors) console.log(`    store failed for ${count} feeds: ${message}`);
    } finally {
      await handle.close();
    }
  }
}

interface PipelineFigures {
  seen: number;
  stored: number;
  seconds: number;
  /** Seconds from the last parse to the last commit. */
  tail: number;
  cpu: number;
  storeErrors: Map<string, number>;
}

/**
 * All feeds through decode → parse → normalize → tag (the parser) → the fetch run's store batcher,
 * as `fetch` runs them: a few sources in their CPU half at once, each started only when the batcher
 * has room (back-pressure).
 */
async function runPipeline(db: Db, feeds: Feed[], parser: ArticleParser): Promise<PipelineFigures> {
  const sources: SourceConfig[] = feeds.map((feed) => ({ slug: feed.slug, name: feed.slug, url: `https://corpus.example/${feed.slug}`, kind: 'feed', language: 'en', zone: 'UTC', weight: 1, fullText: false, enabled: true }));
  await syncSources(db, sources);
  const save = createStoreBatcher(db, { tagVersion: catalogueVersion });
  const processing = pLimit(processingConcurrency(parser.workers));
  const figures: PipelineFigures = { seen: 0, stored: 0, seconds: 0, tail: 0, cpu: 0, storeErrors: new Map() };
  const noteError = (error: unknown) => figures.storeErrors.set(firstLine(error), (figures.storeErrors.get(firstLine(error)) ?? 0) + 1);
  let lastParsed = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const results = await Promise.all(
    sources.map(async (source, index) => {
      const prepared = await processing(async () => {
        await save.whenRoom();
        // A body arriving from the network is an event-loop turn: writes in flight make progress here.
        await new Promise((resolve) => setImmediate(resolve));
        return parser.prepare(source, { body: feeds[index]!.bytes, contentType: null, finalUrl: source.url }).catch(() => undefined);
      });
      lastParsed = performance.now();
      if (!prepared) return undefined;
      figures.seen += prepared.itemsSeen;
      // The pipeline records a failed store on the source and goes on; so does the bench, and says so.
      return save(prepared.articles, new Date()).catch((error: unknown) => (noteError(error), undefined));
    }),
  );
  for (const result of results) figures.stored += result?.inserted ?? 0;
  const finished = performance.now();
  figures.seconds = (finished - started) / 1000;
  figures.tail = (finished - lastParsed) / 1000;
  figures.cpu = cpuSeconds(cpu);
  return figures;
}

/** Both databases, or the one `--only pglite|postgres` names (to profile one side). */
function databasesFrom(args: string[]): Array<'pglite' | 'postgres'> {
  const only = args[args.indexOf('--only') + 1];
  if (args.includes('--only') && (only === 'pglite' || only === 'postgres')) return [only];
  return ['pglite', 'postgres'];
}

async function loadRealFeeds(): Promise<Feed[]> {
  const root = join(corpusDir, 'feeds');
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  return walk(root)
    .filter((path) => !path.includes(`${join('feedparser', 'tests')}`) && !path.endsWith('.json'))
    .map((path, index) => {
      const bytes = readFileSync(path);
      return { slug: `f${index}`, bytes, text: decodeBody(bytes) };
    });
}

/**
 * rss-parser alone over every feed: the median of three timed passes (one pass swung ±20% between
 * runs on a shared two-core machine), after an untimed warm-up pass so it does not pay for JIT warm-up.
 */
async function bareParseRate(feeds: Feed[]): Promise<{ items: number; seconds: number; passes: number[] }> {
  const parser = new Parser();
  for (const feed of feeds.slice(0, 50)) await parser.parseString(feed.text).catch(() => undefined);
  let items = 0;
  const passes: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    items = 0;
    const started = performance.now();
    for (const feed of feeds) {
      try {
        items += (await parser.parseString(feed.text)).items.length;
      } catch {
        // Files rss-parser cannot read count as zero items, as they do in the pipeline.
      }
    }
    passes.push((performance.now() - started) / 1000);
  }
  const seconds = [...passes].sort((a, b) => a - b)[1]!;
  return { items, seconds, passes };
}

function firstLine(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  return `${String((error as Error).message ?? error).split('\n')[0]!.slice(0, 120)}${cause ? ` (cause: ${String((cause as Error).message ?? cause).slice(0, 160)})` : ''}`;
}
