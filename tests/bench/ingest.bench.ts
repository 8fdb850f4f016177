// `npm run bench -- ingest [--pg URL] [--only pglite|postgres] [--rounds N]`: items/s through parse → normalize →
// dedupe → tag → store for the real feeds in ../shared/corpus/feeds (the synthetic feedparser cases
// left out), on PGlite and on PostgreSQL, next to rss-parser's bare parseString rate on the same
// decoded text in the same run. Stores go through the fetch run's batcher, as in `fetch`: sources
// parsed while a write is in flight share the next one. The clock stops when the last write has
// committed. Each database gets a cold run and N warm runs (default 3), each on a fresh database
// and each between two bare passes, so every ratio compares runs taken a moment apart. Where the
// database's CPU is known (PGlite, or a server on this machine) each run also prints its CPU in all
// and the best ratio that much CPU allows on this machine's cores.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pLimit from 'p-limit';
import Parser from 'rss-parser';
import type { SourceConfig } from '../../src/domain.js';
import { decodeBody } from '../../src/fetch/charset.js';
import type { ArticleParser } from '../../src/pipeline/parse-pool.js';
import { processingConcurrency } from '../../src/pipeline/run-sources.js';
import { createStoreBatcher } from '../../src/pipeline/store-batcher.js';
import type { Db, DbHandle } from '../../src/store/db.js';
import type { SaveResult } from '../../src/store/items-store.js';
import { syncSources } from '../../src/store/sources-store.js';
import { catalogueVersion } from '../../src/tag/catalogue.js';
import { corpusDir, hasCorpus } from '../helpers/fixtures.js';
import { benchParser, cpuSeconds, openBenchDb, parsingMode, serverCpuMeter, serverUrlFrom } from './bench-db.js';

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
  const rounds = roundsFrom(args);
  const bare = await bareParseRate(feeds);
  console.log(`ingest bench: ${feeds.length} real feeds from the corpus`);
  console.log(
    `  rss-parser bare parseString: ${bare.items} items in ${bare.seconds.toFixed(2)} s = ${Math.round(bare.items / bare.seconds)} items/s (median of three passes: ${bare.passes.map((pass) => pass.toFixed(2)).join(', ')} s); each pipeline run below is compared with a bare pass just before and one just after it`,
  );
  for (const kind of databasesFrom(args)) {
    // Parsing as `fetch` does it on this database: PARSE_WORKERS, else a worker beside PostgreSQL and inline with PGlite.
    const parser = benchParser(kind, serverUrlFrom(args));
    try {
      await pipelineRuns(kind, args, feeds, parser, rounds);
    } finally {
      await parser.close();
    }
  }
}

/**
 * A cold run, then `rounds` warm ones, each on a fresh database. The first pays for compiling the
 * pipeline's code (as a `fetch` from system cron does every hour); the others run warm, as the bare
 * passes do (they had a warm-up) and as the long-running server's hourly fetches do. The machine's
 * speed drifts by tens of percent within minutes, so each run is set against the bare passes
 * taken right before and right after it, not against one measured earlier.
 */
