import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One row per feeds.json entry, plus its fetch health. Rows are never deleted, only disabled. */
export const sources = pgTable('sources', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  url: text('url').notNull(),
  language: text('language').notNull(),
  zone: text('zone').notNull(),
  weight: real('weight').notNull().default(1),
  enabled: boolean('enabled').notNull().default(true),
  disabledReason: text('disabled_reason'),
  inConfig: boolean('in_config').notNull().default(true),
  etag: text('etag'),
  lastModified: text('last_modified'),
  lastFetchedAt: tz('last_fetched_at'),
  lastSuccessAt: tz('last_success_at'),
  nextFetchAt: tz('next_fetch_at'),
  consecutiveErrors: integer('consecutive_errors').notNull().default(0),
  lastError: text('last_error'),
  lastStatus: integer('last_status'),
  leaseOwner: text('lease_owner'),
  leaseUntil: tz('lease_until'),
  /** The PostgreSQL backend that took the lease: when it is gone (its process died), the lease is void at once. */
  leaseBackendPid: integer('lease_backend_pid'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

/** One fetch run over due (or named) sources. */
export const fetchRuns = pgTable('fetch_runs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  trigger: text('trigger').notNull(),
  status: text('status').notNull().default('running'),
  startedAt: tz('started_at').notNull().defaultNow(),
  finishedAt: tz('finished_at'),
  sourcesTotal: integer('sources_total').notNull().default(0),
  sourcesOk: integer('sources_ok').notNull().default(0),
  sourcesFailed: integer('sources_failed').notNull().default(0),
  itemsSeen: integer('items_seen').notNull().default(0),
  itemsNew: integer('items_new').notNull().default(0),
  error: text('error'),
});

/** One source's attempt within a run. */
export const fetchAttempts = pgTable(
  'fetch_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    runId: bigint('run_id', { mode: 'number' })
      .notNull()
      .references(() => fetchRuns.id, { onDelete: 'cascade' }),
    sourceSlug: text('source_slug')
      .notNull()
      .references(() => sources.slug),
    status: text('status').notNull(),
    httpStatus: integer('http_status'),
    startedAt: tz('started_at').notNull(),
    finishedAt: tz('finished_at').notNull(),
    itemsSeen: integer('items_seen').notNull().default(0),
    itemsNew: integer('items_new').notNull().default(0),
    itemsUpdated: integer('items_updated').notNull().default(0),
    error: text('error'),
  },
  (t) => [index('fetch_attempts_run_idx').on(t.runId), index('fetch_attempts_source_idx').on(t.sourceSlug, t.startedAt)],
);

/** A story: one event, told by one or more items. Its id never changes; merged stories point at the survivor. */
export const stories = pgTable(
  'stories',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    firstSeenAt: tz('first_seen_at').notNull(),
    lastSeenAt: tz('last_seen_at').notNull(),
    representativeItemId: bigint('representative_item_id', { mode: 'number' }),
    itemCount: integer('item_count').notNull().default(0),
    sourceCount: integer('source_count').notNull().default(0),
    mergedInto: bigint('merged_into', { mode: 'number' }),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('stories_first_seen_idx').on(t.firstSeenAt)],
);

/** What a source published, stored once however often it arrives. */
export const items = pgTable(
  'items',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sourceSlug: text('source_slug')
      .notNull()
      .references(() => sources.slug),
    guid: text('guid'),
    url: text('url').notNull(),
    canonicalUrl: text('canonical_url').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    bodyText: text('body_text'),
    bodyError: text('body_error'),
    author: text('author'),
    publishedAt: tz('published_at'),
    fetchedAt: tz('fetched_at').notNull(),
    /** published_at when known, else fetched_at: the one time every query sorts and filters on. */
    seenAt: tz('seen_at').notNull(),
    language: text('language').notNull(),
    contentHash: text('content_hash').notNull(),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    storyId: bigint('story_id', { mode: 'number' }).references(() => stories.id),
    relevant: boolean('relevant').notNull().default(false),
    companies: text('companies').array().notNull().default(sql`'{}'::text[]`),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    tagVersion: integer('tag_version').notNull().default(0),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('english', coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(body_text, ''))`,
    ),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('items_canonical_url_key').on(t.canonicalUrl),
    uniqueIndex('items_source_guid_key').on(t.sourceSlug, t.guid),
    index('items_content_hash_idx').on(t.contentHash),
    index('items_seen_at_idx').on(t.seenAt.desc(), t.id.desc()),
    index('items_source_seen_idx').on(t.sourceSlug, t.seenAt.desc()),
    index('items_story_idx').on(t.storyId),
    index('items_companies_idx').using('gin', t.companies),
    index('items_topics_idx').using('gin', t.topics),
    index('items_search_idx').using('gin', t.search),
    index('items_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
  ],
);

/** A company tag with its evidence. items.companies mirrors the slugs for fast filtering. */
export const itemCompanies = pgTable(
  'item_companies',
  {
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    company: text('company').notNull(),
    field: text('field').notNull(),
    alias: text('alias').notNull(),
    score: real('score').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.company] }), index('item_companies_company_idx').on(t.company)],
);

/** A topic tag with its evidence. */
export const itemTopics = pgTable(
  'item_topics',
  {
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull(),
    field: text('field').notNull(),
    keyword: text('keyword').notNull(),
    score: real('score').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.topic] }), index('item_topics_topic_idx').on(t.topic)],
);

export interface RoundupChanges {
  pinned: number[];
  excluded: number[];
  added: number[];
  order: number[];
  summaries: Record<string, string>;
}

/** The editor's state for one ISO week in one zone. A final roundup is frozen. */
export const roundups = pgTable(
  'roundups',
  {
    week: text('week').notNull(),
    zone: text('zone').notNull(),
    status: text('status').notNull().default('draft'),
    changes: jsonb('changes')
      .$type<RoundupChanges>()
      .notNull()
      .default(sql`'{"pinned":[],"excluded":[],"added":[],"order":[],"summaries":{}}'::jsonb`),
    finalStoryIds: bigint('final_story_ids', { mode: 'number' }).array(),
    finalDraft: jsonb('final_draft'),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.week, t.zone] })],
);

/** Small key/value state, e.g. the tag catalogue version the stored tags were made with. */
export const appState = pgTable('app_state', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});
