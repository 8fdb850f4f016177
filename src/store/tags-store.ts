import { and, asc, count, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import { itemCompanies, items, itemTopics } from '../../db/schema.js';
import type { TagResult } from '../domain.js';
import { withConflictRetry } from './conflict-retry.js';
import type { Db } from './db.js';
import { jsonRows } from './json-rows.js';
import { toNumber } from './rows.js';
import { startQuery } from './started-query.js';
import type { Queryable } from './story-keys-store.js';

/** The text an item was tagged from, as the re-tagger reads it. */
export interface TaggableItem {
  id: number;
  title: string;
  summary: string;
  bodyText: string | null;
}

/** How many stored items carry tags from another catalogue version than `version`. */
export async function countStaleTags(db: Db, version: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(items).where(ne(items.tagVersion, version));
  return toNumber(row?.n);
}

/** The next `limit` items with stale tags after id `afterId`, in id order (keyset paging). */
export async function staleTagBatch(db: Db, version: number, afterId: number, limit: number): Promise<TaggableItem[]> {
  return db
    .select({ id: items.id, title: items.title, summary: items.summary, bodyText: items.bodyText })
    .from(items)
    .where(and(ne(items.tagVersion, version), gt(items.id, afterId)))
    .orderBy(asc(items.id))
    .limit(limit);
}

/**
 * Replaces the tags of a batch of items in one transaction: the slug arrays on items (what the
 * `company=`/`topic=` filters read), the evidence rows, and the catalogue version they came from.
 */
export async function replaceItemTags(db: Db, tagged: Array<{ id: number; tags: TagResult }>, version: number): Promise<void> {
  if (tagged.length === 0) return;
  await withConflictRetry(() => db.transaction((tx) => writeItemTags(tx, tagged, version)));
}

/** replaceItemTags inside a transaction the caller holds. */
export async function writeItemTags(tx: Queryable, tagged: Array<{ id: number; tags: TagResult }>, version: number): Promise<void> {
  const ids = tagged.map((item) => item.id);
  await tx.delete(itemCompanies).where(inArray(itemCompanies.itemId, ids));
  await tx.delete(itemTopics).where(inArray(itemTopics.itemId, ids));
  // One UPDATE ... FROM (VALUES ...) per batch, not a statement per item. Slugs never contain
  // commas, so the arrays travel as text and string_to_array rebuilds them (same SQL on both drivers).
  const rows = tagged.map(
    ({ id, tags }) =>
      sql`(${id}::bigint, ${tags.companies.map((t) => t.company).join(',')}::text, ${tags.topics.map((t) => t.topic).join(',')}::text, ${tags.relevant}::boolean)`,
  );
  await tx.execute(sql`
    update items set companies = string_to_array(v.companies, ','), topics = string_to_array(v.topics, ','),
      relevant = v.relevant, tag_version = ${version}
    from (values ${sql.join(rows, sql`, `)}) as v(id, companies, topics, relevant)
    where items.id = v.id`);
  await insertTagEvidence(tx, tagged);
}

/**
 * The evidence rows of many items' tags: one INSERT per table, the rows as one jsonb literal. Both
 * go out together (the connection runs them in turn): awaiting the first before building the
 * second left the server idle in every batch of a fetch run.
 */
export async function insertTagEvidence(tx: Queryable, tagged: Array<{ id: number; tags: TagResult }>): Promise<void> {
  const companyRows = tagged.flatMap(({ id, tags }) => tags.companies.map((tag) => ({ item_id: id, ...tag })));
  const topicRows = tagged.flatMap(({ id, tags }) => tags.topics.map((tag) => ({ item_id: id, ...tag })));
  await Promise.all([
    startEvidenceInsert(tx, itemCompanies, { tag: 'company', word: 'alias' }, companyRows),
    startEvidenceInsert(tx, itemTopics, { tag: 'topic', word: 'keyword' }, topicRows),
  ]);
}

/** Starts one table's evidence INSERT (item_id, tag, field, the matched word, score); nothing for no rows. */
function startEvidenceInsert(
  tx: Queryable,
  table: typeof itemCompanies | typeof itemTopics,
  columns: { tag: 'company' | 'topic'; word: 'alias' | 'keyword' },
  rows: object[],
): Promise<unknown> | undefined {
  if (rows.length === 0) return undefined;
  const tag = sql.identifier(columns.tag);
  const word = sql.identifier(columns.word);
  return startQuery(
    tx.execute(sql`insert into ${table} (item_id, ${tag}, field, ${word}, score)
      select item_id, ${tag}, field, ${word}, score
      from jsonb_to_recordset(${jsonRows(rows)}) as t(item_id bigint, ${tag} text, field text, ${word} text, score real)
      on conflict do nothing`),
  );
}

export interface CompanyCounts {
  /** Items tagged with the company. */
  items: number;
  /** Of those, items judged news about the Chinese AI industry. */
  relevant: number;
  /** Of those, items where the company is in the title (the item is about it). */
  inTitle: number;
}

/** Per-company item counts for GET /api/companies. */
export async function countItemsPerCompany(db: Db): Promise<Map<string, CompanyCounts>> {
  const rows = await db
    .select({
      company: itemCompanies.company,
      items: count(),
      relevant: sql<number>`count(*) filter (where ${items.relevant})`,
      inTitle: sql<number>`count(*) filter (where ${itemCompanies.field} = 'title')`,
    })
    .from(itemCompanies)
    .innerJoin(items, eq(items.id, itemCompanies.itemId))
    .groupBy(itemCompanies.company);
  return new Map(rows.map((row) => [row.company, { items: toNumber(row.items), relevant: toNumber(row.relevant), inTitle: toNumber(row.inTitle) }]));
}
