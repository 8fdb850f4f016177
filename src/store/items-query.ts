import { and, arrayOverlaps, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { itemCompanies, items, sources } from '../../db/schema.js';
import type { Db } from './db.js';
import { toNumber } from './rows.js';

export interface ItemFilters {
  companies?: string[];
  topics?: string[];
  sources?: string[];
  lang?: string;
  from?: Date;
  to?: Date;
  relevant?: boolean;
  storyId?: number;
}

export interface ItemCursor {
  seenAt: Date;
  id: number;
}

export interface ItemView {
  id: number;
  source: string;
  sourceName: string;
  url: string;
  canonicalUrl: string;
  title: string;
  summary: string;
  author: string | null;
  publishedAt: Date | null;
  seenAt: Date;
  language: string;
  companies: string[];
  topics: string[];
  relevant: boolean;
  storyId: number | null;
}

const itemColumns = {
  id: items.id,
  source: items.sourceSlug,
  sourceName: sources.name,
  url: items.url,
  canonicalUrl: items.canonicalUrl,
  title: items.title,
  summary: items.summary,
  author: items.author,
  publishedAt: items.publishedAt,
  seenAt: items.seenAt,
  language: items.language,
  companies: items.companies,
  topics: items.topics,
  relevant: items.relevant,
  storyId: items.storyId,
};

function whereOf(filters: ItemFilters, cursor?: ItemCursor): SQL | undefined {
  const conditions: Array<SQL | undefined> = [
    filters.companies?.length ? arrayOverlaps(items.companies, filters.companies) : undefined,
    filters.topics?.length ? arrayOverlaps(items.topics, filters.topics) : undefined,
    filters.sources?.length ? inArray(items.sourceSlug, filters.sources) : undefined,
    filters.lang ? eq(items.language, filters.lang) : undefined,
    filters.from ? gte(items.seenAt, filters.from) : undefined,
    filters.to ? lt(items.seenAt, filters.to) : undefined,
    filters.relevant !== undefined ? eq(items.relevant, filters.relevant) : undefined,
    filters.storyId !== undefined ? eq(items.storyId, filters.storyId) : undefined,
    cursor ? or(lt(items.seenAt, cursor.seenAt), and(eq(items.seenAt, cursor.seenAt), lt(items.id, cursor.id))) : undefined,
  ];
  return and(...conditions.filter((c): c is SQL => c !== undefined));
}

/** One page of items, newest first; keyset pagination stays stable while new items arrive. */
export async function listItems(db: Db, filters: ItemFilters, page: { limit: number; cursor?: ItemCursor }): Promise<{ items: ItemView[]; next?: ItemCursor }> {
  const rows = await db
    .select(itemColumns)
    .from(items)
    .innerJoin(sources, eq(sources.slug, items.sourceSlug))
    .where(whereOf(filters, page.cursor))
    .orderBy(desc(items.seenAt), desc(items.id))
    .limit(page.limit + 1);
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows, next: rows.length > page.limit && last ? { seenAt: last.seenAt, id: last.id } : undefined };
}

/** One item with its tag evidence, or undefined. */
export async function getItem(db: Db, id: number) {
  const [row] = await db
    .select({ ...itemColumns, bodyText: items.bodyText })
    .from(items)
    .innerJoin(sources, eq(sources.slug, items.sourceSlug))
    .where(eq(items.id, id));
  if (!row) return undefined;
  const evidence = await db.select().from(itemCompanies).where(eq(itemCompanies.itemId, id));
  return { ...row, companyEvidence: evidence.map(({ itemId: _, ...tag }) => tag) };
}

/** Items counted per company slug (all time). */
export async function countItemsByCompany(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .select({ company: itemCompanies.company, count: sql<number>`count(*)::int` })
    .from(itemCompanies)
    .groupBy(itemCompanies.company);
  return new Map(rows.map((row) => [row.company, toNumber(row.count)]));
}

export interface WeekItem extends ItemView {
  sourceWeight: number;
  companyEvidence: Array<{ company: string; score: number }>;
}

/** Tagged items seen in [from, to), for the roundup draft. */
export async function itemsSeenBetween(db: Db, from: Date, to: Date, options: { onlyTagged: boolean }): Promise<WeekItem[]> {
  const rows = await db
    .select({ ...itemColumns, sourceWeight: sources.weight })
    .from(items)
    .innerJoin(sources, eq(sources.slug, items.sourceSlug))
    .where(and(gte(items.seenAt, from), lt(items.seenAt, to), options.onlyTagged ? sql`cardinality(${items.companies}) > 0` : undefined))
    .orderBy(desc(items.seenAt), desc(items.id));
  const ids = rows.map((row) => row.id);
  const evidence = ids.length
    ? await db.select({ itemId: itemCompanies.itemId, company: itemCompanies.company, score: itemCompanies.score }).from(itemCompanies).where(inArray(itemCompanies.itemId, ids))
    : [];
  return rows.map((row) => ({
    ...row,
    companyEvidence: evidence.filter((e) => e.itemId === row.id).map(({ company, score }) => ({ company, score })),
  }));
}
