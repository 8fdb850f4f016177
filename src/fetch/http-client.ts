import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import type { Result } from '../errors.js';
import { err, ok } from '../errors.js';
import { decodeBody } from './charset.js';
import { isRetryableStatus, parseRetryAfter, retryDelayMs, type FetchPolicy } from './fetch-policy.js';
import { exchangeOnce, isRedirect, type Exchange, type FailureKind } from './http-request.js';

export const userAgent = 'china-ai-news/0.1 (+https://github.com/china-ai-news/china-ai-news; feed fetcher)';

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

interface Landing {
  status: number;
  /** Bytes on the wire (before any Content-Encoding was undone). */
  bytes: number;
  contentType: string | null;
  finalUrl: string;
  validators: Validators;
}

export type FetchOutcome = ({ kind: 'ok'; text: string } & Landing) | { kind: 'not_modified'; status: 304 };

/** A body as it came (transfer encodings undone, charset not yet): what a fetched feed costs while it waits to be parsed. */
export type BodyOutcome = ({ kind: 'ok'; body: Buffer } & Landing) | { kind: 'not_modified'; status: 304 };

export type FetchErrorKind = FailureKind | 'http' | 'redirect';

export class FetchError extends Error {
  readonly kind: FetchErrorKind;
  readonly status: number | null;
  /** How long the server asked us to wait (Retry-After), when it did. */
  readonly retryAfterMs: number | null;
  constructor(message: string, options: { kind: FetchErrorKind; status?: number | null; retryAfterMs?: number | null }) {
    super(message);
    this.name = 'FetchError';
    this.kind = options.kind;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

const accept = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';

/**
 * GETs a feed under the policy: conditional headers, redirects checked hop by hop, retries with
 * jittered backoff on 408/429/5xx and network errors, Retry-After honoured up to a cap, and the
 * body decoded to text. Expected failures come back as a FetchError value, never thrown.
 */
export async function fetchText(url: string, policy: FetchPolicy, validators: Validators = {}): Promise<Result<FetchOutcome, FetchError>> {
  const fetched = await fetchBody(url, policy, validators);
  return fetched.ok ? ok(decodeOutcome(fetched.value)) : fetched;
}

/**
 * fetchText without the charset step: the body stays bytes, so a run can hold many downloaded feeds
 * (a Buffer costs its bytes; a decoded string of CJK text costs twice that, on the JS heap) and
 * decode each one just before it is parsed.
 */
export async function fetchBody(url: string, policy: FetchPolicy, validators: Validators = {}): Promise<Result<BodyOutcome, FetchError>> {
  const headers: Record<string, string> = { 'user-agent': userAgent, accept };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  for (let retry = 0; ; retry++) {
    const result = await followRedirects(url, headers, policy);
    if (result.ok) return toOutcome(result.value, policy);
    const failure = result.error;
    if (!isRetryable(failure) || retry >= policy.retries) return err(failure);
    if (failure.retryAfterMs !== null && failure.retryAfterMs > policy.maxRetryAfterMs) return err(failure);
    await sleep(failure.retryAfterMs ?? retryDelayMs(retry, policy));
  }
}

type Landed = { exchange: Extract<Exchange, { kind: 'body' | 'status' }>; url: string };

async function followRedirects(start: string, headers: Record<string, string>, policy: FetchPolicy): Promise<Result<Landed, FetchError>> {
  let current: URL;
  try {
    current = new URL(start);
  } catch {
    return err(new FetchError(`fetch: not a URL (${start})`, { kind: 'redirect' }));
  }
  for (let hop = 0; ; hop++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      return err(new FetchError(`fetch: only http and https are fetched, not ${current.protocol} (${current})`, { kind: 'redirect' }));
    }
    const exchange = await exchangeOnce(current, headers, policy);
    if (exchange.kind === 'failure') return err(new FetchError(`fetch: ${exchange.message} (${current})`, { kind: exchange.failure }));
    if (exchange.kind === 'body' || !isRedirect(exchange.status)) {
      if (exchange.kind === 'body' || exchange.status === 304) return ok({ exchange, url: current.toString() });
      return err(statusError(exchange.status, exchange.headers['retry-after'], current));
    }
    const location = exchange.headers.location;
    if (!location) return err(new FetchError(`fetch: HTTP ${exchange.status} without a Location header (${current})`, { kind: 'redirect', status: exchange.status }));
    if (hop >= policy.maxRedirects) return err(new FetchError(`fetch: more than ${policy.maxRedirects} redirects (${start})`, { kind: 'redirect', status: exchange.status }));
    const next = redirectTarget(current, location);
    if (!next.ok) return err(new FetchError(`fetch: ${next.error}`, { kind: 'redirect', status: exchange.status }));
    current = next.value;
  }
}

/** Where a Location header sends us from `current`; an https → http downgrade or a non-web scheme is refused. */
export function redirectTarget(current: URL, location: string): Result<URL, string> {
  let next: URL;
  try {
    next = new URL(location, current);
  } catch {
    return err(`redirect to an unreadable Location "${location.slice(0, 200)}" (${current})`);
  }
  if (current.protocol === 'https:' && next.protocol === 'http:') return err(`refused the redirect from https to http (${current} → ${next})`);
  if (next.protocol !== 'http:' && next.protocol !== 'https:') return err(`refused the redirect to ${next.protocol} (${current} → ${next})`);
  return ok(next);
}

function statusError(status: number, retryAfter: string | string[] | undefined, url: URL): FetchError {
  const wait = parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, new Date());
  const hint = wait === undefined ? '' : `, Retry-After ${Math.round(wait / 1000)} s`;
  return new FetchError(`fetch: HTTP ${status}${hint} (${url})`, { kind: 'http', status, retryAfterMs: wait ?? null });
}

