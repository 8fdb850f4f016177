import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../../src/parse/dates.js';
import { fixture } from '../../helpers/fixtures.js';

interface Vector {
  parser: string;
  input: string;
  expected_utc: string | null;
  note: string | null;
}

const vectors = (JSON.parse(fixture('dates/feedparser-date-vectors.json').toString('utf8')) as { vectors: Vector[] }).vectors;

/**
 * Languages and two-digit ISO forms feedparser reads and we deliberately do not (no feed we carry
 * uses them): for these we require only that we never return a WRONG date.
 */
const outOfScope = (v: Vector) =>
  ['parse_date_greek', 'parse_date_hungarian', 'parse_date_nate', 'parse_date_onblog'].includes(v.parser) ||
  (v.parser === 'parse_date_iso8601' && !/^\d{4}-\d{2}-\d{2}T/.test(v.input));

const utcOf = (iso: string | undefined) => (iso ? DateTime.fromISO(iso, { setZone: true }).toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'") : null);

describe('parseFeedDate on feedparser date vectors (BSD-2-Clause)', () => {
  it('has the vectors', () => expect(vectors.length).toBeGreaterThan(70));

  it.each(vectors.filter((v) => !outOfScope(v)))('$parser "$input" → $expected_utc', (v) => {
    expect(utcOf(parseFeedDate(v.input, 'UTC'))).toBe(v.expected_utc);
  });

  it.each(vectors.filter(outOfScope))('$parser "$input" is either right or undefined', (v) => {
    const got = utcOf(parseFeedDate(v.input, 'UTC'));
    if (got !== null) expect(got).toBe(v.expected_utc);
  });
});

describe('parseFeedDate on Chinese publishers', () => {
  it.each([
    // 36Kr's feed: ISO-like with two spaces before the offset.
    ['2026-07-15 11:05:44  +0800', 'Asia/Shanghai', '2026-07-15T11:05:44+08:00'],
    // Offset-less times are read in the source's zone, not the machine's.
    ['2026-07-15 11:05:44', 'Asia/Shanghai', '2026-07-15T11:05:44+08:00'],
    ['2026年7月15日', 'Asia/Shanghai', '2026-07-15T00:00:00+08:00'],
    ['2026年07月15日 11:05', 'Asia/Shanghai', '2026-07-15T11:05:00+08:00'],
    ['2026年7月15日 11时05分30秒', 'Asia/Shanghai', '2026-07-15T11:05:30+08:00'],
    ['2026/7/15 11:05:44', 'Asia/Hong_Kong', '2026-07-15T11:05:44+08:00'],
    ['Mon, 29 Jul 2019 13:55 GMT', 'Asia/Shanghai', '2019-07-29T13:55:00Z'],
    ['Tue, 01 Oct 2019 21:37:48 +0800', 'UTC', '2019-10-01T21:37:48+08:00'],
    ['Tue, 01 Oct 2019 21:37:48', 'Asia/Shanghai', '2019-10-01T21:37:48+08:00'],
  ])('%s in %s → %s', (input, zone, expected) => {
    expect(parseFeedDate(input, zone)).toBe(expected);
  });

  it.each(['', 'yesterday', '2026年13月1日', '2026-02-30', '32 Jan 2024 10:00 GMT'])('rejects "%s"', (input) => {
    expect(parseFeedDate(input, 'Asia/Shanghai')).toBeUndefined();
  });
});
