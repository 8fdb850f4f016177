import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from '../../db/schema.js';
import { AppError, messageOf } from '../errors.js';
import { acquireDirLock, type DirLock } from './dir-lock.js';

/** One handle type for both drivers, so nothing above the store knows which one runs. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DbHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** PostgreSQL connection string; when set, PGlite is not used. */
  databaseUrl?: string;
  /** PGlite data folder's parent (DATA_DIR); the database lives in `<dataDir>/pglite`. */
  dataDir?: string;
  /** An in-memory PGlite, optionally loaded from a dump (tests). */
  memory?: boolean;
  loadDataDir?: Blob;
  migrate?: boolean;
}

export const migrationsFolder = fileURLToPath(new URL('../../db/migrations', import.meta.url));

/** Opens PostgreSQL when a URL is given, else embedded PGlite, and applies the migrations. */
export async function openDb(options: OpenDbOptions): Promise<DbHandle> {
  const handle = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options);
  if (options.migrate !== false) {
    try {
      await migrateDb(handle);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}

async function openPostgres(url: string): Promise<DbHandle> {
  const client = postgres(url, { max: 10, onnotice: () => {}, connect_timeout: 10 });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 });
    throw new AppError('database', `database: cannot connect to DATABASE_URL (${redactUrl(url)}): ${messageOf(error)}`, {
      cause: error,
    });
  }
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
}

async function openPglite(options: OpenDbOptions): Promise<DbHandle> {
  let lock: DirLock | undefined;
  let dataPath: string | undefined;
  if (!options.memory) {
    const dataDir = options.dataDir ?? './data';
    mkdirSync(dataDir, { recursive: true });
    lock = acquireDirLock(dataDir);
    dataPath = join(dataDir, 'pglite');
  }
  try {
    // Loaded only when used: PGlite's module adds about 40 MB of resident memory to a process on PostgreSQL.
    const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
      import('drizzle-orm/pglite'),
    ]);
    // pg_trgm must be passed on every open, not only the first (see research/stack.md).
    const client = await PGlite.create(dataPath, { extensions: { pg_trgm }, loadDataDir: options.loadDataDir });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw new AppError('database', `database: cannot open PGlite in ${dataPath ?? 'memory'}: ${messageOf(error)}`, {
      cause: error,
    });
  }
}

/** Applies db/migrations; on PostgreSQL a concurrent migrator may win the race, so retry once it settles. */
export async function migrateDb(handle: DbHandle): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (handle.kind === 'pglite') await (await import('drizzle-orm/pglite/migrator')).migrate(handle.db as never, { migrationsFolder });
      else await migratePostgres(handle.db as never, { migrationsFolder });
      return;
    } catch (error) {
      if (handle.kind === 'pglite' || attempt >= 3) {
        throw new AppError('database', `database: migration failed: ${messageOf(error)}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
    }
  }
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
