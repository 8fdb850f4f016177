import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { items, itemTagTimes, sources } from '../../db/schema.js';
import type { Db } from './db.js';
import { singleTag, tagSlice, tsqueryOf, whereOf, type ItemFilters } from './items-filter.js';
import { itemColumns, type ItemView } from './items-query.js';
import { angleStandIns, markClose, markOpen, snippetHtml, splitSearchText, windowAround } from './search-text.js';

export type ItemSort = 'newest' | 'relevance';

/**
 * Where the previous page stopped. `time` is seen_at as PostgreSQL printed it (microseconds kept),
 * so the keyset comparison is exact; `rank` is the float4 ts_rank_cd of the last row.
 */
export type ItemCursor = { sort: 'newest'; time: string; id: number } | { sort: 'relevance'; rank: number; id: number };

export interface ItemHit extends ItemView {
  /** Relevance (ts_rank_cd) when q was given. */
  rank?: number;
  /** HTML-escaped text around the match, matches in <mark>, when q was given. */
  snippet?: string;
}

export interface ItemPage {
  items: ItemHit[];
  next?: ItemCursor;
}

const rankOf = (tsquery: SQL) => sql<number>`ts_rank_cd(${items.search}, ${tsquery})`;

/**
 * One page of items. newest: (seen_at, id) descending, so pages stay stable while items arrive
 * (new ones sort before the cursor). relevance: (rank, id) descending; needs q.
 */
export async function listItems(db: Db, filters: ItemFilters, page: { limit: number; sort?: ItemSort; cursor?: ItemCursor; snippets?: boolean }): Promise<ItemPage> {
  const search = filters.q ? splitSearchText(filters.q) : undefined;
  const tsquery = search ? tsqueryOf(search) : undefined;
  const byRank = page.sort === 'relevance' && tsquery !== undefined;
  const rank = tsquery ? rankOf(tsquery) : sql<number>`0`;
  const cursor = page.cursor;
  const newestCursor = cursor?.sort === 'newest' && !byRank ? cursor : undefined;
  const after = newestCursor ? sql`(${items.seenAt}, ${items.id}) < (${newestCursor.time}::timestamptz, ${newestCursor.id})` : undefined;
  const afterRank = cursor?.sort === 'relevance' && byRank ? { rank: cursor.rank, id: cursor.id } : undefined;

  // Pick the page's ids first: with no q this reads only items_seen_cover_idx (an index-only scan
  // that filters on the included companies/topics/...); the heap is read for the page's rows alone.
  const rowsOf = (pageIds: ReturnType<typeof newestIds>) =>
    db
      .select({ ...itemColumns, time: sql<string>`${items.seenAt}::text`, rank: pageIds.rank })
      .from(pageIds)
      .innerJoin(items, eq(items.id, pageIds.id))
      .innerJoin(sources, eq(sources.slug, items.sourceSlug))
      .orderBy(...(byRank ? [desc(pageIds.rank), desc(items.id)] : [desc(items.seenAt), desc(items.id)]));
  let rows: Awaited<ReturnType<typeof rowsOf>> = [];
  if (tsquery && !byRank) rows = await rowsOf(recentMatchIds(db, filters, tsquery, after, page.limit));
  if (rows.length <= page.limit) {
    rows = await rowsOf(byRank ? rankedIds(db, filters, rank, afterRank, page.limit) : newestIds(db, filters, newestCursor, page.limit));
  }

  const pageRows = rows.slice(0, page.limit);
  const last = pageRows[pageRows.length - 1];
  let next: ItemCursor | undefined;
  if (rows.length > page.limit && last) {
    next = byRank ? { sort: 'relevance', rank: Number(last.rank), id: last.id } : { sort: 'newest', time: last.time, id: last.id };
  }
  const snippets = search && page.snippets !== false ? await snippetsFor(db, pageRows.map((row) => row.id), filters.q!) : new Map<number, string>();
  const hits = pageRows.map(({ time: _time, rank: rowRank, ...row }): ItemHit => {
    if (!search) return row;
    return { ...row, ...(byRank ? { rank: Number(rowRank) } : {}), snippet: snippets.get(row.id) ?? '' };
  });
  return { items: hits, next };
}

