import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { items } from '../../db/schema.js';
import type { TaggedArticle } from '../../src/domain.js';
import { contentHash } from '../../src/normalize/to-article.js';
import { prepareArticles } from '../../src/pipeline/prepare-articles.js';
import type { DbHandle } from '../../src/store/db.js';
import { saveArticles } from '../../src/store/items-store.js';
import { jsonRows } from '../../src/store/json-rows.js';
import { rowsOf } from '../../src/store/rows.js';
import { cjkBigrams, withoutCjk } from '../../src/store/search-text.js';
import { syncSources } from '../../src/store/sources-store.js';
import { tagText } from '../../src/tag/matcher.js';
import { corpusDir, hasCorpus } from '../helpers/fixtures.js';
import { sourceOf } from '../helpers/pipeline-deps.js';
import { dbKind, openTestDb } from '../helpers/test-db.js';

function article(url: string, title: string, summary: string, bodyText: string | null = null): TaggedArticle {
  return {
    sourceSlug: 'mixed', guid: null, url, canonicalUrl: url, title, summary, bodyText, author: null,
    publishedAt: new Date('2026-08-20T08:00:00Z'), language: 'zh', contentHash: contentHash(title, summary), categories: [],
    tags: tagText({ title, summary, body: bodyText }),
  };
}

/** Texts where a JS/SQL difference would show: runs at the edges, extension A, compatibility forms, astral characters, the 4,000-character cut. */
const edgeCases: Array<[string, string, string | null]> = [
  ['百度发布文心一言', '不输GPT-4，价格降低85%', null],
  ['Alibaba cuts Qwen prices', 'No Chinese here at all.', 'Nor in the body.'],
  ['云', '㐀㐁 and 豈更 (compatibility forms)', '𠀀𠀁 astral ideographs are not in the indexed ranges'],
  ['Emoji before the cut', '模型', `${'😀'.repeat(3999)}文心一言`],
  ['Cut inside a run', '', `${'a'.repeat(3998)}文心一言大模型`],
  ['', '', ''],
  ['智谱GLM-5发布', '智谱 AI 发布 GLM-5。\n第二段：月之暗面 Kimi K2。', `${'长文'.repeat(2500)}结尾`],
];

