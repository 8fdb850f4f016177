import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { items } from '../../db/schema.js';
import { ingestSource } from '../../src/pipeline/ingest-source.js';
import { wantsFullText } from '../../src/pipeline/full-text.js';
import type { DbHandle } from '../../src/store/db.js';
import { FeedServer } from '../helpers/feed-server.js';
import { fixture } from '../helpers/fixtures.js';
import { encodeLegacy } from '../helpers/legacy-encoding.js';
import { pipelineDeps, sourceOf } from '../helpers/pipeline-deps.js';
import { dbKind, openTestDb } from '../helpers/test-db.js';

const feed = (base: string) => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test tech feed</title><link>${base}/</link>
  <item><title>DeepMind computer learns from its own memory, an AI first</title><link>${base}/a/gbk</link><guid>1</guid><description>A short teaser.</description><pubDate>Fri, 14 Oct 2016 07:17:00 +0800</pubDate></item>
  <item><title>Baidu cuts ERNIE prices</title><link>${base}/a/missing</link><guid>2</guid><description>Another teaser.</description></item>
  <item><title>Alibaba shows a new Qwen model</title><link>${base}/a/empty</link><guid>3</guid><description>Teaser three.</description></item>
  <item><title>Weather in Paris turns cold</title><link>${base}/a/weather</link><guid>4</guid><description>Not about technology.</description></item>
