import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaggedArticle } from '../../src/domain.js';
import { fingerprintOf, indexKeysOf } from '../../src/dedupe/fingerprint.js';
import { toArticle } from '../../src/normalize/to-article.js';
import { createStoreBatcher } from '../../src/pipeline/store-batcher.js';
import type { DbHandle } from '../../src/store/db.js';
import { getItem } from '../../src/store/items-query.js';
import { rowsOf, toNumber } from '../../src/store/rows.js';
import { saveArticleGroups, saveArticles } from '../../src/store/items-store.js';
import { syncSources } from '../../src/store/sources-store.js';
import { tagText } from '../../src/tag/matcher.js';
import { sourceOf } from '../helpers/pipeline-deps.js';
import { dbKind, openTestDb, signatureValuesSql } from '../helpers/test-db.js';

function tagged(item: { url: string; title: string; summary?: string; guid?: string; published?: string }, slug = 'scmp'): TaggedArticle {
  const article = toArticle({ ...item }, { slug, language: 'en' })!;
  return { ...article, tags: tagText({ title: article.title, summary: article.summary }) };
}

describe(`saving items idempotently on ${dbKind}`, () => {
  let handle: DbHandle;
  const now = new Date('2026-08-20T08:00:00Z');

  beforeAll(async () => {
    handle = await openTestDb();
    await syncSources(handle.db, [sourceOf('scmp', 'https://www.scmp.com/rss/36/feed'), sourceOf('cnbc', 'https://www.cnbc.com/id/19854910/device/rss/rss.html')]);
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

  it('stores text that looks like SQL quoting exactly as it came (the batch travels inside the statement)', async () => {
    const title = "Baidu's $v$ 'ERNIE' \\ $$ $vv$ costs $5$";
    const summary = 'Ends in a dollar: $';
    const saved = await saveArticles(
      handle.db,
      [tagged({ url: 'https://www.scmp.com/tech/article/quoting', guid: "q'1$v$", title, summary, published: '2026-08-19T10:00:00+08:00' })],
      { now, tagVersion: 1 },
    );
    expect(saved).toMatchObject({ inserted: 1 });
    const item = await getItem(handle.db, saved.insertedIds[0]!);
    expect(item?.title).toBe(title);
    expect(item?.summary).toBe(summary);
    // Found again by its GUID: the lookup's keys travel the same way.
    const again = await saveArticles(
      handle.db,
      [tagged({ url: 'https://www.scmp.com/tech/article/quoting-moved', guid: "q'1$v$", title, summary })],
      { now, tagVersion: 1 },
    );
    expect(again).toMatchObject({ inserted: 0, unchanged: 1 });
  });

  it('stores a lone surrogate from broken feed text as U+FFFD instead of failing the batch', async () => {
    const saved = await saveArticles(
      handle.db,
      [tagged({ url: 'https://www.scmp.com/tech/article/surrogate', guid: 's1', title: 'Broken \ud83d emoji', summary: 'Paired 😀 is fine' })],
      { now, tagVersion: 1 },
    );
    expect(saved).toMatchObject({ inserted: 1 });
    const item = await getItem(handle.db, saved.insertedIds[0]!);
    expect(item?.title).toBe('Broken \ufffd emoji');
    expect(item?.summary).toBe('Paired 😀 is fine');
  });

  it('two writers storing the same article at once: one row, and no story left without an item', async () => {
    for (let round = 0; round < 5; round++) {
      const article = tagged({ url: `https://www.scmp.com/tech/article/race-${round}`, guid: `race-${round}`, title: `Race ${round}: Baidu and SenseTime both ship` });
      // On PostgreSQL these are two connections: both may miss the row and both insert; the loser does nothing.
      const results = await Promise.all([0, 1].map(() => saveArticles(handle.db, [article], { now, tagVersion: 1 })));
      expect(results.reduce((sum, result) => sum + result.inserted, 0)).toBe(1);
    }
    const [orphans] = rowsOf<{ n: unknown }>(
      await handle.db.execute(sql`select count(*) as n from stories s where s.merged_into is null and not exists (select 1 from items i where i.story_id = s.id)`),
    );
    expect(toNumber(orphans?.n)).toBe(0);
  });

  it("opens each new item's story with the item as its representative, and leaves none without one", async () => {
    const articles = [0, 1, 2].map((n) => tagged({ url: `https://www.scmp.com/tech/article/own-story-${n}`, guid: `own-${n}`, title: `Unrelated event number ${n}: ${['Moonshot raises funds', 'Zhipu lists in Hong Kong', 'iFlytek opens a lab'][n]}` }));
    const result = await saveArticles(handle.db, articles, { now, tagVersion: 1 });
    expect(result.inserted).toBe(3);
    const rows = rowsOf<{ id: unknown; story_id: unknown; representative_item_id: unknown }>(
      await handle.db.execute(sql`select i.id, i.story_id, s.representative_item_id from items i join stories s on s.id = i.story_id
        where i.id = any(${`{${result.insertedIds.join(',')}}`}::bigint[]) order by i.id`),
    );
    expect(rows.map((row) => toNumber(row.representative_item_id))).toEqual(result.insertedIds);
    const [missing] = rowsOf<{ n: unknown }>(
      await handle.db.execute(sql`select count(*) as n from stories where merged_into is null and (representative_item_id is null
        or not exists (select 1 from items i where i.id = representative_item_id and i.story_id = stories.id))`),
    );
    expect(toNumber(missing?.n)).toBe(0);
  });

  it('counts an unchanged item as unchanged', async () => {
    const same = await saveArticles(
      handle.db,
      [tagged({ url: 'https://scmp.com/tech/article/1', guid: 'a1', title: 'Baidu and Alibaba cut AI model prices', summary: 'Updated story.' })],
      { now, tagVersion: 1 },
    );
    expect(same).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
  });

  it('saves several sources in one call as if one after another: a URL an earlier source carries is that row, re-published', async () => {
    const url = 'https://www.scmp.com/tech/article/2';
    const [scmp, cnbc] = await saveArticleGroups(
      handle.db,
      [
        { articles: [tagged({ url, guid: 'b2', title: 'Tencent opens Hunyuan to developers' }), tagged({ url: 'https://www.scmp.com/tech/article/3', guid: 'b3', title: 'Xiaomi car deliveries' })], now },
        { articles: [tagged({ url, guid: 'c1', title: 'Tencent opens Hunyuan model to developers, shares rise' }, 'cnbc'), tagged({ url: 'https://www.cnbc.com/tech/4', guid: 'c4', title: 'Huawei Ascend chips' }, 'cnbc')], now },
      ],
      1,
    );
    expect(scmp).toMatchObject({ inserted: 2, updated: 0, unchanged: 0 });
    expect(cnbc).toMatchObject({ inserted: 1, updated: 1, unchanged: 0 });
    const stored = await getItem(handle.db, scmp!.insertedIds[0]!);
    expect(stored?.title).toBe('Tencent opens Hunyuan model to developers, shares rise');
    expect(stored?.companies).toEqual(['tencent']);
  });

  it('sources repeating an article in one call: the repeats update its row in their order, new items go in in arrival order', async () => {
    const url = 'https://www.scmp.com/tech/article/repeat';
    const results = await saveArticleGroups(
      handle.db,
      [
        { articles: [tagged({ url, guid: 'r1', title: 'Moonshot ships Kimi K3' })], now },
        { articles: [tagged({ url, guid: 'r2', title: 'Moonshot ships Kimi K3, a bigger model' }, 'cnbc'), tagged({ url: 'https://www.cnbc.com/tech/after-1', guid: 'a1', title: 'Zhipu opens GLM-6' }, 'cnbc')], now },
        { articles: [tagged({ url: 'https://www.scmp.com/tech/after-2', guid: 'a2', title: 'MiniMax video model' }), tagged({ url, guid: 'r1', title: 'Moonshot ships Kimi K3, the final word' })], now },
      ],
      1,
    );
    expect(results.map(({ inserted, updated, unchanged }) => ({ inserted, updated, unchanged }))).toEqual([
      { inserted: 1, updated: 0, unchanged: 0 },
      { inserted: 1, updated: 1, unchanged: 0 },
      { inserted: 1, updated: 1, unchanged: 0 },
    ]);
    const [first, second, third] = [results[0]!.insertedIds[0]!, results[1]!.insertedIds[0]!, results[2]!.insertedIds[0]!];
    expect(first).toBeLessThan(second);
    expect(second).toBeLessThan(third);
    expect((await getItem(handle.db, first))?.title).toBe('Moonshot ships Kimi K3, the final word');
  });

  it('knows an article without a GUID by its words within its source, not across sources', async () => {
    const words = { title: 'Kuaishou Kling adds sound to video', summary: 'The model now writes a soundtrack.' };
    const first = await saveArticles(handle.db, [tagged({ url: 'https://www.scmp.com/tech/kling?session=1', ...words })], { now, tagVersion: 1 });
    expect(first).toMatchObject({ inserted: 1 });
    // The same words under another address in the same source: the stored item.
    const moved = await saveArticles(handle.db, [tagged({ url: 'https://www.scmp.com/tech/kling-sound', ...words })], { now, tagVersion: 1 });
    expect(moved).toMatchObject({ inserted: 0, unchanged: 1 });
    // The same words from another source: its own item.
    const elsewhere = await saveArticles(handle.db, [tagged({ url: 'https://www.cnbc.com/tech/kling-sound', ...words }, 'cnbc')], { now, tagVersion: 1 });
    expect(elsewhere).toMatchObject({ inserted: 1 });
  });

  it('files a new item in item_tag_times (one statement per insert) and deletes its band rows with it', async () => {
    const { insertedIds } = await saveArticles(handle.db, [tagged({ url: 'https://www.scmp.com/tech/article/5', guid: 'e5', title: 'Baidu and Alibaba open AI model weights' })], { now, tagVersion: 1 });
    const id = insertedIds[0]!;
    const tags = rowsOf<{ kind: string; tag: string }>(await handle.db.execute(sql`select kind, tag from item_tag_times where item_id = ${id} order by kind, tag`));
    expect(tags.filter((row) => row.kind === 'company').map((row) => row.tag)).toEqual(['alibaba', 'baidu']);
    const count = async (table: string) =>
      toNumber(rowsOf<{ n: unknown }>(await handle.db.execute(sql`select count(*) as n from ${sql.raw(table)} where item_id = ${id}`))[0]!.n);
    expect(await count('item_bands')).toBeGreaterThan(20);
    await handle.db.execute(sql`delete from items where id = ${id}`);
    expect(await count('item_fingerprints')).toBe(0);
    expect(await count('item_bands')).toBe(0);
    expect(await count('item_tag_times')).toBe(0);
  });

  it("stores each new item's fingerprint and its index keys under its own id and day, for a batch of several sources", async () => {
    const published = ['2026-08-18T09:00:00Z', '2026-08-19T23:30:00Z', '2026-08-20T01:00:00Z'];
    const groups = published.map((date, n) => ({
      articles: [0, 1].map((m) =>
        tagged(
          { url: `https://www.scmp.com/tech/keys-${n}-${m}`, guid: `keys-${n}-${m}`, title: `${['Zhipu', 'Moonshot', 'MiniMax'][n]} ships model ${n}.${m} with 128k context`, summary: `Lede ${n} ${m}: the ${['GLM', 'Kimi', 'abab'][n]} model`, published: date },
          n === 1 ? 'cnbc' : 'scmp',
        ),
      ),
      now,
    }));
    const results = await saveArticleGroups(handle.db, groups, 1);
    const articles = groups.flatMap((group) => group.articles);
    const ids = results.flatMap((result) => result.insertedIds);
    expect(ids).toHaveLength(6);
    for (const [index, id] of ids.entries()) {
      const article = articles[index]!;
      const fingerprint = fingerprintOf({ title: article.title, text: article.summary, language: article.language, companies: article.tags.companies.map((tag) => tag.company), seenAt: article.publishedAt! });
      const [stored] = rowsOf<{ signature: Array<string | number>; strong_signals: string[] }>(
        await handle.db.execute(sql`select ${signatureValuesSql} as signature, strong_signals from item_fingerprints f where item_id = ${id}`),
      );
      expect(stored!.signature.map(Number)).toEqual(fingerprint.signature);
      expect(stored!.strong_signals).toEqual(fingerprint.signals.strong);
      const bands = rowsOf<{ day: number; band: unknown }>(await handle.db.execute(sql`select day, band from item_bands where item_id = ${id}`));
      expect(bands.map((row) => toNumber(row.band)).sort((a, b) => a - b)).toEqual([...indexKeysOf(fingerprint)].sort((a, b) => a - b));
      expect(new Set(bands.map((row) => row.day))).toEqual(new Set([Math.floor(article.publishedAt!.getTime() / 86_400_000)]));
    }
  });

  const storedUrls = async () =>
    rowsOf<{ canonical_url: string }>(await handle.db.execute(sql`select canonical_url from items order by canonical_url`)).map((row) => row.canonical_url);

  it("a fetch run's store batcher writes the sources that arrive during a write together in the next one, each with its own counts", async () => {
    let transactions = 0;
    const counting = new Proxy(handle.db, {
      get: (target, prop, receiver) =>
        prop === 'transaction' ? (...args: unknown[]) => (transactions++, Reflect.apply(target.transaction, target, args)) : Reflect.get(target, prop, receiver),
    });
    const save = createStoreBatcher(counting, { tagVersion: 1 });
    // The first starts a write at once; the other two arrive while it is in flight and share the next.
    const [first, scmp, cnbc] = await Promise.all([
      save([tagged({ url: 'https://www.scmp.com/b/0', guid: 'batch-0', title: 'Tencent Hunyuan video model' })], now),
      save([tagged({ url: 'https://www.scmp.com/b/1', guid: 'batch-1', title: 'Baidu opens ERNIE' }), tagged({ url: 'https://www.scmp.com/b/2', guid: 'batch-2', title: 'Xiaomi car sales' })], now),
      save([tagged({ url: 'https://www.cnbc.com/b/3', guid: 'batch-3', title: 'Huawei Ascend chips ship' }, 'cnbc')], now),
    ]);
    expect(first).toMatchObject({ inserted: 1, updated: 0, unchanged: 0 });
    expect(scmp).toMatchObject({ inserted: 2, updated: 0, unchanged: 0 });
    expect(cnbc).toMatchObject({ inserted: 1, updated: 0, unchanged: 0 });
    expect(transactions).toBe(2);
    // The same article again through another batcher: stored once, reported unchanged.
    const again = createStoreBatcher(handle.db, { tagVersion: 1 });
    expect(await again([tagged({ url: 'https://www.scmp.com/b/1', guid: 'batch-1', title: 'Baidu opens ERNIE' })], now)).toMatchObject({ inserted: 0, unchanged: 1 });
  });

  it('the batcher holds producers back while a full write waits, and lets them go once it starts', async () => {
    // The real database, with each write held at a gate until the test opens it.
    let openGate = () => {};
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const gated = new Proxy(handle.db, {
      get: (target, prop, receiver) =>
        prop === 'transaction' ? async (...args: unknown[]) => (await gate, Reflect.apply(target.transaction, target, args)) : Reflect.get(target, prop, receiver),
    });
    const save = createStoreBatcher(gated, { tagVersion: 1, maxItems: 2, maxWaitingItems: 2 });
    const first = save([tagged({ url: 'https://www.scmp.com/p/1', guid: 'p1', title: 'Zhipu GLM release' })], now);
    // The first write is in flight and nothing waits: room at once.
    await save.whenRoom();
    const second = save([tagged({ url: 'https://www.scmp.com/p/2', guid: 'p2', title: 'Baidu ERNIE' }), tagged({ url: 'https://www.scmp.com/p/3', guid: 'p3', title: 'MiniMax Hailuo' })], now);
    let room = false;
    const roomWaiter = save.whenRoom().then(() => (room = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(room).toBe(false);
    openGate();
    await first;
    await roomWaiter;
    expect(room).toBe(true);
    expect(await second).toMatchObject({ inserted: 2 });
  });

  it('the batcher fails only the source whose write fails; the others in the same batch are stored', async () => {
    const save = createStoreBatcher(handle.db, { tagVersion: 1 });
    const results = await Promise.allSettled([
      save([tagged({ url: 'https://www.scmp.com/c/1', guid: 'c1', title: 'Alibaba Qwen update' })], now),
      // No such source: the items' foreign key refuses the row, and with it the shared transaction.
      save([tagged({ url: 'https://nowhere.example/c/2', guid: 'c2', title: 'Tencent Hunyuan' }, 'nosuchsource')], now),
      save([tagged({ url: 'https://www.cnbc.com/c/3', guid: 'c3', title: 'Moonshot Kimi funding' }, 'cnbc')], now),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await storedUrls()).filter((url) => url.includes('/c/'))).toEqual(['https://cnbc.com/c/3', 'https://scmp.com/c/1']);
  });
});
