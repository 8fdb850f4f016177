import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import type { DbHandle } from '../../src/store/db.js';
import { ensureSources, insertItems } from '../helpers/item-factory.js';
import { dbKind, openTestDb } from '../helpers/test-db.js';

describe(`API access: tokens, CORS, rate limit on ${dbKind}`, () => {
  let handle: DbHandle;
  const appWith = (env: Record<string, string>) =>
    createApp({ db: handle.db, dbKind: handle.kind, config: loadConfig({ LOG_LEVEL: 'silent', ...env }), log: createLogger('silent'), now: () => new Date('2025-03-12T00:00:00Z') });
  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    handle = await openTestDb();
    await ensureSources(handle.db, ['cnbc']);
    await insertItems(handle.db, [{ source: 'cnbc', title: 'Baidu opens ERNIE to all', seenAt: new Date('2025-03-10T00:00:00Z'), companies: ['baidu'] }]);
  });
  afterAll(async () => handle?.close());

  it('leaves reads open when READ_TOKEN is unset', async () => {
    const app = appWith({});
    expect((await app.request('/api/items')).status).toBe(200);
    expect((await app.request('/api/stats/weekly')).status).toBe(200);
  });

  it.each([
    ['no token', 401, {}],
    ['a wrong token', 401, bearer('nope')],
    ['a token that is a prefix of the right one', 401, bearer('reader-secre')],
    ['a basic-auth header', 401, { headers: { authorization: 'Basic cmVhZGVyLXNlY3JldA==' } }],
    ['the read token', 200, bearer('reader-secret')],
    ['the editor token', 200, bearer('editor-secret')],
  ])('with READ_TOKEN set, a read with %s → %i', async (_name, status, init) => {
    const app = appWith({ READ_TOKEN: 'reader-secret', EDITOR_TOKEN: 'editor-secret' });
    for (const path of ['/api/items', '/api/items/1', '/api/companies/baidu/weekly', '/companies']) {
      const res = await app.request(path, init);
      expect(res.status, path).toBe(status);
      if (status === 401) expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
    expect((await app.request('/health')).status).toBe(200); // health and the contract stay open
    expect((await app.request('/openapi.json')).status).toBe(200);
  });

  const basic = (user: string, password: string) => ({ headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` } });

  it.each([
    ['no token', 401, {}],
    ['a wrong password', 401, basic('editor', 'nope')],
    ['a malformed basic header', 401, { headers: { authorization: 'Basic cmVhZGVyLXNlY3JldA==' } }],
    ['the read token as the basic password', 200, basic('anyone', 'reader-secret')],
    ['the editor token as the basic password', 200, basic('', 'editor-secret')],
    ['the read token as a bearer', 200, bearer('reader-secret')],
  ])('with READ_TOKEN set, an HTML page with %s → %i (refusals challenge with Basic, so a browser asks)', async (_name, status, init) => {
    const app = appWith({ READ_TOKEN: 'reader-secret', EDITOR_TOKEN: 'editor-secret' });
    for (const path of ['/companies', '/roundups/2025-W11']) {
      const res = await app.request(path, init);
      expect(res.status, path).toBe(status);
      if (status === 401) expect(res.headers.get('www-authenticate'), path).toMatch(/^Basic realm=/);
    }
  });

  it('keeps the JSON API to bearer tokens: basic credentials there are refused with a Bearer challenge', async () => {
    const res = await appWith({ READ_TOKEN: 'reader-secret' }).request('/api/items', basic('x', 'reader-secret'));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it.each([
    ['no token', 401, {}],
    ['a wrong token', 401, bearer('reader-secret')],
    ['the editor token', 409, bearer('editor-secret')], // accepted; this app has no fetcher wired in
  ])('a write (POST /api/fetch) with %s → %i', async (_name, status, init) => {
    const app = appWith({ READ_TOKEN: 'reader-secret', EDITOR_TOKEN: 'editor-secret' });
    expect((await app.request('/api/fetch', { method: 'POST', ...init })).status).toBe(status);
  });

  it('answers CORS preflights for configured origins only', async () => {
    const app = appWith({ CORS_ORIGINS: 'https://notebook.example', READ_TOKEN: 'reader-secret' });
    const preflight = await app.request('/api/items', { method: 'OPTIONS', headers: { origin: 'https://notebook.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://notebook.example');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const other = await app.request('/api/items', { headers: { origin: 'https://evil.example', ...bearer('reader-secret').headers } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const closed = await appWith({}).request('/api/items', { headers: { origin: 'https://notebook.example' } });
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('rate limits search and export per client with 429 and Retry-After, and leaves plain lists alone', async () => {
    const app = appWith({ RATE_LIMIT_PER_MINUTE: '3' });
    const statuses: number[] = [];
    for (const path of ['/api/items?q=baidu', '/api/items?format=csv', '/api/items?format=jsonl&q=ernie', '/api/items?q=baidu']) statuses.push((await app.request(path)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await app.request('/api/stats/weekly?q=baidu');
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(((await limited.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('3 search/export requests') });
    expect((await app.request('/api/items?company=baidu')).status).toBe(200); // not expensive: not counted
  });
});
