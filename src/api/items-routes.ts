import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { getItem, listItems } from '../store/items-query.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { AppDeps } from './deps.js';
import { dateParam, listParam, parseQuery, single } from './query-params.js';

const itemsQuery = z.strictObject({
  company: listParam.optional(),
  topic: listParam.optional(),
  source: listParam.optional(),
  lang: single(z.enum(['en', 'zh'])).optional(),
  from: single(dateParam).optional(),
  to: single(dateParam).optional(),
  relevant: single(z.enum(['true', 'false']).transform((v) => v === 'true')).optional(),
  story: single(z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)).optional(),
  limit: single(z.coerce.number().int().min(1).max(200)).default(50),
  cursor: single(z.string().max(200)).optional(),
});

/** GET /api/items and /api/items/:id. */
export function itemsRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const q = parseQuery(itemsQuery, c.req.queries() as Record<string, string[]>);
    const page = await listItems(
      deps.db,
      { companies: q.company, topics: q.topic, sources: q.source, lang: q.lang, from: q.from, to: q.to, relevant: q.relevant, storyId: q.story },
      { limit: q.limit, cursor: q.cursor ? decodeCursor(q.cursor) : undefined },
    );
    return c.json({ items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null });
  });
  app.get('/:id', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('bad_request', 'id: must be a positive integer');
    const item = await getItem(deps.db, id);
    if (!item) throw new AppError('not_found', `item ${id} does not exist`);
    return c.json(item);
  });
  return app;
}
