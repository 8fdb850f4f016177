import { and, gte, lt, sql } from 'drizzle-orm';
import { items, stories } from '../../db/schema.js';
import type { Db } from './db.js';
import { filterConditions, type ItemFilters } from './items-filter.js';
import { rowsOf, toNumber } from './rows.js';

export interface WeekCount {
  /** ISO week label, e.g. 2025-W07. */
  week: string;
  items: number;
  /** Distinct stories; an item not (yet) in a story counts as its own story. */
  stories: number;
}

/** The ISO week (Monday start) of seen_at in `zone`, labelled like 2025-W07. */
const isoWeekOf = (zone: string) => sql<string>`to_char(date_trunc('week', ${items.seenAt} at time zone ${zone}), 'IYYY-"W"IW')`;
const storyKey = sql`coalesce(${items.storyId}, -${items.id})`;

/** Items and stories per ISO week for the filtered items in [from, to); weeks with none are absent. */
export async function weeklyCounts(db: Db, filters: ItemFilters & { from: Date; to: Date }, zone: string): Promise<WeekCount[]> {
  const week = isoWeekOf(zone);
  const rows = await db
    .select({ week, items: sql<number>`count(*)::int`, stories: sql<number>`count(distinct ${storyKey})::int` })
    .from(items)
    .where(and(...filterConditions(filters)))
    // By position: the zone is a bind parameter, so a repeated expression would not match the select's.
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  return rows.map((row) => ({ week: row.week, items: toNumber(row.items), stories: toNumber(row.stories) }));
}

/** Stories per ISO week for every company at once (the /companies page). */
export async function weeklyStoriesByCompany(db: Db, range: { from: Date; to: Date }, zone: string): Promise<Array<{ company: string; week: string; stories: number }>> {
  const result = await db.execute(sql`
    select c.company, ${isoWeekOf(zone)} as week, count(distinct ${storyKey})::int as stories
    from ${items} cross join lateral unnest(${items.companies}) as c(company)
    where ${and(gte(items.seenAt, range.from), lt(items.seenAt, range.to))}
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
