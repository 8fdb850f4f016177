import type { Result } from '../errors.js';
import { err, ok } from '../errors.js';
import { decodeBody } from './charset.js';

export const userAgent = 'china-ai-news/0.1 (+https://github.com/china-ai-news/china-ai-news; feed fetcher)';

export interface FetchPolicy {
  /** Whole-request timeout: headers and body (Miniflux's 20 s). */
  timeoutMs: number;
  /** Body cap, enforced while streaming so an endless body costs at most this (Miniflux's 15 MiB). */
  maxBytes: number;
}

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export type FetchOutcome =
  | { kind: 'ok'; status: number; text: string; bytes: number; contentType: string | null; finalUrl: string; validators: Validators }
  | { kind: 'not_modified'; status: 304 };

export class FetchError extends Error {
  readonly status: number | null;
  readonly retryAfterMs: number | null;
  constructor(message: string, options: { status?: number | null; retryAfterMs?: number | null; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'FetchError';
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/** GETs a URL with conditional headers, a timeout and a streamed size cap, and decodes the body to text. */
export async function fetchText(url: string, policy: FetchPolicy, validators: Validators = {}): Promise<Result<FetchOutcome, FetchError>> {
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
  try {
    const response = await fetch(url, { headers, signal: controller.signal, redirect: 'follow' });
    if (response.status === 304) {
      await response.body?.cancel();
      return ok({ kind: 'not_modified', status: 304 });
    }
    if (!response.ok) {
      await response.body?.cancel();
      return err(new FetchError(`fetch: HTTP ${response.status} ${response.statusText} (${url})`, { status: response.status }));
    }
    const body = await readCapped(response, policy.maxBytes, url);
    if (!body.ok) return body;
    const contentType = response.headers.get('content-type');
    return ok({
      kind: 'ok',
      status: response.status,
      text: decodeBody(body.value, contentType),
      bytes: body.value.byteLength,
      contentType,
      finalUrl: response.url || url,
      validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
    });
  } catch (error) {
    if (controller.signal.aborted) return err(new FetchError(`fetch: timed out after ${policy.timeoutMs} ms (${url})`));
    return err(new FetchError(`fetch: ${describeNetworkError(error)} (${url})`, { cause: error }));
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<Result<Uint8Array, FetchError>> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return err(new FetchError(`fetch: body of ${declared} bytes is over the ${maxBytes}-byte cap (${url})`, { status: response.status }));
  }
  if (!response.body) return ok(new Uint8Array());
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return err(new FetchError(`fetch: body over the ${maxBytes}-byte cap (${url})`, { status: response.status }));
    }
    chunks.push(value);
  }
  return ok(Buffer.concat(chunks));
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return `${cause.code}${cause.message ? ` ${cause.message}` : ''}`;
  return error instanceof Error ? error.message : String(error);
}
