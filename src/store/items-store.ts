import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { itemCompanies, items, itemTopics } from '../../db/schema.js';
import { fingerprintOf } from '../dedupe/fingerprint.js';
import type { TaggedArticle, TagResult } from '../domain.js';
import type { Db } from './db.js';
import { assignStories, dropEmptyStories, openStories } from './stories-store.js';

export type ItemRow = typeof items.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface SaveResult {
  inserted: number;
  updated: number;
  unchanged: number;
  insertedIds: number[];
}

const batchSize = 500;

interface Existing {
  id: number;
  sourceSlug: string;
  guid: string | null;
  canonicalUrl: string;
  contentHash: string;
  title: string;
  summary: string;
}

/**
 * Stores one source's articles idempotently in one transaction: an article already stored (same
 * canonical URL, same GUID in the source, or same content without a GUID) is updated, never duplicated.
 */
export async function saveArticles(db: Db, articles: TaggedArticle[], options: { now: Date; tagVersion: number }): Promise<SaveResult> {
  const result: SaveResult = { inserted: 0, updated: 0, unchanged: 0, insertedIds: [] };
  const unique = uniqueWithinBatch(articles);
  result.unchanged += articles.length - unique.length;
  await db.transaction(async (tx) => {
    for (let start = 0; start < unique.length; start += batchSize) {
      const batch = unique.slice(start, start + batchSize);
      const partial = await saveBatch(tx, batch, options);
      result.inserted += partial.inserted;
      result.updated += partial.updated;
      result.unchanged += partial.unchanged;
      result.insertedIds.push(...partial.insertedIds);
    }
  });
  return result;
}

async function saveBatch(tx: Tx, batch: TaggedArticle[], options: { now: Date; tagVersion: number }): Promise<SaveResult> {
  const existing = await findExisting(tx, batch);
  const fresh: TaggedArticle[] = [];
  let updated = 0;
  let unchanged = 0;
  for (const article of batch) {
    const match = matchExisting(existing, article);
    if (!match) {
      fresh.push(article);
      continue;
    }
    if (match.title === article.title && match.summary === article.summary) {
      unchanged++;
      continue;
    }
    // Re-published with new words: update the stored item in place and re-tag it.
    await tx
      .update(items)
      .set({
        title: article.title,
        summary: article.summary,
        // postgres.js cannot bind a Date inside a raw sql fragment: send ISO text and cast it.
        publishedAt: sql`coalesce(${items.publishedAt}, ${article.publishedAt?.toISOString() ?? null}::timestamptz)`,
        contentHash: article.contentHash,
        companies: article.tags.companies.map((tag) => tag.company),
        topics: article.tags.topics.map((tag) => tag.topic),
        relevant: article.tags.relevant,
        tagVersion: options.tagVersion,
        updatedAt: options.now,
      })
      .where(eq(items.id, match.id));
    await replaceTags(tx, match.id, article.tags);
    updated++;
  }
  const insertedIds = await insertFresh(tx, fresh, options);
  unchanged += fresh.length - insertedIds.length;
  return { inserted: insertedIds.length, updated, unchanged, insertedIds };
}

async function findExisting(tx: Tx, batch: TaggedArticle[]): Promise<Existing[]> {
  const urls = batch.map((a) => a.canonicalUrl);
  const bySource = new Map<string, TaggedArticle[]>();
  for (const article of batch) bySource.set(article.sourceSlug, [...(bySource.get(article.sourceSlug) ?? []), article]);
  const perSource = [...bySource.entries()].map(([slug, list]) => {
    const guids = list.map((a) => a.guid).filter((g): g is string => g !== null);
    const hashes = list.filter((a) => a.guid === null).map((a) => a.contentHash);
    return and(
      eq(items.sourceSlug, slug),
      or(
        guids.length > 0 ? inArray(items.guid, guids) : sql`false`,
        hashes.length > 0 ? and(isNull(items.guid), inArray(items.contentHash, hashes)) : sql`false`,
      ),
    );
  });
  return tx
    .select({
      id: items.id,
      sourceSlug: items.sourceSlug,
      guid: items.guid,
      canonicalUrl: items.canonicalUrl,
      contentHash: items.contentHash,
      title: items.title,
      summary: items.summary,
    })
    .from(items)
    .where(or(inArray(items.canonicalUrl, urls), ...perSource));
}

