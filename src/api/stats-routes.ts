import { Hono } from 'hono';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { weeklyCounts, type WeekCount } from '../store/weekly-stats.js';
import { catalogue } from '../tag/catalogue.js';
import type { AppDeps } from './deps.js';
import { filtersOf, itemFilterParams } from './items-routes.js';
import { parseQuery, single, timeParam, zoneParam } from './query-params.js';

const maxWeeks = 530;
const defaultWeeks = 26;

export const weeklyQuery = z.strictObject(itemFilterParams);
export const companyWeeklyQuery = z.strictObject({
  from: single(timeParam).optional(),
  to: single(timeParam).optional(),
  relevant: itemFilterParams.relevant,
  zone: single(zoneParam).optional(),
});

/** Every ISO week label from `from` to `to` (exclusive) in a zone, so charts get explicit zeros. */
export function weekLabels(from: Date, to: Date, zone: string): string[] {
  const labels: string[] = [];
  for (let week = DateTime.fromJSDate(from, { zone }).startOf('week'); week.toJSDate() < to; week = week.plus({ weeks: 1 })) {
    labels.push(`${week.weekYear}-W${String(week.weekNumber).padStart(2, '0')}`);
  }
  return labels;
}

/** Counts per week over the requested range (default: the last 26 weeks up to this one). */
async function weeklySeries(deps: AppDeps, query: z.output<typeof weeklyQuery>) {
  const zone = query.zone ?? deps.config.roundupZone;
  const filters = filtersOf(query, deps.config.roundupZone);
  const thisWeek = DateTime.fromJSDate(deps.now(), { zone }).startOf('week');
  const to = filters.to ?? thisWeek.plus({ weeks: 1 }).toJSDate();
  const from = filters.from ?? DateTime.fromJSDate(to, { zone }).minus({ weeks: defaultWeeks }).toJSDate();
  if (from >= to) throw new AppError('bad_request', 'from: must be before to');
  if (to.getTime() - from.getTime() > maxWeeks * 7 * 86_400_000) throw new AppError('bad_request', `from: the range may span at most ${maxWeeks} weeks`);
  const counts = new Map<string, WeekCount>((await weeklyCounts(deps.db, { ...filters, from, to }, zone)).map((row) => [row.week, row]));
  const weeks = weekLabels(from, to, zone).map((week) => counts.get(week) ?? { week, items: 0, stories: 0 });
  return { zone, from: from.toISOString(), to: to.toISOString(), weeks };
}

/** GET /api/stats/weekly: items and stories per ISO week for any filter. */
export function statsRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/weekly', async (c) => c.json(await weeklySeries(deps, parseQuery(weeklyQuery, c.req.queries() as Record<string, string[]>))));
  return app;
}

/** GET /api/companies/:slug/weekly: one company's items and stories per ISO week. */
export function companyWeeklyRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/:slug/weekly', async (c) => {
    const slug = c.req.param('slug');
    if (!catalogue.some((entry) => entry.slug === slug)) throw new AppError('not_found', `company "${slug.slice(0, 64)}" is not in the catalogue (GET /api/companies lists them)`);
    const query = parseQuery(companyWeeklyQuery, c.req.queries() as Record<string, string[]>);
    return c.json({ company: slug, ...(await weeklySeries(deps, { ...query, company: [slug] })) });
  });
  return app;
}
