import { describe, expect, it } from 'vitest';
import { isoWeekOf, parseIsoWeek, shiftWeek } from '../../../src/roundup/iso-week.js';

describe('ISO weeks in a zone', () => {
  it.each([
    // 2025-W01 starts on Monday 2024-12-30: the ISO year is not the calendar year.
    ['2025-W01', 'UTC', '2024-12-30T00:00:00.000Z', '2025-01-06T00:00:00.000Z'],
    ['2025-W01', 'Asia/Shanghai', '2024-12-29T16:00:00.000Z', '2025-01-05T16:00:00.000Z'],
    ['2025-W01', 'America/New_York', '2024-12-30T05:00:00.000Z', '2025-01-06T05:00:00.000Z'],
    // 2020 has 53 ISO weeks; its W53 runs into January 2021.
    ['2020-W53', 'UTC', '2020-12-28T00:00:00.000Z', '2021-01-04T00:00:00.000Z'],
    ['2026-W34', 'Asia/Shanghai', '2026-08-16T16:00:00.000Z', '2026-08-23T16:00:00.000Z'],
    // A week containing a DST change is 167 hours long in New York.
    ['2025-W11', 'America/New_York', '2025-03-10T04:00:00.000Z', '2025-03-17T04:00:00.000Z'],
    ['2025-W10', 'America/New_York', '2025-03-03T05:00:00.000Z', '2025-03-10T04:00:00.000Z'],
  ])('%s in %s runs from %s to %s', (text, zone, start, end) => {
    const week = parseIsoWeek(text, zone);
    expect(week.start.toISOString()).toBe(start);
    expect(week.end.toISOString()).toBe(end);
    expect(week.week).toBe(text);
  });

  it.each([
    // 23:30 on Sunday 2024-12-29 in Shanghai is still 2024-W52; half an hour later Shanghai is in 2025-W01 while UTC is not.
    ['2024-12-29T15:30:00Z', 'Asia/Shanghai', '2024-W52'],
    ['2024-12-29T16:00:00Z', 'Asia/Shanghai', '2025-W01'],
    ['2024-12-29T16:00:00Z', 'UTC', '2024-W52'],
    ['2021-01-03T12:00:00Z', 'UTC', '2020-W53'],
    ['2027-01-01T00:00:00Z', 'UTC', '2026-W53'],
  ])('the instant %s falls in %s week %s', (instant, zone, expected) => {
    expect(isoWeekOf(new Date(instant), zone).week).toBe(expected);
  });

  it('steps across year boundaries', () => {
    expect(shiftWeek(parseIsoWeek('2025-W01', 'Asia/Shanghai'), -1).week).toBe('2024-W52');
    expect(shiftWeek(parseIsoWeek('2020-W53', 'UTC'), 1).week).toBe('2021-W01');
    expect(shiftWeek(parseIsoWeek('2026-W52', 'UTC'), 1).week).toBe('2026-W53');
  });

  it.each([
    ['2025-W54', 'UTC', 'week: 2025 has no ISO week 54'],
    ['2025-W00', 'UTC', 'week: 2025 has no ISO week 0'],
    ['2025-13', 'UTC', 'is not an ISO week like 2025-W01'],
    ['2025-W01', 'Mars/Olympus', 'zone: "Mars/Olympus" is not an IANA time zone'],
  ])('refuses %s in %s with a message naming the parameter', (text, zone, message) => {
    expect(() => parseIsoWeek(text, zone)).toThrow(message);
  });
});