function matchExisting(existing: Existing[], article: TaggedArticle): Existing | undefined {
  return (
    existing.find((row) => row.canonicalUrl === article.canonicalUrl) ??
    (article.guid !== null ? existing.find((row) => row.sourceSlug === article.sourceSlug && row.guid === article.guid) : undefined) ??
    (article.guid === null
      ? existing.find((row) => row.sourceSlug === article.sourceSlug && row.guid === null && row.contentHash === article.contentHash)
      : undefined)
  );
}

async function insertFresh(tx: Tx, fresh: TaggedArticle[], options: { now: Date; tagVersion: number }): Promise<number[]> {
  if (fresh.length === 0) return [];
  const storyIds = await openStories(tx, fresh.map((article) => seenAtOf(article, options.now)));
  // DO NOTHING on any unique key: a concurrent fetcher that stored the same item first wins, and we skip it.
  const inserted = await tx
    .insert(items)
    .values(
      fresh.map((article, index) => ({
        storyId: storyIds[index],
        sourceSlug: article.sourceSlug,
        guid: article.guid,
        url: article.url,
        canonicalUrl: article.canonicalUrl,
        title: article.title,
        summary: article.summary,
        bodyText: article.bodyText,
        bodyError: article.bodyError ?? null,
        author: article.author,
        publishedAt: article.publishedAt,
        fetchedAt: options.now,
        seenAt: seenAtOf(article, options.now),
        language: article.language,
        contentHash: article.contentHash,
        categories: article.categories,
        relevant: article.tags.relevant,
        companies: article.tags.companies.map((tag) => tag.company),
        topics: article.tags.topics.map((tag) => tag.topic),
        tagVersion: options.tagVersion,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: items.id, canonicalUrl: items.canonicalUrl, seenAt: items.seenAt, storyId: items.storyId });
  const byUrl = new Map(fresh.map((article) => [article.canonicalUrl, article]));
  for (const row of inserted) {
    const article = byUrl.get(row.canonicalUrl);
    if (article) await insertTags(tx, row.id, article.tags);
  }
  // Story assignment runs in the same per-source transaction: an item is never stored without a story.
  const withFingerprints = inserted.flatMap((row) => {
    const article = byUrl.get(row.canonicalUrl);
    return article ? [{ id: row.id, storyId: row.storyId!, fingerprint: fingerprintOfArticle(article, row.seenAt) }] : [];
  });
  await assignStories(tx, withFingerprints);
  // Stories opened for articles a concurrent fetcher stored first have no item: drop them.
  await dropEmptyStories(tx, storyIds.filter((id) => !inserted.some((row) => row.storyId === id)));
  return inserted.map((row) => row.id);
}

function fingerprintOfArticle(article: TaggedArticle, seenAt: Date) {
  return fingerprintOf({
    title: article.title,
    text: article.summary || article.bodyText,
    language: article.language,
    companies: article.tags.companies.map((tag) => tag.company),
    seenAt,
  });
}

function seenAtOf(article: TaggedArticle, now: Date): Date {
  // A date in the future is a feed's mistake; clamp it so "newest first" stays honest.
  if (!article.publishedAt || article.publishedAt.getTime() > now.getTime() + 3_600_000) return now;
  return article.publishedAt;
}

async function insertTags(tx: Tx, itemId: number, tags: TagResult): Promise<void> {
  if (tags.companies.length > 0) {
    await tx.insert(itemCompanies).values(tags.companies.map((tag) => ({ itemId, ...tag }))).onConflictDoNothing();
  }
  if (tags.topics.length > 0) {
    await tx.insert(itemTopics).values(tags.topics.map((tag) => ({ itemId, ...tag }))).onConflictDoNothing();
  }
}

async function replaceTags(tx: Tx, itemId: number, tags: TagResult): Promise<void> {
  await tx.delete(itemCompanies).where(eq(itemCompanies.itemId, itemId));
  await tx.delete(itemTopics).where(eq(itemTopics.itemId, itemId));
  await insertTags(tx, itemId, tags);
}

function uniqueWithinBatch(articles: TaggedArticle[]): TaggedArticle[] {
  const seen = new Set<string>();
  return articles.filter((article) => {
    const keys = [`u:${article.canonicalUrl}`, article.guid ? `g:${article.sourceSlug}:${article.guid}` : `h:${article.sourceSlug}:${article.contentHash}`];
    if (keys.some((key) => seen.has(key))) return false;
    for (const key of keys) seen.add(key);
    return true;
  });
}
