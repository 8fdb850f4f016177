import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { guardedLookup, isPrivateAddress, PrivateAddressError } from './address-guard.js';
import type { FetchPolicy } from './fetch-policy.js';

export type FailureKind = 'timeout' | 'network' | 'truncated' | 'too_large' | 'refused' | 'decoding';

/** What one HTTP exchange (no redirects followed, no retries) came to. */
export type Exchange =
  | { kind: 'body'; status: number; headers: IncomingHttpHeaders; body: Buffer }
  | { kind: 'status'; status: number; headers: IncomingHttpHeaders }
  | { kind: 'failure'; failure: FailureKind; message: string };

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/**
 * One GET with node:http so every limit is ours: a headers timeout, a whole-exchange timeout,
 * private-address refusal at connect time, decompression (gzip, deflate, br) and a cap counted on
 * the decoded bytes, so neither an endless body nor a gzip bomb costs more than `maxBytes`.
 */
export function exchangeOnce(url: URL, headers: Record<string, string>, policy: FetchPolicy): Promise<Exchange> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!policy.allowPrivateHosts && isIP(host) && isPrivateAddress(host)) {
    return Promise.resolve({ kind: 'failure', failure: 'refused', message: `refused the private address ${host} (set ALLOW_PRIVATE_HOSTS=true to allow)` });
  }
  return new Promise((resolve) => {
    const transport = url.protocol === 'https:' ? https : http;
    let settled = false;
    const settle = (exchange: Exchange, destroy: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(headersTimer);
      clearTimeout(wholeTimer);
      if (destroy) request.destroy();
      resolve(exchange);
    };
    const fail = (failure: FailureKind, message: string) => settle({ kind: 'failure', failure, message }, true);
    const request = transport.request(url, {
      method: 'GET',
      headers: { ...headers, 'accept-encoding': 'gzip, deflate, br' },
      lookup: policy.allowPrivateHosts ? undefined : guardedLookup,
    });
    const headersTimer = setTimeout(() => fail('timeout', `no response headers within ${policy.headersTimeoutMs} ms`), policy.headersTimeoutMs);
    const wholeTimer = setTimeout(() => fail('timeout', `timed out after ${policy.timeoutMs} ms`), policy.timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof PrivateAddressError) fail('refused', `${error.message} (set ALLOW_PRIVATE_HOSTS=true to allow)`);
      else fail('network', describeNetworkError(error));
    });
    request.on('response', (response) => {
      clearTimeout(headersTimer);
      const status = response.statusCode ?? 0;
      if (status < 200 || status >= 300 || redirectStatuses.has(status)) {
        // The body of an error or a redirect is not needed; never read an endless one.
        settle({ kind: 'status', status, headers: response.headers }, true);
        return;
      }
      readBody(response, policy.maxBytes).then(
        (body) => settle({ kind: 'body', status, headers: response.headers, body }, false),
        (error: BodyError) => fail(error.failure, error.message),
      );
    });
    request.end();
  });
}

class BodyError extends Error {
  constructor(
    readonly failure: FailureKind,
    message: string,
  ) {
    super(message);
  }
}

function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(response.headers['content-length']);
    const encoding = String(response.headers['content-encoding'] ?? '').trim().toLowerCase();
    if (!encoding && Number.isFinite(declared) && declared > maxBytes) {
      reject(new BodyError('too_large', `body of ${declared} bytes is over the ${maxBytes}-byte cap`));
      return;
    }
    const decoded = decompressor(response, encoding);
    const chunks: Buffer[] = [];
    let total = 0;
    let done = false;
    const stop = (error: BodyError) => {
      if (done) return;
      done = true;
      response.destroy();
      if (decoded !== response) decoded.destroy();
      reject(error);
    };
    decoded.on('data', (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > maxBytes) stop(new BodyError('too_large', `body over the ${maxBytes}-byte cap${encoding ? ` after ${encoding} decoding` : ''}`));
      else chunks.push(chunk);
    });
    if (decoded !== response) decoded.on('error', (error) => stop(new BodyError('decoding', `${encoding} body could not be decoded: ${error.message}`)));
    // A connection that closes before the declared length or the last chunk leaves `complete` false.
    const cutOff = () => stop(new BodyError('truncated', `connection closed after ${total} bytes, before the body was complete`));
    response.on('error', cutOff);
    response.on('close', () => {
      if (!response.complete) cutOff();
    });
    decoded.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
  });
}

function decompressor(response: IncomingMessage, encoding: string): Readable {
  const options = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return response.pipe(zlib.createGunzip(options));
    case 'deflate':
      return response.pipe(zlib.createInflate(options));
    case 'br':
      return response.pipe(zlib.createBrotliDecompress());
    default:
      return response;
  }
}

/** True for the statuses a client should follow with the Location header. */
export function isRedirect(status: number): boolean {
  return redirectStatuses.has(status);
}

function describeNetworkError(error: NodeJS.ErrnoException): string {
  return error.code ? `${error.code} ${error.message}`.replace(`${error.code} ${error.code}`, error.code) : error.message;
}