function newestIds(db: Db, filters: ItemFilters, cursor: { time: string; id: number } | undefined, limit: number) {
  const tag = singleTag(filters);
  if (tag) {
    // One company or topic: its slice of item_tag_times' primary key is already in (time, id) order.
    const t = itemTagTimes;
    return db
      .select({ id: t.itemId, rank: sql<number>`0`.as('rank') })
      .from(t)
      .where(
        and(tagSlice(tag, filters), cursor ? sql`(${t.seenAt}, ${t.itemId}) < (${cursor.time}::timestamptz, ${cursor.id})` : undefined),
      )
      .orderBy(desc(t.seenAt), desc(t.itemId))
      .limit(limit + 1)
      .as('page_ids');
  }
  const after = cursor ? sql`(${items.seenAt}, ${items.id}) < (${cursor.time}::timestamptz, ${cursor.id})` : undefined;
  return db
    .select({ id: items.id, rank: sql<number>`0`.as('rank') })
    .from(items)
    .where(whereOf(filters, after))
    .orderBy(desc(items.seenAt), desc(items.id))
    .limit(limit + 1)
    .as('page_ids');
}

/**
 * How many of the newest items (after the other filters) a search looks through before asking
 * the planner. PostgreSQL estimates phrase and multi-word queries as far rarer than they are
 * (it multiplies the words' frequencies), then fetches every match through the GIN index and sorts
 * them: 27,000 heap rows for 文心一言 at 1M items. Words that common fill a page within the newest
 * few thousand items; rarer ones fall through to the GIN plan, which is then cheap.
 */
export const searchWalk = 4000;

function recentMatchIds(db: Db, filters: ItemFilters, tsquery: SQL, after: SQL | undefined, limit: number) {
  const recent = db
    .select({ id: items.id, seenAt: items.seenAt, search: items.search })
    .from(items)
    .where(whereOf({ ...filters, q: undefined }, after))
    .orderBy(desc(items.seenAt), desc(items.id))
    .limit(searchWalk)
    .as('recent');
  return db
    .select({ id: recent.id, rank: sql<number>`0`.as('rank') })
    .from(recent)
    .where(sql`${recent.search} @@ ${tsquery}`)
    .orderBy(desc(recent.seenAt), desc(recent.id))
    .limit(limit + 1)
    .as('page_ids');
}

/**
 * How many of the newest matches sort=relevance ranks. ts_rank_cd reads each match's tsvector, so
 * ranking every match of a common word over a million items takes seconds; researchers narrowing
 * by company, topic or time stay well inside the window.
 */
export const relevanceWindow = 1000;

function rankedIds(db: Db, filters: ItemFilters, rank: SQL<number>, after: { rank: number; id: number } | undefined, limit: number) {
  const candidates = db
    .select({ id: items.id, rank: rank.as('rank') })
    .from(items)
    .where(whereOf(filters))
    .orderBy(desc(items.seenAt), desc(items.id))
    .limit(relevanceWindow)
    .as('candidates');
  return db
    .select({ id: candidates.id, rank: candidates.rank })
    .from(candidates)
    .where(after ? sql`(${candidates.rank}, ${candidates.id}) < (${String(after.rank)}::real, ${after.id})` : undefined)
    .orderBy(desc(candidates.rank), desc(candidates.id))
    .limit(limit + 1)
    .as('page_ids');
}

const headlineOptions = `StartSel=${markOpen}, StopSel=${markClose}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Highlighted snippets for one page of hits, in a second query so ts_headline runs on at most
 * `limit` rows (in the listing query PostgreSQL would evaluate it before the sort and limit).
 */
async function snippetsFor(db: Db, ids: number[], q: string): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const search = splitSearchText(q);
  // ts_headline's parser drops anything that looks like an HTML tag ("<Baidu>"): hide < and >
  // behind look-alikes and put them back in snippetHtml.
  const raw = sql`${items.title} || ' — ' || coalesce(nullif(${items.summary}, ''), left(coalesce(${items.bodyText}, ''), 600))`;
  const text = sql`translate(${raw}, '<>', ${angleStandIns})`;
  const headline = search.english ? sql<string>`ts_headline('english', ${text}, websearch_to_tsquery('english', ${search.english}), ${headlineOptions})` : sql<string>`${text}`;
  const rows = await db.select({ id: items.id, headline }).from(items).where(inArray(items.id, ids));
  return new Map(
    rows.map((row) => {
      const body = search.english ? row.headline : windowAround(row.headline, search.cjkTerms);
      return [row.id, snippetHtml(body, search.cjkTerms)];
    }),
  );
}

/**
 * Every item matching the filters, newest first, fetched in keyset batches so an export of a
 * million rows holds one batch in memory at a time (no server-side cursor: works the same on PGlite).
 */
export async function* streamItems(db: Db, filters: ItemFilters, batchSize = 1000): AsyncGenerator<ItemHit[]> {
  let cursor: ItemCursor | undefined;
  do {
    const page = await listItems(db, filters, { limit: batchSize, cursor, snippets: false });
    if (page.items.length) yield page.items;
    cursor = page.next;
  } while (cursor);
}
