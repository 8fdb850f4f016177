import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../src/fetch/charset.js';
import { parseFeed } from '../../../src/parse/feed.js';
import { fixture } from '../../helpers/fixtures.js';

const feedUrl = 'https://feeds.example.com/path/feed.xml';
const parseFixture = (path: string, zone = 'UTC') => parseFeed(decodeBody(fixture(path)), { baseUrl: feedUrl, zone });

/** Real feeds pinned with the titles, links and dates a reader shows for them. */
describe('parseFeed on pinned real feeds', () => {
  it('reads RSS 1.0 (RDF) with dc:date', async () => {
    const feed = await parseFixture('feeds/rdf-slashdot.xml');
    expect(feed).toMatchObject({ format: 'rdf', title: 'Slashdot' });
    expect(feed.items[0]).toMatchObject({
      title: 'SpaceX Working With Cloudflare To Speed Up Starlink Service',
      url: 'https://tech.slashdot.org/story/23/08/23/2238246/spacex-working-with-cloudflare-to-speed-up-starlink-service?utm_source=rss1.0mainlinkanon&utm_medium=feed',
    });
    expect(feed.items[0]?.published).toMatch(/^2023-08-2\dT/);
  });

  it('reads Atom 0.3 and picks the alternate link', async () => {
    const feed = await parseFixture('feeds/atom03-multilinks.xml');
    expect(feed.format).toBe('atom');
    expect(feed.items[0]).toMatchObject({ title: 'Red wool sweater', url: 'http://example.org/2005/04/02/alternative', published: '2005-10-13T18:30:02Z' });
  });

  it('keeps Atom categories and authors', async () => {
    const feed = await parseFixture('feeds/typepad-categories.atom');
    const item = feed.items.find((i) => i.title === 'Advanced Cochlear Implantation');
    expect(item).toMatchObject({ author: 'ENTexpertopinion', categories: ['Science'], published: '2017-03-21T05:28:51Z' });
  });

  it('resolves relative Atom links against the feed URL when the base is only a fragment', async () => {
    const feed = await parseFixture('feeds/tpm-fragment-base.atom');
    expect(feed.items[0]).toMatchObject({
      title: 'Hannity Announces Fox Has Hired Sebastian Gorka As NatSec Strategist',
      url: 'https://feeds.example.com/livewire/hannity-announces-fox-hired-sebastian-gorka-national-security-strategist',
      author: 'Esme Cribb',
    });
  });

  it('resolves relative RSS links and relative permalink guids', async () => {
    const rss = await parseFixture('feeds/rss-relative-urls.xml');
    expect(rss.items[0]).toMatchObject({
      title: 'Neverwinter & Jingle Jam Humble Bundle!',
      url: 'https://feeds.example.com/en/games/neverwinter/news/detail/10743874-neverwinter-%26-jingle-jam-humble-bundle%21',
      published: '2017-12-07T10:00:29-08:00',
    });
    const hf = await parseFixture('feeds/huggingface-relative-guids.xml');
    expect(hf.items[0]).toMatchObject({ title: 'Introduction to Graph Machine Learning', url: 'https://feeds.example.com/blog/intro-graphml' });
  });

  it('uses an Atom id that is a URL when an entry has no link', async () => {
    const feed = await parseFixture('feeds/atom-no-link.xml');
    expect(feed.items[0]).toMatchObject({ title: 'my cool entry title', url: 'https://numi.st/post/2022/travel-uke', author: 'Not Blank' });
  });

  it('skips junk before the root (a broken <?phpxml prolog)', async () => {
    const feed = await parseFixture('feeds/phpxml-junk-prolog.rss', 'Europe/Amsterdam');
    expect(feed.items).toHaveLength(20);
    expect(feed.items[0]).toMatchObject({ title: 'Serdar Gözübüyük scheidsrechter bij FC Twente - FC Utrecht', published: '2021-09-06T12:17:00+02:00' });
  });

  it('recovers a bare & in a link as a reader would', async () => {
    const feed = await parseFixture('feeds/bare-ampersand.xml');
    expect(feed.items[0]?.url).toBe('http://example/?a=1&b=2&c');
  });

  it('reads JSON Feed', async () => {
    const feed = await parseFixture('feeds/jsonfeed.json');
    expect(feed.format).toBe('json');
    expect(feed.items.length).toBeGreaterThan(0);
    expect(feed.items.every((item) => item.url?.startsWith('http'))).toBe(true);
  });

  it('reads SCMP with its +0800 dates kept as written', async () => {
    const feed = await parseFixture('feeds/scmp-2019.xml', 'Asia/Hong_Kong');
    expect(feed.items.length).toBe(50);
    expect(feed.items.every((item) => item.published?.endsWith('+08:00'))).toBe(true);
  });
});

describe('parseFeed on hand-made edge cases', () => {
  const rss = (body: string, head = '') => `${head}<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${body}</channel></rss>`;

  it('decodes HTML entities XML does not define, and CDATA', async () => {
    const feed = await parseFeed(rss('<item><title>Qwen&nbsp;3 &mdash; out</title><link>https://x.cn/1</link><description><![CDATA[<p>Alibaba &amp; <b>Qwen</b></p>]]></description></item>'));
    expect(feed.items[0]).toMatchObject({ title: 'Qwen 3 — out', summary: 'Alibaba & Qwen' });
  });

  it('resolves links against xml:base on the channel and on the item', async () => {
    const text = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://36kr.com/news/"><title>T</title><entry><title>A</title><link href="p/1"/></entry><entry xml:base="/flash/"><title>B</title><link href="2"/></entry></feed>';
    const feed = await parseFeed(text, { baseUrl: feedUrl });
    expect(feed.items.map((i) => i.url)).toEqual(['https://36kr.com/news/p/1', 'https://36kr.com/flash/2']);
  });

  it('reads 36Kr-style CDATA links and two-space dates in the source zone', async () => {
    const feed = await parseFeed(rss('<item><title>DeepSeek 发布新模型</title><link><![CDATA[https://36kr.com/p/123?f=rss]]></link><pubDate>2026-07-15 11:05:44  +0800</pubDate></item>'), { zone: 'Asia/Shanghai' });
    expect(feed.items[0]).toMatchObject({ url: 'https://36kr.com/p/123?f=rss', published: '2026-07-15T11:05:44+08:00' });
  });

  it('refuses DTD entity declarations (billion laughs) with a clear error', async () => {
    await expect(parseFeed('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]><rss version="2.0"><channel><title>&a;</title></channel></rss>')).rejects.toThrow(/declares XML entities/);
  });

  it('names an HTML page served instead of a feed', async () => {
    await expect(parseFeed('<!DOCTYPE html><html><body>hi</body></html>')).rejects.toThrow(/not a feed.*HTML page/);
  });
});
