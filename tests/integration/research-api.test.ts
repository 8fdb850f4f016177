import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { itemsPage } from '../../src/api/openapi-shapes.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { sql } from 'drizzle-orm';
import type { DbHandle } from '../../src/store/db.js';
import { ensureSources, ensureStories, insertItems, type FakeItem } from '../helpers/item-factory.js';
import { dbKind, openTestDb } from '../helpers/test-db.js';

const now = new Date('2025-03-12T04:00:00Z'); // Wednesday of 2025-W11 in Asia/Shanghai
const day = (iso: string) => new Date(iso);

const corpus: FakeItem[] = [
  { source: 'cnbc', title: 'Alibaba Cloud cuts Qwen-VL prices by up to 85%', summary: 'The price cut aims to lure enterprise users to Alibaba AI.', seenAt: day('2025-03-10T02:00:00Z'), companies: ['alibaba'], topics: ['pricing'], storyId: 1 },
  { source: 'scmp', title: 'Alibaba price war: cloud unit slashes model prices', summary: 'Another price cut from the Hangzhou giant.', seenAt: day('2025-03-10T06:00:00Z'), companies: ['alibaba'], topics: ['pricing'], storyId: 1 },
  { source: '36kr', lang: 'zh', title: '百度发布文心一言4.0，称其能力不输GPT-4', summary: '百度在世界大会上发布了文心一言新版本。', seenAt: day('2025-03-11T03:00:00Z'), companies: ['baidu'], topics: ['model-release'], storyId: 2 },
  { source: '36kr', lang: 'zh', title: '阿里云宣布通义千问降价', summary: '阿里云大模型价格下调，最高降价85%。', seenAt: day('2025-03-10T08:00:00Z'), companies: ['alibaba'], topics: ['pricing'], storyId: 1 },
  { source: 'reuters', title: 'Zhipu AI raises funding from state investors', summary: 'Zhipu closed a new round.', seenAt: day('2025-03-04T01:00:00Z'), companies: ['zhipu'], topics: ['funding'], storyId: 3 },
  { source: 'reuters', title: 'Moonshot AI in talks to raise at $3bn valuation', summary: 'The Kimi maker is raising money.', seenAt: day('2025-02-20T01:00:00Z'), companies: ['moonshot'], topics: ['funding'], storyId: 4 },
  { source: 'cnbc', title: 'Moonshot and Zhipu race for funding, "rivals" say', summary: 'Quotes, "commas, and\nnewlines" live here.', seenAt: day('2025-03-05T01:00:00Z'), companies: ['moonshot', 'zhipu'], topics: ['funding'], storyId: 5 },
  { source: 'scmp', title: 'Weather in Hong Kong', summary: 'Sunny.', seenAt: day('2025-03-06T01:00:00Z'), relevant: false },
  { source: 'cnbc', title: 'Prices are cutting into margins at <Baidu> & co', summary: 'Baidu faces pricing pressure.', seenAt: day('2025-01-15T01:00:00Z'), companies: ['baidu'], topics: ['pricing'], storyId: null },
];

