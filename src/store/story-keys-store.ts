import { sql, type SQL } from 'drizzle-orm';
import { itemBands, itemFingerprints, items } from '../../db/schema.js';
import type { Fingerprint } from '../dedupe/fingerprint.js';
import type { Db } from './db.js';
import { byteaLiteral, jsonRows, nullableNumberArray, numberArray } from './json-rows.js';
import { rowsOf, toDate, toNumber } from './rows.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Queryable = Db | Tx;

const day = 86_400_000;

/** The day number a band row is filed under. */
export const dayOf = (date: Date) => Math.floor(date.getTime() / day);

/** A stored item that shares keys with new ones: its fingerprint, live story, and the (day, key) rows that matched. */
export interface StoredCandidate {
  itemId: number;
  storyId: number;
  fingerprint: Fingerprint;
  matched: Array<{ day: number; key: number }>;
}

/** A day window and the index keys held by the new items filed on the day at its centre. */
export interface DayKeys {
  fromDay: number;
  toDay: number;
  keys: number[];
}

/**
 * Stored items filed under any of the keys within its day window, with their fingerprints and
 * stories, in one statement whatever the batch size: one index scan per window (the batch's items
 * fall on a few days) with all of that day's keys as one `band = any(...)` on the (band, day)
 * index, so each key costs one descent and the rows read stay within its window: the cost does not
 * grow with the table. One scan per key (a lateral probe each) cost twice as much on the server,
 * where a fetch run's writes wait. The lateral subquery with OFFSET 0 keeps the scans: joined
 * flat, the planner prices an index probe as a disk read and scans the whole table into a hash
 * instead. Keys travel as array literals in the statement (json-rows.ts says why), so a batch never
 * runs into the bind-parameter limit.
 */
export async function findStoredCandidates(tx: Queryable, windows: DayKeys[]): Promise<Map<number, StoredCandidate>> {
  const result = new Map<number, StoredCandidate>();
  const used = windows.filter((window) => window.keys.length > 0);
  if (used.length === 0) return result;
  const groups: number[] = [];
  const bands: number[] = [];
  used.forEach((window, index) => {
    for (const key of window.keys) {
      groups.push(index + 1);
      bands.push(key);
    }
  });
  // A big batch's scans price the plan above jit_above_cost, and compiling it took longer than
  // running it: JIT goes off for the rest of the transaction (sent with the lookup, no extra round trip).
  const [, found] = await Promise.all([
    tx.execute(sql`set local jit = off`),
    tx.execute(sql`
      with keys as (
        select g, array_agg(band) as bands
        from unnest(${numberArray(groups, 'int')}, ${numberArray(bands, 'bigint')}) as k(g, band)
        group by g),
      windows as (
        select g::int, from_day, to_day
        from unnest(${numberArray(used.map((w) => w.fromDay), 'int')}, ${numberArray(used.map((w) => w.toDay), 'int')})
          with ordinality as w(from_day, to_day, g)),
      hits as (
        select b.item_id, array_agg(b.day) as days, array_agg(b.band) as bands
        from windows join keys using (g)
        cross join lateral (
          select day, band, item_id from ${itemBands} b
          where b.band = any(keys.bands) and b.day between windows.from_day and windows.to_day
          offset 0) b
        group by b.item_id)
      -- A stored row within the windows of two days comes back twice: it matches the same keys either way.
      select h.item_id, h.days, h.bands, i.story_id, f.seen_at, f.language, f.title_length, f.digest, f.signature,
             f.strong_signals, f.weak_signals, f.title_signals
      from hits h
      join ${itemFingerprints} f on f.item_id = h.item_id
      join ${items} i on i.id = h.item_id
      where i.story_id is not null`),
  ]);
  const rows = rowsOf<CandidateRow>(found);
  for (const row of rows) {
    const itemId = toNumber(row.item_id);
    result.set(itemId, {
      itemId,
      storyId: toNumber(row.story_id),
      fingerprint: {
        signature: signatureFromBytes(row.signature),
        signals: { strong: row.strong_signals, weak: row.weak_signals, title: row.title_signals },
        titleLength: row.title_length,
        digest: row.digest,
        language: row.language,
        seenAt: toDate(row.seen_at)!,
      },
      matched: row.days.map((day, index) => ({ day, key: toNumber(row.bands[index]) })),
    });
  }
  return result;
}

interface CandidateRow {
  item_id: string | number;
  days: number[];
  bands: Array<string | number>;
  story_id: string | number;
  seen_at: unknown;
  language: string;
  title_length: number;
  digest: boolean;
  signature: Uint8Array;
  strong_signals: string[];
  weak_signals: string[];
  title_signals: string[];
}

