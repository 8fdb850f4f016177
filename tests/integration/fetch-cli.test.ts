import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../src/store/db.js';
import { listItems } from '../../src/store/items-list.js';
import { listRuns } from '../../src/store/runs-store.js';
import { listSources } from '../../src/store/sources-store.js';
import { startCli, waitFor } from '../helpers/cli-process.js';
import { FeedServer } from '../helpers/feed-server.js';
import { fixture } from '../helpers/fixtures.js';
import { createScratchDatabase, serverUrl } from '../helpers/test-db.js';

/** A feed with three items of its own and one every feed shares (the same story syndicated everywhere). */
function feedOf(n: number): string {
  const own = [1, 2, 3].map((i) => `<item><title>Feed ${n} item ${i}</title><link>https://example.com/f${n}/${i}</link><guid>f${n}-${i}</guid></item>`).join('');
  const shared = '<item><title>Shared story</title><link>https://example.com/shared</link></item>';
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${n}</title>${own}${shared}</channel></rss>`;
}

/** N slow feeds on loopback and a feeds.json naming them. */
async function slowFeeds(server: FeedServer, dir: string, count: number, delayMs: number): Promise<string> {
  for (let n = 0; n < count; n++) {
    server.route(`/feed/${n}`, (_req, res) => {
      const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedOf(n)), delayMs);
      res.on('close', () => clearTimeout(timer));
    });
  }
  await server.start();
  const file = join(dir, 'feeds.json');
  const sources = Array.from({ length: count }, (_, n) => ({ slug: `feed-${n}`, name: `Feed ${n}`, url: server.url(`/feed/${n}`) }));
  writeFileSync(file, JSON.stringify({ sources }));
  return file;
}

const hitsOf = (server: FeedServer) => [...server.hits.values()].reduce((a, b) => a + b, 0);

async function storedState(handle: DbHandle) {
  const items = (await listItems(handle.db, {}, { limit: 500 })).items;
  return {
    items: items.length,
    distinctUrls: new Set(items.map((item) => item.url)).size,
    shared: items.filter((item) => item.url === 'https://example.com/shared').length,
    sources: await listSources(handle.db),
    runs: await listRuns(handle.db),
  };
}

describe('parse --batch', () => {
  it('answers each JSON line with a result or an error, in order, gunzipping .gz paths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cainews-parse-'));
    const gz = join(dir, 'scmp.xml.gz');
    writeFileSync(gz, (await import('node:zlib')).gzipSync(fixture('feeds/scmp-2019.xml')));
    const input = [
      JSON.stringify({ id: 1, url: 'https://www.scmp.com/rss/2/feed', path: gz }),
      JSON.stringify({ id: 'kc', path: join('tests', 'fixtures', 'feeds', 'kc0011-gb2312.rss') }),
      JSON.stringify({ id: 3, path: join(dir, 'missing.xml') }),
      'not json',
      JSON.stringify({ id: 5 }),
    ].join('\n');
    const { done } = startCli(['parse', '--batch', '--zone', 'Asia/Shanghai'], { DATABASE_URL: '' }, input);
    const { code, stdout } = await done;
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ id: 1, format: 'rss', title: 'South China Morning Post' });
    expect(lines[0].items).toHaveLength(50);
    expect(lines[1]).toMatchObject({ id: 'kc', format: 'rss' });
    expect(lines[1].items[0].title).toMatch(/[\u4e00-\u9fff]/);
    expect(lines[2]).toMatchObject({ id: 3, error: expect.stringContaining('cannot read') });
    expect(lines[3]).toEqual({ error: 'line 4: not valid JSON' });
    expect(lines[4]).toMatchObject({ id: 5, error: expect.stringContaining('path') });
  });
});

describe('fetch CLI on an embedded database: stop and crash', () => {
  const server = new FeedServer();
  let dir: string;
  let env: Record<string, string>;
  const count = 12;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cainews-cli-'));
    const feedsFile = await slowFeeds(server, dir, count, 600);
    env = { DATABASE_URL: '', DATA_DIR: join(dir, 'data'), FEEDS_FILE: feedsFile, ALLOW_PRIVATE_HOSTS: 'true', FETCH_CONCURRENCY: '2' };
  });

  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('SIGTERM lets in-flight sources finish and leaves the rest for the next run; kill -9 loses and duplicates nothing', { timeout: 120_000 }, async () => {
    const first = startCli(['fetch'], env);
    await waitFor(() => hitsOf(server) >= 1, 30_000, 'the first request');
    first.child.kill('SIGTERM');
    const stopped = await first.done;
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stdout).toMatch(/\(run 1, stopped\): stopped before \d+ of 12 sources/);
    const fetchedBeforeStop = hitsOf(server);
    expect(fetchedBeforeStop).toBeLessThan(count);

    // Crash: kill -9 a second run in the middle.
    const second = startCli(['fetch'], env);
    await waitFor(() => hitsOf(server) >= fetchedBeforeStop + 3, 30_000, 'three more requests');
    second.child.kill('SIGKILL');
    await second.done;
    // What the first two runs recorded; the killed run may also have downloaded feeds it had not stored yet.
    const before = await openDb({ dataDir: env.DATA_DIR });
    const recorded = (await listSources(before.db)).filter((source) => source.lastStatus === 200).length;
    await before.close();
    const hitsBeforeThird = hitsOf(server);

    const third = startCli(['fetch'], env);
    const finished = await third.done;
    expect(finished.code, finished.stderr).toBe(0);
    // The rerun fetches exactly the sources not recorded yet: the dead worker's claims are void, and
    // nothing recorded is fetched again.
    expect(hitsOf(server) - hitsBeforeThird).toBe(count - recorded);

    const handle = await openDb({ dataDir: env.DATA_DIR });
    try {
      const state = await storedState(handle);
      expect(state.items).toBe(count * 3 + 1);
      expect(state.distinctUrls).toBe(state.items);
      expect(state.shared).toBe(1);
      expect(state.sources.every((source) => source.leaseOwner === null && source.lastStatus === 200)).toBe(true);
    } finally {
      await handle.close();
    }
    // Every feed was fetched. A feed is fetched twice only when the killed run had it (in flight, or
    // downloaded and waiting for a parse slot) but had not recorded it: the rerun count above.
    for (let n = 0; n < count; n++) expect(server.hits.get(`/feed/${n}`), `/feed/${n}`).toBeGreaterThanOrEqual(1);
  });
});

describe('serve on an embedded database: SIGTERM during a scheduled fetch', () => {
  const server = new FeedServer();
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cainews-serve-'));
  });

  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes the sources in flight, hands the rest back and exits 0', { timeout: 120_000 }, async () => {
    const feedsFile = await slowFeeds(server, dir, 8, 1_500);
    const env = { DATABASE_URL: '', DATA_DIR: join(dir, 'data'), FEEDS_FILE: feedsFile, ALLOW_PRIVATE_HOSTS: 'true', FETCH_CONCURRENCY: '2', FETCH_CRON: '* * * * * *' };
    const serve = startCli(['serve', '--port', '0'], env);
    await waitFor(() => hitsOf(server) >= 1, 60_000, 'the scheduled fetch to start');
    serve.child.kill('SIGTERM');
    const exited = await serve.done;
    expect(exited.code, exited.stderr).toBe(0);
    const handle = await openDb({ dataDir: env.DATA_DIR });
    try {
      const state = await storedState(handle);
      expect(state.runs).toHaveLength(1);
      expect(state.runs[0]).toMatchObject({ status: 'stopped', error: expect.stringMatching(/stopped before \d+ of 8 sources/) });
      expect(state.sources.every((source) => source.leaseOwner === null)).toBe(true);
      const fetched = state.sources.filter((source) => source.lastStatus === 200);
      // Every request that reached the server was finished and stored; nothing else was touched.
      expect(fetched.length).toBe(hitsOf(server));
      expect(state.items).toBe(fetched.length * 3 + 1);
    } finally {
      await handle.close();
    }
  });
});

describe.skipIf(!serverUrl)('fetch CLI on PostgreSQL: concurrent workers and a crash', () => {
  const server = new FeedServer();
  let dir: string;
  let scratch: { url: string; drop(): Promise<void> };
  let env: Record<string, string>;
  const count = 30;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cainews-cli-pg-'));
    scratch = await createScratchDatabase(serverUrl!);
    const feedsFile = await slowFeeds(server, dir, count, 300);
    env = { DATABASE_URL: scratch.url, FEEDS_FILE: feedsFile, ALLOW_PRIVATE_HOSTS: 'true', FETCH_CONCURRENCY: '4' };
  });

  afterAll(async () => {
    await server.stop();
    await scratch?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('two fetch processes at once split the sources: none fetched twice, no item stored twice', { timeout: 120_000 }, async () => {
    // Migrate first so the two workers race on claiming, not on creating tables.
    await (await openDb({ databaseUrl: scratch.url })).close();
    const [a, b] = [startCli(['fetch'], env), startCli(['fetch'], env)];
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    const totals = [ra.stdout, rb.stdout].map((out) => Number(out.match(/total: (\d+) sources/)?.[1]));
    expect(totals[0]! + totals[1]!).toBe(count);
    for (let n = 0; n < count; n++) expect(server.hits.get(`/feed/${n}`), `/feed/${n}`).toBe(1);
    const handle = await openDb({ databaseUrl: scratch.url });
    try {
      const state = await storedState(handle);
      expect(state.items).toBe(count * 3 + 1);
      expect(state.distinctUrls).toBe(state.items);
      expect(state.shared).toBe(1);
    } finally {
      await handle.close();
    }
  });

  it('kill -9 mid-run, then a rerun at once: the dead worker\'s claims are void, nothing lost or duplicated', { timeout: 120_000 }, async () => {
    const handle = await openDb({ databaseUrl: scratch.url });
    try {
      // Make every source due again.
      await handle.db.execute("update sources set next_fetch_at = now() - interval '1 minute'" as never);
      const before = hitsOf(server);
      const doomed = startCli(['fetch'], env);
      await waitFor(() => hitsOf(server) >= before + 6, 30_000, 'six requests');
      doomed.child.kill('SIGKILL');
      await doomed.done;
      const claimedByDead = (await listSources(handle.db)).filter((source) => source.leaseOwner !== null).length;
      expect(claimedByDead).toBeGreaterThan(0);

      const rerun = await startCli(['fetch'], env).done;
      expect(rerun.code, rerun.stderr).toBe(0);
      const state = await storedState(handle);
      expect(state.items).toBe(count * 3 + 1);
      expect(state.distinctUrls).toBe(state.items);
      expect(state.sources.filter((source) => source.leaseOwner !== null)).toEqual([]);
      const fetchedSince = state.sources.filter((source) => source.lastFetchedAt && source.lastFetchedAt.getTime() > Date.now() - 120_000);
      expect(fetchedSince).toHaveLength(count);
    } finally {
      await handle.close();
    }
  });
});
