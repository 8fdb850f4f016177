import { and, arrayOverlaps, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { items, itemTagTimes, stories } from '../../db/schema.js';
import { splitSearchText, type SearchText } from './search-text.js';

/** What a researcher can narrow items by; every field is optional and they combine with AND. */
export interface ItemFilters {
  /** Any of these company slugs (OR within the list). */
  companies?: string[];
  /** Any of these topics. */
  topics?: string[];
  sources?: string[];
  lang?: string;
  /** seen_at >= from */
  from?: Date;
  /** seen_at < to */
  to?: Date;
  relevant?: boolean;
  storyId?: number;
  /** Full-text query: websearch syntax for English, character bigrams for Chinese. */
  q?: string;
}

/** The tsquery for q, or undefined when q has nothing searchable (only stop words or punctuation). */
export function tsqueryOf(search: SearchText): SQL | undefined {
  const english = search.english ? sql`websearch_to_tsquery('english', ${search.english})` : undefined;
  const cjk = search.cjkQuery ? sql`to_tsquery('simple', ${search.cjkQuery})` : undefined;
  if (english && cjk) return sql`(${english} && ${cjk})`;
  return english ?? cjk;
}

/** The WHERE conditions for the filters (without any cursor). */
export function filterConditions(filters: ItemFilters): SQL[] {
  const search = filters.q ? splitSearchText(filters.q) : undefined;
  const tsquery = search ? tsqueryOf(search) : undefined;
  const conditions: Array<SQL | undefined> = [
    filters.companies?.length ? arrayOverlaps(items.companies, filters.companies) : undefined,
    filters.topics?.length ? arrayOverlaps(items.topics, filters.topics) : undefined,
    filters.sources?.length ? inArray(items.sourceSlug, filters.sources) : undefined,
    filters.lang ? eq(items.language, filters.lang) : undefined,
    filters.from ? gte(items.seenAt, filters.from) : undefined,
    filters.to ? lt(items.seenAt, filters.to) : undefined,
    filters.relevant !== undefined ? eq(items.relevant, filters.relevant) : undefined,
    // A merged story's items moved to its survivor (merged_into always names the final one).
    filters.storyId !== undefined
      ? eq(items.storyId, sql`coalesce((select ${stories.mergedInto} from ${stories} where ${stories.id} = ${filters.storyId}), ${filters.storyId})`)
      : undefined,
    // A q with nothing searchable in it (e.g. "the") matches nothing rather than everything.
    search ? (tsquery ? sql`${items.search} @@ ${tsquery}` : sql`false`) : undefined,
  ];
  return conditions.filter((c): c is SQL => c !== undefined);
}

/** filterConditions joined with AND (undefined when there are none). */
export function whereOf(filters: ItemFilters, ...more: Array<SQL | undefined>): SQL | undefined {
  return and(...filterConditions(filters), ...more);
}

/**
 * A filter that is exactly one company or one topic (plus a time range and relevance, the API's
 * default) can read item_tag_times.
 */
export function singleTag(filters: ItemFilters): { kind: 'company' | 'topic'; tag: string; relevant?: boolean } | undefined {
  const { companies = [], topics = [], from: _from, to: _to, relevant, ...rest } = filters;
  if (Object.values(rest).some((value) => value !== undefined && !(Array.isArray(value) && value.length === 0))) return undefined;
  if (companies.length === 1 && topics.length === 0) return { kind: 'company', tag: companies[0]!, relevant };
  if (topics.length === 1 && companies.length === 0) return { kind: 'topic', tag: topics[0]!, relevant };
  return undefined;
}

/** The item_tag_times rows of one tag in [from, to), of the asked relevance: a slice of its primary key's index. */
export function tagSlice(tag: NonNullable<ReturnType<typeof singleTag>>, range: { from?: Date; to?: Date }): SQL | undefined {
  const t = itemTagTimes;
  return and(
    eq(t.kind, tag.kind),
    eq(t.tag, tag.tag),
    range.from ? gte(t.seenAt, range.from) : undefined,
    range.to ? lt(t.seenAt, range.to) : undefined,
    tag.relevant === undefined ? undefined : eq(t.relevant, tag.relevant),
  );
}
