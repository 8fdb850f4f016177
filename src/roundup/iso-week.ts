import { DateTime, IANAZone } from 'luxon';
import { AppError } from '../errors.js';

export interface IsoWeek {
  /** e.g. "2025-W01" */
  week: string;
  zone: string;
  /** Monday 00:00 in the zone, inclusive. */
  start: Date;
  /** The next Monday 00:00 in the zone, exclusive. */
  end: Date;
}

const weekPattern = /^(\d{4})-?W(\d{2})$/i;

/** Parses "2025-W01" into the instant range of that ISO week in a zone. */
export function parseIsoWeek(text: string, zone: string): IsoWeek {
  if (!IANAZone.isValidZone(zone)) throw new AppError('bad_request', `zone: "${zone}" is not an IANA time zone`);
  const match = weekPattern.exec(text.trim());
  if (!match) throw new AppError('bad_request', `week: "${text}" is not an ISO week like 2025-W01`);
  const weekYear = Number(match[1]);
  const weekNumber = Number(match[2]);
  const start = DateTime.fromObject({ weekYear, weekNumber, weekday: 1 }, { zone });
  if (!start.isValid || start.weekNumber !== weekNumber || start.weekYear !== weekYear) {
    throw new AppError('bad_request', `week: ${weekYear} has no ISO week ${weekNumber}`);
  }
  return { week: formatWeek(start), zone, start: start.toJSDate(), end: start.plus({ weeks: 1 }).toJSDate() };
}

/** The ISO week an instant falls in, in a zone. */
export function isoWeekOf(instant: Date, zone: string): IsoWeek {
  const local = DateTime.fromJSDate(instant, { zone });
  return parseIsoWeek(formatWeek(local), zone);
}

/** The week before or after. */
export function shiftWeek(week: IsoWeek, weeks: number): IsoWeek {
  const start = DateTime.fromJSDate(week.start, { zone: week.zone }).plus({ weeks });
  return parseIsoWeek(formatWeek(start), week.zone);
}

function formatWeek(dt: DateTime): string {
  return `${dt.weekYear}-W${String(dt.weekNumber).padStart(2, '0')}`;
}
