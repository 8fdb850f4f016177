import { and, eq, gte, inArray, lt, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { items, itemTagTimes, stories } from '../../db/schema.js';
import type { Db } from './db.js';
import { filterConditions, singleTag, tagSlice, type ItemFilters } from './items-filter.js';
import { rowsOf, toNumber } from './rows.js';

export interface WeekCount {
  /** ISO week label, e.g. 2025-W07. */
  week: string;
  items: number;
  /** Distinct stories; an item not (yet) in a story counts as its own story. */
  stories: number;
}

/** The Monday 00:00 (as local time in `zone`) of a time column's ISO week. */
const weekStartOf = (column: SQL | AnyColumn, zone: string) => sql`date_trunc('week', ${column} at time zone ${zone})`;
/** The ISO week label (2025-W07) of a time column in `zone`. */
const isoWeekOf = (column: SQL | AnyColumn, zone: string) => sql<string>`to_char(${weekStartOf(column, zone)}, 'IYYY-"W"IW')`;
const storyKey = sql`coalesce(${items.storyId}, -${items.id})`;

/**
 * Items and stories per ISO week for the filtered items in [from, to); weeks with none are absent.
 * Stories are counted in two steps (per week and story, then per week) so PostgreSQL can hash
 * instead of sorting every row for count(distinct).
 */
export async function weeklyCounts(db: Db, filters: ItemFilters & { from: Date; to: Date }, zone: string): Promise<WeekCount[]> {
  const tag = singleTag(filters);
  const perStory = tag
    ? sql`select ${weekStartOf(itemTagTimes.seenAt, zone)} as week_start, ${itemTagTimes.storyKey} as story, count(*) as n from ${itemTagTimes}
          where ${tagSlice(tag, filters)}
          group by 1, 2`
    : sql`select ${weekStartOf(items.seenAt, zone)} as week_start, ${storyKey} as story, count(*) as n from ${items} where ${and(...filterConditions(filters))} group by 1, 2`;
  // Labels are made once per week, not once per row.
  const result = await db.execute(
    sql`select to_char(week_start, 'IYYY-"W"IW') as week, sum(n)::int as items, count(*)::int as stories from (${perStory}) as per_story group by week_start order by week_start`,
  );
  return rowsOf<{ week: string; items: unknown; stories: unknown }>(result).map((row) => ({ week: row.week, items: toNumber(row.items), stories: toNumber(row.stories) }));
}

/** Stories per ISO week for each of the given companies (the /companies page). */
export async function weeklyStoriesByCompany(db: Db, range: { from: Date; to: Date; companies: string[] }, zone: string): Promise<Array<{ company: string; week: string; stories: number }>> {
  const result = await db.execute(sql`
    select ${itemTagTimes.tag} as company, ${isoWeekOf(itemTagTimes.seenAt, zone)} as week, count(distinct ${itemTagTimes.storyKey})::int as stories
    from ${itemTagTimes}
    where ${and(eq(itemTagTimes.kind, 'company'), inArray(itemTagTimes.tag, range.companies), gte(itemTagTimes.seenAt, range.from), lt(itemTagTimes.seenAt, range.to))}
    group by 1, 2`);
  return rowsOf<{ company: string; week: string; stories: unknown }>(result).map((row) => ({ ...row, stories: toNumber(row.stories) }));
}

export interface TopStory {
  company: string;
  storyId: number | null;
  itemId: number;
  title: string;
  url: string;
  items: number;
  sources: number;
}

/** Each company's most-covered stories in [from, to): most distinct sources, then most items. */
export async function topStoriesByCompany(db: Db, range: { from: Date; to: Date }, perCompany: number): Promise<TopStory[]> {
  const result = await db.execute(sql`
    with tagged as (
      select c.company, ${items.storyId} as story_id, ${items.id} as id, ${items.title} as title, ${items.url} as url,
             ${items.sourceSlug} as source, ${items.seenAt} as seen_at, ${storyKey} as story_key,
             -- the story's representative item if the clusterer chose one, else its first English item, else its first
             (case when ${items.id} = ${stories.representativeItemId} then 0 when ${items.language} = 'en' then 1 else 2 end) as preference
      from ${items} cross join lateral unnest(${items.companies}) as c(company)
      left join ${stories} on ${stories.id} = ${items.storyId}
      where ${and(gte(items.seenAt, range.from), lt(items.seenAt, range.to))}
    ), grouped as (
      select company, max(story_id) as story_id, (array_agg(id order by preference, seen_at, id))[1] as item_id,
             (array_agg(title order by preference, seen_at, id))[1] as title, (array_agg(url order by preference, seen_at, id))[1] as url,
             count(*)::int as items, count(distinct source)::int as sources
      from tagged group by company, story_key
    )
    select * from (
      select grouped.*, row_number() over (partition by company order by sources desc, items desc, item_id desc) as place from grouped
    ) ranked where place <= ${perCompany} order by company, place`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    company: String(row.company),
    storyId: row.story_id === null ? null : toNumber(row.story_id),
    itemId: toNumber(row.item_id),
    title: String(row.title),
    url: String(row.url),
    items: toNumber(row.items),
    sources: toNumber(row.sources),
  }));
}
