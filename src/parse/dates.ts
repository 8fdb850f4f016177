import { DateTime, type Zone } from 'luxon';
import { zoneFromText } from './date-zones.js';

/**
 * Parses a feed date into ISO 8601 with offset. Offset-less times are read in `zone` (the source's
 * zone from feeds.json), never in the machine's zone. Anything not recognised, or out of range,
 * is undefined: a missing date is better than a wrong one.
 */
export function parseFeedDate(raw: string | undefined | null, zone = 'UTC'): string | undefined {
  if (!raw) return undefined;
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const parsed = tryIso(text, zone) ?? tryRfc822(text, zone) ?? tryAsctime(text, zone) ?? tryNumeric(text, zone);
  if (!parsed?.isValid) return undefined;
  const year = parsed.toUTC().year;
  if (year < 1 || year > 9999) return undefined;
  return parsed.toISO({ suppressMilliseconds: true }) ?? undefined;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour?: string;
  minute?: string;
  second?: string;
}

/** Builds the time in the written zone, or in the source's zone when none was written; undefined if the zone is unreadable. */
function build(parts: Parts, zoneText: string | undefined, fallbackZone: string): DateTime | undefined {
  let zone: Zone | string = fallbackZone;
  if (zoneText) {
    const written = zoneFromText(zoneText);
    if (!written) return undefined;
    zone = written;
  }
  const dt = DateTime.fromObject(
    { year: parts.year, month: parts.month, day: parts.day, hour: Number(parts.hour ?? 0), minute: Number(parts.minute ?? 0), second: Number(parts.second ?? 0) },
    { zone },
  );
  return dt.isValid ? dt : undefined;
}

const zonePattern = '(Z|[A-Za-z]{1,5}(?:/[A-Za-z]{3})?(?:[+-]\\d{1,2}(?::?\\d{2})?)?|[+-]\\d{1,2}(?::?\\d{2})?)';
const timePattern = '(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?';

// W3C-DTF / ISO 8601 and its space-separated cousin: "2024-05-21T09:00:00Z", "2026-07-15 11:05:44 +0800" (36Kr), "2003-12", "2003".
const isoRe = new RegExp(`^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?(?:[T ]${timePattern}(?:[.,]\\d+)?)? ?${zonePattern}?$`);

function tryIso(text: string, zone: string): DateTime | undefined {
  const m = text.match(isoRe);
  if (!m) return undefined;
  const [, year, month, day, hour, minute, second, zoneText] = m;
  if (zoneText && hour === undefined) return undefined;
  return build({ year: Number(year), month: Number(month ?? 1), day: Number(day ?? 1), hour, minute, second }, zoneText, zone);
}

// RFC 822/1123 and what feeds make of it: "Mon, 29 Jul 2019 13:55 GMT", "Fri,24 Nov 2023 18:28:36 -0000",
// "Mon, 13 Feb, 2012 06:28:00 UTC", "Mon, 26 January 2004 16:31:00 ET", "Thu, 01 Jan 04 19:48:21 GMT", "Thu, 01 Jan 2004".
const rfc822Re = new RegExp(`^(?:[A-Za-z]{2,9}\\.?,? ?)?(\\d{1,2})[ ,-]+([A-Za-z]{3,9})\\.?[ ,-]+(\\d{2}|\\d{4})(?:,? ${timePattern})?(?: ?${zonePattern})?$`);

function tryRfc822(text: string, zone: string): DateTime | undefined {
  const m = text.match(rfc822Re);
  if (!m) return undefined;
  const [, day, monthName, yearText, hour, minute, second, zoneText] = m;
  const month = monthIndex(monthName!);
  if (!month) return undefined;
  return build({ year: fullYear(yearText!), month, day: Number(day), hour, minute, second }, zoneText, zone);
}

// asctime and JavaScript's Date.toString(): "Sun Jan  4 16:29:06 2004", "Sun Jul 15 01:16:00 +0000 2012", "Thu Aug 30 2012 17:26:16 +0200".
const asctimeRe = new RegExp(`^[A-Za-z]{3},? ([A-Za-z]{3,9}) (\\d{1,2})(?: (\\d{4}))? ${timePattern}(?: ${zonePattern})?(?: (\\d{4}))?(?: \\(.*\\))?$`);

function tryAsctime(text: string, zone: string): DateTime | undefined {
  const m = text.match(asctimeRe);
  if (!m) return undefined;
  const [, monthName, day, yearBefore, hour, minute, second, zoneText, yearAfter] = m;
  const month = monthIndex(monthName!);
  const year = yearBefore ?? yearAfter;
  if (!month || !year || (yearBefore && yearAfter)) return undefined;
  return build({ year: Number(year), month, day: Number(day), hour, minute, second }, zoneText, zone);
}

// Chinese and slash forms: "2026年7月15日", "2026年07月15日 11:05", "2026/7/15 11:05:44", "Fri, 2006/09/15 08:19:53 EDT".
const numericRe = new RegExp(
  `^(?:[A-Za-z]{2,9},? ?)?(\\d{4})[年/.-](\\d{1,2})[月/.-](\\d{1,2})日?(?: ?(\\d{1,2})[:：时](\\d{1,2})(?:[:：分](\\d{1,2})秒?)?)?(?: ?${zonePattern})?$`,
);

function tryNumeric(text: string, zone: string): DateTime | undefined {
  const m = text.match(numericRe);
  if (!m) return undefined;
  const [, year, month, day, hour, minute, second, zoneText] = m;
  if (zoneText && hour === undefined) return undefined;
  return build({ year: Number(year), month: Number(month), day: Number(day), hour, minute, second }, zoneText, zone);
}

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthIndex(name: string): number | undefined {
  const lower = name.toLowerCase();
  const index = months.indexOf(lower.slice(0, 3));
  // Full names must be real month names ("January"), not any word that starts like one.
  if (index < 0 || (lower.length > 3 && !fullMonths[index]!.startsWith(lower.replace(/\.$/, '')))) return undefined;
  return index + 1;
}

const fullMonths = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
