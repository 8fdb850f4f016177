import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../src/config.js';
import { createArticleParser, type ArticleParser } from '../../src/pipeline/parse-pool.js';
import { openDb, type Db, type DbHandle } from '../../src/store/db.js';
import { rowsOf } from '../../src/store/rows.js';
import { createScratchDatabase } from '../helpers/scratch-db.js';

/**
 * The databases a bench runs on: in-memory PGlite always, and a scratch database on the PostgreSQL
 * server at DATABASE_URL (or --pg URL) when one is given, dropped afterwards.
 */
export async function openBenchDb(kind: 'pglite' | 'postgres', serverUrl: string | undefined): Promise<DbHandle | undefined> {
  if (kind === 'pglite') return openDb({ memory: true });
  if (!serverUrl) return undefined;
  const scratch = await createScratchDatabase(serverUrl, `cainews_bench_${process.pid}_${Date.now()}`);
  const handle = await openDb({ databaseUrl: scratch.url });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}

/** `--pg URL` from the bench's arguments, else DATABASE_URL. */
export function serverUrlFrom(args: string[]): string | undefined {
  const index = args.indexOf('--pg');
  return index >= 0 ? args[index + 1] : process.env.DATABASE_URL || undefined;
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** CPU seconds (user + system) this process used since `since` (a process.cpuUsage() reading). */
export function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/** The parser `fetch` would use on this database: PARSE_WORKERS when set, else the service's default. */
export function benchParser(kind: 'pglite' | 'postgres', serverUrl: string | undefined): ArticleParser {
  const config = loadConfig({ DATABASE_URL: kind === 'postgres' ? serverUrl : undefined, PARSE_WORKERS: process.env.PARSE_WORKERS });
  return createArticleParser(config.parseWorkers);
}

/** How a bench's bodies are parsed, for its report. */
export function parsingMode(parser: ArticleParser): string {
  return parser.workers > 0 ? `on ${parser.workers} worker thread${parser.workers > 1 ? 's' : ''}` : 'inline, on the main thread';
}

/**
 * A meter of the CPU used by the PostgreSQL backends serving this database since it was made, in
 * seconds, when the server runs on this machine (its processes readable in /proc); undefined for
 * PGlite or a remote server. Backends that connect later count from their start.
 */
export async function serverCpuMeter(db: Db, kind: DbHandle['kind']): Promise<(() => Promise<number>) | undefined> {
  if (kind !== 'postgres') return undefined;
  const backends = async () =>
    rowsOf<{ pid: number | string }>(await db.execute(sql`select pid from pg_stat_activity where datname = current_database()`)).map((row) => Number(row.pid));
  const start = new Map<number, number>();
  for (const pid of await backends()) {
    const ticks = backendTicks(pid);
    if (ticks === undefined) return undefined;
    start.set(pid, ticks);
  }
  return async () => {
    let ticks = 0;
    for (const pid of await backends()) ticks += (backendTicks(pid) ?? 0) - (start.get(pid) ?? 0);
    return ticks / 100;
  };
}

/** user + system clock ticks (1/100 s) of a local postgres process, from /proc; undefined when it is not one. */
function backendTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (!stat.includes('(postgres)')) return undefined;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}
