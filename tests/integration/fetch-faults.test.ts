import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { runSources } from '../../src/pipeline/run-sources.js';
import type { PipelineDeps } from '../../src/pipeline/deps.js';
import type { DbHandle } from '../../src/store/db.js';
import { listItems } from '../../src/store/items-list.js';
import { listSources, type SourceRow } from '../../src/store/sources-store.js';
import {
  billionLaughs,
  conditional,
  connectionReset,
  endlessBody,
  failing,
  gzipBomb,
  mislabelled,
  redirectLoop,
  slowBody,
  slowHeaders,
  tinyFeed,
  truncated,
} from '../helpers/fault-routes.js';
import { FeedServer } from '../helpers/feed-server.js';
import { encodeLegacy } from '../helpers/legacy-encode.js';
import { fixture } from '../helpers/fixtures.js';
import { pipelineDeps, sourceOf } from '../helpers/pipeline-deps.js';
import { dbKind, openTestDb } from '../helpers/test-db.js';

const newsroomPage = Buffer.from(
  encodeLegacy('<html><head><meta charset="gbk"><title>新闻中心</title></head><body><ul><li class="news"><a href="/news/1">智谱发布新模型</a><time datetime="2026-07-15 11:05">2026年7月15日</time></li><li class="news"><a href="news/2">月之暗面完成融资</a><time>2026年7月14日</time></li></ul></body></html>', 'gbk'),
);