</channel></rss>`;

describe(`full text for feed items on ${dbKind}`, () => {
  const server = new FeedServer();
  let handle: DbHandle;

  beforeAll(async () => {
    const base = await server.start();
    const qq = gunzipSync(fixture('articles/readability-qq.html.gz')).toString('utf8');
    server
      .file('/feed.xml', feed(base.replace(/\/$/, '')))
      .file('/a/gbk', encodeLegacy(qq, 'gbk'), 'text/html; charset=GBK')
      .file('/a/empty', '<html><body><nav><a href="/">Home</a></nav><p>Please enable JavaScript.</p></body></html>', 'text/html')
      .file('/a/weather', '<html><body><p>Cold.</p></body></html>', 'text/html');
    handle = await openTestDb();
  });

  afterAll(async () => {
    await handle?.close();
    await server.stop();
  });

  it('auto: fetches short, relevant items only; keeps feed text and records why when extraction fails', async () => {
    const source = sourceOf('auto-feed', server.url('/feed.xml'), { fullText: 'auto', zone: 'Asia/Shanghai' });
    const deps = await pipelineDeps(handle.db, [source]);
    const outcome = await ingestSource(deps, source, { etag: null, lastModified: null });
    expect(outcome).toMatchObject({ status: 'ok', itemsNew: 4 });

    const rows = await handle.db.select().from(items);
    const byGuid = Object.fromEntries(rows.map((row) => [row.guid, row]));
    expect(byGuid['1']!.bodyText).toContain('谷歌(微博) 在2014年收购的人工智能公司DeepMind开发出一款');
    expect(byGuid['1']!.bodyError).toBeNull();
    expect(byGuid['1']!.summary).toBe('A short teaser.');

    expect(byGuid['2']).toMatchObject({ bodyText: null, summary: 'Another teaser.' });
    expect(byGuid['2']!.bodyError).toMatch(/^fetch: HTTP 404 .*\/a\/missing\)$/);
    expect(byGuid['3']).toMatchObject({ bodyText: null, summary: 'Teaser three.' });
    expect(byGuid['3']!.bodyError).toMatch(/^extract: no article text found/);

    // Not relevant: auto leaves the publisher alone.
    expect(byGuid['4']).toMatchObject({ bodyText: null, bodyError: null });
    expect(server.hits.get('/a/weather') ?? 0).toBe(0);
  });

  it('never fetches an article page again for an item already stored', async () => {
    const source = sourceOf('auto-feed', server.url('/feed.xml'), { fullText: 'auto', zone: 'Asia/Shanghai' });
    const deps = await pipelineDeps(handle.db, [source]);
    const before = server.hits.get('/a/gbk');
    await ingestSource(deps, source, { etag: null, lastModified: null });
    expect(server.hits.get('/a/gbk')).toBe(before);
  });
});

describe('wantsFullText', () => {
  const tags = (companies: string[]) => ({ companies: companies.map((company) => ({ company, field: 'title' as const, alias: company, score: 1 })), topics: [], relevant: companies.length > 0 });
  it.each([
    [false, 'DeepSeek R2 is out', '', ['deepseek'], false],
    [true, 'Weather in Paris', 'x'.repeat(5000), [], true],
    ['auto', 'DeepSeek R2 is out', 'short', ['deepseek'], true],
    ['auto', 'New AI chip from a start-up', 'short', [], true],
    ['auto', '大模型价格战再起', '短', [], true],
    ['auto', 'Weather in Paris', 'short', [], false],
    ['auto', 'DeepSeek R2 is out', 'long '.repeat(200), ['deepseek'], false],
  ] as const)('mode %s, title %s → %s', (mode, title, summary, companies, expected) => {
    expect(wantsFullText(mode, { title, summary, tags: tags([...companies]) })).toBe(expected);
  });
});

describe(`article pages that failed for a passing reason are tried again later, on ${dbKind}`, () => {
  const server = new FeedServer();
  let handle: DbHandle;
  let pageUp = false;
  let clock = new Date('2026-08-20T08:00:00Z');
  const hours = (n: number) => new Date(Date.parse('2026-08-20T08:00:00Z') + n * 3_600_000);
  const article = `<html><head><title>A new AI video model</title></head><body><article>
    <p>Tencent's Hunyuan team released a video generation model on Thursday, its third this year.</p>
    <p>The model is open source and runs on a single graphics card, the company said in Shenzhen.</p>
    </article></body></html>`;

  beforeAll(async () => {
    const base = (await server.start()).replace(/\/$/, '');
    const feedXml = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Retry feed</title><link>${base}/</link>
      <item><title>A new AI video model is out</title><link>${base}/r/flaky</link><guid>r1</guid><description>Teaser.</description></item>
      <item><title>An AI lab closes its blog</title><link>${base}/r/gone</link><guid>r2</guid><description>Teaser two.</description></item>
    </channel></rss>`;
    server
      .route('/retry-feed.xml', (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(feedXml);
      })
      .route('/r/flaky', (_req, res) => {
        if (!pageUp) return void res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article);
      });
    handle = await openTestDb();
  });

  afterAll(async () => {
    await handle?.close();
    await server.stop();
  });

  const run = async (at: Date, validators: { etag: string | null } = { etag: null }) => {
    clock = at;
    const source = sourceOf('retry-feed', server.url('/retry-feed.xml'), { fullText: 'auto' });
    const deps = await pipelineDeps(handle.db, [source], () => clock);
    return ingestSource(deps, source, { lastModified: null, ...validators });
  };
  const item = async (guid: string) => (await handle.db.select().from(items)).find((row) => row.guid === guid)!;

  it('a 503 is retried 1 h later, then 4 h later; a 404 never', async () => {
    expect(await run(hours(0))).toMatchObject({ status: 'ok', itemsNew: 2 });
    expect(await item('r1')).toMatchObject({ bodyText: null, bodyRetries: 0, bodyRetryAt: hours(1) });
    expect((await item('r1')).bodyError).toMatch(/HTTP 503/);
    expect(await item('r2')).toMatchObject({ bodyText: null, bodyRetryAt: null });
    expect((await item('r2')).bodyError).toMatch(/HTTP 404/);
    const flakyHits = server.hits.get('/r/flaky');

    await run(hours(0.5));
    expect(server.hits.get('/r/flaky')).toBe(flakyHits);

    await run(hours(1.1));
    expect(server.hits.get('/r/flaky')).toBeGreaterThan(flakyHits!);
    expect(await item('r1')).toMatchObject({ bodyText: null, bodyRetries: 1, bodyRetryAt: hours(5.1) });
    expect(server.hits.get('/r/gone')).toBe(1);
  });

  it('once the page is back, even when the feed answers 304, the body is stored and the item re-tagged', async () => {
    pageUp = true;
    expect((await item('r1')).companies).not.toContain('tencent');
    expect(await run(hours(5.2), { etag: '"v1"' })).toMatchObject({ status: 'not_modified' });
    const retried = await item('r1');
    expect(retried.bodyText).toContain("Tencent's Hunyuan team released a video generation model");
    expect(retried).toMatchObject({ bodyError: null, bodyRetries: 2, bodyRetryAt: null });
    expect(retried.companies).toContain('tencent');
    expect(server.hits.get('/r/gone')).toBe(1);
  });
});
