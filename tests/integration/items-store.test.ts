import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaggedArticle } from '../../src/domain.js';
import { toArticle } from '../../src/normalize/to-article.js';
import type { DbHandle } from '../../src/store/db.js';
import { getItem } from '../../src/store/items-query.js';
import { saveArticles } from '../../src/store/items-store.js';
import { syncSources } from '../../src/store/sources-store.js';
import { tagText } from '../../src/tag/matcher.js';
import { sourceOf } from '../helpers/pipeline-deps.js';
import { dbKind, openTestDb } from '../helpers/test-db.js';

function tagged(item: { url: string; title: string; summary?: string; guid?: string; published?: string }): TaggedArticle {
  const article = toArticle({ ...item }, { slug: 'scmp', language: 'en' })!;
  return { ...article, tags: tagText({ title: article.title, summary: article.summary }) };
}

describe(`saving items idempotently on ${dbKind}`, () => {
  let handle: DbHandle;
  const now = new Date('2026-08-20T08:00:00Z');

  beforeAll(async () => {
    handle = await openTestDb();
    await syncSources(handle.db, [sourceOf('scmp', 'https://www.scmp.com/rss/36/feed')]);
  });
  afterAll(async () => handle?.close());

  it('updates a re-published item in place, re-tagged, instead of storing it twice', async () => {
    const first = await saveArticles(
      handle.db,
      [tagged({ url: 'https://www.scmp.com/tech/article/1?utm_source=rss', guid: 'a1', title: 'Baidu unveils ERNIE 5', published: '2026-08-19T10:00:00+08:00' })],
      { now, tagVersion: 1 },
    );
    expect(first).toMatchObject({ inserted: 1, updated: 0 });
    const again = await saveArticles(
      handle.db,
      [tagged({ url: 'https://scmp.com/tech/article/1', guid: 'a1', title: 'Baidu and Alibaba cut AI model prices', summary: 'Updated story.', published: '2026-08-19T11:00:00+08:00' })],
      { now, tagVersion: 1 },
    );
    expect(again).toMatchObject({ inserted: 0, updated: 1 });
    const item = await getItem(handle.db, first.insertedIds[0]!);
    expect(item?.title).toBe('Baidu and Alibaba cut AI model prices');
    expect(item?.companies.sort()).toEqual(['alibaba', 'baidu']);
    // The first known publication time is kept.
    expect(item?.publishedAt?.toISOString()).toBe('2026-08-19T02:00:00.000Z');
  });

  it('counts an unchanged item as unchanged', async () => {
    const same = await saveArticles(
      handle.db,
      [tagged({ url: 'https://scmp.com/tech/article/1', guid: 'a1', title: 'Baidu and Alibaba cut AI model prices', summary: 'Updated story.' })],
      { now, tagVersion: 1 },
    );
    expect(same).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
  });
});
