import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './api/app.js';
import { loadConfig, type Config } from './config.js';
import { AppError, messageOf } from './errors.js';
import type { Logger } from './log.js';
import { scheduleFetch, type Scheduler } from './jobs/scheduler.js';
import { runSources } from './pipeline/run-sources.js';
import { describeProgress, retagStaleItems } from './pipeline/retag-items.js';
import { openRuntime } from './runtime.js';
import { startRun } from './store/runs-store.js';

export interface ServeOptions {
  port?: number;
  cron?: boolean;
  /** Re-tag items tagged with an older catalogue version, in the background (default on). */
  retag?: boolean;
}

/** The composition root: config → db + migrate → app → HTTP server → hourly fetch. Resolves once listening. */
export async function startServer(config: Config, options: ServeOptions = {}): Promise<{ port: number; stop(): Promise<void> }> {
  const runtime = await openRuntime(config);
  const { log, pipeline } = runtime;
  let current: Promise<unknown> | undefined;
  // Aborted on stop: a running fetch finishes the sources it started and hands the rest back.
  const stopSignal = new AbortController();

  const runFetch = async (trigger: string, runId?: number) => {
    const run = runSources(pipeline, { trigger, runId, signal: stopSignal.signal });
    current = run;
    try {
      const summary = await run;
      log.info({ run: summary.run.id, status: summary.run.status, new: summary.run.itemsNew }, 'fetch run finished');
    } finally {
      current = undefined;
    }
  };
  const startFetch = async () => {
    if (current) throw new AppError('conflict', 'fetch: a run is already going; try again when it ends');
    const runId = await startRun(pipeline.db, 'api', pipeline.now());
    void runFetch('api', runId).catch((error) => log.error({ err: error }, 'fetch run failed'));
    return runId;
  };

  const app = createApp({ db: pipeline.db, dbKind: runtime.handle.kind, config, log, now: pipeline.now, startFetch });
  const server = await listen(app.fetch, options.port ?? config.port, config.host);
  const port = (server.address() as { port: number }).port;
  let scheduler: Scheduler | undefined;
  if (options.cron !== false) {
    scheduler = scheduleFetch(config.fetchCron, () => (current ? Promise.resolve() : runFetch('cron')), log);
  }
  log.info({ port, host: config.host, db: runtime.handle.kind, cron: options.cron !== false ? config.fetchCron : 'off' }, 'china-ai-news listening');
  // After listening, never before: re-tagging a large store in batches must not keep the API down.
  const retagAbort = new AbortController();
  const retag = options.retag === false ? Promise.resolve() : retagInBackground(pipeline.db, log, retagAbort.signal);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      stopSignal.abort();
      await scheduler?.stop();
      retagAbort.abort();
      await retag;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // A running fetch finishes its in-flight sources (each one transaction) and releases the rest.
      await current?.catch(() => undefined);
      await runtime.close();
    })();
    return stopping;
  };
  return { port, stop };
}

async function retagInBackground(db: Parameters<typeof retagStaleItems>[0], log: Logger, signal: AbortSignal): Promise<void> {
  let lastLog = 0;
  try {
    const result = await retagStaleItems(db, {
      signal,
      onProgress: (progress) => {
        if (progress.elapsedMs - lastLog < 2000 && progress.done < progress.total) return;
        lastLog = progress.elapsedMs;
        log.info({ ...progress }, `retag: ${describeProgress(progress)}`);
      },
    });
    if (result.total > 0) log.info({ ...result }, 'retag finished');
  } catch (error) {
    log.error({ err: error }, 'retag failed; stored tags stay as they were and the next start tries again');
  }
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], port: number, hostname: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, () => resolve(server));
    server.once('error', reject);
  });
}

/** Runs the server until SIGINT/SIGTERM; used by `npm start` and `cli serve`. */
export async function serveUntilSignal(options: ServeOptions = {}): Promise<void> {
  const server = await startServer(loadConfig(), options);
  process.stdout.write(`china-ai-news: serving on http://${loadConfig().host}:${server.port}\n`);
  const shutdown = () => {
    server.stop().then(
      () => process.exit(0),
      (error) => {
        process.stderr.write(`china-ai-news: shutdown failed: ${messageOf(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntry) {
  serveUntilSignal({ cron: !process.argv.includes('--no-cron') }).catch((error) => {
    process.stderr.write(`china-ai-news: ${messageOf(error)}\n`);
    process.exit(1);
  });
}
