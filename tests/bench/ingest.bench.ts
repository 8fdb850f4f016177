// `npm run bench -- ingest [--pg URL] [--only pglite|postgres]`: items/s through parse → normalize → dedupe → tag → store for
// the real feeds in ../shared/corpus/feeds (the synthetic feedparser cases left out), on PGlite and on
// PostgreSQL, next to rss-parser's bare parseString rate on the same decoded text in the same run.
// Stores go through the fetch run's batcher, as in `fetch`: sources parsed while a write is in
// flight share the next one. The clock stops when the last write has committed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'rss-parser';
import type { SourceConfig } from '../../src/domain.js';
import { decodeBody } from '../../src/fetch/charset.js';
import { parseFeed } from '../../src/parse/feed.js';
import { toTaggedArticles } from '../../src/pipeline/ingest-source.js';
import { createStoreBatcher } from '../../src/pipeline/store-batcher.js';
import type { SaveResult } from '../../src/store/items-store.js';
import { syncSources } from '../../src/store/sources-store.js';
import { catalogueVersion } from '../../src/tag/catalogue.js';
import { corpusDir, hasCorpus } from '../helpers/fixtures.js';
import { cpuSeconds, openBenchDb, serverUrlFrom } from './bench-db.js';

interface Feed {
  slug: string;
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
  console.log(`  rss-parser bare parseString: ${bare.items} items in ${bare.seconds.toFixed(2)} s = ${Math.round(bare.items / bare.seconds)} items/s`);
  for (const kind of databasesFrom(args)) {
    const handle = await openBenchDb(kind, serverUrlFrom(args));
    if (!handle) {
      console.log(`  ${kind}: skipped (no DATABASE_URL or --pg URL)`);
      continue;
    }
    try {
      const sources: SourceConfig[] = feeds.map((feed) => ({ slug: feed.slug, name: feed.slug, url: `https://corpus.example/${feed.slug}`, kind: 'feed', language: 'en', zone: 'UTC', weight: 1, fullText: false, enabled: true }));
      await syncSources(handle.db, sources);
      const save = createStoreBatcher(handle.db, { tagVersion: catalogueVersion });
      const timing = { parse: 0, normalizeTag: 0 };
      let seen = 0;
      let stored = 0;
      const storeErrors = new Map<string, number>();
      const saves: Array<Promise<SaveResult | undefined>> = [];
      const started = performance.now();
      const cpu = process.cpuUsage();
      for (const feed of feeds) {
        // A body arriving from the network is an event-loop turn: writes in flight make progress here.
        await new Promise((resolve) => setImmediate(resolve));
        let t = performance.now();
        let parsed;
        try {
          parsed = await parseFeed(feed.text, { baseUrl: `https://corpus.example/${feed.slug}` });
        } catch {
          continue;
        }
        timing.parse += performance.now() - t;
        t = performance.now();
        const articles = toTaggedArticles(parsed, { slug: feed.slug, language: 'en' });
        timing.normalizeTag += performance.now() - t;
        seen += parsed.items.length;
        saves.push(
          save(articles, new Date()).catch((error: unknown) => {
            // The pipeline records a failed store on the source and goes on; so does the bench, and says so.
            storeErrors.set(firstLine(error), (storeErrors.get(firstLine(error)) ?? 0) + 1);
            return undefined;
          }),
        );
      }
      const parsedAll = performance.now();
      for (const result of await Promise.all(saves)) stored += result?.inserted ?? 0;
      const finished = performance.now();
      const seconds = (finished - started) / 1000;
      const rate = seen / seconds;
      const ms = (value: number) => `${(value / 1000).toFixed(2)} s`;
      console.log(
        `  pipeline on ${kind}: ${seen} items (${stored} stored new) in ${seconds.toFixed(2)} s = ${Math.round(rate)} items/s = ${(rate / (bare.items / bare.seconds)).toFixed(2)} × bare parse (parse ${ms(timing.parse)}, normalize+tag ${ms(timing.normalizeTag)}, dedupe+store after the last parse ${ms(finished - parsedAll)}; ${cpuSeconds(cpu).toFixed(2)} s of this process's CPU)`,
      );
      for (const [message, count] of storeErrors) console.log(`    store failed for ${count} feeds: ${message}`);
    } finally {
      await handle.close();
    }
  }
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
    .map((path, index) => ({ slug: `f${index}`, text: decodeBody(readFileSync(path)) }));
}

async function bareParseRate(feeds: Feed[]): Promise<{ items: number; seconds: number }> {
  const parser = new Parser();
  let items = 0;
  // One untimed pass first, so neither side of the comparison pays for JIT warm-up.
  for (const feed of feeds.slice(0, 50)) await parser.parseString(feed.text).catch(() => undefined);
  const started = performance.now();
  for (const feed of feeds) {
    try {
      items += (await parser.parseString(feed.text)).items.length;
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
