// `npm run bench -- fetch [--pg URL] [--concurrency N] [--fixtures]`: 300 sources on loopback, 10% slow past the
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
import type { FarmReady } from './feed-farm.js';
import { benchParser, cpuSeconds, openBenchDb, parsingMode, peakRssMb, serverUrlFrom } from './bench-db.js';

const total = 300;
const timeoutMs = 20_000;

export async function main(args: string[]): Promise<void> {
  const concurrency = args.includes('--concurrency') ? args[args.indexOf('--concurrency') + 1]! : undefined;
  const feedsFrom = args.includes('--fixtures') ? 'fixtures' : 'corpus';
  const serverUrl = serverUrlFrom(args);
  const kind = serverUrl ? 'postgres' : 'pglite';
  const farm = fork(fileURLToPath(new URL('./feed-farm.ts', import.meta.url)), ['serve', String(total), feedsFrom], { execArgv: ['--import', 'tsx'] });
  const { port, healthyBytes, origin } = await new Promise<FarmReady>((resolve) => farm.once('message', resolve));
  const sources: SourceConfig[] = [];
  for (let n = 0; n < total; n++) {
    // 150 loopback "hosts" (127.0.1.1 …): two sources each, as RSSHub routes share a host.
    const url = `http://127.0.1.${(n % 150) + 1}:${port}/s/${n}`;
    sources.push({ slug: `s${n}`, name: `Source ${n}`, url, kind: 'feed', language: 'en', zone: 'UTC', weight: 1, fullText: false, enabled: true });
  }
  const handle = await openBenchDb(kind, serverUrl);
  if (!handle) throw new Error('no database');
  await syncSources(handle.db, sources);
  const config = loadConfig({ ALLOW_PRIVATE_HOSTS: 'true', LOG_LEVEL: 'silent', FETCH_TIMEOUT_MS: String(timeoutMs), ...(concurrency ? { FETCH_CONCURRENCY: concurrency } : {}) });
  const rssBefore = peakRssMb();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const memory = sampleMemory();
  const parser = benchParser(kind, serverUrl);
  const { run, outcomes } = await runSources({ db: handle.db, config, log: createLogger('silent'), sources, now: () => new Date(), parser }, { trigger: 'bench' }).finally(() => parser.close());
  const seconds = (performance.now() - started) / 1000;
  const peaks = memory.stop();
  const peakRss = peakRssMb();
  // Measured after the run, so the 16 MiB test body never counts in the fetcher's peak RSS.
  const loopbackMBps = await measureLoopback(`http://127.0.0.1:${port}/blob`);
  const ideal = timeoutMs / 1000 + healthyBytes / (loopbackMBps * 1024 * 1024);
  console.log(`fetch bench on ${kind}: ${total} sources (${total / 10} slow past the ${timeoutMs / 1000} s timeout, ${total / 20} answering 503), global concurrency ${config.fetchConcurrency}, per host ${config.fetchHostConcurrency}; feeds from ${origin}, served by a separate process; parsing ${parsingMode(parser)} (PARSE_WORKERS)`);
  console.log(`  run: ${run.sourcesOk} ok, ${run.sourcesFailed} failed, ${run.itemsNew} new items, ${(healthyBytes / 1048576).toFixed(1)} MB of feeds`);
  console.log(`  time ${seconds.toFixed(1)} s vs ideal ${ideal.toFixed(1)} s (timeout ${timeoutMs / 1000} s + bytes at ${loopbackMBps.toFixed(0)} MB/s loopback) = ${(seconds / ideal).toFixed(2)} × ideal (bar ≤ 1.3); ${cpuSeconds(cpu).toFixed(1)} s of this process's CPU`);
  console.log(`  peak RSS ${peakRss} MB (${rssBefore} MB with the database open, before the run; bar ≤ 300); V8 heap flags: ${heapFlags()}`);
  console.log(`  during the run, sampled every 100 ms: peak heap used ${peaks.heapUsed} MB, external ${peaks.external} MB (array buffers ${peaks.arrayBuffers} MB), rss ${peaks.rss} MB`);
  console.log(`  failures: ${failureKinds(outcomes)}`);
  await handle.close();
  farm.disconnect();
}

/** Peaks of process.memoryUsage() while the run goes on, to tell the JS heap from buffers and native memory. */
function sampleMemory(): { stop(): Record<'rss' | 'heapUsed' | 'external' | 'arrayBuffers', number> } {
  const peaks = { rss: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    for (const key of Object.keys(peaks) as Array<keyof typeof peaks>) peaks[key] = Math.max(peaks[key], Math.round(usage[key] / 1048576));
  };
  const timer = setInterval(sample, 100);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}

/** The V8 heap flags this process runs with (package.json gives the service's and the bench's the same). */
function heapFlags(): string {
  return process.execArgv.filter((flag) => /^--(max|min|heap|initial|single)-/.test(flag)).join(' ') || 'none (V8 defaults)';
}

/** Failed sources grouped by what went wrong (the URL cut off), so a run whose healthy sources failed shows it. */
function failureKinds(outcomes: Array<{ status: string; error: string | null }>): string {
  const counts = new Map<string, number>();
  for (const { status, error } of outcomes) {
    if (status !== 'error') continue;
    const kind = (error ?? 'unknown').replace(/ \(http.*$/, '');
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].map(([kind, count]) => `${count} × ${kind}`).join('; ') || 'none';
}

/** Loopback throughput: one 16 MiB body, read as fast as it comes. */
async function measureLoopback(url: string): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    request(url, (res) => res.on('data', () => {}).on('end', resolve).on('error', reject)).on('error', reject).end();
  });
  return 16 / ((performance.now() - started) / 1000);
}
