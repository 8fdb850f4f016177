import type { Config } from '../config.js';

/** Every knob of the fetcher in one place; each default says where it came from. */
export interface FetchPolicy {
  /** Connect through response headers, per attempt. A server that never answers costs this much. */
  headersTimeoutMs: number;
  /** Whole attempt, headers and body (Miniflux's 20 s HTTP client timeout). */
  timeoutMs: number;
  /** Decoded body cap, enforced while streaming (Miniflux's 15 MiB); also bounds a gzip bomb. */
  maxBytes: number;
  /** Redirects followed by hand so each hop is checked (Miniflux and browsers allow more; 5 is plenty for feeds). */
  maxRedirects: number;
  /** Retries after the first attempt on 408/429/5xx and network errors (ky's default is 2). */
  retries: number;
  /** First backoff step; attempt n waits a random time in [0, base × 2^n] (full jitter, as ky and AWS advise). */
  retryBaseMs: number;
  /** A Retry-After up to this long is waited out within the run; longer ones move the source's next fetch instead. */
  maxRetryAfterMs: number;
  /** Loopback, private and link-local addresses are refused unless the operator allows them. */
  allowPrivateHosts: boolean;
}

export const defaultFetchPolicy: FetchPolicy = Object.freeze({
  headersTimeoutMs: 10_000,
  timeoutMs: 20_000,
  maxBytes: 15 * 1024 * 1024,
  maxRedirects: 5,
  retries: 2,
  retryBaseMs: 1_000,
  maxRetryAfterMs: 30_000,
  allowPrivateHosts: false,
});

/** The policy the configuration asks for. */
export function fetchPolicyFrom(config: Config): FetchPolicy {
  return {
    ...defaultFetchPolicy,
    headersTimeoutMs: Math.min(config.fetchHeadersTimeoutMs, config.fetchTimeoutMs),
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: config.fetchMaxBytes,
    retries: config.fetchRetries,
    retryBaseMs: config.fetchRetryBaseMs,
    allowPrivateHosts: config.allowPrivateHosts,
  };
}

/** Statuses worth another try (ky's list): timeouts, rate limits and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/** Full-jitter exponential backoff for retry number `retry` (0-based). */
export function retryDelayMs(retry: number, policy: Pick<FetchPolicy, 'retryBaseMs'>, random: () => number = Math.random): number {
  return Math.round(random() * policy.retryBaseMs * 2 ** retry);
}

/** Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
