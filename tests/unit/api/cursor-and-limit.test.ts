import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../src/api/cursor.js';
import { rateLimit } from '../../../src/api/rate-limit.js';

describe('cursor', () => {
  it('round-trips both sorts exactly', () => {
    const newest = { sort: 'newest' as const, time: '2025-03-10 02:00:00.123456+00', id: 42 };
    expect(decodeCursor(encodeCursor(newest), 'newest')).toEqual(newest);
    const ranked = { sort: 'relevance' as const, rank: 0.123456789, id: 7 };
    expect(decodeCursor(encodeCursor(ranked), 'relevance')).toEqual(ranked);
  });
  it.each(['', 'bm9wZQ', Buffer.from('n|2025-01-01|x').toString('base64url'), Buffer.from("n|'; drop|1").toString('base64url'), Buffer.from('r|NaN|1').toString('base64url')])('rejects %j', (text) => {
    expect(() => decodeCursor(text, 'newest')).toThrow(/^cursor:/);
    expect(() => decodeCursor(text, 'relevance')).toThrow(/^cursor:/);
  });
  it('rejects a cursor of the other sort', () => {
    expect(() => decodeCursor(encodeCursor({ sort: 'newest', time: '2025-03-10 02:00:00+00', id: 1 }), 'relevance')).toThrow(/^cursor:/);
  });
});

describe('rateLimit', () => {
  it('counts per window and tells how long to wait', async () => {
    let now = 1_000_000;
    const app = new Hono();
    app.use('*', rateLimit({ limit: 2, windowMs: 60_000, now: () => now, applies: (c) => c.req.query('q') !== undefined }));
    app.get('/', (c) => c.text('ok'));
    const status = async (path: string) => (await app.request(path)).status;
    expect([await status('/?q=a'), await status('/?q=b'), await status('/')]).toEqual([200, 200, 200]);
    now += 45_000;
    const limited = await app.request('/?q=c');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('15');
    now += 15_000; // a new window
    expect(await status('/?q=d')).toBe(200);
  });
});