/** A batch's fingerprint rows and (day, key) rows as statement literals, built before its items have ids. */
export interface FingerprintLiterals {
  /**
   * jsonb rows, each with ref (its position in the batch, from 1), its day, where its signature
   * starts in `signatures` (a byte offset, from 1) and how many bytes it has, and the bounds of its
   * keys in `bands`.
   */
  rows: SQL;
  /**
   * Every signature in one bytea, 4 bytes a value (most of a fingerprint's bytes), sent as base64:
   * as an int4[] literal the server parsed each value on its own (a run's inserts took half as long
   * again), and the decimal text was twice the size.
   */
  signatures: SQL;
  /**
   * Every item's index keys in one int8[], about 26 an item; each key's row gets its item's day and
   * id from the item's row, so no day or ref is spelled per key (they were two thirds of the numbers).
   */
  bands: SQL;
}

/** The literals for storing a batch's fingerprints; item i of the batch is ref i + 1. */
export function fingerprintLiterals(batch: Array<{ fingerprint: Fingerprint; keys: number[] }>): FingerprintLiterals {
  let signatureCount = 0;
  let bandCount = 0;
  for (const { fingerprint, keys } of batch) {
    signatureCount += fingerprint.signature.length;
    bandCount += keys.length;
  }
  // Filled by index into arrays of their final size: pushing grew them (and turned them into
  // double arrays) at about a tenth of a microsecond a value, for 400,000 values a fetch run.
  const signatures = Buffer.allocUnsafe(signatureCount * 4);
  const bands = new Float64Array(bandCount);
  let signatureAt = 0;
  let bandAt = 0;
  const rows = batch.map(({ fingerprint, keys }, index) => {
    const signatureFrom = signatureAt + 1;
    const { signature } = fingerprint;
    for (let i = 0; i < signature.length; i++) signatureAt = signatures.writeUInt32BE(signature[i]!, signatureAt);
    const bandFrom = bandAt + 1;
    for (let i = 0; i < keys.length; i++) bands[bandAt++] = keys[i]!;
    return {
      ref: index + 1,
      day: dayOf(fingerprint.seenAt),
      seen_at: fingerprint.seenAt,
      language: fingerprint.language,
      title_length: fingerprint.titleLength,
      digest: fingerprint.digest,
      signature_from: signatureFrom,
      signature_bytes: signatureAt - signatureFrom + 1,
      band_from: bandFrom,
      band_to: bandAt,
      strong_signals: fingerprint.signals.strong,
      weak_signals: fingerprint.signals.weak,
      title_signals: fingerprint.signals.title,
    };
  });
  return { rows: jsonRows(rows), signatures: byteaLiteral(signatures), bands: numberArray(bands, 'bigint') };
}

/** Stores fingerprints and their (day, key) rows for a batch of items, in one statement. */
export async function storeFingerprints(tx: Queryable, rows: Array<{ itemId: number; fingerprint: Fingerprint; keys: number[] }>): Promise<void> {
  if (rows.length === 0) return;
  await storeFingerprintLiterals(tx, fingerprintLiterals(rows), rows.map((row) => row.itemId));
}

/**
 * Stores literals built by fingerprintLiterals, batch item i under itemIds[i] (null: not stored
 * here, say because a concurrent fetcher stored that item first; its rows are skipped). Both
 * inserts in one statement (a data-modifying CTE): one round trip per batch, not two. The band
 * rows go in index order, so consecutive rows land on the same index pages.
 */
export async function storeFingerprintLiterals(tx: Queryable, literals: FingerprintLiterals, itemIds: Array<number | null>): Promise<void> {
  if (itemIds.every((id) => id === null)) return;
  await tx.execute(sql`with batch as (select ${nullableNumberArray(itemIds, 'bigint')} as ids, ${literals.signatures} as signatures,
        ${literals.bands} as bands),
    t as (
      select batch.ids[t.ref] as item_id, t.* from batch, jsonb_to_recordset(${literals.rows}) as t(ref int, day int, seen_at timestamptz,
        language text, title_length int, digest boolean, signature_from int, signature_bytes int, band_from int, band_to int,
        strong_signals text[], weak_signals text[], title_signals text[])
      where batch.ids[t.ref] is not null),
    fingerprints as (
      insert into ${itemFingerprints} (item_id, seen_at, language, title_length, digest, signature, strong_signals, weak_signals, title_signals)
      select t.item_id, t.seen_at, t.language, t.title_length, t.digest, substring(batch.signatures from t.signature_from for t.signature_bytes),
        t.strong_signals, t.weak_signals, t.title_signals
      from t, batch)
    insert into ${itemBands} (day, band, item_id)
    select t.day, batch.bands[k], t.item_id from t, batch, generate_series(t.band_from, t.band_to) as k
    order by 2, 1`);
}

/** A stored signature's uint32 values from its bytes (4 each, big-endian), as postgres.js (a Buffer) or PGlite (a Uint8Array) read them. */
export function signatureFromBytes(bytes: Uint8Array): number[] {
  if (bytes.length % 4 !== 0) throw new Error(`item_fingerprints.signature: ${bytes.length} bytes is not a whole number of 4-byte values`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const values = new Array<number>(bytes.length / 4);
  for (let i = 0; i < values.length; i++) values[i] = view.getUint32(4 * i);
  return values;
}
