import { eq } from 'drizzle-orm';
import { itemCompanies, items, sources } from '../../db/schema.js';
import type { Db } from './db.js';

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
