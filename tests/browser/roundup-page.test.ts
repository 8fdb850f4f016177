import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import type { Draft } from '../../src/roundup/types.js';
import type { DbHandle } from '../../src/store/db.js';
import { FeedServer } from '../helpers/feed-server.js';
import { hasCorpus, projectRoot } from '../helpers/fixtures.js';
import { ingestSnapshot, serveSnapshotFeeds, snapshotDeps, snapshotWeek } from '../helpers/snapshot-week.js';
import { dbKind, openTestDb } from '../helpers/test-db.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.warn(`skipping the editor page's browser test: ${chromiumPath} is missing (apt-get install -y chromium)`);
const token = 'page-editor-token';
const outputDir = join(projectRoot, 'tests', 'output');

describe.skipIf(!hasCorpus || !hasChromium)(`the editor's page in Chromium on ${dbKind}`, () => {
  const feeds = new FeedServer();
  let handle: DbHandle;
  let http: ServerType;
  let origin: string;
  let browser: Browser;
  const pagePath = `/roundups/${snapshotWeek.week}?zone=${encodeURIComponent(snapshotWeek.zone)}`;
  const apiPath = `/api/roundups/${snapshotWeek.week}?zone=${encodeURIComponent(snapshotWeek.zone)}`;

  beforeAll(async () => {
    await feeds.start();
    handle = await openTestDb();
    const sources = serveSnapshotFeeds(feeds);
    const deps = await snapshotDeps(handle.db, sources);
    expect((await ingestSnapshot(deps, sources.map((s) => s.slug))).errors).toEqual([]);
    const app = createApp({ db: handle.db, dbKind: handle.kind, config: loadConfig({ EDITOR_TOKEN: token, LOG_LEVEL: 'silent' }), log: createLogger('silent'), now: () => new Date() });
    http = await new Promise<ServerType>((resolve) => {
      const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server));
    });
    origin = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
    await handle?.close();
    await feeds.stop();
  });

  it('is readable without JavaScript, with no editing buttons showing', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(origin + pagePath);
    expect(await page.locator('#entries > li').count()).toBe(8);
    expect(await page.locator('#entries > li').first().locator('.bullet a').count()).toBeGreaterThan(0);
    expect(await page.locator('#entries > li').first().locator('details li').count()).toBe(4);
    expect(await page.locator('button[data-action="exclude"]').first().isVisible()).toBe(false);
    expect(await page.locator('a[rel="prev"]').getAttribute('href')).toContain('/roundups/2026-W33');
    expect(await page.locator('a[rel="next"]').getAttribute('href')).toContain('/roundups/2026-W35');
    await context.close();
  }, 60_000);

  it('excludes a story, copies the Markdown, and the Markdown matches the API', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(origin + pagePath);
    await page.fill('#token', token);
    await page.dispatchEvent('#token', 'change');
    const first = page.locator('#entries > li').first();
    const excludedId = Number(await first.getAttribute('data-story'));
    // Its link is unique; its summary may share a prefix with another story from the same event.
    const excludedUrl = (await first.locator('.bullet a').first().getAttribute('href'))!;

    await Promise.all([page.waitForEvent('load'), first.locator('button[data-action="exclude"]').click()]);
    expect(await page.locator('#entries > li').evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-story'))))).not.toContain(excludedId);
    expect(await page.locator(`section tr[data-story="${excludedId}"]`).count()).toBe(1);

    await page.click('button[data-action="copy"]');
    await page.waitForFunction(() => document.getElementById('message')?.textContent?.startsWith('Markdown copied'));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const api = await (await fetch(`${origin}${apiPath}&format=md`)).text();
    expect(copied).toBe(api);
    expect(api).not.toContain(`(${excludedUrl})`);
    expect(copied.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(8);

    const draft = (await (await fetch(origin + apiPath)).json()) as Draft;
    expect(draft.excluded.map((e) => e.storyId)).toEqual([excludedId]);
    mkdirSync(outputDir, { recursive: true });
    await page.screenshot({ path: join(outputDir, 'roundup-page.png'), fullPage: true });
    await context.close();
  }, 90_000);

  it('moves a story down and rewrites a summary, and both survive a reload', async () => {
    const page = await browser.newPage();
    await page.goto(origin + pagePath);
    await page.fill('#token', token);
    await page.dispatchEvent('#token', 'change');
    const ids = () => page.locator('#entries > li').evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-story'))));
    const before = await ids();
    await Promise.all([page.waitForEvent('load'), page.locator('#entries > li').first().locator('button[data-action="down"]').click()]);
    expect((await ids()).slice(0, 2)).toEqual([before[1], before[0]]);

    const second = page.locator('#entries > li').nth(1);
    await second.locator('button[data-action="edit"]').click();
    await second.locator('form.edit textarea').fill('Alibaba said its AI capex pays back within three years.');
    await Promise.all([page.waitForEvent('load'), second.locator('form.edit button[type="submit"]').click()]);
    await page.reload();
    const edited = page.locator(`#entries > li[data-story="${before[0]}"]`);
    expect(await edited.locator('.summary').textContent()).toBe('Alibaba said its AI capex pays back within three years.');
    expect(await edited.locator('.flag.edited').count()).toBe(1);
    expect(await page.inputValue('#markdown')).toContain('- Alibaba said its AI capex pays back within three years. (');
    await page.close();
  }, 90_000);

  it('shows the server’s refusal when the token is wrong', async () => {
    const page = await browser.newPage();
    await page.goto(origin + pagePath);
    await page.fill('#token', 'wrong');
    await page.locator('#entries > li').first().locator('button[data-action="pin"]').click();
    await page.waitForFunction(() => document.getElementById('message')?.textContent?.includes('Not saved'));
    expect(await page.textContent('#message')).toContain('wrong bearer token');
    await page.close();
  }, 60_000);
});
