import { and, asc, eq, inArray, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
import { sources } from '../../db/schema.js';
import type { SourceConfig } from '../domain.js';
import type { Db } from './db.js';

export type SourceRow = typeof sources.$inferSelect;

/** Writes feeds.json into the sources table; health columns are kept, entries no longer listed are marked. */
export async function syncSources(db: Db, configs: SourceConfig[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const config of configs) {
      const values = {
        name: config.name,
        kind: config.kind,
        url: config.url,
        language: config.language,
        zone: config.zone,
        weight: config.weight,
        inConfig: true,
        updatedAt: new Date(),
      };
      await tx
        .insert(sources)
        .values({ slug: config.slug, ...values, enabled: config.enabled, disabledReason: config.enabled ? null : 'disabled in feeds.json' })
        .onConflictDoUpdate({
          target: sources.slug,
          set: {
            ...values,
            // A source disabled by the fetcher (410 Gone) stays disabled until its URL changes.
            enabled: sql`case when ${sources.url} <> excluded.url then ${config.enabled} when ${!config.enabled} then false else ${sources.enabled} or coalesce(${sources.disabledReason} = 'disabled in feeds.json', false) end`,
            disabledReason: sql`case when ${!config.enabled} then 'disabled in feeds.json' when ${sources.url} <> excluded.url or coalesce(${sources.disabledReason} = 'disabled in feeds.json', false) then null else ${sources.disabledReason} end`,
          },
        });
    }
    const slugs = configs.map((config) => config.slug);
    await tx
      .update(sources)
      .set({ inConfig: false })
      .where(slugs.length > 0 ? notInArray(sources.slug, slugs) : sql`true`);
  });
}

/** Every source, configured or not, for the status API. */
export async function listSources(db: Db): Promise<SourceRow[]> {
  return db.select().from(sources).orderBy(asc(sources.slug));
}

/**
 * Claims the sources due now (or the named ones) for one worker. The lease and SKIP LOCKED make two
 * concurrent fetch processes take disjoint sets. A lease is void when it expires or when the
 * PostgreSQL backend that took it is gone (its process was killed), so a rerun picks the work up at once.
 */
export async function claimDueSources(
  db: Db,
  options: { now: Date; owner: string; leaseMs: number; slugs?: string[] },
): Promise<SourceRow[]> {
  const { now, owner, leaseMs, slugs } = options;
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const due = slugs
    ? inArray(sources.slug, slugs)
    : and(eq(sources.enabled, true), eq(sources.inConfig, true), or(isNull(sources.nextFetchAt), lte(sources.nextFetchAt, now)));
  const ownerGone = sql`${sources.leaseBackendPid} is not null and not exists (select 1 from pg_stat_activity a where a.pid = ${sources.leaseBackendPid})`;
  const free = or(isNull(sources.leaseUntil), lte(sources.leaseUntil, now), ownerGone);
  const claimable = db.select({ slug: sources.slug }).from(sources).where(and(due, free)).for('update', { skipLocked: true });
  return db
    .update(sources)
    .set({ leaseOwner: owner, leaseUntil, leaseBackendPid: sql`pg_backend_pid()` })
    .where(inArray(sources.slug, claimable))
    .returning();
}

/** Gives claimed sources back untouched (a run stopped before reaching them). */
export async function releaseLeases(db: Db, owner: string, slugs: string[]): Promise<void> {
  if (slugs.length === 0) return;
  await db
    .update(sources)
    .set({ leaseOwner: null, leaseUntil: null, leaseBackendPid: null })
    .where(and(eq(sources.leaseOwner, owner), inArray(sources.slug, slugs)));
}

/**
 * Voids every lease. Only for an embedded database: its directory lock makes this process the only
 * worker, so any lease found at open was left by a process that died (and PGlite's one backend
 * always has the same pid, so the liveness check above cannot tell).
 */
export async function releaseAllLeases(db: Db): Promise<void> {
  await db.update(sources).set({ leaseOwner: null, leaseUntil: null, leaseBackendPid: null }).where(sql`${sources.leaseOwner} is not null`);
}

export interface SourceOutcome {
  ok: boolean;
  httpStatus: number | null;
  error: string | null;
  validators?: { etag?: string | null; lastModified?: string | null };
  /** Set when the source must be switched off (410 Gone). */
  disable?: string;
  retryAfterMs?: number | null;
}

const hourMs = 3_600_000;
const maxBackoffMs = 24 * hourMs;

/** Records one fetch outcome: health, validators, next fetch time with capped exponential backoff; releases the lease. */
export async function recordSourceOutcome(db: Db, slug: string, outcome: SourceOutcome, now: Date): Promise<void> {
  const [row] = await db.select({ errors: sources.consecutiveErrors }).from(sources).where(eq(sources.slug, slug));
  const errors = outcome.ok ? 0 : (row?.errors ?? 0) + 1;
  const delay = outcome.ok ? hourMs : Math.max(backoffMs(errors), Math.min(outcome.retryAfterMs ?? 0, maxBackoffMs));
  await db
    .update(sources)
    .set({
      lastFetchedAt: now,
      ...(outcome.ok ? { lastSuccessAt: now } : {}),
      nextFetchAt: new Date(now.getTime() + delay - 60_000),
      consecutiveErrors: errors,
      lastError: outcome.ok ? null : outcome.error,
      lastStatus: outcome.httpStatus,
      ...(outcome.validators ? { etag: outcome.validators.etag ?? null, lastModified: outcome.validators.lastModified ?? null } : {}),
      ...(outcome.disable ? { enabled: false, disabledReason: outcome.disable } : {}),
      leaseOwner: null,
      leaseUntil: null,
      leaseBackendPid: null,
      updatedAt: now,
    })
    .where(eq(sources.slug, slug));
}

/** Exponential backoff after consecutive errors: 1 h, 2 h, 4 h … capped at 24 h, never dropped. */
export function backoffMs(consecutiveErrors: number): number {
  if (consecutiveErrors <= 0) return hourMs;
  return Math.min(maxBackoffMs, hourMs * 2 ** (consecutiveErrors - 1));
}
