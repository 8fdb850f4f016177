import { sql } from 'drizzle-orm';
import { items, stories } from '../../db/schema.js';
import { fingerprintOf, indexKeysOf } from '../dedupe/fingerprint.js';
import type { TaggedArticle } from '../domain.js';
import type { Db } from './db.js';
import { integerLiteral, jsonRows } from './json-rows.js';
import { rowsOf, toNumber } from './rows.js';
import { searchDocumentOf } from './search-text.js';
import { startQuery } from './started-query.js';
import { applyStoryPlan, dropEmptyStories, findCandidates, type KeyedFingerprint } from './stories-store.js';
import { fingerprintLiterals, storeFingerprintLiterals } from './story-keys-store.js';
import { planStories } from './story-plan.js';
import { insertTagEvidence } from './tags-store.js';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** An article on its way into a batch, with the group (source) it came in and its fetch time. */
export interface Entry {
  group: number;
  article: TaggedArticle;
  now: Date;
}

/** Inserts new articles with their stories, tags and fingerprints; the stored id of each, undefined where a concurrent fetcher won. */
export async function insertFresh(tx: Tx, fresh: Entry[], tagVersion: number): Promise<Array<number | undefined>> {
  if (fresh.length === 0) return [];
  const seenAts = fresh.map(({ article, now }) => seenAtOf(article, now));
  const insert = startQuery(tx.execute(insertItemsSql(fresh, seenAts, tagVersion)));
  // While the server inserts (its biggest statement), this side computes the fingerprints and
  // starts the stored-candidate lookup behind the insert; neither needs the items' ids.
  await nextTurn();
  const keyed = fresh.map(({ article }, index): KeyedFingerprint => {
    const fingerprint = fingerprintOfArticle(article, seenAts[index]!);
    return { fingerprint, keys: indexKeysOf(fingerprint) };
  });
  const stored = startQuery(findCandidates(tx, keyed));
  // Built while the server still inserts; written under the ids the insert gives.
  const fingerprints = fingerprintLiterals(keyed);
  const returned = rowsOf<{ id: unknown; canonical_url: string | null; story_id: unknown }>(await insert);
  const inserted = returned
    .filter((row) => row.canonical_url !== null)
    .map((row) => ({ id: toNumber(row.id), canonicalUrl: row.canonical_url!, storyId: toNumber(row.story_id) }));
  // Stories opened for articles a concurrent fetcher stored first have no item: they go below.
  const unused = returned.filter((row) => row.canonical_url === null).map((row) => toNumber(row.story_id));
  const indexOf = new Map(fresh.map(({ article }, index) => [article.canonicalUrl, index]));
  const evidence = insertTagEvidence(tx, inserted.map((row) => ({ id: row.id, tags: fresh[indexOf.get(row.canonicalUrl)!]!.article.tags })));
  const idOf = new Map(inserted.map((row) => [row.canonicalUrl, row.id]));
  // The batch's fingerprints go out now, behind the candidate lookup: it was handed to the
  // connection before this side took the insert's answer (its sending needs only microtasks, which
  // run before any socket read), and one connection runs statements in the order they arrive. The
  // server writes them while this side reads the candidates and plans; waiting for the lookup's
  // answer first left it idle for that time (about 130 ms of a two-second warm ingest run).
  const fingerprintsStored = startQuery(storeFingerprintLiterals(tx, fingerprints, fresh.map(({ article }) => idOf.get(article.canonicalUrl) ?? null)));
  await nextTurn();
  // Story assignment runs in the same transaction: an item is never stored without a story. Should
  // the lookup ever see this batch's own rows, they are not stored candidates: planning pairs the
  // batch's items itself.
  const candidates = withoutItems(await stored, idOf);
  const plan = planStories(inserted.map((row) => ({ id: row.id, storyId: row.storyId, ...keyed[indexOf.get(row.canonicalUrl)!]! })), candidates);
  // The insert opened each story with its item as the representative: nothing left to set.
  await Promise.all([evidence, fingerprintsStored, applyStoryPlan(tx, { ...plan, representatives: [] }), dropEmptyStories(tx, unused)]);
  return fresh.map(({ article }) => idOf.get(article.canonicalUrl));
}

