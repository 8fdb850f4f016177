import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stories } from '../../db/schema.js';
import { createApp } from '../../src/api/app.js';
import { storiesPage } from '../../src/api/openapi-shapes.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import type { DbHandle } from '../../src/store/db.js';
import { refreshStories } from '../../src/store/stories-store.js';
import { ensureSources, ensureStories, insertItems, type FakeItem } from '../helpers/item-factory.js';
import { dbKind, openTestDb } from '../helpers/test-db.js';

type StoryRow = { id: number; itemCount: number; matchCount: number; rank?: number; outlets: string[]; newestMatch: { title: string; source: string } | null };
type Page = { stories: StoryRow[]; nextCursor: string | null };

/** Items in stories 1-4 (story 3's only item tagged not relevant), story 5 merged into 2, and one Chinese item in no story. */
const corpus: FakeItem[] = [
  { source: 'cnbc', title: 'Alibaba announces a price cut for Qwen', seenAt: new Date('2025-03-03T08:00:00Z'), companies: ['alibaba'], topics: ['pricing'], storyId: 1 },
  { source: '36kr', lang: 'zh', title: '阿里云通义千问降价', seenAt: new Date('2025-03-04T08:00:00Z'), companies: ['alibaba'], topics: ['pricing'], storyId: 1 },
  { source: 'cnbc', title: 'Baidu launches Ernie 4.5', seenAt: new Date('2025-03-12T08:00:00Z'), companies: ['baidu'], topics: ['models'], storyId: 2 },
  { source: '36kr', lang: 'zh', title: '百度发布文心一言4.5', seenAt: new Date('2025-03-13T08:00:00Z'), companies: ['baidu'], topics: ['models'], storyId: 2 },
  { source: 'scmp', title: 'Zhipu raises new funding', seenAt: new Date('2025-03-20T08:00:00Z'), companies: ['zhipu'], topics: ['funding'], storyId: 3, relevant: false },
  { source: 'cnbc', title: 'Moonshot valuation talk', seenAt: new Date('2025-03-05T08:00:00Z'), companies: ['moonshot'], topics: ['funding'], storyId: 4 },
  { source: 'scmp', title: 'Moonshot Kimi closes funding round, funding from Alibaba-backed investors', seenAt: new Date('2025-03-21T08:00:00Z'), companies: ['moonshot'], topics: ['funding'], storyId: 4 },
  { source: '36kr', lang: 'zh', title: '文心一言用户数增长', seenAt: new Date('2025-03-22T08:00:00Z'), companies: ['baidu'] },
];

