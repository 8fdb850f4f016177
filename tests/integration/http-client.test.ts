import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFetchPolicy, type FetchPolicy } from '../../src/fetch/fetch-policy.js';
import { fetchText } from '../../src/fetch/http-client.js';
import { FeedServer } from '../helpers/feed-server.js';
import { tinyFeed } from '../helpers/fault-routes.js';

const policy: FetchPolicy = { ...defaultFetchPolicy, allowPrivateHosts: true, retryBaseMs: 10, timeoutMs: 3000, headersTimeoutMs: 2000 };
const feed = tinyFeed('wire');

/** The fetch policy against a real loopback server: what goes on the wire and what comes back. */
describe('fetchText on loopback', () => {
  const server = new FeedServer();
  const seen: Record<string, string | undefined> = {};

  beforeAll(async () => {
    server
      .route('/headers', (req, res) => {
        seen.userAgent = req.headers['user-agent'];
        seen.acceptEncoding = req.headers['accept-encoding'];
        seen.ifModifiedSince = req.headers['if-modified-since'];
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed);
      })
      .file('/gzip', gzipSync(feed), 'application/rss+xml', { 'content-encoding': 'gzip' })
      .file('/deflate', deflateSync(feed), 'application/rss+xml', { 'content-encoding': 'deflate' })
      .file('/br', brotliCompressSync(feed), 'application/rss+xml', { 'content-encoding': 'br' })
      .file('/feed.xml.gz', gzipSync(feed), 'application/octet-stream');
    for (let i = 0; i < 7; i++) {
      server.route(`/hop${i}`, (_req, res) => res.writeHead(i % 2 ? 301 : 307, { location: i === 6 ? '/headers' : `hop${i + 1}` }).end());
    }
    let calls = 0;
    server.route('/busy', (_req, res) => {
      calls++;
      if (calls === 1) res.writeHead(503, { 'retry-after': new Date(Date.now() + 2000).toUTCString() }).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed);
    });
    await server.start();
  });

  afterAll(() => server.stop());

  it('sends a User-Agent naming the project, asks for compression and sends the validators', async () => {
    const result = await fetchText(server.url('/headers'), policy, { lastModified: 'Mon, 01 Jun 2026 10:00:00 GMT' });
    expect(result.ok).toBe(true);
    expect(seen.userAgent).toMatch(/^china-ai-news\/\S+ \(\+https:\/\/github\.com\/china-ai-news/);
    expect(seen.acceptEncoding).toBe('gzip, deflate, br');
    expect(seen.ifModifiedSince).toBe('Mon, 01 Jun 2026 10:00:00 GMT');
  });

  it.each(['/gzip', '/deflate', '/br', '/feed.xml.gz'])('decodes %s bodies to the feed text', async (path) => {
    const result = await fetchText(server.url(path), policy);
    expect(result.ok && result.value.kind === 'ok' && result.value.text).toBe(feed);
  });

  it('follows up to five redirects, relative ones included, and reports the final URL', async () => {
    const five = await fetchText(server.url('/hop2'), policy);
    expect(five.ok && five.value.kind === 'ok' && five.value.finalUrl).toBe(server.url('/headers'));
    const six = await fetchText(server.url('/hop1'), policy);
    expect(!six.ok && six.error.message).toMatch(/more than 5 redirects/);
  });

  it('waits out a Retry-After given as an HTTP date and then succeeds', async () => {
    const started = Date.now();
    const result = await fetchText(server.url('/busy'), policy);
    expect(result.ok).toBe(true);
    expect(server.hits.get('/busy')).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('refuses loopback, by literal address and by a name that resolves to it, before any request', async () => {
    const strict = { ...policy, allowPrivateHosts: false };
    const before = server.hits.get('/headers') ?? 0;
    const literal = await fetchText(server.url('/headers'), strict);
    expect(!literal.ok && literal.error).toMatchObject({ kind: 'refused', message: expect.stringContaining('ALLOW_PRIVATE_HOSTS=true') });
    const named = await fetchText(server.url('/headers').replace('127.0.0.1', 'localhost'), strict);
    expect(!named.ok && named.error).toMatchObject({ kind: 'refused', message: expect.stringMatching(/localhost resolves to the private address/) });
    expect(server.hits.get('/headers') ?? 0).toBe(before);
  });

  it('refuses schemes other than http and https', async () => {
    const result = await fetchText('file:///etc/passwd', policy);
    expect(!result.ok && result.error.message).toMatch(/only http and https/);
  });
});
