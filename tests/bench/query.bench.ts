// `npm run bench -- query [--items 1000000] [--pglite-items 100000] [--skip-pg] [--skip-pglite] [--skip-full-export] [--keep] [--reuse]`
// Loads synthetic tagged news into a dedicated PostgreSQL database (created and dropped here) and
// into an in-memory PGlite, then times the research API's query shapes through the real hono app
// and prints p50/p95/p99, EXPLAIN plans, the trigram-vs-bigram comparison for Chinese and the RSS
// of a full CSV export over a real loopback HTTP server.
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { createApp } from '../../src/api/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { openDb, type DbHandle } from '../../src/store/db.js';
import { rowsOf, toNumber } from '../../src/store/rows.js';
import { capturing, loadItems, planSummary, timeShape } from './query-bench-kit.js';
import { companies, seeded } from './synthetic-news.js';

const end = new Date('2026-11-23T00:00:00Z'); // a Monday: the last loaded week is complete
const log = (line: string) => process.stdout.write(`${line}\n`);
const arg = (args: string[], name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};

const englishQueries = ['"price cut" alibaba', 'deepseek open-sources', 'export controls chips', 'funding round -rumour', 'humanoid', 'regulator approval', 'kimi users', 'price war'];
const chineseQueries = ['文心', '文心一言', '降价', '融资', '阿里巴巴 通义千问', '出口管制', '人形机器人', '智能体'];