/** Every way a feed server fails in the wild, served from loopback in one run next to healthy sources. */
describe(`fetch fault injection on ${dbKind}`, () => {
  const server = new FeedServer();
  let handle: DbHandle;
  let deps: PipelineDeps;
  const recovering = failing(3, 500, tinyFeed('recovering'));
  const rateLimitedShort = failing(1, 429, tinyFeed('polite'), { 'retry-after': '1' });
  const rateLimitedLong = failing(99, 429, tinyFeed('never'), { 'retry-after': '7200' });
  const big = tinyFeed('big', 40);

  const faulty = {
    notModified: ['/conditional', conditional(tinyFeed('conditional'))],
    rateLimitedShort: ['/429-short', rateLimitedShort],
    rateLimitedLong: ['/429-long', rateLimitedLong],
    recovering: ['/500-then-ok', recovering],
    slowHeaders: ['/slow-headers', slowHeaders(30_000, tinyFeed('slow'))],
    slowBody: ['/slow-body', slowBody(40_000, big)],
    reset: ['/reset', connectionReset],
    truncated: ['/truncated', truncated(big)],
    endless: ['/endless', endlessBody],
    loop: ['/loop', redirectLoop('/loop')],
    bomb: ['/bomb', gzipBomb(32 * 1024 * 1024)],
    laughs: ['/laughs', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(billionLaughs)],
    wrongCharset: ['/wrong-charset', mislabelled(fixture('feeds/kc0011-gb2312.rss'), 'application/rss+xml; charset=utf-8')],
    html: ['/html', mislabelled(Buffer.from('<!doctype html><html><head><title>Home</title></head><body>Welcome</body></html>'), 'text/html; charset=utf-8')],
    gone: ['/gone', failing(99, 410, '')],
  } as const satisfies Record<string, readonly [string, Parameters<FeedServer['route']>[1]]>;

  beforeAll(async () => {
    for (const [path, route] of Object.values(faulty)) server.route(path, route);
    server.file('/healthy-a.xml', tinyFeed('healthy-a')).file('/healthy-b.xml', tinyFeed('healthy-b')).file('/newsroom', newsroomPage, 'text/html; charset=gbk');
    await server.start();
    handle = await openTestDb();
    const sources = [
      ...Object.entries(faulty).map(([slug, [path]]) => sourceOf(slug.toLowerCase(), server.url(path), { language: 'zh', zone: 'Asia/Shanghai' })),
      sourceOf('healthy-a', server.url('/healthy-a.xml')),
      sourceOf('healthy-b', server.url('/healthy-b.xml')),
      sourceOf('newsroom', server.url('/newsroom'), { kind: 'html', language: 'zh', zone: 'Asia/Shanghai', selectors: { item: 'li.news', link: 'a', title: 'a', date: 'time' } }),
    ];
    const base = await pipelineDeps(handle.db, sources);
    const config = loadConfig({
      ALLOW_PRIVATE_HOSTS: 'true',
      FETCH_TIMEOUT_MS: '12000',
      FETCH_HEADERS_TIMEOUT_MS: '8000',
      FETCH_MAX_BYTES: String(2 * 1024 * 1024),
      FETCH_RETRY_BASE_MS: '20',
      FETCH_CONCURRENCY: '32',
      FETCH_HOST_CONCURRENCY: '32',
      LOG_LEVEL: 'silent',
    });
    deps = { ...base, config };
  });

  afterAll(async () => {
    await handle?.close();
    await server.stop();
  });

  const itemsOfSource = async (slug: string) => (await listItems(handle.db, { sources: [slug] }, { limit: 200 })).items;
  const stateOf = async (slug: string): Promise<SourceRow> => (await listSources(handle.db)).find((row) => row.slug === slug)!;

  it('records each failure on its own source and still stores the healthy ones in the same run', { timeout: 60_000 }, async () => {
    const started = Date.now();
    const { run, outcomes } = await runSources(deps, { trigger: 'test' });
    const bySlug = Object.fromEntries(outcomes.map((o) => [o.slug, o]));
    expect(run.sourcesTotal).toBe(18);

    for (const slug of ['healthy-a', 'healthy-b']) {
      expect(bySlug[slug], bySlug[slug]?.error ?? '').toMatchObject({ status: 'ok', itemsNew: 3 });
      expect((await itemsOfSource(slug)).length).toBe(3);
    }
    // A newsroom page without a feed (GBK bytes), read with its selectors, goes through the same pipeline.
    expect(bySlug.newsroom, bySlug.newsroom?.error ?? '').toMatchObject({ status: 'ok', itemsNew: 2 });
    const newsroom = await itemsOfSource('newsroom');
    expect(newsroom.map((item) => item.title).sort()).toEqual(['智谱发布新模型', '月之暗面完成融资']);
    expect(newsroom.map((item) => item.url).sort()).toEqual([server.url('/news/1'), server.url('/news/2')]);
    // 500 three times: the first attempt and both retries fail, so this run records the error.
    expect(bySlug.recovering).toMatchObject({ status: 'error', httpStatus: 500 });
    expect(recovering.state.remaining).toBe(0);
    // One 429 with Retry-After: 1 is waited out within the run and the retry succeeds.
    expect(bySlug.ratelimitedshort).toMatchObject({ status: 'ok', itemsNew: 3 });
    expect(rateLimitedShort.state.remaining).toBe(0);
    // A Retry-After of two hours is not waited out: one request, and the next fetch moves past it.
    expect(bySlug.ratelimitedlong).toMatchObject({ status: 'error', httpStatus: 429 });
    expect(server.hits.get('/429-long')).toBe(1);
    const long = await stateOf('ratelimitedlong');
    expect(long.nextFetchAt!.getTime()).toBeGreaterThanOrEqual(started + 7200_000 - 120_000);

    const expectations: Array<[string, RegExp, number | null]> = [
      ['slowheaders', /no response headers within 8000 ms/, null],
      ['slowbody', /timed out after 12000 ms/, null],
      ['reset', /ECONNRESET|socket hang up/, null],
      ['truncated', /connection closed after \d+ bytes, before the body was complete/, null],
      ['endless', /body over the 2097152-byte cap/, null],
      ['loop', /more than 5 redirects/, 302],
      ['bomb', /body over the 2097152-byte cap after gzip decoding/, null],
      ['laughs', /declares XML entities in a DTD; refused/, 200],
      ['html', /not a feed .*got an HTML page/, 200],
      ['gone', /HTTP 410/, 410],
    ];
    for (const [slug, message, status] of expectations) {
      const row = await stateOf(slug);
      expect(row.lastError, slug).toMatch(message);
      expect(row.lastError, slug).toContain(server.url(''));
      expect(row, slug).toMatchObject({ consecutiveErrors: 1, lastStatus: status, leaseOwner: null });
      expect(row.nextFetchAt!.getTime(), slug).toBeGreaterThan(started);
    }
    // A reset is retried; a timeout is not (it already cost the whole budget).
    expect(server.hits.get('/reset')).toBe(3);
    expect(server.hits.get('/slow-headers')).toBe(1);
    // 410 Gone switches the source off with a reason; it stays listed.
    expect(await stateOf('gone')).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('410 Gone') });
    // The billion laughs never expand: the whole run stays small and quick.
    expect(Date.now() - started).toBeLessThan(40_000);
  });

  it('shows each source\'s health and each run with its attempts over HTTP', async () => {
    const app = createApp({ db: handle.db, dbKind: handle.kind, config: deps.config, log: createLogger('silent'), now: () => new Date() });
    const { sources } = (await (await app.request('/api/sources')).json()) as { sources: Array<Record<string, unknown>> };
    const bySlug = Object.fromEntries(sources.map((source) => [source.slug, source]));
    expect(bySlug.gone).toMatchObject({ health: 'disabled', enabled: false, lastStatus: 410, disabledReason: expect.stringContaining('410 Gone') });
    expect(bySlug.slowheaders).toMatchObject({ health: 'failing', consecutiveErrors: 1, lastError: expect.stringContaining('no response headers') });
    expect(typeof bySlug.slowheaders?.nextFetchAt).toBe('string');
    expect(bySlug['healthy-a']).toMatchObject({ health: 'ok', lastError: null, lastStatus: 200 });
    expect(bySlug.gone).not.toHaveProperty('leaseOwner');
    const { runs } = (await (await app.request('/api/runs')).json()) as { runs: Array<{ id: number; sourcesTotal: number }> };
    const first = runs.at(-1)!;
    expect(first.sourcesTotal).toBe(18);
    const detail = (await (await app.request(`/api/runs/${first.id}`)).json()) as { status: string; attempts: Array<{ sourceSlug: string; status: string; error: string | null }> };
    expect(detail.status).toBe('partial');
    expect(detail.attempts).toHaveLength(18);
    expect(detail.attempts.find((a) => a.sourceSlug === 'loop')).toMatchObject({ status: 'error', error: expect.stringContaining('more than 5 redirects') });
    expect((await app.request('/api/runs/abc')).status).toBe(400);
    expect((await app.request('/api/runs/999999')).status).toBe(404);
  });

  it('reads a GBK feed served with a wrong charset=utf-8 header as Chinese', async () => {
    const items = await itemsOfSource('wrongcharset');
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => !item.title.includes('\ufffd'))).toBe(true);
    expect(items.some((item) => /[\u4e00-\u9fff]{2}/.test(item.title))).toBe(true);
  });

  it('answers the second fetch of an unchanged feed with 304 and keeps its items', async () => {
    const { outcomes } = await runSources(deps, { trigger: 'test', slugs: ['notmodified', 'recovering'] });
    const bySlug = Object.fromEntries(outcomes.map((o) => [o.slug, o]));
    expect(bySlug.notmodified).toMatchObject({ status: 'not_modified', httpStatus: 304 });
    expect(await stateOf('notmodified')).toMatchObject({ consecutiveErrors: 0, lastStatus: 304, etag: '"v1"' });
    expect((await itemsOfSource('notmodified')).length).toBe(3);
    // The server recovered: the error count resets and the items arrive.
    expect(bySlug.recovering).toMatchObject({ status: 'ok', itemsNew: 3 });
    expect(await stateOf('recovering')).toMatchObject({ consecutiveErrors: 0, lastError: null, lastStatus: 200 });
  });
});
