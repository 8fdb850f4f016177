// Per-item story assignment time on PostgreSQL with 10k and then 1M synthetic stored items.
// Items arrive at a constant rate (1,000 a day), so the 7-day window around a new item holds the
// same number of items at both sizes: what may grow with the table is only the index depth.
import { sql } from 'drizzle-orm';
import { fingerprintOf, singleRowTitleKeys, type Fingerprint } from '../../src/dedupe/fingerprint.js';
import { hash32, key52 } from '../../src/dedupe/minhash.js';
import { openDb, type DbHandle } from '../../src/store/db.js';
import { createScratchDatabase } from '../helpers/scratch-db.js';
import { rowsOf } from '../../src/store/rows.js';
import { assignStories, openStories } from '../../src/store/stories-store.js';

const perDay = 1000;
const vocabulary = 5000;
const end = new Date('2026-08-22T00:00:00Z');
const benchDb = 'cainews_bench_dedupe';

export interface ScaleRow {
  stored: number;
  loadSeconds: number;
  perItemMs: { mean: number; p50: number; p95: number };
  joined: number;
}

/** Creates (and at the end drops) a dedicated database, loads, measures, returns the rows. */
export async function measureScale(baseUrl: string, sizes: number[], newItems: number): Promise<ScaleRow[]> {
  const scratch = await createScratchDatabase(baseUrl, benchDb);
  const handle = await openDb({ databaseUrl: scratch.url });
  const rows: ScaleRow[] = [];
  try {
    await prepare(handle);
    let stored = 0;
    let nextId = 1;
    for (const size of sizes) {
      const started = performance.now();
      // Older items go before the ones already loaded, so the newest window keeps its density.
      nextId = await loadItems(handle, { from: stored, count: size - stored, firstId: nextId });
      stored = size;
      const loadSeconds = (performance.now() - started) / 1000;
      const timing = await timeAssignments(handle, { count: newItems, firstId: nextId });
      nextId = (await maxItemId(handle)) + 1;
      rows.push({ stored, loadSeconds, ...timing });
    }
  } finally {
    await handle.close();
    await scratch.drop();
  }
  return rows;
}

async function maxItemId(handle: DbHandle): Promise<number> {
  const rows = rowsOf<{ id: string | number }>(await handle.db.execute(sql`select coalesce(max(id), 0) as id from items`));
  return Number(rows[0]!.id);
}

async function prepare(handle: DbHandle): Promise<void> {
  await handle.db.execute(sql`insert into sources (slug, name, kind, url, language, zone) values ('bench', 'Bench', 'feed', 'https://bench.example/feed', 'en', 'UTC')`);
  // Search indexes play no part in story assignment; without them the bulk load takes seconds, not minutes.
  for (const index of ['items_search_idx', 'items_companies_idx', 'items_topics_idx']) {
    await handle.db.execute(sql.raw(`drop index if exists ${index}`));
  }
}

const signalKeys = Array.from({ length: vocabulary }, (_, i) => key52(`s:w:sig${i}`));
/**
 * The single-value title keys (singleRowTitleKeys of them) are each one headline shingle, and common
 * shingles ("发布") fill their buckets: modelled as keys drawn with the same skew as signals, one
 * vocabulary per position. New items carry them as extra signals, which index under the same keys.
 */
const shingleSignal = (position: number, index: number) => `w:u${position}-${index}`;
const shingleKeys = Array.from({ length: singleRowTitleKeys }, (_, position) =>
  Array.from({ length: vocabulary }, (_, i) => key52(`s:${shingleSignal(position, i)}`)),
);

/**
 * Bulk-loads `count` stored items older than the `from` already loaded, each with a story, a random
 * 88-value signature (two 32-value MinHashes and a headline's 24-hash sketch), 24 LSH band keys,
 * 3 signal keys drawn with a skew (some signals are common, like "OpenAI" or "10%") and 4
 * single-shingle title keys drawn with the same skew, all in single
 * INSERT … SELECT statements over generate_series.
 */
