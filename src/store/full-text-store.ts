import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { items } from '../../db/schema.js';
import type { TagResult } from '../domain.js';
import { withConflictRetry } from './conflict-retry.js';
import type { Db } from './db.js';
import { jsonRows } from './json-rows.js';
import { writeItemTags } from './tags-store.js';

/** Which of these canonical URLs are already stored: their article pages were fetched (or tried) before. */
export async function storedCanonicalUrls(db: Db, canonicalUrls: string[]): Promise<Set<string>> {
  if (canonicalUrls.length === 0) return new Set();
  const rows = await db.select({ canonicalUrl: items.canonicalUrl }).from(items).where(inArray(items.canonicalUrl, canonicalUrls));
  return new Set(rows.map((row) => row.canonicalUrl));
}

/** A stored item whose article page failed for a passing reason and is due to be tried again. */
export interface BodyRetryDue {
  id: number;
  url: string;
  title: string;
  summary: string;
  bodyRetries: number;
}

/** A source's items due for another article-page fetch, the longest-waiting first. */
export async function bodiesDueForRetry(db: Db, sourceSlug: string, now: Date, limit: number): Promise<BodyRetryDue[]> {
  if (limit <= 0) return [];
  return db
    .select({ id: items.id, url: items.url, title: items.title, summary: items.summary, bodyRetries: items.bodyRetries })
    .from(items)
    .where(and(eq(items.sourceSlug, sourceSlug), lte(items.bodyRetryAt, now)))
    .orderBy(asc(items.bodyRetryAt))
    .limit(limit);
}

/** What another try at an item's article page gave: the body and the tags it brings, or why not and when to try next. */
export type RetriedBody = { id: number; retries: number; now: Date } & (
  | { ok: true; bodyText: string; author: string | null; tags: TagResult }
  | { ok: false; bodyError: string; retryAt: Date | null }
);

/** Stores the outcome of retried article pages: bodies found (with the items re-tagged), failures with their next try. */
export async function saveRetriedBodies(db: Db, bodies: RetriedBody[], tagVersion: number): Promise<void> {
  if (bodies.length === 0) return;
  const rows = bodies.map((body) => ({
    id: body.id,
    body_text: body.ok ? body.bodyText : null,
    body_error: body.ok ? null : body.bodyError,
    author: body.ok ? body.author : null,
    body_retries: body.retries,
    body_retry_at: body.ok ? null : body.retryAt,
    updated_at: body.now,
  }));
  const found = bodies.flatMap((body) => (body.ok ? [{ id: body.id, tags: body.tags }] : []));
  await withConflictRetry(() =>
    db.transaction(async (tx) => {
      // A failed retry never clears a body stored meanwhile (coalesce): only a found body replaces one.
      await tx.execute(sql`update ${items} set body_text = coalesce(t.body_text, ${items.bodyText}),
          body_error = case when t.body_text is null then t.body_error else null end,
          author = coalesce(${items.author}, t.author), body_retries = t.body_retries, body_retry_at = t.body_retry_at,
          updated_at = t.updated_at
        from jsonb_to_recordset(${jsonRows(rows)}) as t(id bigint, body_text text, body_error text, author text,
          body_retries smallint, body_retry_at timestamptz, updated_at timestamptz)
        where ${items.id} = t.id`);
      if (found.length > 0) await writeItemTags(tx, found, tagVersion);
    }),
  );
}