async function pipelineRuns(kind: 'pglite' | 'postgres', args: string[], feeds: Feed[], parser: ArticleParser, rounds: number): Promise<void> {
  const warm: Array<{ rate: number; ratio: number }> = [];
  for (let run = 0; run <= rounds; run++) {
    const before = await bareParsePass(feeds);
    const handle = await openBenchDb(kind, serverUrlFrom(args));
    if (!handle) {
      console.log(`  ${kind}: skipped (no DATABASE_URL or --pg URL)`);
      return;
    }
    let figures: PipelineFigures;
    try {
      figures = await runPipeline(handle.db, handle.kind, feeds, parser);
    } finally {
      await handle.close();
    }
    const after = await bareParsePass(feeds);
    const bareRate = (before.items + after.items) / (before.seconds + after.seconds);
    const rate = figures.seen / figures.seconds;
    const s = (value: number) => `${value.toFixed(2)} s`;
    const label = run === 0 ? 'cold run' : `warm run ${run} of ${rounds}`;
    const server = figures.serverCpu === undefined ? '' : `; the database server's backends ${s(figures.serverCpu)} of CPU`;
    console.log(
      `  pipeline on ${kind} (${label}; parsing ${parsingMode(parser)}): ${figures.seen} items (${figures.stored} stored new) in ${s(figures.seconds)} = ${Math.round(rate)} items/s = ${(rate / bareRate).toFixed(2)} × bare parse (bare passes around it ${s(before.seconds)} and ${s(after.seconds)} = ${Math.round(bareRate)} items/s; dedupe+store after the last parse ${s(figures.tail)}; this process ${s(figures.cpu)} of CPU, all threads, its main thread busy ${s(figures.mainBusy)}${server})`,
    );
    // PGlite's database runs in this process, so its CPU is already in this process's; a remote server's is unknown.
    const serverCpu = kind === 'pglite' ? undefined : figures.serverCpu;
    if (kind === 'pglite' || serverCpu !== undefined) console.log(`    ${cpuBudget(figures, serverCpu, (before.seconds + after.seconds) / 2, rate / bareRate)}`);
    for (const [message, count] of figures.storeErrors) console.log(`    store failed for ${count} feeds: ${message}`);
    if (run > 0) warm.push({ rate, ratio: rate / bareRate });
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(
    `  ${kind}, warm runs: median ${Math.round(median(warm.map((w) => w.rate)))} items/s, median ${median(warm.map((w) => w.ratio)).toFixed(2)} × bare parse (bars: ≥ 2,000 items/s on PostgreSQL, ≥ 0.25 × bare)`,
  );
}

/**
 * The run's CPU (this process's threads and, when given, the database server's backends) set against the bare pass and
 * the machine's cores: however the work were scheduled, the run could not end before every core had
 * done its share of it, so that share is a floor under the run time and a ceiling over the ratio.
 */
function cpuBudget(figures: PipelineFigures, serverCpu: number | undefined, barePass: number, ratio: number): string {
  const cores = availableParallelism();
  const total = figures.cpu + (serverCpu ?? 0);
  const floor = total / cores;
  const ceiling = ratio * (figures.seconds / floor);
  const parts = serverCpu === undefined ? 'this process, the embedded database included' : `this process ${figures.cpu.toFixed(2)} + the server's backends ${serverCpu.toFixed(2)}`;
  return `CPU in all ${total.toFixed(2)} s (${parts}) = ${(total / barePass).toFixed(1)} × a bare pass; on ${cores} cores no schedule ends it before ${floor.toFixed(2)} s, a ratio of at most ${ceiling.toFixed(2)} × bare parse (this run used the cores ${Math.round((100 * floor) / figures.seconds)} % of its time)`;
}

interface PipelineFigures {
  seen: number;
  stored: number;
  seconds: number;
  /** Seconds from the last parse to the last commit. */
  tail: number;
  cpu: number;
  /** Seconds the main thread's event loop was busy (the store's side of the writes runs there). */
  mainBusy: number;
  /** CPU seconds of the server backends serving this database, when the server is on this machine. */
  serverCpu?: number;
  storeErrors: Map<string, number>;
}

/**
 * All feeds through decode → parse → normalize → tag (the parser) → the fetch run's store batcher,
 * as `fetch` runs them: a few sources in their CPU half at once, each started only when the batcher
 * has room (back-pressure).
 */
async function runPipeline(db: Db, kind: DbHandle['kind'], feeds: Feed[], parser: ArticleParser): Promise<PipelineFigures> {
  const sources: SourceConfig[] = feeds.map((feed) => ({ slug: feed.slug, name: feed.slug, url: `https://corpus.example/${feed.slug}`, kind: 'feed', language: 'en', zone: 'UTC', weight: 1, fullText: false, enabled: true }));
  await syncSources(db, sources);
  const save = createStoreBatcher(db, { tagVersion: catalogueVersion });
  const processing = pLimit(processingConcurrency(parser.workers));
  const figures: PipelineFigures = { seen: 0, stored: 0, seconds: 0, tail: 0, cpu: 0, mainBusy: 0, storeErrors: new Map() };
  const noteError = (error: unknown) => figures.storeErrors.set(firstLine(error), (figures.storeErrors.get(firstLine(error)) ?? 0) + 1);
  let lastParsed = 0;
  const server = await serverCpuMeter(db, kind);
  const loop = performance.eventLoopUtilization();
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
  figures.mainBusy = performance.eventLoopUtilization(loop).active / 1000;
  figures.serverCpu = await server?.();
  return figures;
}

/** `--rounds N`: warm runs per database (default 3). */
function roundsFrom(args: string[]): number {
  const index = args.indexOf('--rounds');
  const rounds = index >= 0 ? Number(args[index + 1]) : 3;
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`ingest bench: --rounds takes a whole number from 1, not ${args[index + 1]}`);
  return rounds;
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
  for (const feed of feeds.slice(0, 50)) await bareParser.parseString(feed.text).catch(() => undefined);
  let items = 0;
  const passes: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const timed = await bareParsePass(feeds);
    items = timed.items;
    passes.push(timed.seconds);
  }
  const seconds = [...passes].sort((a, b) => a - b)[1]!;
  return { items, seconds, passes };
}

const bareParser = new Parser();

/** One timed pass of rss-parser over every feed. */
async function bareParsePass(feeds: Feed[]): Promise<{ items: number; seconds: number }> {
  let items = 0;
  const started = performance.now();
  for (const feed of feeds) {
    try {
      items += (await bareParser.parseString(feed.text)).items.length;
    } catch {
      // Files rss-parser cannot read count as zero items, as they do in the pipeline.
    }
  }
  return { items, seconds: (performance.now() - started) / 1000 };
}

function firstLine(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  return `${String((error as Error).message ?? error).split('\n')[0]!.slice(0, 120)}${cause ? ` (cause: ${String((cause as Error).message ?? cause).slice(0, 160)})` : ''}`;
}
