import { and, eq, lt, sql } from 'drizzle-orm';
import { roundups } from '../../db/schema.js';
import { emptyCuration, type Curation, type Draft } from '../roundup/types.js';
import type { Db } from './db.js';
import { rowsOf, toNumber } from './rows.js';

export interface RoundupRow {
  week: string;
  zone: string;
  status: 'draft' | 'final';
  changes: Curation;
  finalStoryIds: number[] | null;
  finalDraft: Draft | null;
  updatedAt: Date;
}

function toRow(row: typeof roundups.$inferSelect): RoundupRow {
  return {
    week: row.week,
    zone: row.zone,
    status: row.status === 'final' ? 'final' : 'draft',
    changes: { ...emptyCuration(), ...(row.changes as Partial<Curation>) },
    finalStoryIds: row.finalStoryIds?.map(toNumber) ?? null,
    finalDraft: (row.finalDraft as Draft | null) ?? null,
    updatedAt: row.updatedAt,
  };
}

/** The editor's state for a week in a zone, or undefined when nobody has touched it. */
export async function getRoundup(db: Db, week: string, zone: string): Promise<RoundupRow | undefined> {
  const [row] = await db.select().from(roundups).where(and(eq(roundups.week, week), eq(roundups.zone, zone)));
  return row ? toRow(row) : undefined;
}

/**
 * Applies `change` to the stored curation in one transaction, the row locked, so two editors'
 * saves do not overwrite each other. `change` may throw to refuse (e.g. the week is final).
 */
export async function updateRoundupChanges(
  db: Db,
  key: { week: string; zone: string; now: Date },
  change: (current: RoundupRow) => Curation,
): Promise<RoundupRow> {
  return db.transaction(async (tx) => {
    await tx.insert(roundups).values({ week: key.week, zone: key.zone }).onConflictDoNothing();
    const [locked] = await tx
      .select()
      .from(roundups)
      .where(and(eq(roundups.week, key.week), eq(roundups.zone, key.zone)))
      .for('update');
    const next = change(toRow(locked!));
    const [saved] = await tx
      .update(roundups)
      .set({ changes: next, updatedAt: key.now })
      .where(and(eq(roundups.week, key.week), eq(roundups.zone, key.zone)))
      .returning();
    return toRow(saved!);
  });
}

/** Freezes a draft; false when the week was already final (someone else froze it first). */
export async function finalizeRoundup(db: Db, key: { week: string; zone: string; now: Date }, draft: Draft): Promise<boolean> {
  const storyIds = draft.entries.map((entry) => entry.storyId);
  const updated = await db
    .update(roundups)
    .set({ status: 'final', finalDraft: draft, finalStoryIds: storyIds, updatedAt: key.now })
    .where(and(eq(roundups.week, key.week), eq(roundups.zone, key.zone), eq(roundups.status, 'draft')))
    .returning({ week: roundups.week });
  return updated.length === 1;
}

/**
 * Story ids used in final roundups of weeks before `week` (any zone): later drafts leave them out.
 * A used story that has since merged into another is reported with its survivor too (merged stories
 * point straight at the survivor), so the event it told is not drafted again under the survivor's id.
 */
export async function storiesUsedBefore(db: Db, week: string): Promise<number[]> {
  const result = await db.execute(sql`
    with used as (
      select distinct unnest(${roundups.finalStoryIds}) as id from ${roundups}
      where ${and(eq(roundups.status, 'final'), lt(roundups.week, week))}
    )
    select used.id from used
    union
    select s.merged_into from used join stories s on s.id = used.id where s.merged_into is not null`);
  return rowsOf<{ id: unknown }>(result).map((row) => toNumber(row.id));
}