async function loadItems(handle: DbHandle, options: { from: number; count: number; firstId: number }): Promise<number> {
  const { db } = handle;
  const last = options.firstId + options.count - 1;
  const secondsApart = 86_400 / perDay;
  const newest = new Date(end.getTime() - options.from * secondsApart * 1000);
  const pick = `floor(${vocabulary}::float8 * random() ^ 3)::int`;
  await db.transaction(async (tx) => {
    // A bulk load as PostgreSQL's manual advises ("Populating a Database"): no per-row foreign-key
    // triggers (the rows are consistent by construction), secondary indexes dropped and rebuilt
    // once at the end from their own definitions.
    await tx.execute(sql`set local session_replication_role = replica`);
    const indexes = rowsOf<{ name: string; definition: string }>(
      await tx.execute(sql`select indexname as name, indexdef as definition from pg_indexes
        where schemaname = 'public' and tablename in ('items', 'stories', 'item_bands') and indexname not like '%_pkey'`),
    );
    for (const index of indexes) await tx.execute(sql.raw(`drop index ${index.name}`));
    await tx.execute(sql`
      create temporary table bench_new on commit drop as
      select g as id, ${newest.toISOString()}::timestamptz - ((g - ${options.firstId}::bigint + 1) * ${secondsApart}::float8) * interval '1 second' as t,
             (select array_agg(distinct x) from (values (${sql.raw(pick)}), (${sql.raw(pick)}), (${sql.raw(pick)})) v(x) where g > 0) as sig
      from generate_series(${options.firstId}::bigint, ${last}::bigint) g`);
    await tx.execute(sql`insert into stories (id, first_seen_at, last_seen_at, representative_item_id, item_count, source_count)
      select id, t, t, id, 1, 1 from bench_new`);
    await tx.execute(sql`insert into items (id, source_slug, url, canonical_url, title, summary, fetched_at, seen_at, language, content_hash, story_id)
      select id, 'bench', 'https://bench.example/' || id, 'https://bench.example/' || id, 'synthetic item ' || id, '', t, t, 'en', md5(id::text), id from bench_new`);
    await tx.execute(sql`insert into item_fingerprints (item_id, seen_at, language, title_length, digest, signature, strong_signals, weak_signals, title_signals)
      select id, t, 'en', 8, false,
             (select string_agg(int4send((floor(random() * 4294967296) - 2147483648)::int), ''::bytea) from generate_series(1, 64 + 24) where id > 0),
             array(select 'w:sig' || x from unnest(sig) x), '{}'::text[], array(select 'w:sig' || x from unnest(sig) x)
      from bench_new`);
    await tx.execute(sql`insert into item_bands (day, band, item_id)
      select floor(extract(epoch from t) / 86400)::int, floor(random() * 4503599627370496)::bigint, id from bench_new, generate_series(1, 24)
      union all
      select floor(extract(epoch from t) / 86400)::int, (${sql.raw(`array[${signalKeys.join(',')}]::bigint[]`)})[x + 1], id from bench_new, unnest(sig) x
      union all
      select floor(extract(epoch from t) / 86400)::int, (${sql.raw(`array[${shingleKeys.map((keys) => `array[${keys.join(',')}]`).join(',')}]::bigint[][]`)})[p][${sql.raw(pick)} + 1], id
      from bench_new, generate_series(1, ${singleRowTitleKeys}) p`);
    for (const index of indexes) await tx.execute(sql.raw(index.definition));
  });
  await db.execute(sql`select setval('stories_id_seq', (select max(id) from stories))`);
  await db.execute(sql`select setval('items_id_seq', (select max(id) from items))`);
  await db.execute(sql`vacuum analyze`);
  return last + 1;
}

/** Times assignStories for new items at the newest end: 90% new events, 10% copies of a stored item. */
async function timeAssignments(handle: DbHandle, options: { count: number; firstId: number }): Promise<Omit<ScaleRow, 'stored' | 'loadSeconds'>> {
  const { db } = handle;
  const times: number[] = [];
  let joined = 0;
  const warmUp = 10;
  for (let i = 0; i < options.count + warmUp; i++) {
    const seenAt = new Date(end.getTime() + (i + 1) * 60_000);
    const fingerprint = syntheticFingerprint(options.firstId + i, seenAt);
    await db.transaction(async (tx) => {
      // Timed: what the pipeline adds for stories (open a story, decide, join or merge, store keys).
      // The item insert itself is the same with or without stories and is left out.
      let started = performance.now();
      const [storyId] = await openStories(tx, [seenAt]);
      let elapsed = performance.now() - started;
      const url = `https://bench.example/new/${options.firstId + i}`;
      const inserted = rowsOf<{ id: string | number }>(
        await tx.execute(sql`insert into items (source_slug, url, canonical_url, title, fetched_at, seen_at, language, content_hash, story_id)
          values ('bench', ${url}, ${url}, 'new', ${seenAt.toISOString()}, ${seenAt.toISOString()}, 'en', 'h', ${storyId}) returning id`),
      );
      started = performance.now();
      const [assignment] = await assignStories(tx, [{ id: Number(inserted[0]!.id), storyId: storyId!, fingerprint }]);
      elapsed += performance.now() - started;
      if (i < warmUp) return;
      times.push(elapsed);
      if (assignment!.kind !== 'new') joined++;
    });
  }
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { perItemMs: { mean: times.reduce((a, b) => a + b, 0) / times.length, p50: at(0.5), p95: at(0.95) }, joined };
}

/** A new item: one of ten is the same text as the item before it (it joins), the rest are new events. */
function syntheticFingerprint(i: number, seenAt: Date): Fingerprint {
  const base = i % 10 === 9 ? i - 1 : i;
  const words = Array.from({ length: 12 }, (_, k) => `w${hash32(`${base}:${k}`) % 200_000}`).join(' ');
  const skewed = (seed: string) => Math.floor(vocabulary * (hash32(seed) / 2 ** 32) ** 3);
  const signal = `sig${skewed(`sig:${base}`)}`;
  const shingles = Array.from({ length: singleRowTitleKeys }, (_, position) => shingleSignal(position, skewed(`u${position}:${base}`)));
  const fingerprint = fingerprintOf({ title: `${words} ${signal}`, text: words, language: 'en', seenAt });
  return { ...fingerprint, signals: { ...fingerprint.signals, strong: [...fingerprint.signals.strong.filter((s) => !s.startsWith('w:')), `w:${signal}`, ...shingles] } };
}

