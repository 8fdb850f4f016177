import { sql } from 'drizzle-orm';
import { itemCompanies, items, itemTopics } from '../../db/schema.js';
import type { TaggedArticle } from '../domain.js';
import { withConflictRetry } from './conflict-retry.js';
import type { Db } from './db.js';
import { insertFresh, type Entry, type Tx } from './items-insert.js';
import { integerLiteral, jsonLiteral, jsonRows, numberArray } from './json-rows.js';
import { rowsOf, toNumber } from './rows.js';
import { insertTagEvidence } from './tags-store.js';

export type ItemRow = typeof items.$inferSelect;

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

/** One source's articles and the time they were fetched at. */
export interface ArticleGroup {
  articles: TaggedArticle[];
  now: Date;
}


type Outcome = { kind: 'inserted'; id: number } | { kind: 'updated' } | { kind: 'unchanged' };

/**
 * Stores one source's articles idempotently in one transaction: an article already stored (same
 * canonical URL, same GUID in the source, or same content without a GUID) is updated, never duplicated.
 */
export async function saveArticles(db: Db, articles: TaggedArticle[], options: { now: Date; tagVersion: number }): Promise<SaveResult> {
  const [result] = await saveArticleGroups(db, [{ articles, now: options.now }], options.tagVersion);
  return result!;
}

/**
 * Stores several sources' articles in one transaction, with the same result as saving the groups
 * one after another: an article whose URL (or GUID or content in its source) an earlier group of the
 * same call already carries waits for a later batch, so it meets that row as a stored one. One
 * statement per table per batch, whatever the number of sources: per-source writes paid the
 * statements' fixed costs (round trips, planning, a commit) once for every few items.
 */
export async function saveArticleGroups(db: Db, groups: ArticleGroup[], tagVersion: number): Promise<SaveResult[]> {
  const results = groups.map((): SaveResult => ({ inserted: 0, updated: 0, unchanged: 0, insertedIds: [] }));
  const entries: Entry[] = [];
  groups.forEach(({ articles, now }, group) => {
    const unique = uniqueWithinBatch(articles);
    results[group]!.unchanged += articles.length - unique.length;
    for (const article of unique) entries.push({ group, article, now });
  });
  if (entries.length === 0) return results;
  // Counted only once the transaction has committed: a retried attempt must not count twice.
  const batchOutcomes = await withConflictRetry(() =>
    db.transaction(async (tx) => {
      const done: Array<{ batch: Entry[]; outcomes: Outcome[] }> = [];
      for (const batch of batchesOf(entries)) done.push({ batch, outcomes: await saveBatch(tx, batch, tagVersion) });
      return done;
    }),
  );
  for (const { batch, outcomes } of batchOutcomes) {
    outcomes.forEach((outcome, index) => {
      const result = results[batch[index]!.group]!;
      if (outcome.kind === 'inserted') {
        result.inserted++;
        result.insertedIds.push(outcome.id);
      } else result[outcome.kind]++;
    });
  }
  return results;
}

/**
 * Batches of at most batchSize entries, in arrival order except that an entry whose identity is
 * already in the batch (the same article from two sources) waits for the next one, where it meets
 * that row as a stored one, and so does any later entry sharing a key with a waiting one (entries
 * of one identity keep their order). A waiting entry then updates or leaves that row (it inserts
 * only where the first one matched a stored row under another key), so items still go in in
 * arrival order. Cutting the batch at each such entry instead split a fetch run's writes into a
 * third more statements.
 */
function batchesOf(entries: Entry[]): Entry[][] {
  const batches: Entry[][] = [];
  let rest = entries;
  while (rest.length > 0) {
    const batch: Entry[] = [];
    const waiting: Entry[] = [];
    const taken = new Set<string>();
    for (const entry of rest) {
      const own = identityKeys(entry.article);
      if (batch.length < batchSize && !own.some((key) => taken.has(key))) batch.push(entry);
      else waiting.push(entry);
      for (const key of own) taken.add(key);
    }
    batches.push(batch);
    rest = waiting;
  }
  return batches;
}

/** Each entry's outcome, in batch order. */
async function saveBatch(tx: Tx, batch: Entry[], tagVersion: number): Promise<Outcome[]> {
  const existing = await findExisting(tx, batch.map((entry) => entry.article));
  const outcomes: Outcome[] = batch.map(() => ({ kind: 'unchanged' }));
  const fresh: number[] = [];
  // Re-published with new words: the stored item is updated in place and re-tagged. Two articles
  // matching one row (by URL and by GUID) update it in turn, so the later one's words win.
  const republished = new Map<number, Entry>();
  batch.forEach((entry, index) => {
    const match = matchExisting(existing, entry.article);
    if (!match) fresh.push(index);
    else if (match.title !== entry.article.title || match.summary !== entry.article.summary) {
      republished.set(match.id, entry);
      outcomes[index] = { kind: 'updated' };
    }
  });
  await updateRepublished(tx, republished, tagVersion);
  // Articles a concurrent fetcher stored first stay 'unchanged'.
  const ids = await insertFresh(tx, fresh.map((index) => batch[index]!), tagVersion);
  fresh.forEach((index, position) => {
    const id = ids[position];
    if (id !== undefined) outcomes[index] = { kind: 'inserted', id };
  });
  return outcomes;
}

