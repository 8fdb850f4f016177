import { sql } from 'drizzle-orm';
import { itemBands, itemFingerprints, items } from '../../db/schema.js';
import type { Fingerprint } from '../dedupe/fingerprint.js';
import type { Db } from './db.js';
import { jsonRows, numberArray } from './json-rows.js';
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

/** The days one index key is looked up over: the union of the windows of the new items holding it. */
export interface KeyWindow {
  key: number;
  fromDay: number;
  toDay: number;
}

/**
 * Stored items filed under any of the keys within its day window, with their fingerprints and
 * stories, in one statement whatever the batch size: one range probe per distinct key on the
 * (band, day) index, not one probe per (day, key) pair. The lateral subquery with OFFSET 0 keeps
 * those probes: joined flat, the planner prices an index probe as a disk read and scans the whole
 * table into a hash instead, a cost that grows with the table. Keys travel as array literals in the
 * statement (json-rows.ts says why), so a batch never runs into the bind-parameter limit.
 */
export async function findStoredCandidates(tx: Queryable, windows: KeyWindow[]): Promise<Map<number, StoredCandidate>> {
  const result = new Map<number, StoredCandidate>();
  if (windows.length === 0) return result;
  // A big batch's thousands of probes price the plan above jit_above_cost, and compiling it took
  // longer than running it: JIT goes off for the rest of the transaction (sent with the lookup, no extra round trip).
  const [, found] = await Promise.all([
    tx.execute(sql`set local jit = off`),
    tx.execute(sql`
      with hits as (
        select b.item_id, array_agg(b.day) as days, array_agg(b.band) as bands
        from unnest(${numberArray(windows.map((w) => w.key), 'bigint')}, ${numberArray(windows.map((w) => w.fromDay), 'int')},
                    ${numberArray(windows.map((w) => w.toDay), 'int')}) as q(band, from_day, to_day)
        cross join lateral (
          select day, band, item_id from ${itemBands} b
          where b.band = q.band and b.day between q.from_day and q.to_day
          offset 0) b
        group by b.item_id)
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
        // int4 holds the uint32 MinHash values with the sign bit wrapped; >>> 0 unwraps them.
        signature: row.signature.map((value) => value >>> 0),
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
  signature: number[];
  strong_signals: string[];
  weak_signals: string[];
  title_signals: string[];
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
  // Both inserts in one statement (a data-modifying CTE): one round trip per batch, not two. The
  // band rows go in index order, so consecutive rows land on the same index pages.
  await tx.execute(sql`with fingerprints as (
      insert into ${itemFingerprints} (item_id, seen_at, language, title_length, digest, signature, strong_signals, weak_signals, title_signals)
      select item_id, seen_at, language, title_length, digest, signature, strong_signals, weak_signals, title_signals
      from jsonb_to_recordset(${jsonRows(fingerprints)}) as t(item_id bigint, seen_at timestamptz, language text, title_length int,
        digest boolean, signature int[], strong_signals text[], weak_signals text[], title_signals text[]))
    insert into ${itemBands} (day, band, item_id)
    select * from unnest(${numberArray(days, 'int')}, ${numberArray(bands, 'bigint')}, ${numberArray(ids, 'bigint')}) as b(day, band, item_id)
    order by band, day`);
}