describe(`GET /api/stories filters and pagination on ${dbKind}`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    handle = await openTestDb();
    await ensureSources(handle.db, ['cnbc', 'scmp', '36kr']);
    await ensureStories(handle.db, [1, 2, 3, 4, 5], new Date('2025-03-01T00:00:00Z'));
    await insertItems(handle.db, corpus);
    await refreshStories(handle.db, [1, 2, 3, 4]);
    // A merged story keeps a stale count on purpose: merged_into alone must keep it out of lists.
    await handle.db.update(stories).set({ mergedInto: 2, itemCount: 1, lastSeenAt: new Date('2025-03-30T00:00:00Z') }).where(eq(stories.id, 5));
    app = createApp({ db: handle.db, dbKind: handle.kind, config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', ROUNDUP_ZONE: 'UTC' }), log: createLogger('silent'), now: () => new Date('2025-03-31T00:00:00Z') });
  });
  afterAll(async () => handle?.close());

  const get = async (query: string): Promise<Page> => {
    const response = await app.request(`/api/stories?${query}`);
    expect(response.status, query).toBe(200);
    return (await response.json()) as Page;
  };
  const ids = async (query: string) => (await get(query)).stories.map((story) => story.id);

  it.each([
    // By default only stories with a relevant matching item: story 3 shows with relevant=all or false.
    ['', [4, 2, 1]],
    ['relevant=all', [4, 3, 2, 1]],
    ['relevant=true', [4, 2, 1]],
    ['company=alibaba', [1]],
    ['company=alibaba,zhipu', [1]],
    ['company=alibaba,zhipu&relevant=all', [3, 1]],
    ['company=alibaba&company=zhipu&relevant=all', [3, 1]],
    ['topic=funding', [4]],
    ['topic=funding&relevant=all', [4, 3]],
    ['topic=pricing,models', [2, 1]],
    ['source=36kr', [2, 1]],
    ['source=scmp,36kr', [4, 2, 1]],
    ['source=scmp,36kr&relevant=all', [4, 3, 2, 1]],
    ['lang=zh', [2, 1]],
    ['from=2025-W12', [4]],
    ['from=2025-W12&relevant=0', [3]],
    ['to=2025-W10', [4, 1]],
    ['from=2025-03-12&to=2025-03-12', [2]],
    ['from=2025-03-12T09:00:00Z&to=2025-03-20T08:00:00Z', [2]],
    ['week=2025-W11', [2]],
    ['relevant=false', [3]],
    ['relevant=true&topic=funding', [4]],
    ['story=2', [2]],
    ['story=5', [2]],
    ['q=文心', [2]],
    ['q="price cut"', [1]],
    ['q=funding&company=moonshot', [4]],
    ['q=nothingmatchesthis', []],
    ['company=moonshot&from=2025-W12&lang=en', [4]],
    ['company=baidu&lang=en&topic=pricing', []],
  ])('?%s lists stories %j, never the merged one', async (query, expected) => {
    expect(await ids(query)).toEqual(expected);
  });

  it('each row is the story with its outlets and counts, plus its newest matching item and how many match', async () => {
    const [s4] = (await get('company=moonshot&to=2025-W10')).stories;
    expect(s4).toMatchObject({ id: 4, itemCount: 2, matchCount: 1, outlets: ['cnbc', 'scmp'], newestMatch: { title: 'Moonshot valuation talk' } });
    const [s2] = (await get('story=2&lang=zh')).stories;
    expect(s2).toMatchObject({ id: 2, itemCount: 2, matchCount: 1, newestMatch: { source: '36kr', title: '百度发布文心一言4.5' } });
    const [all] = (await get('story=2')).stories;
    expect(all).toMatchObject({ matchCount: 2, newestMatch: { title: '百度发布文心一言4.5' } });
  });

  it('sort=relevance orders by the best matching item and pages by rank', async () => {
    const ranked = (await get('q=funding&sort=relevance&relevant=all')).stories;
    expect(ranked.map((story) => story.id).sort()).toEqual([3, 4]);
    // Story 4's best item says "funding" twice: it outranks story 3.
    expect(ranked[0]!.id).toBe(4);
    expect(ranked[0]!.rank).toBeGreaterThan(ranked[1]!.rank!);
    const first = await get('q=funding&sort=relevance&relevant=all&limit=1');
    const second = await get(`q=funding&sort=relevance&relevant=all&limit=1&cursor=${first.nextCursor}`);
    expect([...first.stories, ...second.stories].map((story) => story.id)).toEqual([4, 3]);
    expect(second.nextCursor).toBeNull();
  });

  it('answers 400 naming the parameter for bad input', async () => {
    const itemsCursor = ((await (await app.request('/api/items?limit=1')).json()) as { nextCursor: string }).nextCursor;
    const storiesCursor = (await get('limit=1')).nextCursor!;
    const cases: Array<[string, string]> = [
      ['sort=relevance', 'sort'],
      ['sort=oldest', 'sort'],
      ['week=2025-W11&from=2025-W10', 'week'],
      ['week=2025-W60', 'week'],
      ['limit=201', 'limit'],
      ['limit=0', 'limit'],
      ['lang=fr', 'lang'],
      ['story=0', 'story'],
      ['relevant=maybe', 'relevant'],
      ['topic=Not%20A%20Topic', 'topic'],
      ['source=..%2Fetc', 'source'],
      ['q=a%00b', 'q'],
      ['from=yesterday', 'from'],
      ['zone=Mars%2FBase', 'zone'],
      ['format=csv', 'format'],
      [`cursor=${itemsCursor}`, 'cursor'],
      [`cursor=${storiesCursor}&q=funding&sort=relevance`, 'cursor'],
    ];
    for (const [query, name] of cases) {
      const response = await app.request(`/api/stories?${query}`);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code, query).toBe('bad_request');
      expect(body.error.message.startsWith(`${name}:`), `${query} → ${body.error.message}`).toBe(true);
    }
    // And an /api/stories cursor is no /api/items cursor either.
    expect((await app.request(`/api/items?cursor=${storiesCursor}`)).status).toBe(400);
  });

  it('pages every story exactly once while new stories arrive, with microsecond timestamps shared by several stories', async () => {
    const wire = Array.from({ length: 30 }, (_, i) => 100 + i);
    await ensureSources(handle.db, ['wire']);
    await ensureStories(handle.db, wire, new Date('2025-02-01T00:00:00Z'));
    // Three stories per instant, each instant with microseconds a JavaScript Date cannot hold.
    await insertItems(handle.db, wire.map((id, i) => ({ source: 'wire', title: `Wire story ${id}`, seenAt: new Date(Date.parse('2025-02-01T00:00:00Z') + Math.floor(i / 3) * 1000), companies: ['deepseek'], storyId: id })));
    await handle.db.execute(sql`update items set seen_at = seen_at + interval '123457 microseconds' where source_slug = 'wire'`);
    await refreshStories(handle.db, wire);

    const before = await ids('company=deepseek&limit=200');
    expect(before).toHaveLength(30);
    const seen: number[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const fresh = 1000 + round;
      // A new story racing the read of a later page: it is newer than any cursor, so it never shifts
      // a page. (Racing the first page would be a fair race: that page may show it or not.)
      const racer = async () => {
        if (!cursor) return;
        await ensureStories(handle.db, [fresh], new Date('2025-03-31T00:00:00Z'));
        await insertItems(handle.db, [{ source: 'wire', title: `Breaking ${fresh}`, seenAt: new Date(Date.parse('2025-03-30T00:00:00Z') + round * 1000), companies: ['deepseek'], storyId: fresh }]);
        await refreshStories(handle.db, [fresh]);
      };
      const [page]: [Page, void] = await Promise.all([get(`company=deepseek&limit=4${cursor ? `&cursor=${cursor}` : ''}`), racer()]);
      seen.push(...page.stories.map((story) => story.id));
      cursor = page.nextCursor;
      round++;
    } while (cursor && round < 50);
    expect(seen).toEqual(before);
    expect(new Set(seen).size).toBe(30);
  });

  it('is described in /openapi.json with the same filters as /api/items', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, { get: { parameters: Array<{ name: string }> } }> };
    const names = (path: string) => doc.paths[path]!.get.parameters.map((p) => p.name);
    const itemFilters = names('/api/items').filter((name) => !['format', 'bom'].includes(name));
    expect(names('/api/stories').sort()).toEqual([...itemFilters, 'week'].sort());
    expect(names('/api/stories/{id}')).toEqual(['id']);
    for (const path of ['/api/sources', '/api/runs', '/api/runs/{id}', '/api/roundups/{week}', '/api/companies', '/health']) expect(doc.paths[path], path).toBeDefined();
    // The documented response shape is the one the endpoint sends.
    const body = await (await app.request('/api/stories?q=funding&sort=relevance&relevant=all')).json();
    expect(() => storiesPage.parse(body)).not.toThrow();
    expect(storiesPage.parse(body).stories).toHaveLength(2);
  });
});
