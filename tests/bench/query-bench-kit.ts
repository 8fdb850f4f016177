// Helpers for query.bench.ts: a query-capturing Db, bulk loading, timing and EXPLAIN.
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { Sql } from 'postgres';
import * as schema from '../../db/schema.js';
import type { Db, DbHandle } from '../../src/store/db.js';
import { rowsOf } from '../../src/store/rows.js';
import { ensureSources, ensureStories, insertItems, type FakeItem } from '../helpers/item-factory.js';
import { benchSources, syntheticItems } from './synthetic-news.js';

export interface Captured {
  db: Db;
  /** The SQL statements run since the last call, with their parameters. */
  take(): Array<{ query: string; params: unknown[] }>;
  explain(query: string, params: unknown[]): Promise<string[]>;
}

/** The same connection, wrapped in a drizzle that remembers the last query (for EXPLAIN). */
export function capturing(handle: DbHandle): Captured {
  let seen: Array<{ query: string; params: unknown[] }> = [];
  const logger = { logQuery: (query: string, params: unknown[]) => void seen.push({ query, params }) };
  const take = () => {
    const out = seen;
    seen = [];
    return out;
  };
  const client = (handle.db as unknown as { $client: unknown }).$client;
  if (handle.kind === 'postgres') {
    const pg = client as Sql;
    return {
      db: drizzlePostgres(pg, { schema, logger }) as unknown as Db,
      take,
      explain: async (query, params) => (await pg.unsafe(`explain (analyze, costs off, timing off) ${query}`, params as never[])).map((row) => String(Object.values(row)[0])),
    };
  }
  const lite = client as PGlite;
  return {
    db: drizzlePglite(lite, { schema, logger }) as unknown as Db,
    take,
    explain: async (query, params) => (await lite.query<Record<string, string>>(`explain (analyze, costs off, timing off) ${query}`, params)).rows.map((row) => String(Object.values(row)[0])),
  };
}

/**
 * Loads `count` synthetic items ending at `end`. On PostgreSQL the GIN indexes are dropped first
 * and rebuilt after (the standard bulk-load order: one sorted build beats a million inserts into
 * a GIN), and two connections load in parallel.
 */
export async function loadItems(handle: DbHandle, count: number, end: Date, log: (line: string) => void): Promise<void> {
  const db = handle.db;
  await ensureSources(db, benchSources);
  const gin = handle.kind === 'postgres' ? rowsOf<{ indexname: string; indexdef: string }>(await db.execute(sql`select indexname, indexdef from pg_indexes where tablename = 'items' and indexdef like '%USING gin%'`)) : [];
  for (const index of gin) await db.execute(sql.raw(`drop index ${index.indexname}`));
  // Like the GIN indexes, item_tag_times is filled once after the load rather than row by row.
  if (handle.kind === 'postgres') await db.execute(sql`alter table items disable trigger items_sync_tag_times`);
  const batch = 5000;
  const generator = syntheticItems(count, { end, weeks: 104, seed: 7, firstStoryId: 1 });
  const started = Date.now();
  let loaded = 0;
  const worker = async () => {
    for (;;) {
      const slice: FakeItem[] = [];
      while (slice.length < batch) {
        const step = generator.next();
        if (step.done) break;
        slice.push(step.value);
      }
      if (!slice.length) return;
      const storyIds = [...new Set(slice.map((item) => item.storyId!))];
      await ensureStories(db, storyIds, end);
      await insertItems(db, slice);
      loaded += slice.length;
      if (loaded % 100_000 < slice.length) log(`  loaded ${loaded.toLocaleString('en')} items (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  };
  await Promise.all(handle.kind === 'postgres' ? [worker(), worker()] : [worker()]);
  log(`  ${loaded.toLocaleString('en')} items inserted in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const indexStart = Date.now();
  if (gin.length) await db.execute(sql`set maintenance_work_mem = '256MB'`);
  for (const index of gin) await db.execute(sql.raw(index.indexdef));
  if (handle.kind === 'postgres') {
    await db.execute(sql`
      insert into item_tag_times (kind, tag, seen_at, item_id, story_key)
      select distinct kind, tag, seen_at, id, coalesce(story_id, -id)
      from (select 'company' as kind, unnest(companies) as tag, seen_at, id, story_id from items
            union all select 'topic', unnest(topics), seen_at, id, story_id from items) as tags
      on conflict do nothing`);
    await db.execute(sql`alter table items enable trigger items_sync_tag_times`);
  }
  // The stories' span and counts, as the ingest path keeps them (ensureStories only creates the rows).
  await db.execute(sql`
    update stories s set first_seen_at = a.first_seen, last_seen_at = a.last_seen, item_count = a.n, source_count = a.outlets
    from (select story_id, min(seen_at) as first_seen, max(seen_at) as last_seen, count(*)::int as n, count(distinct source_slug)::int as outlets
          from items where story_id is not null group by story_id) a
    where s.id = a.story_id`);
  await db.execute(sql`vacuum analyze items`);
  await db.execute(sql`vacuum analyze item_tag_times`);
  await db.execute(sql`vacuum analyze stories`);
  log(`  GIN indexes rebuilt, item_tag_times filled, vacuum analyze: ${((Date.now() - indexStart) / 1000).toFixed(1)} s`);
}

/** p50/p95/p99 of `runs` calls, after `warm` unmeasured ones. */
export async function timeShape(runs: number, fn: (i: number) => Promise<unknown>, warm = 3): Promise<{ p50: number; p95: number; p99: number; max: number }> {
  for (let i = 0; i < warm; i++) await fn(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
  return { p50: at(50), p95: at(95), p99: at(99), max: times[times.length - 1]! };
}

/** The plan lines worth reading: scans, joins, sorts and the execution time. */
export function planSummary(lines: string[]): string[] {
  return lines.filter((line) => /Scan|Join|Sort|Limit|Aggregate|Execution Time|Nested Loop|Index Cond|Recheck|Filter:|Heap Fetches/.test(line)).slice(0, 18);
}
