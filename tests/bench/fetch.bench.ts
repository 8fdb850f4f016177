// `npm run bench -- fetch [--pg URL] [--concurrency N]`: 300 sources on loopback, 10% slow past the
// timeout, 5% failing; prints the run time against the ideal (slowest timeout + the bytes at loopback
// speed) and the peak RSS. The whole pipeline runs: fetch, parse, normalize, tag, store.
import { request } from 'node:http';
import { loadConfig } from '../../src/config.js';
import type { SourceConfig } from '../../src/domain.js';
import { createLogger } from '../../src/log.js';
import { runSources } from '../../src/pipeline/run-sources.js';
import { syncSources } from '../../src/store/sources-store.js';
import { FeedServer } from '../helpers/feed-server.js';
import { fixture } from '../helpers/fixtures.js';
import { cpuSeconds, openBenchDb, peakRssMb, serverUrlFrom } from './bench-db.js';

const total = 300;
const timeoutMs = 20_000;

export async function main(args: string[]): Promise<void> {
  const concurrency = args.includes('--concurrency') ? args[args.indexOf('--concurrency') + 1]! : undefined;
  const serverUrl = serverUrlFrom(args);
  const kind = serverUrl ? 'postgres' : 'pglite';
  const bodies = ['feeds/livemint-2019.xml', 'feeds/scmp-2019.xml', 'feeds/techcrunch-2011.xml', 'feeds/rdf-slashdot.xml'].map((path) => fixture(path));
  const server = new FeedServer();
  await server.start('0.0.0.0');
  const sources: SourceConfig[] = [];
  let healthyBytes = 0;
  for (let n = 0; n < total; n++) {
    const path = `/s/${n}`;
    const role = n % 20 === 7 ? 'failing' : n % 10 === 3 ? 'slow' : 'ok';
    // Each feed gets its own links so every item is new: the store does real work.
    const body = Buffer.from(bodies[n % bodies.length]!.toString('utf8').replaceAll('https://', `https://s${n}.`).replaceAll('http://', `http://s${n}.`));
    if (role === 'ok') healthyBytes += body.byteLength;
    server.route(path, (_req, res) => {
      if (role === 'failing') return void res.writeHead(503, { 'content-type': 'text/plain' }).end('down');
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      if (role === 'ok') return void res.end(body);
      // Slow: headers at once, then a trickle that would take longer than the timeout.
      res.write(body.subarray(0, 100));
      const timer = setInterval(() => res.write(' '), 1_000);
      res.on('close', () => clearInterval(timer));
    });
    // 150 loopback "hosts" (127.0.1.1 …): two sources each, as RSSHub routes share a host.
    const host = `127.0.1.${(n % 150) + 1}`;
    sources.push({ slug: `s${n}`, name: `Source ${n}`, url: server.url(path, host), kind: 'feed', language: 'en', zone: 'UTC', weight: 1, fullText: false, enabled: true });
  }
  const loopbackMBps = await measureLoopback(server);
  const handle = await openBenchDb(kind, serverUrl);
  if (!handle) throw new Error('no database');
  await syncSources(handle.db, sources);
  const config = loadConfig({ ALLOW_PRIVATE_HOSTS: 'true', LOG_LEVEL: 'silent', FETCH_TIMEOUT_MS: String(timeoutMs), ...(concurrency ? { FETCH_CONCURRENCY: concurrency } : {}) });
  const rssBefore = peakRssMb();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { run } = await runSources({ db: handle.db, config, log: createLogger('silent'), sources, now: () => new Date() }, { trigger: 'bench' });
  const seconds = (performance.now() - started) / 1000;
  const ideal = timeoutMs / 1000 + healthyBytes / (loopbackMBps * 1024 * 1024);
  console.log(`fetch bench on ${kind}: ${total} sources (${total / 10} slow past the ${timeoutMs / 1000} s timeout, ${total / 20} answering 503), global concurrency ${config.fetchConcurrency}, per host ${config.fetchHostConcurrency}`);
  console.log(`  run: ${run.sourcesOk} ok, ${run.sourcesFailed} failed, ${run.itemsNew} new items, ${(healthyBytes / 1048576).toFixed(1)} MB of feeds`);
  console.log(`  time ${seconds.toFixed(1)} s vs ideal ${ideal.toFixed(1)} s (timeout ${timeoutMs / 1000} s + bytes at ${loopbackMBps.toFixed(0)} MB/s loopback) = ${(seconds / ideal).toFixed(2)} × ideal (bar ≤ 1.3); ${cpuSeconds(cpu).toFixed(1)} s of this process's CPU`);
  console.log(`  peak RSS ${peakRssMb()} MB (${rssBefore} MB with the database open, before the run; bar ≤ 300)`);
  await handle.close();
  await server.stop();
}

/** Loopback throughput: one 16 MiB body, read as fast as it comes. */
async function measureLoopback(server: FeedServer): Promise<number> {
  const blob = Buffer.alloc(16 * 1024 * 1024, 'x');
  server.route('/blob', (_req, res) => res.writeHead(200).end(blob));
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    request(server.url('/blob'), (res) => res.on('data', () => {}).on('end', resolve).on('error', reject)).on('error', reject).end();
  });
  return 16 / ((performance.now() - started) / 1000);
}
