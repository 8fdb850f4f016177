import { eq, inArray, sql } from 'drizzle-orm';
import { itemBands, itemFingerprints, items } from '../../db/schema.js';
import type { Fingerprint } from '../dedupe/fingerprint.js';
import type { Db } from './db.js';
import { jsonRows } from './json-rows.js';
import { rowsOf, toNumber } from './rows.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Queryable = Db | Tx;

const day = 86_400_000;

/** The day number a band row is filed under. */
export const dayOf = (date: Date) => Math.floor(date.getTime() / day);

/** A stored item that shares keys with new ones: its fingerprint, live story, and the (day, key) pairs it matched. */
export interface StoredCandidate {
  itemId: number;
  storyId: number;
  fingerprint: Fingerprint;
  matched: Set<string>;
}

/**
 * Stored items sharing any (day, key) pair with the given ones, in two queries whatever the batch
 * size: one index probe per pair on (day, band), then the fingerprints of the distinct items.
 * Pairs travel as two array literals, so a batch never runs into the bind-parameter limit.
 */
export async function findStoredCandidates(tx: Queryable, pairs: Array<[number, number]>): Promise<Map<number, StoredCandidate>> {
  const result = new Map<number, StoredCandidate>();
  if (pairs.length === 0) return result;
  const days = `{${pairs.map(([d]) => d).join(',')}}`;
  const bands = `{${pairs.map(([, b]) => b).join(',')}}`;
  const hits = rowsOf<{ day: number; band: string | number; item_id: string | number }>(
    await tx.execute(sql`
      select distinct b.day, b.band, b.item_id
      from unnest(${days}::int[], ${bands}::bigint[]) as q(day, band)
      join ${itemBands} b on b.day = q.day and b.band = q.band`),
  );
  if (hits.length === 0) return result;
  const ids = [...new Set(hits.map((hit) => toNumber(hit.item_id)))];
  const rows = await tx
    .select({ fingerprint: itemFingerprints, storyId: items.storyId })
    .from(itemFingerprints)
    .innerJoin(items, eq(items.id, itemFingerprints.itemId))
    .where(inArray(itemFingerprints.itemId, ids));
  for (const { fingerprint: row, storyId } of rows) {
    if (storyId === null) continue;
    const itemId = toNumber(row.itemId);
    result.set(itemId, {
      itemId,
      storyId: toNumber(storyId),
      fingerprint: {
        // int4 holds the uint32 MinHash values with the sign bit wrapped; >>> 0 unwraps them.
        signature: row.signature.map((value) => value >>> 0),
        signals: { strong: row.strongSignals, weak: row.weakSignals, title: row.titleSignals },
        titleLength: row.titleLength,
        digest: row.digest,
        language: row.language,
        seenAt: row.seenAt,
      },
      matched: new Set(),
    });
  }
  for (const hit of hits) result.get(toNumber(hit.item_id))?.matched.add(`${hit.day}:${toNumber(hit.band)}`);
  return result;
}

/** Stores fingerprints and their (day, key) rows for a batch of items, in one statement. */
export async function storeFingerprints(tx: Queryable, rows: Array<{ itemId: number; fingerprint: Fingerprint; keys: number[] }>): Promise<void> {
  if (rows.length === 0) return;
  const fingerprints = rows.map(({ itemId, fingerprint }) => ({
    item_id: itemId,
    seen_at: fingerprint.seenAt,
    language: fingerprint.language,
    title_length: fingerprint.titleLength,
    digest: fingerprint.digest,
    signature: fingerprint.signature.map((value) => value | 0),
    strong_signals: fingerprint.signals.strong,
    weak_signals: fingerprint.signals.weak,
    title_signals: fingerprint.signals.title,
  }));
  // About 27 rows an item: three array literals and one statement, not thousands of bind parameters.
  const days: number[] = [];
  const bands: number[] = [];
  const ids: number[] = [];
  for (const { itemId, fingerprint, keys } of rows) {
    for (const band of keys) {
      days.push(dayOf(fingerprint.seenAt));
      bands.push(band);
      ids.push(itemId);
    }
  }
  // Both inserts in one statement (a data-modifying CTE): one round trip per batch, not two.
  await tx.execute(sql`with fingerprints as (
      insert into ${itemFingerprints} (item_id, seen_at, language, title_length, digest, signature, strong_signals, weak_signals, title_signals)
      select item_id, seen_at, language, title_length, digest, signature, strong_signals, weak_signals, title_signals
      from jsonb_to_recordset(${jsonRows(fingerprints)}) as t(item_id bigint, seen_at timestamptz, language text, title_length int,
        digest boolean, signature int[], strong_signals text[], weak_signals text[], title_signals text[]))
    insert into ${itemBands} (day, band, item_id)
    select * from unnest(${`{${days.join(',')}}`}::int[], ${`{${bands.join(',')}}`}::bigint[], ${`{${ids.join(',')}}`}::bigint[])`);
}
