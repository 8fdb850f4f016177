import cron from 'node-cron';
import type { Logger } from '../log.js';

export interface Scheduler {
  stop(): Promise<void>;
}

/** Runs `job` on a cron expression in-process; a run still going when the next is due is skipped. */
export function scheduleFetch(expression: string, job: () => Promise<void>, log: Logger): Scheduler {
  if (!cron.validate(expression)) throw new Error(`config: FETCH_CRON "${expression}" is not a valid cron expression`);
  const task = cron.schedule(
    expression,
    async () => {
      await job();
    },
    { name: 'fetch', noOverlap: true },
  );
  task.on('execution:overlap', () => log.warn('scheduled fetch skipped: the previous run is still going'));
  task.on('execution:failed', (context: { execution?: { error?: unknown } }) => log.error({ err: context.execution?.error }, 'scheduled fetch failed'));
  return {
    async stop() {
      await task.stop();
      await task.destroy();
    },
  };
}
