import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/main.js';
import { openDb } from '../../src/store/db.js';
import { saveArticles } from '../../src/store/items-store.js';
import { syncSources } from '../../src/store/sources-store.js';
import { catalogueVersion } from '../../src/tag/catalogue.js';
import { sourceOf } from '../helpers/pipeline-deps.js';
import { createScratchDatabase, dbKind, serverUrl } from '../helpers/test-db.js';

describe(`serve re-tags stale items on start, on ${dbKind}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'cainews-retag-'));
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (serverUrl) ({ url: databaseUrl, drop: dropDatabase } = await createScratchDatabase(serverUrl));
    writeFileSync(join(dir, 'feeds.json'), JSON.stringify({ sources: [{ slug: 'wire', name: 'Wire', url: 'https://example.com/feed', kind: 'feed', language: 'en' }] }));
    // An item stored by an older catalogue, with no tags: what a catalogue upgrade leaves behind.
    const handle = await openDb({ databaseUrl, dataDir: join(dir, 'data') });
    await syncSources(handle.db, [sourceOf('wire', 'https://example.com/feed')]);
    await saveArticles(
      handle.db,
      [{
        sourceSlug: 'wire', guid: 'g1', url: 'https://example.com/1', canonicalUrl: 'https://example.com/1', title: 'DeepSeek releases R2 reasoning model',
        summary: 'The Hangzhou lab said the model is open-weight.', bodyText: null, author: null, publishedAt: new Date('2025-03-01T00:00:00Z'),
        language: 'en', contentHash: 'h1', categories: [], tags: { companies: [], topics: [], relevant: false },
      }],
      { now: new Date(), tagVersion: catalogueVersion - 1 },
    );
    await handle.close();
  });

  afterAll(async () => {
    await dropDatabase?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers at once and has the item re-tagged shortly after', async () => {
    const config = loadConfig({ DATA_DIR: join(dir, 'data'), FEEDS_FILE: join(dir, 'feeds.json'), DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
    const server = await startServer(config, { port: 0, cron: false });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      expect((await fetch(`${base}/health`)).status).toBe(200);
      let items: Array<{ companies: string[]; relevant: boolean }> = [];
      for (let attempt = 0; attempt < 100 && items.length === 0; attempt++) {
        items = ((await (await fetch(`${base}/api/items?company=deepseek`)).json()) as { items: typeof items }).items;
        if (items.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ companies: ['deepseek'], relevant: true });
    } finally {
      await server.stop();
    }
  });
});
