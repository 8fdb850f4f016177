import { z } from 'zod';
import { AppError } from '../errors.js';

/** Validates a query object with zod; the 400 message names the first bad parameter. */
export function parseQuery<T extends z.ZodType>(schema: T, query: Record<string, string | string[]>): z.infer<T> {
  const result = schema.safeParse(query);
  if (!result.success) {
    const issue = result.error.issues[0];
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

export const dateParam = z.string().transform((value, ctx) => {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: 'custom', message: `"${value.slice(0, 40)}" is not a date like 2025-01-31 or an ISO 8601 time` });
    return z.NEVER;
  }
  return date;
});
