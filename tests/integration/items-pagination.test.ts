import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import type { DbHandle } from '../../src/store/db.js';
import { ensureSources, insertItems, type FakeItem } from '../helpers/item-factory.js';
import { dbKind, openTestDb } from '../helpers/test-db.js';

const base = Date.parse('2025-03-01T00:00:00Z');
// Several items share a timestamp, so the id tie-breaker matters.
const at = (i: number) => new Date(base + Math.floor(i / 3) * 60_000);

describe(`keyset pagination on ${dbKind}`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    handle = await openTestDb();
    await ensureSources(handle.db, ['cnbc']);
    const items: FakeItem[] = Array.from({ length: 40 }, (_, i) => ({ source: 'cnbc', title: `Alibaba item ${i}`, seenAt: at(i), companies: ['alibaba'] }));
    await insertItems(handle.db, items);
    app = createApp({ db: handle.db, dbKind: handle.kind, config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0' }), log: createLogger('silent'), now: () => new Date() });
  });
  afterAll(async () => handle?.close());

  type Page = { items: Array<{ id: number; title: string; seenAt: string }>; nextCursor: string | null };
  const page = async (query: string): Promise<Page> => (await (await app.request(`/api/items?${query}`)).json()) as Page;

  it('returns every item exactly once, in order, while new items arrive between and during page reads', async () => {
    const before = (await page('company=alibaba&limit=200')).items.map((item) => item.id);
    expect(before).toHaveLength(40);
    const seen: number[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const newer: FakeItem[] = [0, 1].map((k) => ({ source: 'cnbc', title: `Alibaba breaking ${round}-${k}`, seenAt: new Date(base + 86_400_000 + round * 1000), companies: ['alibaba'] }));
      // An insert racing the page read, plus one landing between reads.
      const [result]: [Page, number[]] = await Promise.all([page(`company=alibaba&limit=7${cursor ? `&cursor=${cursor}` : ''}`), insertItems(handle.db, newer.slice(0, 1))]);
      await insertItems(handle.db, newer.slice(1));
      seen.push(...result.items.map((item) => item.id));
      cursor = result.nextCursor;
      round++;
    } while (cursor && round < 50);
    const original = seen.filter((id) => before.includes(id));
    expect(original).toEqual(before); // none skipped, none repeated, same order
    expect(new Set(seen).size).toBe(seen.length);
    expect(round).toBeGreaterThanOrEqual(6);
  });

  it('keeps pages stable with ties on seen_at (id breaks them)', async () => {
    const all = (await page('q=alibaba&limit=200')).items.map((item) => item.id);
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const result = await page(`q=alibaba&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...result.items.map((item) => item.id));
      cursor = result.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  it('rejects a newest cursor used with sort=relevance', async () => {
    const first = await page('q=alibaba&limit=2');
    const res = await app.request(`/api/items?q=alibaba&sort=relevance&cursor=${first.nextCursor}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^cursor:/);
  });
});
