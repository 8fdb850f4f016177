import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { openDb, type DbHandle } from '../../src/store/db.js';
import { createScratchDatabase } from './scratch-db.js';

export { createScratchDatabase };

/** The PostgreSQL server the suite runs against when DATABASE_URL is set; otherwise PGlite. */
export const serverUrl = process.env.DATABASE_URL || undefined;
export const dbKind = serverUrl ? 'postgres' : 'pglite';

/**
 * A fresh, migrated database through the production openDb(): an in-memory PGlite loaded from the
 * migrated dump, or a new database on the server (dropped on close), so test files never share state.
 */
export async function openTestDb(): Promise<DbHandle> {
  if (!serverUrl) {
    const dump = readFileSync(inject('pgliteDump'));
    return openDb({ memory: true, loadDataDir: new Blob([dump]) });
  }
  const { url, drop } = await createScratchDatabase(serverUrl);
  const handle = await openDb({ databaseUrl: url });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await drop();
    },
  };
}

/**
 * The uint32 values of `item_fingerprints f`'s signature as the server reads its bytes (4 a value,
 * big-endian), an int8[]: what the store wrote, checked without the store's own decoder.
 */
export const signatureValuesSql = sql.raw(
  `array(select ('x' || encode(substring(f.signature from 4 * k + 1 for 4), 'hex'))::bit(32)::int8 from generate_series(0, length(f.signature) / 4 - 1) k order by k)`,
);
