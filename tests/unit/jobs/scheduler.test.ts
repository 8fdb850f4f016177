import { describe, expect, it } from 'vitest';
import { scheduleFetch } from '../../../src/jobs/scheduler.js';
import { createLogger } from '../../../src/log.js';

describe('scheduleFetch', () => {
  it('never overlaps runs, and stop() signals the running job and waits for it', async () => {
    let running = 0;
    let maxRunning = 0;
    let started = 0;
    let finished = 0;
    let sawAbort = false;
    const scheduler = scheduleFetch(
      '* * * * * *',
      async (signal) => {
        started++;
        running++;
        maxRunning = Math.max(maxRunning, running);
        // Longer than the one-second schedule: the next ticks arrive while this run is going.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 2_500);
          signal.addEventListener('abort', () => {
            sawAbort = true;
            clearTimeout(timer);
            setTimeout(resolve, 300);
          });
        });
        running--;
        finished++;
      },
      createLogger('silent'),
    );
    await new Promise((resolve) => setTimeout(resolve, 4_200));
    await scheduler.stop();
    expect(started).toBeGreaterThanOrEqual(1);
    expect(started).toBeLessThanOrEqual(2);
    expect(maxRunning).toBe(1);
    expect(finished).toBe(started);
    expect(sawAbort).toBe(true);
    const after = started;
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(started).toBe(after);
  });

  it('refuses an invalid FETCH_CRON with a message naming it', () => {
    expect(() => scheduleFetch('every hour', async () => {}, createLogger('silent'))).toThrow(/FETCH_CRON "every hour"/);
  });
});
