import { sql } from 'drizzle-orm';
import type { Db } from '../../src/store/db.js';
import { rowsOf, toNumber } from '../../src/store/rows.js';

/** A synthetic item: only what the research API reads; everything else gets a plausible default. */
export interface FakeItem {
  source?: string;
  title: string;
  summary?: string;
  body?: string | null;
  lang?: 'en' | 'zh';
  seenAt: Date;
  companies?: string[];
  topics?: string[];
  storyId?: number | null;
  relevant?: boolean;
  author?: string | null;
}

let serial = 0;

/** Adds the named sources (name = slug) if they are missing. */
export async function ensureSources(db: Db, slugs: string[]): Promise<void> {
  await db.execute(sql`
    insert into sources (slug, name, kind, url, language, zone)
    select s, s, 'feed', 'https://example.test/' || s || '.xml', 'en', 'UTC' from jsonb_array_elements_text(${JSON.stringify(slugs)}::jsonb) as s
    on conflict (slug) do nothing`);
}

/** Creates stories with the given ids (seen at `at`); ids are explicit so tests can name them. */
export async function ensureStories(db: Db, ids: number[], at: Date): Promise<void> {
  await db.execute(sql`
    insert into stories (id, first_seen_at, last_seen_at)
    select i::bigint, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) as j(i)
    on conflict (id) do nothing`);
}

/**
 * Inserts items in one statement (jsonb_to_recordset: one parameter whatever the batch size, the
 * fastest bulk path that works the same on PGlite and PostgreSQL). Returns the new ids in order.
 */
export async function insertItems(db: Db, rows: FakeItem[]): Promise<number[]> {
  if (!rows.length) return [];
  const records = rows.map((row) => {
    const n = ++serial;
    const source = row.source ?? 'test-source';
    const url = `https://example.test/${source}/${process.pid}-${n}-${Math.random().toString(36).slice(2, 10)}`;
    return {
      source_slug: source,
      guid: url,
      url,
      canonical_url: url,
      title: row.title,
      summary: row.summary ?? '',
      body_text: row.body ?? null,
      author: row.author ?? null,
      published_at: row.seenAt.toISOString(),
      fetched_at: row.seenAt.toISOString(),
      seen_at: row.seenAt.toISOString(),
      language: row.lang ?? 'en',
      content_hash: `h${process.pid}-${n}`,
      story_id: row.storyId ?? null,
      relevant: row.relevant ?? true,
      companies: row.companies ?? [],
      topics: row.topics ?? [],
    };
  });
  const result = await db.execute(sql`
    insert into items (source_slug, guid, url, canonical_url, title, summary, body_text, author, published_at, fetched_at, seen_at,
                       language, content_hash, story_id, relevant, companies, topics)
    select source_slug, guid, url, canonical_url, title, summary, body_text, author, published_at, fetched_at, seen_at,
           language, content_hash, story_id, relevant, companies, topics
    from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(
      source_slug text, guid text, url text, canonical_url text, title text, summary text, body_text text, author text,
      published_at timestamptz, fetched_at timestamptz, seen_at timestamptz, language text, content_hash text,
      story_id bigint, relevant boolean, companies text[], topics text[])
    returning id`);
  return rowsOf<{ id: unknown }>(result).map((row) => toNumber(row.id));
}
