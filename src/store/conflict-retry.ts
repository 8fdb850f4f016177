/**
 * SQLSTATEs with which PostgreSQL aborts a transaction that did nothing wrong and asks the client
 * to run it again: a deadlock (two fetch workers, or a fetch and a retag, updating the same items
 * in different orders) and a serialization failure.
 */
const retryableStates = new Set(['40P01', '40001']);

/** The SQLSTATE of a database error, looked for along its cause chain (drizzle wraps the driver's error). */
export function sqlStateOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Runs a whole transaction again when PostgreSQL aborted it for a deadlock or a serialization
 * failure, after a short random pause so the two sides do not collide again. Any other error, or
 * the last attempt's, is thrown as it came.
 */
export async function withConflictRetry<T>(transaction: () => Promise<T>, options: { attempts?: number; pauseMs?: number } = {}): Promise<T> {
  const attempts = options.attempts ?? 4;
  const pauseMs = options.pauseMs ?? 50;
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      const state = sqlStateOf(error);
      if (attempt >= attempts || state === undefined || !retryableStates.has(state)) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs * attempt * (0.5 + Math.random())));
    }
  }
}
