import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { parseIsoWeek } from '../roundup/iso-week.js';
import { listStories } from '../store/stories-list.js';
import { getStory } from '../store/stories-query.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { AppDeps } from './deps.js';
import { filtersOf, itemFilterParams } from './items-routes.js';
import { parseQuery, single } from './query-params.js';

/** The collapsed view: the same filters as /api/items, one row per story that has a matching item. */
export const storiesQuery = z.strictObject({
  ...itemFilterParams,
  week: single(z.string().max(20)).optional().meta({ description: 'ISO week (2025-W07) in `zone`: shorthand for from=to=that week' }),
  sort: single(z.enum(['newest', 'relevance'])).default('newest').meta({ description: 'newest: by last activity; relevance (needs q): by the best-ranked matching item among the newest 1,000 matches' }),
  limit: single(z.coerce.number().int().min(1).max(200)).default(50),
  cursor: single(z.string().max(200)).optional().meta({ description: 'nextCursor from the previous page, with the same query' }),
});

/** GET /api/stories and /api/stories/:id. */
export function storiesRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const q = parseQuery(storiesQuery, c.req.queries() as Record<string, string[]>);
    if (q.week && (q.from || q.to)) throw new AppError('bad_request', 'week: give either week or from/to, not both');
    if (q.sort === 'relevance' && !q.q) throw new AppError('bad_request', 'sort: relevance needs a q to rank by');
    const filters = filtersOf(q, deps.config.roundupZone);
    const week = q.week ? parseIsoWeek(q.week, q.zone ?? deps.config.roundupZone) : undefined;
    const cursor = q.cursor ? decodeCursor(q.cursor, q.sort, 'stories') : undefined;
    const page = await listStories(deps.db, { ...filters, ...(week ? { from: week.start, to: week.end } : {}) }, { limit: q.limit, sort: q.sort, cursor });
    return c.json({ stories: page.stories, nextCursor: page.next ? encodeCursor(page.next, 'stories') : null });
  });
  app.get('/:id', async (c) => {
    const id = Number(c.req.param('id'));
    if (!/^\d+$/.test(c.req.param('id')) || !Number.isSafeInteger(id) || id <= 0) throw new AppError('bad_request', 'id: must be a positive integer');
    const story = await getStory(deps.db, id);
    if (!story) throw new AppError('not_found', `story ${id} does not exist`);
    return c.json(story);
  });
  return app;
}
