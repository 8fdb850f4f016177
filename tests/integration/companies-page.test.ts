import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import type { DbHandle } from '../../src/store/db.js';
import { projectRoot } from '../helpers/fixtures.js';
import { ensureSources, ensureStories, insertItems, type FakeItem } from '../helpers/item-factory.js';
import { dbKind, openTestDb } from '../helpers/test-db.js';

const chromiumPath = '/usr/bin/chromium';
const now = new Date('2025-03-12T04:00:00Z'); // 2025-W11 in Asia/Shanghai
const weeksAgo = (n: number, hours = 0) => new Date(now.getTime() - n * 7 * 86_400_000 - hours * 3_600_000);

describe.skipIf(!existsSync(chromiumPath))(`GET /companies in headless Chromium on ${dbKind}`, () => {
  let handle: DbHandle;
  let server: ServerType;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    handle = await openTestDb();
    await ensureSources(handle.db, ['cnbc', 'scmp', '36kr']);
    await ensureStories(handle.db, [1, 2, 3, 4, 5, 6], now);
    const items: FakeItem[] = [
      // This week: Alibaba's price cut told by three outlets (story 1) beats a one-outlet story (2).
      { source: 'cnbc', title: 'Alibaba Cloud cuts Qwen-VL prices by up to 85%', seenAt: weeksAgo(0, 2), companies: ['alibaba'], storyId: 1 },
      { source: 'scmp', title: 'Alibaba slashes AI model prices', seenAt: weeksAgo(0, 3), companies: ['alibaba'], storyId: 1 },
      { source: '36kr', lang: 'zh', title: '阿里云通义千问降价85%', seenAt: weeksAgo(0, 4), companies: ['alibaba'], storyId: 1 },
      { source: 'cnbc', title: 'Alibaba hires a new CFO', seenAt: weeksAgo(0, 5), companies: ['alibaba'], storyId: 2 },
      { source: '36kr', lang: 'zh', title: '百度发布文心一言4.5', seenAt: weeksAgo(0, 6), companies: ['baidu'], storyId: 3 },
      // Earlier weeks, for the bars.
      ...[1, 2, 2, 5, 9].map((w, i): FakeItem => ({ source: 'cnbc', title: `Alibaba earlier news ${i}`, seenAt: weeksAgo(w), companies: ['alibaba'], storyId: null })),
      { source: 'cnbc', title: 'Zhipu raises money', seenAt: weeksAgo(3), companies: ['zhipu'], storyId: 4 },
    ];
    await insertItems(handle.db, items);
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const app = createApp({ db: handle.db, dbKind: handle.kind, config, log: createLogger('silent'), now: () => now });
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
    await handle?.close();
  });

  it('shows weekly bars, this week’s top stories and links into the item list', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const response = await page.goto(`${base}/companies`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain('Companies');

    const companies = await page.locator('section.company h2').allTextContents();
    expect(companies[0]).toContain('Alibaba'); // most stories first
    expect(companies.join('|')).toContain('Baidu');
    expect(companies.join('|')).toContain('Zhipu');

    const alibaba = page.locator('section#alibaba');
    const bars = alibaba.locator('svg rect');
    expect(await bars.count()).toBe(12);
    expect(await bars.last().locator('title').textContent()).toBe('2025-W11: 2 stories');
    expect(await bars.nth(9).locator('title').textContent()).toBe('2025-W09: 2 stories'); // two unclustered items
    const heights = await bars.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))));
    expect(heights[11]).toBe(48);
    expect(heights[10]).toBe(24);

    const top = await alibaba.locator('ol li').allTextContents();
    expect(top[0]).toContain('Alibaba slashes AI model prices'); // the story's first English item
    expect(top[0]).toContain('3 sources');
    expect(top[1]).toContain('Alibaba hires a new CFO');
    await expect.poll(() => page.locator('section#zhipu p.none').textContent()).toContain('No stories this week');

    mkdirSync(join(projectRoot, 'tests/output'), { recursive: true });
    await page.screenshot({ path: join(projectRoot, 'tests/output/companies.png'), fullPage: true });

    await alibaba.getByRole('link', { name: 'this week' }).click();
    const list = JSON.parse((await page.locator('body').textContent()) ?? '{}') as { items: Array<{ title: string }> };
    expect(list.items.map((item) => item.title).sort()).toEqual(['Alibaba Cloud cuts Qwen-VL prices by up to 85%', 'Alibaba hires a new CFO', 'Alibaba slashes AI model prices', '阿里云通义千问降价85%']);
    await page.close();
  });
});
