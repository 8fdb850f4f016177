import { desc, eq, inArray, sql } from 'drizzle-orm';
import { items, sources, stories } from '../../db/schema.js';
import type { Db } from './db.js';
import { listItems } from './items-list.js';
import type { ItemView } from './items-query.js';
import { toNumber } from './rows.js';

export interface StoryView {
  id: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  itemCount: number;
  sourceCount: number;
  representative: { id: number; title: string; url: string; source: string; sourceName: string } | null;
  outlets: string[];
}

/** A story with all its items and outlets; a merged id resolves to the story it was merged into. */
export async function getStory(db: Db, id: number): Promise<(StoryView & { requestedId: number; items: ItemView[]; outletCounts: Array<{ source: string; name: string; items: number }> }) | undefined> {
  const [row] = await db.select({ id: stories.id, mergedInto: stories.mergedInto }).from(stories).where(eq(stories.id, id));
  if (!row) return undefined;
  const liveId = row.mergedInto !== null ? toNumber(row.mergedInto) : id;
  const [view] = await storyViews(db, [liveId]);
  if (!view) return undefined;
  const storyItems = await listItems(db, { storyId: liveId }, { limit: 1000 });
  const outletCounts = await db
    .select({ source: items.sourceSlug, name: sources.name, items: sql<number>`count(*)::int` })
    .from(items)
    .innerJoin(sources, eq(sources.slug, items.sourceSlug))
    .where(eq(items.storyId, liveId))
    .groupBy(items.sourceSlug, sources.name)
    .orderBy(desc(sql`count(*)`), items.sourceSlug);
  return { ...view, requestedId: id, items: storyItems.items, outletCounts: outletCounts.map((o) => ({ ...o, items: toNumber(o.items) })) };
}

/** The public view of these stories, in the order given (ids that do not exist are skipped). */
export async function storyViews(db: Db, ids: number[]): Promise<StoryView[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(stories).where(inArray(stories.id, ids));
  const representatives = await db
    .select({ id: items.id, title: items.title, url: items.url, source: items.sourceSlug, sourceName: sources.name })
    .from(items)
    .innerJoin(sources, eq(sources.slug, items.sourceSlug))
    .where(inArray(items.id, rows.map((row) => row.representativeItemId).filter((v): v is number => v !== null).map(toNumber)));
  const outlets = await db
    .selectDistinct({ storyId: items.storyId, name: sources.name })
    .from(items)
    .innerJoin(sources, eq(sources.slug, items.sourceSlug))
    .where(inArray(items.storyId, ids));
  const byId = new Map(rows.map((row) => [toNumber(row.id), row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const representative = representatives.find((r) => toNumber(r.id) === toNumber(row.representativeItemId)) ?? null;
    return [{
      id,
      firstSeenAt: row.firstSeenAt,
      lastSeenAt: row.lastSeenAt,
      itemCount: row.itemCount,
      sourceCount: row.sourceCount,
      representative: representative ? { ...representative, id: toNumber(representative.id) } : null,
      outlets: outlets.filter((o) => toNumber(o.storyId) === id).map((o) => o.name).sort(),
    }];
  });
}