describe(`items.search: prepared by the store, the same as the SQL functions give, on ${dbKind}`, () => {
  let handle: DbHandle;
  const now = new Date('2026-08-20T09:00:00Z');

  beforeAll(async () => {
    handle = await openTestDb();
    await syncSources(handle.db, [sourceOf('mixed', 'https://mixed.example/feed', { language: 'zh' })]);
  });
  afterAll(async () => handle?.close());

  /** Stored items whose search differs from what items_search_of() (migration 0018) makes of their text. */
  const mismatched = async () =>
    rowsOf<{ url: string }>(
      await handle.db.execute(sql`select url from ${items} where search is distinct from items_search_of(title, summary, body_text)`),
    ).map((row) => row.url);

  it('withoutCjk and cjkBigrams give what without_cjk() and cjk_bigrams() give', async () => {
    const texts = edgeCases.flatMap(([title, summary, body]) => [title, summary, body ?? '', `${title} ${summary} ${body ?? ''}`]);
    const rows = rowsOf<{ n: string | number; without: string; bigrams: string }>(
      await handle.db.execute(sql`select n, without_cjk(t) as without, cjk_bigrams(t) as bigrams
        from jsonb_to_recordset(${jsonRows(texts.map((t, n) => ({ t, n })))}) as x(t text, n int)`),
    );
    expect(rows).toHaveLength(texts.length);
    for (const row of rows) {
      const text = texts[Number(row.n)]!;
      expect(withoutCjk(text), text.slice(0, 40)).toBe(row.without);
      expect(cjkBigrams(text), text.slice(0, 40)).toBe(row.bigrams);
    }
  });

  it('stores new items with the search vector the SQL functions would give, edge cases included', async () => {
    const saved = await saveArticles(
      handle.db,
      edgeCases.map(([title, summary, body], index) => article(`https://mixed.example/edge/${index}`, title || 'untitled', summary, body)),
      { now, tagVersion: 1 },
    );
    expect(saved.inserted).toBe(edgeCases.length);
    expect(await mismatched()).toEqual([]);
    // Bigram phrases find the Chinese, the english half finds the Latin words inside Chinese text.
    const found = async (query: string) =>
      rowsOf<{ url: string }>(await handle.db.execute(sql`select url from ${items} where search @@ ${sql.raw(query)} order by url`)).map((row) => row.url);
    expect(await found(`to_tsquery('simple', $$'文心' <-> '心一' <-> '一言'$$)`)).toEqual(['https://mixed.example/edge/0']);
    expect(await found(`websearch_to_tsquery('english', 'gpt-4')`)).toEqual(['https://mixed.example/edge/0']);
    // The body's first 4,000 characters count: past that, a run is not indexed as bigrams.
    expect(await found(`to_tsquery('simple', $$'结尾'$$)`)).toEqual([]);
  });

  // Parses and stores the whole corpus (about 3,600 items; 8-15 s alone on PGlite): the default 30 s
  // hang guard was passed once in CI with another heavy test file on the other core.
  it.skipIf(!hasCorpus)('stores every corpus feed item with the search vector the SQL functions would give', { timeout: 120_000 }, async () => {
    const root = join(corpusDir, 'feeds');
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
    const files = walk(root).filter((path) => !path.includes(join('feedparser', 'tests')));
    const source = { slug: 'mixed', kind: 'feed' as const, language: 'zh', zone: 'Asia/Shanghai' };
    let stored = 0;
    for (const file of files) {
      const prepared = await prepareArticles(source, { body: readFileSync(file), contentType: null, finalUrl: 'https://mixed.example/feed' }).catch(() => undefined);
      if (!prepared || prepared.articles.length === 0) continue;
      stored += (await saveArticles(handle.db, prepared.articles, { now, tagVersion: 1 })).inserted;
    }
    expect(stored).toBeGreaterThan(1000);
    expect(await mismatched()).toEqual([]);
  });

  it('stores a long item\'s vector out of line uncompressed (migration 0020), and still finds its words', async () => {
    const words = Array.from({ length: 800 }, (_, index) => `lexeme${index}x`).join(' ');
    await saveArticles(handle.db, [article('https://mixed.example/long', 'A long English item', words)], { now, tagVersion: 1 });
    const storage = rowsOf<{ storage: string }>(
      await handle.db.execute(sql`select attstorage as storage from pg_attribute where attrelid = 'items'::regclass and attname = 'search'`),
    );
    expect(storage[0]!.storage).toBe('e');
    const found = rowsOf<{ url: string }>(await handle.db.execute(sql`select url from ${items} where search @@ websearch_to_tsquery('english', 'lexeme799x')`));
    expect(found.map((r) => r.url)).toEqual(['https://mixed.example/long']);
    expect(await mismatched()).toEqual([]);
  });

  it('fills search for an insert that leaves it out, and keeps it in step when title, summary or body change', async () => {
    await handle.db.insert(items).values({
      sourceSlug: 'mixed', url: 'https://mixed.example/direct', canonicalUrl: 'https://mixed.example/direct', title: '月之暗面发布Kimi',
      summary: '', fetchedAt: now, seenAt: now, language: 'zh', contentHash: 'direct',
    });
    const searchOf = async () =>
      rowsOf<{ search: string }>(await handle.db.execute(sql`select search::text as search from ${items} where url = 'https://mixed.example/direct'`))[0]!.search;
    expect(await searchOf()).toContain("'月之'");
    await handle.db.execute(sql`update ${items} set title = '字节跳动发布豆包' where url = 'https://mixed.example/direct'`);
    expect(await searchOf()).toContain("'豆包'");
    expect(await searchOf()).not.toContain("'月之'");
    await handle.db.execute(sql`update ${items} set body_text = 'DeepSeek releases R3' where url = 'https://mixed.example/direct'`);
    expect(await searchOf()).toContain("'deepseek'");
    expect(await mismatched()).toEqual([]);
  });
});
