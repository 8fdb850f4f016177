import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { AppError } from '../errors.js';

/** Validates a query object with zod; the 400 message names the first bad parameter. */
export function parseQuery<T extends z.ZodType>(schema: T, query: Record<string, string | string[]>): z.infer<T> {
  const result = schema.safeParse(query);
  if (!result.success) {
    const issue = result.error.issues[0];
    // A strict schema reports unknown keys at the root: name the first of them, not "query".
    if (issue?.code === 'unrecognized_keys') {
      const known = schema instanceof z.ZodObject ? Object.keys(schema.shape).join(', ') : '';
      throw new AppError('bad_request', `${issue.keys[0]!.slice(0, 40)}: not a parameter here${known ? ` (known: ${known})` : ''}`);
    }
    const name = issue?.path[0] !== undefined ? String(issue.path[0]) : 'query';
    throw new AppError('bad_request', `${name}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/** Query values that may repeat (?company=a&company=b) or be comma-separated (?company=a,b). */
export const listParam = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use slugs like "alibaba"').max(64)).max(50));

/** A single value; when repeated, the last one wins. */
export const single = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (Array.isArray(value) ? value[value.length - 1] : value), schema);

/** A time bound as typed: an ISO week (2025-W07), a day (2025-02-14) or an instant with offset. */
export type TimeBound = { kind: 'week' | 'day' | 'instant'; text: string };

const weekText = /^\d{4}-W\d{2}$/;
const dayText = /^\d{4}-\d{2}-\d{2}$/;
const instantText = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** from/to: a week or day (read in the request's zone) or an ISO 8601 instant with an offset. */
export const timeParam = z
  .string()
  .max(40)
  .transform((value, ctx): TimeBound => {
    const kind = weekText.test(value) ? 'week' : dayText.test(value) ? 'day' : instantText.test(value) ? 'instant' : undefined;
    const probe = kind === 'week' ? DateTime.fromISO(value, { zone: 'utc' }) : DateTime.fromISO(value, { setZone: true });
    if (!kind || !probe.isValid || probe.year < 1970 || probe.year > 2200) {
      ctx.addIssue({ code: 'custom', message: `"${value.slice(0, 40)}" is not a week like 2025-W07, a date like 2025-02-14 or a time like 2025-02-14T08:00:00Z` });
      return z.NEVER;
    }
    return { kind, text: value };
  })
  .meta({ description: 'ISO week (2025-W07), date (2025-02-14, in `zone`) or ISO 8601 time with offset' });

/** An IANA time zone name. */
export const zoneParam = z
  .string()
  .max(64)
  .refine((value) => IANAZone.isValidZone(value), { message: 'not an IANA time zone like Asia/Shanghai' });

/**
 * The instant a bound stands for. `from` is the start of the week/day; `to` is inclusive for
 * weeks and days (the end of that week/day) and exclusive for instants.
 */
export function resolveBound(bound: TimeBound, zone: string, edge: 'from' | 'to'): Date {
  const start = bound.kind === 'instant' ? DateTime.fromISO(bound.text, { setZone: true }) : DateTime.fromISO(bound.text, { zone }).startOf(bound.kind);
  if (edge === 'from' || bound.kind === 'instant') return start.toJSDate();
  return start.plus(bound.kind === 'week' ? { weeks: 1 } : { days: 1 }).toJSDate();
}

/** true/false/1/0 as a boolean. */
export const booleanParam = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * relevant=: the item lists, exports and counts default to news about the Chinese AI industry
 * (true); false gives only the items tagged not relevant, all gives every item.
 */
export const relevanceParam = z
  .enum(['true', 'false', '1', '0', 'all'])
  .transform((v): boolean | 'all' => (v === 'all' ? 'all' : v === 'true' || v === '1'));
