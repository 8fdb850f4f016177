import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { itemCompanies, items, sources } from '../../db/schema.js';
import type { Db } from './db.js';
import { toNumber } from './rows.js';

export type { ItemFilters } from './items-filter.js';

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

export const itemColumns = {
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
