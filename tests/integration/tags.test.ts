import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import type { TaggedArticle } from '../../src/domain.js';
import { createLogger } from '../../src/log.js';
import { describeProgress, retagStaleItems, type RetagProgress } from '../../src/pipeline/retag-items.js';
import type { DbHandle } from '../../src/store/db.js';
import { saveArticles } from '../../src/store/items-store.js';
import { countStaleTags } from '../../src/store/tags-store.js';
import { catalogueVersion } from '../../src/tag/catalogue.js';
import { pipelineDeps, sourceOf } from '../helpers/pipeline-deps.js';
import { dbKind, openTestDb } from '../helpers/test-db.js';

const headlines = [
  ['Alibaba releases Qwen 3 open-weight models', 'Alibaba Cloud said the models are free.'],
  ['DeepSeek cuts API prices by half', 'The Hangzhou AI lab founded by Liang Wenfeng announced the cut.'],
  ['阿里云通义千问降价', '阿里巴巴表示大模型价格下调。'],
  ['Kimi Räikkönen returns to the paddock', 'The Finnish driver will advise the team.'],
  ['宇树科技发布人形机器人', '王兴兴称将开源模型。'],
  ['秋天喝一碗小米粥', '小米粥养胃。'],
];

/** Stored as an old catalogue version would have left them: no tags at all. */
function untagged(i: number): TaggedArticle {
  const [title, summary] = headlines[i % headlines.length] as [string, string];
  return {
    sourceSlug: 'wire', guid: `g${i}`, url: `https://example.com/${i}`, canonicalUrl: `https://example.com/${i}`,
    title: `${title} (${i})`, summary, bodyText: null, author: null, publishedAt: new Date(Date.UTC(2025, 0, 1 + (i % 28))),
    language: 'en', contentHash: `h${i}`, categories: [], tags: { companies: [], topics: [], relevant: false },
  };
}

describe(`company tags in the store on ${dbKind}`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createApp>;
  const count = 60;

  beforeAll(async () => {
    handle = await openTestDb();
    const deps = await pipelineDeps(handle.db, [sourceOf('wire', 'https://example.com/feed')]);
    await saveArticles(handle.db, Array.from({ length: count }, (_, i) => untagged(i)), { now: new Date(), tagVersion: catalogueVersion - 1 });
    app = createApp({ db: handle.db, dbKind: handle.kind, config: deps.config, log: createLogger('silent'), now: () => new Date() });
  });
  afterAll(() => handle.close());

  it('re-tags items of an older catalogue version in batches, reporting progress, while the API answers', async () => {
    expect(await countStaleTags(handle.db, catalogueVersion)).toBe(count);
    const progress: RetagProgress[] = [];
    let finished = false;
    const run = retagStaleItems(handle.db, { batchSize: 7, onProgress: (p) => void progress.push(p) }).then((result) => {
      finished = true;
      return result;
    });
    const response = await app.request('/api/items?limit=5');
    expect(response.status).toBe(200);
    expect(finished).toBe(false); // the API answered between batches, before the re-tag was done
    const result = await run;
    expect(result).toMatchObject({ done: count, total: count });
    expect(progress.map((p) => p.done)).toEqual([7, 14, 21, 28, 35, 42, 49, 56, 60]);
    expect(describeProgress(progress[0]!)).toMatch(/^7\/60 items, \d+ items\/s, \d+ s left$/);
    expect(await countStaleTags(handle.db, catalogueVersion)).toBe(0);
    expect(await retagStaleItems(handle.db)).toMatchObject({ done: 0, total: 0 });
  });

  it('filters items by several companies and topics', async () => {
    const body = async (query: string) => (await (await app.request(`/api/items?limit=200&${query}`)).json()) as { items: Array<{ title: string; companies: string[]; topics: string[] }> };
    const alibaba = await body('company=alibaba');
    expect(alibaba.items.length).toBe(20);
    expect(alibaba.items.every((item) => item.companies.includes('alibaba'))).toBe(true);
    const two = await body('company=deepseek&company=unitree');
    expect(two.items.length).toBe(20);
    expect(new Set(two.items.flatMap((item) => item.companies.filter((c) => c === 'deepseek' || c === 'unitree')))).toEqual(new Set(['deepseek', 'unitree']));
    const none = await body('company=moonshot,xiaomi');
    expect(none.items).toEqual([]); // "Kimi Räikkönen" and 小米粥 are not company mentions
    const pricing = await body('topic=pricing');
    expect(pricing.items.length).toBe(20);
    expect(pricing.items.every((item) => item.topics.includes('pricing'))).toBe(true);
  });

  it('GET /api/companies lists every slug with aliases and counts', async () => {
    const response = await app.request('/api/companies');
    expect(response.status).toBe(200);
    const json = (await response.json()) as {
      catalogueVersion: number;
      companies: Array<{ slug: string; nameZhHant: string; aliases: string[]; items: number; relevantItems: number; titleItems: number }>;
    };
    expect(json.catalogueVersion).toBe(catalogueVersion);
    expect(json.companies).toHaveLength(39);
    const alibaba = json.companies.find((c) => c.slug === 'alibaba')!;
    expect(alibaba).toMatchObject({ nameZhHant: '阿里巴巴', items: 20, relevantItems: 20, titleItems: 20 });
    expect(alibaba.aliases).toEqual(expect.arrayContaining(['Alibaba Cloud', '通义千问', 'Qwen']));
    expect(json.companies.find((c) => c.slug === 'tencent')).toMatchObject({ nameZhHant: '騰訊', items: 0 });
    expect(json.companies.find((c) => c.slug === 'unitree')).toMatchObject({ items: 10 });
  });
});
