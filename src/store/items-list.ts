import { desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { items, sources } from '../../db/schema.js';
import type { Db } from './db.js';
import { tsqueryOf, whereOf, type ItemFilters } from './items-filter.js';
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
  let after: SQL | undefined;
  if (cursor?.sort === 'newest' && !byRank) after = sql`(${items.seenAt}, ${items.id}) < (${cursor.time}::timestamptz, ${cursor.id})`;
  if (cursor?.sort === 'relevance' && byRank) after = sql`(${rank}, ${items.id}) < (${String(cursor.rank)}::real, ${cursor.id})`;

  const rows = await db
    .select({ ...itemColumns, time: sql<string>`${items.seenAt}::text`, rank: byRank ? rank : sql<number>`0` })
    .from(items)
    .innerJoin(sources, eq(sources.slug, items.sourceSlug))
    .where(whereOf(filters, after))
    .orderBy(...(byRank ? [desc(rank), desc(items.id)] : [desc(items.seenAt), desc(items.id)]))
    .limit(page.limit + 1);

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