function weekLabel(weeksBack: number): string {
  const d = new Date(end.getTime() - (weeksBack + 1) * 7 * 86_400_000 + 3 * 86_400_000);
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

async function runShapes(handle: DbHandle, label: string, options: { fullExport: boolean }) {
  const captured = capturing(handle);
  const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', ROUNDUP_ZONE: 'UTC' });
  const app = createApp({ db: captured.db, dbKind: handle.kind, config, log: createLogger('silent'), now: () => new Date(end.getTime() - 1) });
  const rand = seeded(11);
  const company = () => companies[Math.min(companies.length - 1, Math.floor(companies.length * rand() ** 2.2))]!.slug;
  const fetchJson = async (path: string) => {
    const res = await app.request(path);
    if (res.status !== 200) throw new Error(`${path} → ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ items?: unknown[] }>;
  };
  const perWeek = rowsOf<{ n: unknown }>(await captured.db.execute(sql`select count(*) / 104.0 as n from items where companies && array['alibaba']`));
  const exportWeeks = Math.max(1, Math.round(10_000 / toNumber(perWeek[0]?.n)));
  const shapes: Array<[string, (i: number) => string]> = [
    ['company + week', () => { const w = weekLabel(Math.floor(rand() * 104)); return `/api/items?company=${company()}&from=${w}&to=${w}&limit=50`; }],
    ['topic + range', () => { const a = Math.floor(rand() * 90) + 13; return `/api/items?topic=${['funding', 'pricing', 'chips', 'policy'][Math.floor(rand() * 4)]}&from=${weekLabel(a)}&to=${weekLabel(a - 12)}&limit=50`; }],
    ['q English (newest)', () => `/api/items?q=${encodeURIComponent(englishQueries[Math.floor(rand() * englishQueries.length)]!)}&limit=20`],
    ['q English (relevance)', () => `/api/items?q=${encodeURIComponent(englishQueries[Math.floor(rand() * englishQueries.length)]!)}&sort=relevance&limit=20`],
    ['q Chinese (newest)', () => `/api/items?q=${encodeURIComponent(chineseQueries[Math.floor(rand() * chineseQueries.length)]!)}&limit=20`],
    ['q Chinese (relevance)', () => `/api/items?q=${encodeURIComponent(chineseQueries[Math.floor(rand() * chineseQueries.length)]!)}&sort=relevance&limit=20`],
    ['stories, newest', () => '/api/stories?limit=50'],
    ['stories company + week', () => { const w = weekLabel(Math.floor(rand() * 104)); return `/api/stories?company=${company()}&week=${w}&limit=50`; }],
    ['stories topic + range', () => { const a = Math.floor(rand() * 90) + 13; return `/api/stories?topic=${['funding', 'pricing', 'chips', 'policy'][Math.floor(rand() * 4)]}&from=${weekLabel(a)}&to=${weekLabel(a - 12)}&limit=50`; }],
    ['stories q English', () => `/api/stories?q=${encodeURIComponent(englishQueries[Math.floor(rand() * englishQueries.length)]!)}&limit=20`],
    ['stories q Chinese (rel.)', () => `/api/stories?q=${encodeURIComponent(chineseQueries[Math.floor(rand() * chineseQueries.length)]!)}&sort=relevance&limit=20`],
    ['weekly counts, 26 weeks', () => `/api/stats/weekly?company=${company()}`],
    ['weekly counts, 104 weeks', () => `/api/companies/${company()}/weekly?from=${weekLabel(103)}&to=${weekLabel(0)}`],
  ];
  log(`\n## ${label}: p50 / p95 / p99 / max (ms), 60 requests each through the hono app (load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} on ${cpus().length} cores)`);
  for (const [name, path] of shapes) {
    const t = await timeShape(60, async (i) => fetchJson(path(i)));
    log(`${name.padEnd(26)} ${t.p50.toFixed(1).padStart(7)} ${t.p95.toFixed(1).padStart(7)} ${t.p99.toFixed(1).padStart(7)} ${t.max.toFixed(1).padStart(7)}`);
  }
  let rows = 0;
  const exportTime = await timeShape(10, async () => {
    const w = Math.floor(rand() * (104 - exportWeeks)) + exportWeeks;
    const res = await app.request(`/api/items?company=alibaba&from=${weekLabel(w)}&to=${weekLabel(w - exportWeeks + 1)}&format=csv`);
    rows = (await res.text()).split('\r\n').length - 2;
  }, 1);
  log(`${`CSV export (~${rows} rows)`.padEnd(26)} ${exportTime.p50.toFixed(1).padStart(7)} ${exportTime.p95.toFixed(1).padStart(7)} ${exportTime.p99.toFixed(1).padStart(7)} ${exportTime.max.toFixed(1).padStart(7)}`);

  log(`\n## ${label}: EXPLAIN ANALYZE (one request per shape)`);
  const w = weekLabel(30);
  for (const path of [`/api/items?company=alibaba&from=${w}&to=${w}`, `/api/items?topic=funding&from=${weekLabel(40)}&to=${weekLabel(28)}`, '/api/items?q=%22price%20cut%22%20alibaba', `/api/items?q=${encodeURIComponent('文心一言')}`, `/api/items?q=${encodeURIComponent('文心')}&sort=relevance`, '/api/stats/weekly?company=zhipu', `/api/stories?company=alibaba&week=${w}`, `/api/stories?q=${encodeURIComponent('文心')}`]) {
    captured.take();
    await fetchJson(path);
    const shown = captured.take()[0]!; // the listing or aggregate; a search's snippet query comes after it
    log(`\n${decodeURIComponent(path)}`);
    for (const line of planSummary(await captured.explain(shown.query, shown.params))) log(`    ${line}`);
  }
  await compareCjk(captured, label);
  if (options.fullExport) await fullExport(app, handle);
}

/** Why bigrams and not pg_trgm for Chinese: the same words both ways (the title's trigram index is gone, migration 0019; it could not serve a two-character query anyway). */
async function compareCjk(captured: ReturnType<typeof capturing>, label: string) {
  log(`\n## ${label}: Chinese search, ILIKE on title (a scan) vs bigram tsvector (count of matches, ms)`);
  for (const word of ['文心', '文心一言', '降价', '人形机器人']) {
    const time = async (query: ReturnType<typeof sql>) => {
      const start = performance.now();
      const rows = rowsOf<{ n: unknown }>(await captured.db.execute(query));
      return `${toNumber(rows[0]?.n)} in ${(performance.now() - start).toFixed(1)}`;
    };
    const trgm = await time(sql`select count(*) as n from items where title ilike ${`%${word}%`}`);
    const chars = [...word];
    const phrase = chars.length === 1 ? `'${word}':*` : chars.slice(0, -1).map((c, i) => `'${c}${chars[i + 1]}'`).join(' <-> ');
    const bigram = await time(sql`select count(*) as n from items where search @@ to_tsquery('simple', ${phrase})`);
    log(`${word.padEnd(8)} ILIKE (title only): ${trgm.padEnd(16)} bigrams (title+summary+body): ${bigram}`);
  }
}

/** Every item as CSV over a real loopback server, sampling this process's RSS while it streams. */
async function fullExport(app: ReturnType<typeof createApp>, handle: DbHandle) {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  const start = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/api/items?format=csv`);
  const reader = res.body!.getReader();
  let bytes = 0;
  let lines = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.length;
    for (const byte of chunk.value) if (byte === 10) lines++;
  }
  clearInterval(timer);
  server.close();
  log(`\n## ${handle.kind}: full CSV export over HTTP: ${(lines - 1).toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(0)} MB in ${((performance.now() - start) / 1000).toFixed(1)} s; process RSS ${(before / 1e6).toFixed(0)} MB before, peak ${(peak / 1e6).toFixed(0)} MB`);
}

export async function main(args: string[]) {
  const baseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!args.includes('--skip-pg')) {
    const count = arg(args, '--items', 1_000_000);
    const name = 'cainews_bench_query';
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    // --reuse: keep a database an earlier run left (with --keep) and only migrate it; for iterating on indexes.
    const reuse = args.includes('--reuse') && (await admin`select 1 from pg_database where datname = ${name}`).length > 0;
    if (!reuse) {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.unsafe(`create database ${name}`);
    }
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    log(`# PostgreSQL (${name}), ${count.toLocaleString('en')} items`);
    const handle = await openDb({ databaseUrl: url.toString() });
    try {
      if (!reuse) await loadItems(handle, count, end, log);
      else {
        await handle.db.execute(sql`vacuum analyze items`);
        await handle.db.execute(sql`vacuum analyze item_tag_times`);
      }
      const size = rowsOf<{ table: string; indexes: string }>(await handle.db.execute(sql`select pg_size_pretty(pg_table_size('items')) as table, pg_size_pretty(pg_indexes_size('items')) as indexes`))[0];
      log(`  items table ${size?.table}, its indexes ${size?.indexes}`);
      await runShapes(handle, `PostgreSQL ${count.toLocaleString('en')}`, { fullExport: !args.includes('--skip-full-export') });
    } finally {
      await handle.close();
      if (!args.includes('--keep')) await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
  if (!args.includes('--skip-pglite')) {
    const count = arg(args, '--pglite-items', 100_000);
    log(`\n# PGlite (in memory), ${count.toLocaleString('en')} items`);
    const handle = await openDb({ memory: true });
    try {
      await loadItems(handle, count, end, log);
      await runShapes(handle, `PGlite ${count.toLocaleString('en')}`, { fullExport: false });
    } finally {
      await handle.close();
    }
  }
}
