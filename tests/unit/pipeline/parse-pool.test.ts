import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.js';
import { createArticleParser, inlineParser } from '../../../src/pipeline/parse-pool.js';
import type { SourceToParse } from '../../../src/pipeline/prepare-articles.js';
import { fixture } from '../../helpers/fixtures.js';

const source = (overrides: Partial<SourceToParse> = {}): SourceToParse => ({ slug: 's', kind: 'feed', language: 'en', zone: 'UTC', ...overrides });
const body = (bytes: Uint8Array | string, contentType: string | null = null) => ({
  body: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes,
  contentType,
  finalUrl: 'https://feeds.example/feed',
});

describe('parse workers', () => {
  const pool = createArticleParser(2);
  afterAll(() => pool.close());

  it('prepare on a worker thread exactly what inline parsing prepares: items, dates, tags, encodings', async () => {
    const cases = [
      { file: 'feeds/scmp-2019.xml', source: source({ zone: 'Asia/Hong_Kong' }) },
      { file: 'feeds/kc0011-gb2312.rss', source: source({ language: 'zh', zone: 'Asia/Shanghai' }) },
      { file: 'feeds/rdf-slashdot.xml', source: source() },
      { file: 'feeds/jsonfeed.json', source: source() },
      { file: 'feeds/rss-relative-urls.xml', source: source() },
    ];
    const onWorkers = await Promise.all(cases.map(({ file, source }) => pool.prepare(source, body(fixture(file)))));
    for (const [index, { file, source }] of cases.entries()) {
      const inline = await inlineParser.prepare(source, body(fixture(file)));
      expect(inline.articles.length, file).toBeGreaterThan(0);
      expect(onWorkers[index], file).toEqual(inline);
      // Dates come back as dates, not as the strings a careless copy would make of them.
      expect(onWorkers[index]!.articles.find((article) => article.publishedAt)?.publishedAt, file).toBeInstanceOf(Date);
    }
  });

  it('reads an HTML listing with its selectors on a worker', async () => {
    const listing = '<ul><li class="n"><a href="/a/1">DeepSeek ships V4</a><time>2026-07-15</time></li></ul>';
    const htmlSource = source({ kind: 'html', selectors: { item: 'li.n', link: 'a', title: 'a', date: 'time' } });
    const prepared = await pool.prepare(htmlSource, body(listing, 'text/html'));
    expect(prepared).toEqual(await inlineParser.prepare(htmlSource, body(listing, 'text/html')));
    expect(prepared.articles[0]).toMatchObject({ url: 'https://feeds.example/a/1', title: 'DeepSeek ships V4' });
  });

  it('answers a broken feed with the parse error inline parsing gives, and goes on parsing', async () => {
    const garbage = body('<html><body>Sorry, this is not a feed</body></html>', 'text/html');
    const inline = await inlineParser.prepare(source(), garbage).catch((error: unknown) => error);
    const onWorker = await pool.prepare(source(), garbage).catch((error: unknown) => error);
    expect(onWorker).toBeInstanceOf(AppError);
    expect(onWorker).toMatchObject({ code: 'parse', message: (inline as AppError).message });
    expect((await pool.prepare(source(), body(fixture('feeds/livemint-2019.xml')))).itemsSeen).toBe(25);
  });

  it('fails the sources a stopped worker held with a readable error, and refuses work once closed', async () => {
    const closing = createArticleParser(1);
    await closing.prepare(source(), body(fixture('feeds/atom-no-link.xml')));
    // Thousands of items: still parsing when the pool closes a moment later.
    const items = Array.from({ length: 5000 }, (_, i) => `<item><title>Item ${i} about Qwen</title><link>https://x.example/${i}</link></item>`).join('');
    const held = closing.prepare(source(), body(`<rss version="2.0"><channel><title>big</title>${items}</channel></rss>`)).catch((error: unknown) => error);
    await closing.close();
    expect(await held).toMatchObject({ code: 'parse', message: expect.stringMatching(/^parse: the parse worker stopped/) });
    await expect(closing.prepare(source(), body(fixture('feeds/atom-no-link.xml')))).rejects.toThrow('parse: the parse workers were closed');
  });
});
