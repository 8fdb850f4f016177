import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { fingerprintOf } from '../../src/dedupe/fingerprint.js';
import type { TaggedArticle } from '../../src/domain.js';
import { createLogger } from '../../src/log.js';
import { contentHash } from '../../src/normalize/to-article.js';
import type { DbHandle } from '../../src/store/db.js';
import { createStoreBatcher } from '../../src/pipeline/store-batcher.js';
import { saveArticles } from '../../src/store/items-store.js';
import { rowsOf } from '../../src/store/rows.js';
import { tagText } from '../../src/tag/matcher.js';
import { pipelineDeps, sourceOf } from '../helpers/pipeline-deps.js';
import { dbKind, openTestDb, signatureValuesSql } from '../helpers/test-db.js';

/** An article as the pipeline hands it to the store (tagged by the real tagger). */
function article(source: string, url: string, title: string, summary: string, published: string, language = 'en'): TaggedArticle {
  return {
    sourceSlug: source, guid: null, url, canonicalUrl: url, title, summary, bodyText: null, author: null,
    publishedAt: new Date(published), language, contentHash: contentHash(title, summary), categories: [],
    tags: tagText({ title, summary }),
  };
}

describe(`stories: assignment, merge and API on ${dbKind}`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createApp>;
  const now = new Date('2026-08-22T00:00:00Z');

  beforeAll(async () => {
    handle = await openTestDb();
    const deps = await pipelineDeps(handle.db, [
      sourceOf('cnbc', 'https://cnbc.example/feed', { name: 'CNBC', weight: 2 }),
      sourceOf('scmp', 'https://scmp.example/feed', { name: 'SCMP' }),
      sourceOf('36kr', 'https://36kr.example/feed', { name: '36Kr', language: 'zh' }),
    ]);
    app = createApp({ db: handle.db, dbKind: handle.kind, config: deps.config, log: createLogger('silent'), now: () => now });
  });
  afterAll(async () => handle?.close());

  const storyOf = async (url: string) => {
    const response = await app.request(`/api/items?limit=200&relevant=all`);
    const body = (await response.json()) as { items: Array<{ canonicalUrl: string; storyId: number }> };
    return body.items.find((item) => item.canonicalUrl === url)?.storyId;
  };

  it('puts reports of one event from several outlets and languages into one story, and a different event apart', async () => {
    await saveArticles(handle.db, [article('cnbc', 'https://cnbc.example/qwen-vl', 'Alibaba Cloud cuts Qwen-VL prices by up to 85%', 'Alibaba Cloud reduced prices on its AI model Qwen-VL by up to 85% to win enterprise users.', '2026-08-20T08:00:00Z')], { now, tagVersion: 1 });
    await saveArticles(handle.db, [
      article('scmp', 'https://scmp.example/qwen', 'Alibaba slashes Qwen-VL prices by up to 85% in AI price war', 'Alibaba Cloud cut the price of Qwen-VL by as much as 85%.', '2026-08-20T10:00:00Z'),
      article('scmp', 'https://scmp.example/baidu', 'Baidu reports second-quarter revenue of 31.3 billion yuan', 'Baidu said AI now makes up more than half of its revenue.', '2026-08-20T11:00:00Z'),
    ], { now, tagVersion: 1 });
    await saveArticles(handle.db, [article('36kr', 'https://36kr.example/p/1', '阿里云通义千问Qwen-VL降价85%', '阿里云宣布Qwen-VL模型价格最高下调85%，以吸引更多企业用户。', '2026-08-20T12:00:00Z', 'zh')], { now, tagVersion: 1 });

    const cnbc = await storyOf('https://cnbc.example/qwen-vl');
    expect(cnbc).toBeTypeOf('number');
    expect(await storyOf('https://scmp.example/qwen')).toBe(cnbc);
    expect(await storyOf('https://36kr.example/p/1')).toBe(cnbc);
    expect(await storyOf('https://scmp.example/baidu')).not.toBe(cnbc);

    const story = (await (await app.request(`/api/stories/${cnbc}`)).json()) as {
      id: number; itemCount: number; sourceCount: number; outlets: string[]; items: unknown[]; representative: { source: string };
    };
    expect(story).toMatchObject({ id: cnbc, itemCount: 3, sourceCount: 3 });
    expect(story.outlets).toEqual(['36Kr', 'CNBC', 'SCMP']);
    expect(story.items).toHaveLength(3);
    // CNBC has the highest source weight: the most authoritative outlet represents the story.
    expect(story.representative.source).toBe('cnbc');
  });

  it('keeps a story id stable as items join, and lists items by story', async () => {
    const id = await storyOf('https://cnbc.example/qwen-vl');
    await saveArticles(handle.db, [article('cnbc', 'https://cnbc.example/qwen-vl-update', 'Alibaba Cloud cuts Qwen-VL prices by up to 85%, shares rise', 'Alibaba Cloud reduced Qwen-VL prices by up to 85%.', '2026-08-21T08:00:00Z')], { now, tagVersion: 1 });
    expect(await storyOf('https://cnbc.example/qwen-vl-update')).toBe(id);
    const body = (await (await app.request(`/api/items?story=${id}`)).json()) as { items: unknown[] };
    expect(body.items).toHaveLength(4);
  });

  it('merges two stories when a later item proves they are one, and the merged id resolves to the survivor', async () => {
    await saveArticles(handle.db, [
      article('cnbc', 'https://cnbc.example/a', 'Nvidia in talks with Rebellions over chip deal', 'Nvidia met Rebellions founders this week.', '2026-08-21T01:00:00Z'),
      article('scmp', 'https://scmp.example/b', 'Rebellions and Samsung discuss HBM4 supply for Rebel-Quad', 'Korean chip start-up plans Rebel-Quad shipments.', '2026-08-21T02:00:00Z'),
    ], { now, tagVersion: 1 });
    const first = (await storyOf('https://cnbc.example/a'))!;
    const second = (await storyOf('https://scmp.example/b'))!;
    expect(first).not.toBe(second);
    // Shares its wording with the first and its product and figure with the second.
    await saveArticles(handle.db, [article('36kr', 'https://36kr.example/p/2', 'Nvidia in talks with Rebellions over chip deal, Rebel-Quad HBM4 supply', 'Rebellions Rebel-Quad HBM4 supply talks with Samsung.', '2026-08-21T03:00:00Z')], { now, tagVersion: 1 });
    const joined = (await storyOf('https://36kr.example/p/2'))!;
    const survivor = Math.min(first, second);
    expect(joined).toBe(survivor);
    expect(await storyOf('https://cnbc.example/a')).toBe(survivor);
    expect(await storyOf('https://scmp.example/b')).toBe(survivor);
    const merged = Math.max(first, second);
    const viaMerged = (await (await app.request(`/api/stories/${merged}`)).json()) as { id: number; requestedId: number; itemCount: number };
    expect(viaMerged).toMatchObject({ id: survivor, requestedId: merged, itemCount: 3 });
    // A Korean chip story is tagged not relevant to the Chinese AI industry: ask for every item.
    const itemsOfMerged = (await (await app.request(`/api/items?story=${merged}&relevant=all`)).json()) as { items: Array<{ storyId: number }> };
    expect(((await (await app.request(`/api/items?story=${merged}`)).json()) as { items: unknown[] }).items).toHaveLength(0);
    expect(itemsOfMerged.items).toHaveLength(3);
    expect(itemsOfMerged.items.every((item) => item.storyId === survivor)).toBe(true);
  });

  it('finds a stored report from a batch whose items fall on several days, each within its own window only', async () => {
    const title = (outlet: string) => `Moonshot AI releases Kimi K9 with 2 trillion parameters${outlet}`;
    const summary = 'Moonshot AI said Kimi K9 has 2 trillion parameters and beats rivals on coding tests.';
    await saveArticles(handle.db, [article('cnbc', 'https://cnbc.example/k9', title(''), summary, '2026-07-10T08:00:00Z')], { now, tagVersion: 1 });
    // One batch, three days: six days before the stored report, six days after, and three weeks after.
    await saveArticles(handle.db, [
      article('scmp', 'https://scmp.example/k9-early', title(', sources say'), summary, '2026-07-04T09:00:00Z'),
      article('scmp', 'https://scmp.example/k9-late', title(' (update)'), summary, '2026-07-16T09:00:00Z'),
      article('scmp', 'https://scmp.example/k9-much-later', title(' in review'), summary, '2026-07-31T09:00:00Z'),
    ], { now, tagVersion: 1 });
    const stored = await storyOf('https://cnbc.example/k9');
    expect(stored).toBeTypeOf('number');
    expect(await storyOf('https://scmp.example/k9-early')).toBe(stored);
    expect(await storyOf('https://scmp.example/k9-late')).toBe(stored);
    // Fifteen days after the latest report of the story: outside every window, its own story.
    expect(await storyOf('https://scmp.example/k9-much-later')).not.toBe(stored);
  });

  it('stores each item\'s own fingerprint, signature and signals, for a batch written in one statement', async () => {
    const batch = [
      article('cnbc', 'https://cnbc.example/fp-1', 'Zhipu unveils GLM-6 with 1 trillion parameters', 'Zhipu said GLM-6 tops open models.', '2026-07-01T08:00:00Z'),
      article('36kr', 'https://36kr.example/fp-2', '智谱发布GLM-6，参数规模达1万亿', '智谱表示GLM-6在开源模型中领先。', '2026-07-01T09:00:00Z', 'zh'),
      article('scmp', 'https://scmp.example/fp-3', 'Tencent Hunyuan video model goes open source', '', '2026-07-02T09:00:00Z'),
    ];
    await saveArticles(handle.db, batch, { now, tagVersion: 1 });
    const stored = rowsOf<{ url: string; signature: Array<string | number>; strong_signals: string[]; title_length: number }>(
      await handle.db.execute(sql`select i.url, ${signatureValuesSql} as signature, f.strong_signals, f.title_length from item_fingerprints f join items i on i.id = f.item_id
        where i.url like '%/fp-%' order by i.url`),
    );
    expect(stored.map((row) => row.url)).toEqual(batch.map((a) => a.url).sort());
    for (const row of stored) {
      const a = batch.find((candidate) => candidate.url === row.url)!;
      const expected = fingerprintOf({ title: a.title, text: a.summary, language: a.language, companies: a.tags.companies.map((tag) => tag.company), seenAt: a.publishedAt! });
      expect(row.signature.map(Number)).toEqual(expected.signature);
      expect(row.strong_signals).toEqual(expected.signals.strong);
      expect(row.title_length).toBe(expected.titleLength);
    }
  });

  it('lists live stories newest first with week, company and cursor, and rejects bad parameters with 400', async () => {
    // Two stories, one of them (Korean chips) tagged not relevant: relevant=all lists both, two to a page.
    const page = (await (await app.request('/api/stories?limit=1&relevant=all')).json()) as { stories: Array<{ id: number; lastSeenAt: string }>; nextCursor: string | null };
    expect(page.stories).toHaveLength(1);
    expect(page.nextCursor).toBeTypeOf('string');
    const next = (await (await app.request(`/api/stories?limit=1&relevant=all&cursor=${page.nextCursor}`)).json()) as { stories: Array<{ id: number }> };
    expect(next.stories).toHaveLength(1);
    expect(next.stories.map((s) => s.id)).not.toContain(page.stories[0]!.id);
    const alibaba = (await (await app.request('/api/stories?company=alibaba&week=2026-W34')).json()) as { stories: Array<{ itemCount: number }> };
    expect(alibaba.stories).toHaveLength(1);
    expect(alibaba.stories[0]!.itemCount).toBe(4);
    const empty = (await (await app.request('/api/stories?week=2026-W30')).json()) as { stories: unknown[] };
    expect(empty.stories).toHaveLength(0);
    for (const bad of ['week=2026-W99', 'limit=0', 'company=Not%20A%20Slug', 'from=yesterday', 'cursor=xyz', 'bogus=1']) {
      const response = await app.request(`/api/stories?${bad}`);
      expect(response.status, bad).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    }
    expect((await app.request('/api/stories/abc')).status).toBe(400);
    expect((await app.request('/api/stories/999999')).status).toBe(404);
  });
  it('through the store batcher, a source written while an earlier write is in flight joins that write\'s story', async () => {
    const save = createStoreBatcher(handle.db, { tagVersion: 1 });
    // The first write starts at once; the second arrives while it is in flight. However the writes are
    // scheduled, the second's story assignment must see the first's item.
    const [first, second] = await Promise.all([
      save([article('cnbc', 'https://cnbc.example/glm-5', 'Zhipu releases GLM-5.3 with 40% lower prices', 'Zhipu AI released GLM-5.3 and cut API prices by 40%.', '2026-08-21T08:00:00Z')], now),
      save([article('scmp', 'https://scmp.example/glm-5', 'Zhipu unveils GLM-5.3, cuts prices by 40%', 'Zhipu AI launched GLM-5.3 and lowered API prices by 40%.', '2026-08-21T09:00:00Z')], now),
    ]);
    expect(first.inserted + second.inserted).toBe(2);
    const story = await storyOf('https://cnbc.example/glm-5');
    expect(story).toBeTypeOf('number');
    expect(await storyOf('https://scmp.example/glm-5')).toBe(story);
  });
});
