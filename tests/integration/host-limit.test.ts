import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { PipelineDeps } from '../../src/pipeline/deps.js';
import { runSources } from '../../src/pipeline/run-sources.js';
import type { DbHandle } from '../../src/store/db.js';
import { tinyFeed } from '../helpers/fault-routes.js';
import { FeedServer } from '../helpers/feed-server.js';
import { pipelineDeps, sourceOf } from '../helpers/pipeline-deps.js';
import { dbKind, openTestDb } from '../helpers/test-db.js';

/** Per-host limits: a busy host (RSSHub routes share one) queues its own sources without holding global slots. */
describe(`per-host concurrency on ${dbKind}`, () => {
  const server = new FeedServer();
  let handle: DbHandle;
  let deps: PipelineDeps;
  let busyInFlight = 0;
  let busyPeak = 0;
  const served: Array<{ path: string; at: number }> = [];
  let started = 0;

  beforeAll(async () => {
    for (const n of [1, 2, 3]) {
      server.route(`/busy/${n}`, (_req, res) => {
        busyInFlight++;
        busyPeak = Math.max(busyPeak, busyInFlight);
        setTimeout(() => {
          busyInFlight--;
          served.push({ path: `/busy/${n}`, at: Date.now() - started });
          res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(tinyFeed(`busy${n}`));
        }, 1_500);
      });
    }
    server.route('/other', (_req, res) => {
      served.push({ path: '/other', at: Date.now() - started });
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(tinyFeed('other'));
    });
    // Listening on every loopback address makes 127.0.0.1 and 127.0.0.2 two hosts of one server.
    await server.start('0.0.0.0');
    handle = await openTestDb();
    const sources = [
      sourceOf('busy-1', server.url('/busy/1', '127.0.0.1')),
      sourceOf('busy-2', server.url('/busy/2', '127.0.0.1')),
      sourceOf('busy-3', server.url('/busy/3', '127.0.0.1')),
      sourceOf('other', server.url('/other', '127.0.0.2')),
    ];
    const base = await pipelineDeps(handle.db, sources);
    deps = { ...base, config: loadConfig({ ALLOW_PRIVATE_HOSTS: 'true', LOG_LEVEL: 'silent', FETCH_CONCURRENCY: '2', FETCH_HOST_CONCURRENCY: '1' }) };
  });

  afterAll(async () => {
    await handle?.close();
    await server.stop();
  });

  it('fetches one source at a time from the busy host while the other host goes ahead', async () => {
    started = Date.now();
    const { run } = await runSources(deps, { trigger: 'test' });
    expect(run.sourcesOk).toBe(4);
    expect(busyPeak).toBe(1);
    const other = served.find((s) => s.path === '/other')!;
    const busy = served.filter((s) => s.path.startsWith('/busy'));
    // The other host is served before the busy host's first answer, not after its queue of three.
    expect(other.at).toBeLessThan(busy[0]!.at);
    expect(busy.at(-1)!.at).toBeGreaterThanOrEqual(4_000);
  });
});