/** One UPDATE for the batch's re-published items, then their tag evidence replaced. */
async function updateRepublished(tx: Tx, republished: Map<number, Entry>, tagVersion: number): Promise<void> {
  if (republished.size === 0) return;
  const rows = [...republished].map(([id, { article, now }]) => ({
    id,
    title: article.title,
    summary: article.summary,
    published_at: article.publishedAt,
    content_hash: article.contentHash,
    companies: article.tags.companies.map((tag) => tag.company),
    topics: article.tags.topics.map((tag) => tag.topic),
    relevant: article.tags.relevant,
    updated_at: now,
  }));
  await tx.execute(sql`update ${items} set title = t.title, summary = t.summary,
      published_at = coalesce(${items.publishedAt}, t.published_at), content_hash = t.content_hash,
      companies = t.companies, topics = t.topics, relevant = t.relevant,
      tag_version = ${integerLiteral(tagVersion)}, updated_at = t.updated_at
    from jsonb_to_recordset(${jsonRows(rows)}) as t(id bigint, title text, summary text, published_at timestamptz,
      content_hash text, companies text[], topics text[], relevant boolean, updated_at timestamptz)
    where ${items.id} = t.id`);
  const ids = [...republished.keys()];
  await tx.execute(sql`delete from ${itemCompanies} where item_id = any(${numberArray(ids, 'bigint')})`);
  await tx.execute(sql`delete from ${itemTopics} where item_id = any(${numberArray(ids, 'bigint')})`);
  await insertTagEvidence(tx, [...republished].map(([id, { article }]) => ({ id, tags: article.tags })));
}

/**
 * Stored items matching the batch by canonical URL, by GUID in the source, or (no GUID) by content
 * in the source: one statement, the keys as jsonb literals (not hundreds of bind parameters).
 */
async function findExisting(tx: Tx, batch: TaggedArticle[]): Promise<Existing[]> {
  const urls = batch.map((a) => a.canonicalUrl);
  const guids = batch.filter((a) => a.guid !== null).map((a) => ({ source_slug: a.sourceSlug, guid: a.guid }));
  const hashes = batch.filter((a) => a.guid === null).map((a) => ({ source_slug: a.sourceSlug, content_hash: a.contentHash }));
  return rowsOf<ExistingRow>(
    await tx.execute(sql`select id, source_slug, guid, canonical_url, content_hash, title, summary from ${items}
      where canonical_url = any(array(select jsonb_array_elements_text(${jsonLiteral(urls)})))
      union
      select i.id, i.source_slug, i.guid, i.canonical_url, i.content_hash, i.title, i.summary
      from jsonb_to_recordset(${jsonRows(guids)}) as k(source_slug text, guid text)
      join ${items} i on i.source_slug = k.source_slug and i.guid = k.guid
      union
      select i.id, i.source_slug, i.guid, i.canonical_url, i.content_hash, i.title, i.summary
      from jsonb_to_recordset(${jsonRows(hashes)}) as k(source_slug text, content_hash text)
      join ${items} i on i.source_slug = k.source_slug and i.guid is null and i.content_hash = k.content_hash`),
  ).map((row) => ({
    id: toNumber(row.id),
    sourceSlug: row.source_slug,
    guid: row.guid,
    canonicalUrl: row.canonical_url,
    contentHash: row.content_hash,
    title: row.title,
    summary: row.summary,
  }));
}

interface ExistingRow {
  id: unknown;
  source_slug: string;
  guid: string | null;
  canonical_url: string;
  content_hash: string;
  title: string;
  summary: string;
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

function uniqueWithinBatch(articles: TaggedArticle[]): TaggedArticle[] {
  const seen = new Set<string>();
  return articles.filter((article) => {
    const keys = identityKeys(article);
    if (keys.some((key) => seen.has(key))) return false;
    for (const key of keys) seen.add(key);
    return true;
  });
}

/** The keys that make two articles the same item: the canonical URL, and the GUID (else the content) within the source. */
function identityKeys(article: TaggedArticle): string[] {
  return [`u:${article.canonicalUrl}`, article.guid ? `g:${article.sourceSlug}:${article.guid}` : `h:${article.sourceSlug}:${article.contentHash}`];
}

