import { openDb, type DbHandle } from '../../src/store/db.js';
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
