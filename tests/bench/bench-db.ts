import postgres from 'postgres';
import { openDb, type DbHandle } from '../../src/store/db.js';

/**
 * The databases a bench runs on: in-memory PGlite always, and a scratch database on the PostgreSQL
 * server at DATABASE_URL (or --pg URL) when one is given, dropped afterwards.
 */
export async function openBenchDb(kind: 'pglite' | 'postgres', serverUrl: string | undefined): Promise<DbHandle | undefined> {
  if (kind === 'pglite') return openDb({ memory: true });
  if (!serverUrl) return undefined;
  const name = `cainews_bench_${process.pid}_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDb({ databaseUrl: url.toString() });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const again = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`);
      await again.end();
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
