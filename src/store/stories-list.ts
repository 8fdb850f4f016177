import { and, desc, eq, gt, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { items, sources, stories } from '../../db/schema.js';
import type { Db } from './db.js';
import { filterConditions, tsqueryOf, whereOf, type ItemFilters } from './items-filter.js';
import { relevanceWindow, type ItemCursor } from './items-list.js';
import { itemColumns, type ItemView } from './items-query.js';
import { toNumber } from './rows.js';
import { splitSearchText } from './search-text.js';
import { storyViews, type StoryView } from './stories-query.js';

/** Same shape as an item cursor: (last_seen_at as PostgreSQL printed it, id) or (best rank, id). */
export type StoryCursor = ItemCursor;

/** A story row of the collapsed view: the story plus what of it matched the filters. */
export interface StoryHit extends StoryView {
  /** The newest of the story's items that match the filters. */
  newestMatch: ItemView | null;
  /** How many of the story's items match the filters (itemCount when there are none). */
  matchCount: number;
  /** With sort=relevance: the best ts_rank_cd among the story's matching items. */
  rank?: number;
}

/**
 * One page of live (unmerged) stories having at least one item that matches the filters.
 * newest: (last_seen_at, id) descending; relevance (needs q): best item rank among the newest
 * `relevanceWindow` matching items, then id.
 */
export async function listStories(db: Db, filters: ItemFilters, page: { limit: number; sort?: 'newest' | 'relevance'; cursor?: StoryCursor }): Promise<{ stories: StoryHit[]; next?: StoryCursor }> {
  const tsquery = filters.q ? tsqueryOf(splitSearchText(filters.q)) : undefined;
  const byRank = page.sort === 'relevance' && tsquery !== undefined;
  const rows = byRank ? await rankedStories(db, filters, tsquery, page) : await newestStories(db, filters, page);
  const pageRows = rows.slice(0, page.limit);
  const ids = pageRows.map((row) => toNumber(row.id));
  const [views, matches] = await Promise.all([storyViews(db, ids), matchesOf(db, filters, ids)]);
  const rankOf = new Map(pageRows.map((row) => [toNumber(row.id), Number(row.key)]));
  const hits = views.map((view): StoryHit => ({
    ...view,
    newestMatch: matches.newest.get(view.id) ?? null,
    matchCount: matches.counts.get(view.id) ?? 0,
    ...(byRank ? { rank: rankOf.get(view.id) } : {}),
  }));
  const last = pageRows[pageRows.length - 1];
  let next: StoryCursor | undefined;
  if (rows.length > page.limit && last) {
    next = byRank ? { sort: 'relevance', rank: Number(last.key), id: toNumber(last.id) } : { sort: 'newest', time: String(last.key), id: toNumber(last.id) };
  }
  return { stories: hits, next };
}

/** Stories by last activity. New items only move a story to the front, before any cursor handed out. */
async function newestStories(db: Db, filters: ItemFilters, page: { limit: number; cursor?: StoryCursor }) {
  const cursor = page.cursor?.sort === 'newest' ? page.cursor : undefined;
  // A story matches when one of its items does; no filters means every live story with items.
  const matching = filterConditions(filters).length ? sql`exists (select 1 from ${items} where ${whereOf(filters, sql`${items.storyId} = ${stories.id}`)})` : undefined;
  return db
    .select({ id: stories.id, key: sql<string>`${stories.lastSeenAt}::text` })
    .from(stories)
    .where(
      and(
        isNull(stories.mergedInto),
        gt(stories.itemCount, 0),
        matching,
        cursor ? sql`(${stories.lastSeenAt}, ${stories.id}) < (${cursor.time}::timestamptz, ${cursor.id})` : undefined,
      ),
    )
    .orderBy(...storyOrder(filters))
    .limit(page.limit + 1);
}

/**
 * The order steers the plan (measured at 1M items on PostgreSQL 15). DESC NULLS LAST matches
 * stories_last_seen_idx, so PostgreSQL walks stories from the newest and probes each one's items:
 * 0.4 ms with no filter or a broad one, but seconds when a time range or search makes the matches
 * few or old. Plain DESC (NULLS FIRST) cannot use that index, so PostgreSQL instead collects the
 * matching items through their own indexes (hash semi-join) and sorts only those stories.
 */
function storyOrder(filters: ItemFilters): SQL[] {
  const selective = filters.from !== undefined || filters.to !== undefined || filters.q !== undefined || filters.storyId !== undefined;
  if (selective) return [desc(stories.lastSeenAt), desc(stories.id)];
  return [sql`${stories.lastSeenAt} desc nulls last`, sql`${stories.id} desc nulls last`];
}

/** Stories by their best-ranked item among the newest matches (the window sort=relevance ranks on /api/items). */
async function rankedStories(db: Db, filters: ItemFilters, tsquery: SQL, page: { limit: number; cursor?: StoryCursor }) {
  const cursor = page.cursor?.sort === 'relevance' ? page.cursor : undefined;
  const candidates = db
    .select({ storyId: items.storyId, rank: sql<number>`ts_rank_cd(${items.search}, ${tsquery})`.as('rank') })
    .from(items)
    .where(whereOf(filters, isNotNull(items.storyId)))
    .orderBy(desc(items.seenAt), desc(items.id))
    .limit(relevanceWindow)
    .as('candidates');
  const best = db
    .select({ id: sql<number>`${candidates.storyId}`.as('story'), key: sql<number>`max(${candidates.rank})`.as('best') })
    .from(candidates)
    .groupBy(candidates.storyId)
    .as('best');
  return db
    .select({ id: best.id, key: best.key })
    .from(best)
    .where(cursor ? sql`(${best.key}, ${best.id}) < (${String(cursor.rank)}::real, ${cursor.id})` : undefined)
    .orderBy(desc(best.key), desc(best.id))
    .limit(page.limit + 1);
}

/** For each story of a page: its newest matching item and how many of its items match. */
async function matchesOf(db: Db, filters: ItemFilters, ids: number[]) {
  if (!ids.length) return { newest: new Map<number, ItemView>(), counts: new Map<number, number>() };
  const inPage = inArray(items.storyId, ids);
  const [newest, counts] = await Promise.all([
    db
      .selectDistinctOn([items.storyId], itemColumns)
      .from(items)
      .innerJoin(sources, eq(sources.slug, items.sourceSlug))
      .where(whereOf(filters, inPage))
      .orderBy(items.storyId, desc(items.seenAt), desc(items.id)),
    db.select({ storyId: items.storyId, count: sql<number>`count(*)::int` }).from(items).where(whereOf(filters, inPage)).groupBy(items.storyId),
  ]);
  return {
    newest: new Map(newest.map((row) => [toNumber(row.storyId), { ...row, id: toNumber(row.id) } as ItemView])),
    counts: new Map(counts.map((row) => [toNumber(row.storyId), toNumber(row.count)])),
  };
}
