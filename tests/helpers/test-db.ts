import { readFileSync } from 'node:fs';
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
