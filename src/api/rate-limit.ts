import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export interface RateLimitOptions {
  /** Requests allowed per client per window; 0 turns the limit off. */
  limit: number;
  windowMs: number;
  now?: () => number;
  /** Which requests count (the expensive ones: search, export). */
  applies: (c: Context) => boolean;
}

/**
 * A fixed-window counter per client address, kept in memory: one process serves the API, so
 * a shared store (Redis) would buy nothing here. Over the limit: 429 with Retry-After (RFC 9110 §10.2.3).
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const windows = new Map<string, { start: number; count: number }>();
  const now = options.now ?? Date.now;
  return async (c, next) => {
    if (options.limit <= 0 || !options.applies(c)) return next();
    const at = now();
    if (windows.size > 10_000) for (const [key, w] of windows) if (at - w.start >= options.windowMs) windows.delete(key);
    const key = clientKey(c);
    let window = windows.get(key);
    if (!window || at - window.start >= options.windowMs) {
      window = { start: at, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count > options.limit) {
      const retryAfter = Math.max(1, Math.ceil((window.start + options.windowMs - at) / 1000));
      const message = `rate limit: ${options.limit} search/export requests per ${options.windowMs / 1000} s per client; retry in ${retryAfter} s`;
      return c.json({ error: { code: 'rate_limited', message } }, 429, { 'Retry-After': String(retryAfter) });
    }
    return next();
  };
}

/** The client's address from the socket; in-process requests (app.request in tests) share one key. */
function clientKey(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
}
