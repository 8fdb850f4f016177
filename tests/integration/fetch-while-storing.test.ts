import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { PipelineDeps } from '../../src/pipeline/deps.js';
import { runSources } from '../../src/pipeline/run-sources.js';
import type { DbHandle } from '../../src/store/db.js';
import { FeedServer } from '../helpers/feed-server.js';
import { fixture } from '../helpers/fixtures.js';
import { pipelineDeps, sourceOf } from '../helpers/pipeline-deps.js';
import { dbKind, openTestDb } from '../helpers/test-db.js';

const total = 24;
/** Copies of the fixture's items in each feed: each source's parse and store must be a real stretch of work (see the test). */
const copies = 20;

/**
 * Parsing and storing run in the fetcher's thread (with PGlite, the database too). Feeds in flight
 * while earlier ones are being stored must still be read before their timeouts: the run has to give
 * the event loop a turn between sources and steps, or the sockets go unread (in the fetch bench on
 * PGlite, 15 healthy sources failed with "no response headers within 10000 ms").
 */
describe(`fetching while earlier feeds are parsed and stored, on ${dbKind}`, () => {
  const server = new FeedServer();
  let handle: DbHandle;
  let deps: PipelineDeps;

  beforeAll(async () => {
    const feed = fixture('feeds/rdf-slashdot.xml').toString('utf8');
    const itemsStart = feed.indexOf('<item ');
    const itemsEnd = feed.lastIndexOf('</item>') + '</item>'.length;
    const sources = [];
    for (let n = 0; n < total; n++) {
      // Links unique to each source and copy, so every item is new work for the store.
      const items = Array.from({ length: copies }, (_, copy) => feed.slice(itemsStart, itemsEnd).replaceAll('https://', `https://c${copy}.`)).join('\n');
      server.file(`/f/${n}`, (feed.slice(0, itemsStart) + items + feed.slice(itemsEnd)).replaceAll('https://', `https://f${n}.`));
      sources.push(sourceOf(`f${n}`, ''));
    }
    await server.start();
    for (const [n, source] of sources.entries()) source.url = server.url(`/f/${n}`);
    handle = await openTestDb();
    const base = await pipelineDeps(handle.db, sources);
    // A dozen bodies land in one turn of the loop; without turns between sources, all twelve are parsed
    // and stored before any socket is read again. The timeouts are generous: this server shares the
    // test's thread, so it too waits for those turns, and what is checked here is that they happen.
    deps = {
      ...base,
      config: loadConfig({ ALLOW_PRIVATE_HOSTS: 'true', LOG_LEVEL: 'silent', FETCH_CONCURRENCY: '12', FETCH_HOST_CONCURRENCY: '12', FETCH_HEADERS_TIMEOUT_MS: '60000', FETCH_TIMEOUT_MS: '60000' }),
    };
  });

  afterAll(async () => {
    await handle?.close();
    await server.stop();
  });

  it('gives the event loop a turn for every source parsed and stored', async () => {
    // A timer due every 10 ms fires once per turn of the loop that comes after a stretch of work.
    // Each source brings 60 items, so its parse and store is such a stretch even on a fast machine
    // (with the three items of the fixture alone, a fast run could end before 24 ticks were due).
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const { run } = await runSources(deps, { trigger: 'test' });
    clearInterval(ticker);
    expect(run.sourcesOk).toBe(total);
    expect(run.itemsNew).toBe(total * copies * 3);
    // With PostgreSQL the store's socket round trips give these turns anyway; with PGlite only the run can.
    expect(ticks).toBeGreaterThanOrEqual(total);
  }, 120_000);
});
