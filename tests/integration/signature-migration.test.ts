import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDb, migrationsFolder, openDb, type DbHandle } from '../../src/store/db.js';
import { rowsOf, toNumber } from '../../src/store/rows.js';
import { signatureFromBytes } from '../../src/store/story-keys-store.js';
import { createScratchDatabase, dbKind, serverUrl, signatureValuesSql } from '../helpers/test-db.js';

/** The migrations up to and including `lastIndex`, as a folder of their own (the journal cut there). */
function migrationsUpTo(lastIndex: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'cainews-migrations-'));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ idx: number }> };
  journal.entries = journal.entries.filter((entry) => entry.idx <= lastIndex);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

async function migrateWith(handle: DbHandle, folder: string): Promise<void> {
  if (handle.kind === 'pglite') await (await import('drizzle-orm/pglite/migrator')).migrate(handle.db as never, { migrationsFolder: folder });
  else await (await import('drizzle-orm/postgres-js/migrator')).migrate(handle.db as never, { migrationsFolder: folder });
}

describe(`migration 0022 on ${dbKind}: stored int4[] signatures become bytes with the same values`, () => {
  let handle: DbHandle;
  let drop = async () => {};
  let folder: string;

  beforeAll(async () => {
    if (serverUrl) {
      const scratch = await createScratchDatabase(serverUrl);
      drop = scratch.drop;
      handle = await openDb({ databaseUrl: scratch.url, migrate: false });
    } else handle = await openDb({ memory: true, migrate: false });
    folder = migrationsUpTo(21);
    await migrateWith(handle, folder);
  });
  afterAll(async () => {
    await handle?.close();
    await drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('keeps every value (the sign bit unwrapped), in order, for full, legacy and empty signatures', async () => {
    // int4 held the uint32 MinHash values with the sign bit wrapped: -1 was 4294967295.
    const signatures = [
      [0, 1, -1, -2147483648, 2147483647, 123456789, -987654321, ...Array.from({ length: 81 }, (_, i) => (i * 2654435761) | 0)],
      Array.from({ length: 64 }, (_, i) => (i * 40503 - 1_000_000) | 0),
      [],
    ];
    await handle.db.execute(sql`insert into sources (slug, name, url, kind, language, zone) values ('legacy', 'Legacy', 'https://legacy.example/feed', 'feed', 'en', 'UTC')`);
    for (const [index, signature] of signatures.entries()) {
      const [item] = rowsOf<{ id: unknown }>(
        await handle.db.execute(sql`insert into items (source_slug, url, canonical_url, title, fetched_at, seen_at, language, content_hash)
          values ('legacy', ${`https://legacy.example/${index}`}, ${`https://legacy.example/${index}`}, 'An old item', now(), now(), 'en', ${`hash-${index}`})
          returning id`),
      );
      await handle.db.execute(sql`insert into item_fingerprints (item_id, seen_at, language, title_length, digest, signature, strong_signals, weak_signals, title_signals)
        values (${toNumber(item!.id)}, now(), 'en', 5, false, ${sql.raw(`'{${signature.join(',')}}'::int4[]`)}, '{}', '{}', '{}')`);
    }

    await migrateDb(handle);

    const stored = rowsOf<{ signature: Uint8Array; values: Array<string | number> }>(
      await handle.db.execute(sql`select f.signature, ${signatureValuesSql} as values from item_fingerprints f order by item_id`),
    );
    const expected = signatures.map((signature) => signature.map((value) => value >>> 0));
    expect(stored.map((row) => row.values.map(Number))).toEqual(expected);
    expect(stored.map((row) => signatureFromBytes(row.signature))).toEqual(expected);
    expect(stored.map((row) => row.signature.length)).toEqual([88 * 4, 64 * 4, 0]);
  });
});
