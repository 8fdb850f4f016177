import { desc, eq, sql } from 'drizzle-orm';
import { fetchAttempts, fetchRuns } from '../../db/schema.js';
import type { Db } from './db.js';

export type RunRow = typeof fetchRuns.$inferSelect;
export type AttemptRow = typeof fetchAttempts.$inferSelect;
export type NewAttempt = typeof fetchAttempts.$inferInsert;

/** Opens a fetch run and returns its id. */
export async function startRun(db: Db, trigger: string, now: Date): Promise<number> {
  const [row] = await db.insert(fetchRuns).values({ trigger, startedAt: now }).returning({ id: fetchRuns.id });
  return row!.id;
}

/** Records one source's attempt and adds its counts to the run. */
export async function recordAttempt(db: Db, attempt: NewAttempt): Promise<void> {
  const ok = attempt.status !== 'error';
  await db.insert(fetchAttempts).values(attempt);
  await db
    .update(fetchRuns)
    .set({
      sourcesTotal: sql`${fetchRuns.sourcesTotal} + 1`,
      sourcesOk: sql`${fetchRuns.sourcesOk} + ${ok ? 1 : 0}`,
      sourcesFailed: sql`${fetchRuns.sourcesFailed} + ${ok ? 0 : 1}`,
      itemsSeen: sql`${fetchRuns.itemsSeen} + ${attempt.itemsSeen ?? 0}`,
      itemsNew: sql`${fetchRuns.itemsNew} + ${attempt.itemsNew ?? 0}`,
    })
    .where(eq(fetchRuns.id, attempt.runId));
}

/** Closes a run with its final status: ok, partial, failed, or stopped (a graceful stop left sources for later). */
export async function finishRun(db: Db, runId: number, now: Date, outcome: { error?: string; stopped?: string } = {}): Promise<RunRow> {
  const [run] = await db.select().from(fetchRuns).where(eq(fetchRuns.id, runId));
  const counted = run && run.sourcesFailed > 0 ? (run.sourcesOk > 0 ? 'partial' : 'failed') : 'ok';
  const status = outcome.error ? 'failed' : outcome.stopped ? 'stopped' : counted;
  const [row] = await db
    .update(fetchRuns)
    .set({ finishedAt: now, status, error: outcome.error ?? outcome.stopped ?? null })
    .where(eq(fetchRuns.id, runId))
    .returning();
  return row!;
}

/** The newest runs first. */
export async function listRuns(db: Db, limit = 50): Promise<RunRow[]> {
  return db.select().from(fetchRuns).orderBy(desc(fetchRuns.id)).limit(limit);
}

/** One run with its attempts, or undefined. */
export async function getRun(db: Db, id: number): Promise<(RunRow & { attempts: AttemptRow[] }) | undefined> {
  const [run] = await db.select().from(fetchRuns).where(eq(fetchRuns.id, id));
  if (!run) return undefined;
  const attempts = await db.select().from(fetchAttempts).where(eq(fetchAttempts.runId, id)).orderBy(fetchAttempts.id);
  return { ...run, attempts };
}

/** The newest finished run, for /health. */
export async function lastFinishedRun(db: Db): Promise<RunRow | undefined> {
  const [row] = await db
    .select()
    .from(fetchRuns)
    .where(sql`${fetchRuns.finishedAt} is not null`)
    .orderBy(desc(fetchRuns.id))
    .limit(1);
  return row;
}
