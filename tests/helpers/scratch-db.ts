import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export interface ScratchDatabase {
  /** DATABASE_URL-style URL of the new database. */
  url: string;
  /** Drops it (connections are closed by force). */
  drop(): Promise<void>;
}

async function admin(baseUrl: string, statements: string[]): Promise<void> {
  const client = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    for (const statement of statements) await client.unsafe(statement);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database on the server at `baseUrl` (tests and benches). A named one left by an
 * earlier run that died is dropped first; unnamed ones get a random name.
 */
export async function createScratchDatabase(baseUrl: string, name = `cainews_t_${randomBytes(6).toString('hex')}`): Promise<ScratchDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`scratch database name "${name}" is not a plain identifier`);
  await admin(baseUrl, [`drop database if exists ${name} with (force)`, `create database ${name}`]);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(baseUrl, [`drop database if exists ${name} with (force)`]) };
}
