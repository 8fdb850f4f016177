import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../../../src/fetch/address-guard.js';
import { isRetryableStatus, parseRetryAfter, retryDelayMs } from '../../../src/fetch/fetch-policy.js';
import { redirectTarget } from '../../../src/fetch/http-client.js';

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['::', true],
    ['fe80::1', true],
    ['fd00::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:10.0.0.1', true],
    ['8.8.8.8', false],
    ['172.32.0.1', false],
    ['203.0.113.9', false],
    ['2606:4700:4700::1111', false],
    ['::ffff:8.8.8.8', false],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe('retry policy', () => {
  it('retries 408, 429 and 5xx gateway/server errors, not client errors', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410, 501].some(isRetryableStatus)).toBe(false);
  });

  it('draws full-jitter delays within base × 2^n', () => {
    expect(retryDelayMs(0, { retryBaseMs: 1000 }, () => 0.999)).toBe(999);
    expect(retryDelayMs(2, { retryBaseMs: 1000 }, () => 0.5)).toBe(2000);
    expect(retryDelayMs(3, { retryBaseMs: 1000 }, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or an HTTP date, and ignores junk', () => {
    const now = new Date('2026-07-15T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 15 Jul 2026 10:05:00 GMT', now)).toBe(300_000);
    expect(parseRetryAfter('Wed, 15 Jul 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('redirectTarget', () => {
  const from = (url: string, location: string) => redirectTarget(new URL(url), location);

  it('resolves relative and absolute Locations, and allows http → https', () => {
    expect(from('https://36kr.com/feed', '/feed/')).toEqual({ ok: true, value: new URL('https://36kr.com/feed/') });
    expect(from('http://example.com/rss', 'https://example.com/rss')).toEqual({ ok: true, value: new URL('https://example.com/rss') });
    expect(from('https://a.com/x', '//b.com/y')).toEqual({ ok: true, value: new URL('https://b.com/y') });
  });

  it('refuses an https → http downgrade and non-web schemes', () => {
    expect(from('https://36kr.com/feed', 'http://36kr.com/feed')).toMatchObject({ ok: false, error: expect.stringContaining('from https to http') });
    expect(from('https://36kr.com/feed', 'file:///etc/passwd')).toMatchObject({ ok: false, error: expect.stringContaining('file:') });
    expect(from('http://36kr.com/feed', 'ftp://36kr.com/feed')).toMatchObject({ ok: false, error: expect.stringContaining('ftp:') });
  });
});
