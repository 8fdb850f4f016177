import { inArray } from 'drizzle-orm';
import { items } from '../../db/schema.js';
import type { Db } from './db.js';

/** Which of these canonical URLs are already stored: their article pages were fetched (or tried) before. */
export async function storedCanonicalUrls(db: Db, canonicalUrls: string[]): Promise<Set<string>> {
  if (canonicalUrls.length === 0) return new Set();
  const rows = await db.select({ canonicalUrl: items.canonicalUrl }).from(items).where(inArray(items.canonicalUrl, canonicalUrls));
  return new Set(rows.map((row) => row.canonicalUrl));
}