/** Whether a failure may pass on its own (a busy or broken server, the network), so the URL is worth trying again later. */
export function isTransientFailure(error: FetchError): boolean {
  return isRetryable(error) || error.kind === 'timeout';
}

function isRetryable(error: FetchError): boolean {
  if (error.kind === 'http') return error.status !== null && isRetryableStatus(error.status);
  // A reset or a cut-off body is often transient; a timeout already cost the full budget, so it is not repeated.
  return error.kind === 'network' || error.kind === 'truncated';
}

/** The body decoded to text (HTTP charset, BOM, prolog, meta, then sniffing). */
function decodeOutcome(outcome: BodyOutcome): FetchOutcome {
  if (outcome.kind === 'not_modified') return outcome;
  const { body, ...landing } = outcome;
  return { ...landing, text: decodeBody(body, outcome.contentType) };
}

function toOutcome(landed: Landed, policy: FetchPolicy): Result<BodyOutcome, FetchError> {
  const { exchange, url } = landed;
  if (exchange.kind === 'status') return ok({ kind: 'not_modified', status: 304 });
  const body = ungzipIfNeeded(exchange.body, policy.maxBytes);
  if (!body.ok) return err(new FetchError(`fetch: ${body.error} (${url})`, { kind: 'decoding', status: exchange.status }));
  const contentType = headerText(exchange.headers['content-type']);
  return ok({
    kind: 'ok',
    status: exchange.status,
    body: body.value,
    bytes: exchange.body.byteLength,
    contentType,
    finalUrl: url,
    validators: { etag: headerText(exchange.headers.etag), lastModified: headerText(exchange.headers['last-modified']) },
  });
}

/** Some servers send a .gz file as the feed itself, without Content-Encoding; readers unpack it. */
function ungzipIfNeeded(body: Buffer, maxBytes: number): Result<Buffer, string> {
  if (body[0] !== 0x1f || body[1] !== 0x8b) return ok(body);
  try {
    return ok(gunzipSync(body, { maxOutputLength: maxBytes }));
  } catch (error) {
    return err(`gzip-compressed body could not be unpacked within the ${maxBytes}-byte cap: ${(error as Error).message}`);
  }
}

function headerText(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}
