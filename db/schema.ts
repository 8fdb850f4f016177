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
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
/** Raw bytes: postgres.js reads bytea as a Buffer, PGlite as a Uint8Array. */
const bytea = customType<{ data: Uint8Array }>({ dataType: () => 'bytea' });
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
  (t) => [index('stories_first_seen_idx').on(t.firstSeenAt), index('stories_last_seen_idx').on(t.lastSeenAt.desc(), t.id.desc())],
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
    /** Article-page fetches tried after the first one, and when the next is due (null: none will be). */
    bodyRetries: smallint('body_retries').notNull().default(0),
    bodyRetryAt: tz('body_retry_at'),
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
    /**
     * English words (stemmed; CJK runs blanked by without_cjk() so "不输GPT-4" still yields gpt) plus
     * CJK character bigrams (cjk_bigrams(); both functions in migration 0002) of the title, summary
     * and the first 4,000 characters of the body: one GIN index serves both languages. A plain
     * column, not a generated one: the store's insert sends both texts already prepared
     * (src/store/search-text.ts, the same as the SQL functions give) and the server only runs
     * to_tsvector on them; a trigger (migration 0018) fills it the SQL way for any other writer and
     * whenever title, summary or body change.
     */
    search: tsvector('search'),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('items_canonical_url_key').on(t.canonicalUrl),
    uniqueIndex('items_source_guid_key').on(t.sourceSlug, t.guid),
    // Content identifies only items without a GUID (within their source): the only rows it is kept for.
    index('items_source_content_hash_idx')
      .on(t.sourceSlug, t.contentHash)
      .where(sql`guid is null`),
    // items_seen_cover_idx (seen_at desc, id desc) INCLUDE (companies, topics, ...) lives in migration
    // 0006: drizzle cannot declare INCLUDE. It lets lists, exports and weekly counts filter and sort
    // by time from the index alone (index-only scans), touching the heap only for the page's rows.
    index('items_source_seen_idx').on(t.sourceSlug, t.seenAt.desc()),
    index('items_story_idx').on(t.storyId),
    index('items_companies_idx').using('gin', t.companies),
    index('items_topics_idx').using('gin', t.topics),
    index('items_search_idx').using('gin', t.search),
    index('items_body_retry_idx')
      .on(t.sourceSlug, t.bodyRetryAt)
      .where(sql`body_retry_at is not null`),
  ],
);

/**
 * What story assignment compares: MinHash signatures (title, then title+lede) followed by the title's
 * bottom-k sketch (each uint32 as 4 bytes, big-endian; rows written before the sketch have only the
 * MinHashes) and the strong/weak signals. One row per item, written once when the item is stored.
 */
export const itemFingerprints = pgTable('item_fingerprints', {
  itemId: bigint('item_id', { mode: 'number' })
    .primaryKey()
    .references(() => items.id, { onDelete: 'cascade' }),
  seenAt: tz('seen_at').notNull(),
  language: text('language').notNull(),
  titleLength: integer('title_length').notNull(),
  digest: boolean('digest').notNull(),
  signature: bytea('signature').notNull(),
  strongSignals: text('strong_signals').array().notNull(),
  weakSignals: text('weak_signals').array().notNull(),
  titleSignals: text('title_signals').array().notNull(),
});

/**
 * LSH band and signal keys by day: an item is a candidate for another when they share a key within
 * the window. Key first, so a batch's lookup is one range probe per distinct key over its window's
 * days (not one probe per day and key), whatever the table's age. About 26 rows an item, written
 * only in the statement that writes the item's fingerprint row (which checks the item exists), so
 * no foreign key of its own: its per-row check cost more than the insert. Rows go with their
 * fingerprint row (trigger in migration 0015), so deleting an item still deletes them.
 */
export const itemBands = pgTable(
  'item_bands',
  {
    day: integer('day').notNull(),
    band: bigint('band', { mode: 'number' }).notNull(),
    itemId: bigint('item_id', { mode: 'number' }).notNull(),
  },
  (t) => [index('item_bands_band_day_idx').on(t.band, t.day)],
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

/**
 * One row per (item, company) and (item, topic): the tag with the item's time and story, kept in
 * step with items.companies/topics/seen_at/story_id/relevant by the triggers (migrations 0008, 0012, 0014). Weekly counts
 * for one company or topic read a contiguous slice of this primary key (an index-only scan) instead
 * of filtering every item in the range.
 */
export const itemTagTimes = pgTable(
  'item_tag_times',
  {
    kind: text('kind').notNull(),
    tag: text('tag').notNull(),
    seenAt: tz('seen_at').notNull(),
    itemId: bigint('item_id', { mode: 'number' }).notNull(),
    /** story_id, or -item id for an item not (yet) in a story: what "distinct stories" counts. */
    storyKey: bigint('story_key', { mode: 'number' }).notNull(),
    /**
     * items.relevant, so the API's default (relevant items only) stays an index-only scan: migration
     * 0012 puts it in the primary key's index as an INCLUDE column, which drizzle cannot describe.
     */
    relevant: boolean('relevant').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.kind, t.tag, t.seenAt, t.itemId, t.storyKey] }), index('item_tag_times_item_idx').on(t.itemId)],
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