describe(`research API on ${dbKind}`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createApp>;
  const get = async (path: string, init?: RequestInit) => {
    const res = await app.request(path, init);
    return { res, body: /^application\/json(;|$)/.test(res.headers.get('content-type') ?? '') ? ((await res.json()) as any) : await res.text() };
  };
  const titles = (body: { items: Array<{ title: string }> }) => body.items.map((item) => item.title);

  beforeAll(async () => {
    handle = await openTestDb();
    await ensureSources(handle.db, ['cnbc', 'scmp', '36kr', 'reuters']);
    await ensureStories(handle.db, [1, 2, 3, 4, 5], now);
    await insertItems(handle.db, corpus);
    const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0' });
    app = createApp({ db: handle.db, dbKind: handle.kind, config, log: createLogger('silent'), now: () => now });
  });
  afterAll(async () => handle?.close());

  it('lists newest first and every page matches the documented shape', async () => {
    const { res, body } = await get('/api/items');
    expect(res.status).toBe(200);
    expect(itemsPage.parse(body).items).toHaveLength(corpus.length - 1); // all but the one tagged not relevant
    expect(body.items[0].title).toContain('文心一言');
    const times = body.items.map((item: { seenAt: string }) => item.seenAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it.each([
    ['company=alibaba', 3],
    ['company=zhipu,moonshot', 3],
    ['company=zhipu&company=moonshot', 3],
    ['topic=funding', 3],
    ['topic=funding&company=zhipu', 2],
    ['source=36kr', 2],
    ['source=36kr,cnbc&lang=en', 3],
    ['lang=zh', 2],
    ['relevant=false', 1],
    ['relevant=0', 1],
    ['relevant=true', 8],
    ['relevant=all', 9],
    ['relevant=all&source=scmp', 2],
    ['story=1', 3],
    ['from=2025-03-10', 4],
    ['from=2025-W10&to=2025-W10', 2], // Asia/Shanghai week of 3-9 March, relevant items only
    ['from=2025-W10&to=2025-W10&relevant=all', 3],
    ['from=2025-03-04&to=2025-03-05', 2], // "to" as a day is inclusive
    ['from=2025-03-05T00:00:00Z&to=2025-03-05T01:00:00Z', 0], // a time is exclusive
    ['company=alibaba&topic=pricing&lang=en&from=2025-W11', 2],
    ['company=alibaba&zone=UTC&from=2025-03-10T06:00:00Z', 2],
  ])('filters ?%s → %i items', async (query, expected) => {
    const { res, body } = await get(`/api/items?${query}`);
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.items).toHaveLength(expected);
  });

  it('defaults every list, export and count to relevant items; relevant=all and relevant=false show the rest', async () => {
    const weather = 'Weather in Hong Kong';
    const listed = async (path: string) => titles((await get(path)).body);
    expect(await listed('/api/items?source=scmp')).not.toContain(weather);
    expect(await listed('/api/items?source=scmp&relevant=all')).toContain(weather);
    expect(await listed('/api/items?source=scmp&relevant=false')).toEqual([weather]);
    // Exports: the same default.
    expect((await get('/api/items?format=csv&source=scmp')).body).not.toContain(weather);
    expect((await get('/api/items?format=csv&source=scmp&relevant=all')).body).toContain(weather);
    expect((await get('/api/items?format=jsonl&relevant=false')).body).toContain(weather);
    // Weekly counts: the weather item is W10's only item from scmp.
    const scmpW10 = async (extra: string) => (await get(`/api/stats/weekly?source=scmp&from=2025-W10&to=2025-W10${extra}`)).body.weeks[0];
    expect(await scmpW10('')).toEqual({ week: '2025-W10', items: 0, stories: 0 });
    expect(await scmpW10('&relevant=all')).toEqual({ week: '2025-W10', items: 1, stories: 1 });
    // The documented default.
    const doc = (await get('/openapi.json')).body;
    for (const path of ['/api/items', '/api/stories', '/api/stats/weekly', '/api/companies/{slug}/weekly']) {
      const relevant = doc.paths[path].get.parameters.find((p: { name: string }) => p.name === 'relevant');
      expect(relevant.schema, path).toMatchObject({ default: 'true', enum: expect.arrayContaining(['true', 'false', 'all']) });
    }
  });

  it('searches English with stemming and phrases, and Chinese by bigrams, with highlighted snippets', async () => {
    const phrase = (await get(`/api/items?q=${encodeURIComponent('"price cut" alibaba')}`)).body;
    expect(titles(phrase)).toEqual(['Alibaba price war: cloud unit slashes model prices', 'Alibaba Cloud cuts Qwen-VL prices by up to 85%']);
    expect(phrase.items[0].snippet).toContain('<mark>price</mark> <mark>cut</mark>');

    const stemmed = (await get('/api/items?q=cutting')).body; // cut, cuts, cutting share a stem
    expect(titles(stemmed).length).toBeGreaterThanOrEqual(3);
    expect(stemmed.items.find((item: { title: string }) => item.title.includes('<Baidu>')).snippet).toContain('&lt;Baidu&gt; &amp; co');

    const wenxin = (await get(`/api/items?q=${encodeURIComponent('文心')}`)).body;
    expect(titles(wenxin)).toEqual(['百度发布文心一言4.0，称其能力不输GPT-4']);
    expect(wenxin.items[0].snippet).toContain('<mark>文心</mark>一言');

    expect(titles((await get(`/api/items?q=${encodeURIComponent('降价 阿里云')}`)).body)).toEqual(['阿里云宣布通义千问降价']);
    expect(titles((await get(`/api/items?q=${encodeURIComponent('一言文心')}`)).body)).toEqual([]); // bigrams keep order
    expect(titles((await get(`/api/items?q=${encodeURIComponent('云')}`)).body)).toEqual(['阿里云宣布通义千问降价']);
    expect(titles((await get(`/api/items?q=${encodeURIComponent('百度 GPT')}`)).body)).toEqual(['百度发布文心一言4.0，称其能力不输GPT-4']);
    expect(titles((await get(`/api/items?q=alibaba -war`)).body)).toEqual(['Alibaba Cloud cuts Qwen-VL prices by up to 85%']);
    expect((await get('/api/items?q=the')).body.items).toEqual([]); // only a stop word: nothing, not everything
  });

  it('ranks by relevance and pages through the ranking with a cursor', async () => {
    const all = (await get('/api/items?q=price&sort=relevance&limit=50')).body;
    expect(all.items.length).toBeGreaterThanOrEqual(3);
    const ranks = all.items.map((item: { rank: number }) => item.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: any = (await get(`/api/items?q=price&sort=relevance&limit=1${cursor ? `&cursor=${cursor}` : ''}`)).body;
      seen.push(...page.items.map((item: { id: number }) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((item: { id: number }) => item.id));
  });

  it('exports CSV with RFC 4180 quoting and an optional BOM, and JSONL', async () => {
    const res = await app.request('/api/items?format=csv&bom=true&company=moonshot');
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('items.csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 BOM
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('id,seen_at,published_at,source,')).toBe(true);
    expect(text).toContain('"Moonshot and Zhipu race for funding, ""rivals"" say","Quotes, ""commas, and\nnewlines"" live here."');
    expect(text).toContain(',moonshot;zhipu,funding,true,5\r\n');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(3);

    const plain = (await get('/api/items?format=csv&lang=zh')).body as string;
    expect(plain.startsWith('id,')).toBe(true);
    expect(plain).toContain('百度发布文心一言4.0，称其能力不输GPT-4');

    const lines = ((await get('/api/items?format=jsonl&q=alibaba')).body as string).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.title).sort()).toEqual(['Alibaba Cloud cuts Qwen-VL prices by up to 85%', 'Alibaba price war: cloud unit slashes model prices']);
    expect(lines[0]).toMatchObject({ companies: ['alibaba'], topics: ['pricing'], story_id: 1 });
  });

  it('counts items and stories per ISO week, zeros included', async () => {
    const { res, body } = await get('/api/companies/alibaba/weekly?from=2025-W09&to=2025-W11');
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.weeks).toEqual([
      { week: '2025-W09', items: 0, stories: 0 },
      { week: '2025-W10', items: 0, stories: 0 },
      { week: '2025-W11', items: 3, stories: 1 },
    ]);
    const funding = (await get('/api/stats/weekly?topic=funding&from=2025-W08&to=2025-W10')).body;
    expect(funding.weeks).toEqual([
      { week: '2025-W08', items: 1, stories: 1 },
      { week: '2025-W09', items: 0, stories: 0 },
      { week: '2025-W10', items: 2, stories: 2 },
    ]);
    const defaults = (await get('/api/stats/weekly?company=baidu')).body;
    expect(defaults.weeks).toHaveLength(26);
    expect(defaults.weeks.at(-1)).toEqual({ week: '2025-W11', items: 1, stories: 1 });
    expect(defaults.weeks.find((w: { week: string }) => w.week === '2025-W03')).toEqual({ week: '2025-W03', items: 1, stories: 1 }); // no story: counts as its own
  });

  it.each([
    ['/api/items?limit=500', 'limit'],
    ['/api/items?limit=abc', 'limit'],
    ['/api/items?company=Not%20A%20Slug', 'company'],
    ['/api/items?lang=fr', 'lang'],
    ['/api/items?from=yesterday', 'from'],
    ['/api/items?to=2025-W54', 'to'],
    ['/api/items?sort=relevance', 'sort'],
    ['/api/items?sort=oldest', 'sort'],
    ['/api/items?cursor=bm9wZQ', 'cursor'],
    ['/api/items?format=xlsx', 'format'],
    ['/api/items?zone=Mars/Base', 'zone'],
    ['/api/items?colour=red', 'colour'],
    ['/api/items/abc', 'id'],
    ['/api/stats/weekly?from=2025-W10&to=2025-W01', 'from'],
    ['/api/stats/weekly?from=2000-01-01&to=2025-01-01', 'from'],
    ['/api/companies/alibaba/weekly?q=x', 'q'],
  ])('%s → 400 naming %s', async (path, parameter) => {
    const { res, body } = await get(path);
    expect(res.status).toBe(400);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message.startsWith(`${parameter}`) || body.error.message.includes(`"${parameter}"`)).toBe(true);
  });

  it('answers 404 for unknown ids and companies', async () => {
    expect((await get('/api/items/999999')).res.status).toBe(404);
    const company = await get('/api/companies/nokia/weekly');
    expect(company.res.status).toBe(404);
    expect(company.body.error.message).toContain('nokia');
  });

  it('serves an OpenAPI document built from the request schemas', async () => {
    const { res, body } = await get('/openapi.json');
    expect(res.status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const params = body.paths['/api/items'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['company', 'topic', 'q', 'sort', 'limit', 'cursor', 'format', 'bom', 'from', 'to']));
    const limit = body.paths['/api/items'].get.parameters.find((p: { name: string }) => p.name === 'limit');
    expect(limit.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 200 });
    expect(body.paths['/api/companies/{slug}/weekly'].get.responses['200'].content['application/json'].schema.properties.weeks.type).toBe('array');
  });

  it('applies relevance on the one-company paths too (item_tag_times), for lists and weekly counts', async () => {
    const title = 'Zhipu AI raises funding from state investors';
    await handle.db.execute(sql`update items set relevant = false where title = ${title}`);
    try {
      expect(titles((await get('/api/items?company=zhipu')).body)).not.toContain(title);
      expect(titles((await get('/api/items?company=zhipu&relevant=all')).body)).toContain(title);
      expect(titles((await get('/api/items?company=zhipu&from=2025-W10&to=2025-W10&relevant=false')).body)).toEqual([title]);
      const w10 = async (path: string) => (await get(`${path}from=2025-W10&to=2025-W10`)).body.weeks[0];
      expect(await w10('/api/companies/zhipu/weekly?')).toEqual({ week: '2025-W10', items: 1, stories: 1 });
      expect(await w10('/api/companies/zhipu/weekly?relevant=all&')).toEqual({ week: '2025-W10', items: 2, stories: 2 });
      expect(await w10('/api/stats/weekly?company=zhipu&')).toEqual({ week: '2025-W10', items: 1, stories: 1 });
      expect(await w10('/api/stats/weekly?topic=funding&relevant=false&')).toEqual({ week: '2025-W10', items: 1, stories: 1 });
    } finally {
      await handle.db.execute(sql`update items set relevant = true where title = ${title}`);
    }
  });

  it('records relevance for items inserted as not relevant (the statement-level insert trigger)', async () => {
    const title = 'Zhipu sponsors a chess tournament';
    await insertItems(handle.db, [{ source: 'scmp', title, seenAt: day('2025-03-07T02:00:00Z'), companies: ['zhipu'], relevant: false }]);
    expect(titles((await get('/api/items?company=zhipu')).body)).not.toContain(title);
    expect(titles((await get('/api/items?company=zhipu&relevant=false')).body)).toEqual([title]);
    await handle.db.execute(sql`delete from items where title = ${title}`);
  });

  it('keeps the weekly counts in step when tags, stories or items change (item_tag_times trigger)', async () => {
    const weekly = async () => (await get('/api/companies/zhipu/weekly?from=2025-W10&to=2025-W10')).body.weeks[0];
    expect(await weekly()).toEqual({ week: '2025-W10', items: 2, stories: 2 });
    await handle.db.execute(sql`update items set companies = array['moonshot'] where title = 'Zhipu AI raises funding from state investors'`); // a retag
    expect(await weekly()).toEqual({ week: '2025-W10', items: 1, stories: 1 });
    await handle.db.execute(sql`update items set story_id = 3, companies = array['zhipu'] where title = 'Zhipu AI raises funding from state investors'`);
    await handle.db.execute(sql`update items set story_id = 3 where title like 'Moonshot and Zhipu race%'`); // clustered into one story
    expect(await weekly()).toEqual({ week: '2025-W10', items: 2, stories: 1 });
    await handle.db.execute(sql`delete from items where title like 'Moonshot and Zhipu race%'`);
    expect(await weekly()).toEqual({ week: '2025-W10', items: 1, stories: 1 });
  });
});
