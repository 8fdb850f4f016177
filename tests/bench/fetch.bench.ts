// `npm run bench -- fetch [--pg URL] [--concurrency N]`: 300 sources on loopback, 10% slow past the
// timeout, 5% failing; prints the run time against the ideal (slowest timeout + the bytes at loopback
// speed) and the peak RSS. The whole pipeline runs: fetch, parse, normalize, tag, store.
import { fork } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.js';
import type { SourceConfig } from '../../src/domain.js';
import { createLogger } from '../../src/log.js';
import { runSources } from '../../src/pipeline/run-sources.js';
import { syncSources } from '../../src/store/sources-store.js';
import { bodyOf, roleOf } from './feed-farm.js';
import { cpuSeconds, openBenchDb, peakRssMb, serverUrlFrom } from './bench-db.js';

const total = 300;
const timeoutMs = 20_000;

export async function main(args: string[]): Promise<void> {
  const concurrency = args.includes('--concurrency') ? args[args.indexOf('--concurrency') + 1]! : undefined;
  const serverUrl = serverUrlFrom(args);
  const kind = serverUrl ? 'postgres' : 'pglite';
  const farm = fork(fileURLToPath(new URL('./feed-farm.ts', import.meta.url)), ['serve', String(total)], { execArgv: ['--import', 'tsx'] });
  const port = await new Promise<number>((resolve) => farm.once('message', (message: { port: number }) => resolve(message.port)));
  const sources: SourceConfig[] = [];
  let healthyBytes = 0;
  for (let n = 0; n < total; n++) {
    if (roleOf(n) === 'ok') healthyBytes += bodyOf(n).byteLength;
    // 150 loopback "hosts" (127.0.1.1 …): two sources each, as RSSHub routes share a host.
    const url = `http://127.0.1.${(n % 150) + 1}:${port}/s/${n}`;
    sources.push({ slug: `s${n}`, name: `Source ${n}`, url, kind: 'feed', language: 'en', zone: 'UTC', weight: 1, fullText: false, enabled: true });
  }
  const loopbackMBps = await measureLoopback(`http://127.0.0.1:${port}/blob`);
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
  console.log(`fetch bench on ${kind}: ${total} sources (${total / 10} slow past the ${timeoutMs / 1000} s timeout, ${total / 20} answering 503), global concurrency ${config.fetchConcurrency}, per host ${config.fetchHostConcurrency}; feeds served by a separate process`);
  console.log(`  run: ${run.sourcesOk} ok, ${run.sourcesFailed} failed, ${run.itemsNew} new items, ${(healthyBytes / 1048576).toFixed(1)} MB of feeds`);
  console.log(`  time ${seconds.toFixed(1)} s vs ideal ${ideal.toFixed(1)} s (timeout ${timeoutMs / 1000} s + bytes at ${loopbackMBps.toFixed(0)} MB/s loopback) = ${(seconds / ideal).toFixed(2)} × ideal (bar ≤ 1.3); ${cpuSeconds(cpu).toFixed(1)} s of this process's CPU`);
  console.log(`  peak RSS ${peakRssMb()} MB (${rssBefore} MB with the database open, before the run; bar ≤ 300)`);
  await handle.close();
  farm.disconnect();
}

/** Loopback throughput: one 16 MiB body, read as fast as it comes. */
async function measureLoopback(url: string): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    request(url, (res) => res.on('data', () => {}).on('end', resolve).on('error', reject)).on('error', reject).end();
  });
  return 16 / ((performance.now() - started) / 1000);
}
