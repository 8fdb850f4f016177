import cron from 'node-cron';
import type { Logger } from '../log.js';

export interface Scheduler {
  /** Stops scheduling, aborts the job's signal and waits for a running job to wind down. */
  stop(): Promise<void>;
}

/**
 * Runs `job` on a cron expression in-process (FETCH_CRON). A run still going when the next is due
 * is skipped, never overlapped; stop() signals the running job and waits for it, so a SIGTERM never
 * leaves a source half-written.
 */
export function scheduleFetch(expression: string, job: (signal: AbortSignal) => Promise<void>, log: Logger): Scheduler {
  if (!cron.validate(expression)) throw new Error(`config: FETCH_CRON "${expression}" is not a valid cron expression`);
  const stopping = new AbortController();
  let running: Promise<void> | undefined;
  const task = cron.schedule(
    expression,
    async () => {
      // node-cron's noOverlap covers its own runs; this also covers a stop() racing a tick.
      if (running || stopping.signal.aborted) return;
      running = job(stopping.signal).finally(() => {
        running = undefined;
      });
      await running;
    },
    { name: 'fetch', noOverlap: true },
  );
  task.on('execution:overlap', () => log.warn('scheduled fetch skipped: the previous run is still going'));
  task.on('execution:failed', (context: { execution?: { error?: unknown } }) => log.error({ err: context.execution?.error }, 'scheduled fetch failed'));
  return {
    async stop() {
      stopping.abort();
      await task.stop();
      await running?.catch(() => undefined);
      await task.destroy();
    },
  };
}
