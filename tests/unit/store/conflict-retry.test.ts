import { describe, expect, it } from 'vitest';
import { sqlStateOf, withConflictRetry } from '../../../src/store/conflict-retry.js';

const databaseError = (code: string) => Object.assign(new Error(`database said ${code}`), { code });
// drizzle wraps the driver's error: the SQLSTATE sits on the cause.
const wrapped = (code: string) => new Error('Failed query: update items …', { cause: databaseError(code) });

describe('retrying a transaction PostgreSQL aborted for a conflict', () => {
  it('reads the SQLSTATE on the error or along its causes, and nothing else', () => {
    expect(sqlStateOf(databaseError('40P01'))).toBe('40P01');
    expect(sqlStateOf(wrapped('40001'))).toBe('40001');
    expect(sqlStateOf(Object.assign(new Error('socket'), { code: 'ECONNRESET' }))).toBeUndefined();
    expect(sqlStateOf('not an error')).toBeUndefined();
  });

  it('runs a deadlocked or serialization-failed transaction again until it commits', async () => {
    for (const code of ['40P01', '40001']) {
      let attempts = 0;
      const result = await withConflictRetry(async () => {
        attempts++;
        if (attempts < 3) throw wrapped(code);
        return 'committed';
      }, { pauseMs: 1 });
      expect(result).toBe('committed');
      expect(attempts).toBe(3);
    }
  });

  it('throws any other error at once, and the conflict itself after the last attempt', async () => {
    let attempts = 0;
    await expect(withConflictRetry(async () => (attempts++, Promise.reject(wrapped('23505'))), { pauseMs: 1 })).rejects.toThrow('Failed query');
    expect(attempts).toBe(1);
    attempts = 0;
    await expect(withConflictRetry(async () => (attempts++, Promise.reject(wrapped('40P01'))), { attempts: 3, pauseMs: 1 })).rejects.toThrow('Failed query');
    expect(attempts).toBe(3);
  });
});
