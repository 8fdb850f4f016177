import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openDb, type DbHandle } from '../../src/store/db.js';

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

/** Creates an empty database next to DATABASE_URL's and returns its URL and a drop function. */
export async function createScratchDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cainews_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = postgres(baseUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}
