import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { parseIsoWeek } from '../roundup/iso-week.js';
import { getStory, listStories } from '../store/stories-query.js';
import { decodeStoryCursor, encodeStoryCursor } from './cursor.js';
import type { AppDeps } from './deps.js';
import { listParam, parseQuery, resolveBound, single, timeParam, zoneParam } from './query-params.js';

const storiesQuery = z.strictObject({
  week: single(z.string().max(20)).optional(),
  zone: single(zoneParam).optional(),
  company: listParam.optional(),
  from: single(timeParam).optional(),
  to: single(timeParam).optional(),
  limit: single(z.coerce.number().int().min(1).max(200)).default(50),
  cursor: single(z.string().max(200)).optional(),
});

/** GET /api/stories and /api/stories/:id. */
export function storiesRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const q = parseQuery(storiesQuery, c.req.queries() as Record<string, string[]>);
    if (q.week && (q.from || q.to)) throw new AppError('bad_request', 'week: give either week or from/to, not both');
    const zone = q.zone ?? deps.config.roundupZone;
    const week = q.week ? parseIsoWeek(q.week, zone) : undefined;
    const from = week?.start ?? (q.from ? resolveBound(q.from, zone, 'from') : undefined);
    const to = week?.end ?? (q.to ? resolveBound(q.to, zone, 'to') : undefined);
    const page = await listStories(deps.db, { companies: q.company, from, to }, { limit: q.limit, cursor: q.cursor ? decodeStoryCursor(q.cursor) : undefined });
    return c.json({ stories: page.stories, nextCursor: page.next ? encodeStoryCursor(page.next) : null });
  });
  app.get('/:id', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('bad_request', 'id: must be a positive integer');
    const story = await getStory(deps.db, id);
    if (!story) throw new AppError('not_found', `story ${id} does not exist`);
    return c.json(story);
  });
  return app;
}
