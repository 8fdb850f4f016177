import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticleParser } from '../../src/pipeline/parse-pool.js';
import { runSources } from '../../src/pipeline/run-sources.js';
import type { DbHandle } from '../../src/store/db.js';
import { rowsOf } from '../../src/store/rows.js';
import { FeedServer } from '../helpers/feed-server.js';
import { fixture } from '../helpers/fixtures.js';
import { pipelineDeps, sourceOf } from '../helpers/pipeline-deps.js';
import { dbKind, openTestDb } from '../helpers/test-db.js';

/** A fetch run whose bodies are parsed on a worker thread stores exactly what an inline run stores. */
describe(`fetch run with a parse worker on ${dbKind}`, () => {
  const server = new FeedServer();
  const parser = createArticleParser(1);
  const handles: DbHandle[] = [];

  beforeAll(async () => {
    server
      .file('/scmp.xml', fixture('feeds/scmp-2019.xml'))
      .file('/techcrunch.xml', fixture('feeds/techcrunch-2011.xml'))
      .file('/gb2312.rss', fixture('feeds/kc0011-gb2312.rss'), 'application/rss+xml')
      .file('/json', fixture('feeds/jsonfeed.json'), 'application/feed+json')
      .file('/garbage', '<html><body>Sorry, this is not a feed</body></html>', 'text/html');
    await server.start();
  });

  afterAll(async () => {
    await parser.close();
    await Promise.all(handles.map((handle) => handle.close()));
    await server.stop();
  });

  const sources = () => [
    sourceOf('scmp', server.url('/scmp.xml'), { zone: 'Asia/Hong_Kong' }),
    sourceOf('techcrunch', server.url('/techcrunch.xml')),
    sourceOf('kc0011', server.url('/gb2312.rss'), { language: 'zh', zone: 'Asia/Shanghai' }),
    sourceOf('json', server.url('/json')),
    sourceOf('garbage', server.url('/garbage')),
  ];

  async function fetchRun(withWorker: boolean) {
    const handle = await openTestDb();
    handles.push(handle);
    const deps = { ...(await pipelineDeps(handle.db, sources())), ...(withWorker ? { parser } : {}) };
    const { outcomes } = await runSources(deps, { trigger: 'test' });
    const stored = rowsOf<Record<string, unknown>>(
      await handle.db.execute(sql`select source_slug, canonical_url, title, summary, published_at, language, companies, topics, relevant
        from items order by canonical_url`),
    );
    const bySlug = Object.fromEntries(outcomes.map((outcome) => [outcome.slug, { status: outcome.status, itemsSeen: outcome.itemsSeen, itemsNew: outcome.itemsNew, error: outcome.error }]));
    return { bySlug, stored };
  }

  it('stores the same items with the same tags, and records the same errors', async () => {
    const inline = await fetchRun(false);
    const onWorker = await fetchRun(true);
    expect(parser.workers).toBe(1);
    expect(inline.stored.length).toBeGreaterThan(30);
    expect(onWorker.bySlug).toEqual(inline.bySlug);
    expect(onWorker.bySlug.garbage).toMatchObject({ status: 'error', error: expect.stringMatching(/not a feed.*HTML page/) });
    expect(onWorker.stored).toEqual(inline.stored);
  });
});
