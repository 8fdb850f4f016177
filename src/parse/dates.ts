import { DateTime } from 'luxon';

const zoneNames: Record<string, string> = { UT: 'UTC', GMT: 'UTC', Z: 'UTC', EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00' };

/**
 * Parses a feed date into ISO 8601 with offset. Offset-less times are read in `zone`
 * (the source's zone from feeds.json), never in the machine's zone.
 */
export function parseFeedDate(raw: string | undefined | null, zone = 'UTC'): string | undefined {
  if (!raw) return undefined;
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const parsed = tryRfc822(text, zone) ?? tryIso(text, zone) ?? tryChinese(text, zone) ?? tryLoose(text, zone);
  if (!parsed?.isValid) return undefined;
  return parsed.toISO({ suppressMilliseconds: true }) ?? undefined;
}

function tryRfc822(text: string, zone: string): DateTime | undefined {
  // "Mon, 29 Jul 2019 13:55 GMT", "29 Jul 2019 13:55:10 +0800", "Tue, 5 Mar 2024 08:00:00 EST"
  const m = text.match(/^(?:[A-Za-z]{3,9},? )?(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{2,4}) (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([+-]\d{2}:?\d{2}|[A-Za-z]{1,5}))?$/);
  if (!m) return undefined;
  const [, day, monthName, yearText, hour, minute, second, zoneText] = m;
  const month = monthIndex(monthName!);
  if (!month) return undefined;
  let year = Number(yearText);
  if (year < 100) year += year < 50 ? 2000 : 1900;
  const offset = zoneText ? offsetZone(zoneText) : zone;
  if (!offset) return undefined;
  const dt = DateTime.fromObject(
    { year, month, day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second ?? 0) },
    { zone: offset },
  );
  return dt.isValid ? dt : undefined;
}

function tryIso(text: string, zone: string): DateTime | undefined {
  // "2026-07-15 11:05:44 +0800" (36Kr), "2024-05-21T09:00:00Z", "2024-05-21"
  const normalised = text.replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2').replace(/ ?([+-]\d{2}):?(\d{2})$/, '$1:$2').replace(/ ?(UTC|GMT)$/i, 'Z');
  const dt = DateTime.fromISO(normalised, { zone, setZone: true });
  return dt.isValid ? dt : undefined;
}

function tryChinese(text: string, zone: string): DateTime | undefined {
  // "2026年7月15日", "2026年07月15日 11:05", "2026/7/15 11:05:44"
  const m = text.match(/^(\d{4})[年/.-](\d{1,2})[月/.-](\d{1,2})日?(?: ?(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2}))?秒?)?$/);
  if (!m) return undefined;
  const [, year, month, day, hour, minute, second] = m;
  const dt = DateTime.fromObject(
    { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour ?? 0), minute: Number(minute ?? 0), second: Number(second ?? 0) },
    { zone },
  );
  return dt.isValid ? dt : undefined;
}

function tryLoose(text: string, zone: string): DateTime | undefined {
  const millis = Date.parse(text);
  if (Number.isNaN(millis)) return undefined;
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT|[ECMP][SD]T)\b)$/i.test(text);
  if (hasZone) return DateTime.fromMillis(millis, { zone: 'UTC' });
  // No zone in the text: read the wall-clock time in the source's zone.
  const local = new Date(millis);
  return DateTime.fromObject(
    { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate(), hour: local.getHours(), minute: local.getMinutes(), second: local.getSeconds() },
    { zone },
  );
}

function monthIndex(name: string): number | undefined {
  const index = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(name.slice(0, 3).toLowerCase());
  return index >= 0 ? index + 1 : undefined;
}

function offsetZone(text: string): string | undefined {
  const numeric = text.match(/^([+-])(\d{2}):?(\d{2})$/);
  if (numeric) return `UTC${numeric[1]}${numeric[2]}:${numeric[3]}`;
  const named = zoneNames[text.toUpperCase()];
  if (!named) return undefined;
  return named === 'UTC' ? 'UTC' : `UTC${named}`;
}