/**
 * One statement that opens a story per new article and inserts the articles into them (so most
 * items, a new event, are never rewritten; joins and merges fix the rest). Story ids come from one
 * sequence in row order, so numbering them in id order lines them up with the rows. Each item's id
 * is drawn first, so its story is opened with it as the representative (a second UPDATE of every
 * new story cost about 2 % of a fetch run's database time). DO NOTHING on any unique key: a
 * concurrent fetcher that stored the same item first wins, and we skip it (its story, pointing at
 * an id never used, goes with the other unused ones). Returns the inserted items (id,
 * canonical_url, story_id), then the stories left without an item (canonical_url null).
 */
function insertItemsSql(fresh: Entry[], seenAts: Date[], tagVersion: number) {
  const rows = fresh.map(({ article, now }, index) => {
    const search = searchDocumentOf(article.title, article.summary, article.bodyText);
    return {
      source_slug: article.sourceSlug,
      guid: article.guid,
      url: article.url,
      canonical_url: article.canonicalUrl,
      title: article.title,
      summary: article.summary,
      body_text: article.bodyText,
      body_error: article.bodyError ?? null,
      body_retry_at: article.bodyRetryAt ?? null,
      author: article.author,
      published_at: article.publishedAt,
      fetched_at: now,
      seen_at: seenAts[index],
      language: article.language,
      content_hash: article.contentHash,
      categories: article.categories,
      relevant: article.tags.relevant,
      companies: article.tags.companies.map((tag) => tag.company),
      topics: article.tags.topics.map((tag) => tag.topic),
      search_english: search.english,
      search_bigrams: search.bigrams,
    };
  });
  return sql`with t as (
      select * from rows from (jsonb_to_recordset(${jsonRows(rows)}) as (source_slug text, guid text, url text, canonical_url text,
        title text, summary text, body_text text, body_error text, body_retry_at timestamptz, author text, published_at timestamptz, fetched_at timestamptz,
        seen_at timestamptz, language text, content_hash text, categories text[], relevant boolean, companies text[], topics text[],
        search_english text, search_bigrams text))
        with ordinality as t(source_slug, guid, url, canonical_url, title, summary, body_text, body_error, body_retry_at, author, published_at,
        fetched_at, seen_at, language, content_hash, categories, relevant, companies, topics, search_english, search_bigrams, n)),
    drawn as (select n, nextval(s.seq) as item_id from t, (select pg_get_serial_sequence('items', 'id')::regclass as seq) s order by n),
    opened as (
      insert into ${stories} (first_seen_at, last_seen_at, item_count, source_count, representative_item_id)
      select seen_at, seen_at, 1, 1, drawn.item_id from t join drawn using (n) order by n
      returning id),
    numbered as (select id, row_number() over (order by id) as n from opened),
    inserted as (
      insert into ${items} (id, story_id, source_slug, guid, url, canonical_url, title, summary, body_text, body_error, body_retry_at, author,
        published_at, fetched_at, seen_at, language, content_hash, categories, relevant, companies, topics, tag_version, search)
      select drawn.item_id, numbered.id, source_slug, guid, url, canonical_url, title, summary, body_text, body_error, body_retry_at, author,
        published_at, fetched_at, seen_at, language, content_hash, categories, relevant, companies, topics, ${integerLiteral(tagVersion)},
        -- search_english is null when the text has no CJK: it is then the stored text (see searchDocumentOf).
        to_tsvector('english', coalesce(search_english, coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(body_text, '')))
          || to_tsvector('simple', search_bigrams)
      from t join numbered using (n) join drawn using (n)
      order by n
      on conflict do nothing
      returning id, canonical_url, story_id)
    select id, canonical_url, story_id from inserted
    union all
    select null, null, id from opened where id not in (select story_id from inserted)`;
}

/** The stored candidates other than the batch's own items. */
function withoutItems<T>(candidates: Map<number, T>, batchIds: Map<string, number>): Map<number, T> {
  for (const id of batchIds.values()) candidates.delete(id);
  return candidates;
}

/** One event-loop turn, so the queries just started reach the socket before synchronous work. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function fingerprintOfArticle(article: TaggedArticle, seenAt: Date) {
  return fingerprintOf({
    title: article.title,
    // The extracted body carries the real lede when there is one; a feed summary is often a teaser.
    text: article.bodyText || article.summary,
    language: article.language,
    companies: article.tags.companies.map((tag) => tag.company),
    seenAt,
  });
}

function seenAtOf(article: TaggedArticle, now: Date): Date {
  // A date in the future is a feed's mistake; clamp it so "newest first" stays honest.
  if (!article.publishedAt || article.publishedAt.getTime() > now.getTime() + 3_600_000) return now;
  return article.publishedAt;
}
