import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { getItem } from '../store/items-query.js';
import { listItems, streamItems } from '../store/items-list.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { AppDeps } from './deps.js';
import { exportResponse } from './export-stream.js';
import { booleanParam, listParam, parseQuery, relevanceParam, resolveBound, single, timeParam, zoneParam } from './query-params.js';

/** Filters shared by the item list, the export and the weekly counts. */
export const itemFilterParams = {
  company: listParam.optional().meta({ description: 'company slugs, comma-separated or repeated; any of them matches' }),
  topic: listParam.optional().meta({ description: 'topics, comma-separated or repeated; any of them matches' }),
  source: listParam.optional().meta({ description: 'source slugs' }),
  lang: single(z.enum(['en', 'zh'])).optional(),
  from: single(timeParam).optional(),
  to: single(timeParam).optional().meta({ description: 'inclusive for a week or date, exclusive for a time' }),
  relevant: single(relevanceParam)
    .prefault('true')
    .meta({ description: 'true (default): only items tagged relevant to the Chinese AI industry; false: only the items tagged not relevant; all: every item' }),
  story: single(z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)).optional().meta({ description: 'items of one story' }),
  q: single(z.string().trim().min(1).max(300).refine((v) => !v.includes('\u0000'), 'must not contain NUL characters (PostgreSQL text cannot hold them)'))
    .optional()
    .meta({ description: 'full-text search: English with stemming and websearch syntax ("price cut" alibaba, -rumour, OR); Chinese by character bigrams (文心)' }),
  zone: single(zoneParam).optional().meta({ description: 'IANA zone that weeks and dates are read in; default ROUNDUP_ZONE' }),
};

export const itemsQuery = z.strictObject({
  ...itemFilterParams,
  sort: single(z.enum(['newest', 'relevance'])).default('newest').meta({ description: 'relevance needs q; it ranks the newest 1,000 matches (narrow with filters for older ones)' }),
  limit: single(z.coerce.number().int().min(1).max(200)).default(50),
  cursor: single(z.string().max(200)).optional().meta({ description: 'nextCursor from the previous page, with the same query' }),
  format: single(z.enum(['json', 'csv', 'jsonl'])).default('json').meta({ description: 'csv or jsonl streams every matching item (limit and cursor are ignored)' }),
  bom: single(booleanParam).default(false).meta({ description: 'csv only: start with a UTF-8 byte order mark so spreadsheet programs read UTF-8' }),
});

type FilterQuery = { [K in keyof typeof itemFilterParams]?: z.output<(typeof itemFilterParams)[K]> };

/** Query parameters → store filters, resolving weeks and dates in the request's zone. */
export function filtersOf(q: FilterQuery, defaultZone: string) {
  const zone = q.zone ?? defaultZone;
  return {
    companies: q.company,
    topics: q.topic,
    sources: q.source,
    lang: q.lang,
    from: q.from ? resolveBound(q.from, zone, 'from') : undefined,
    to: q.to ? resolveBound(q.to, zone, 'to') : undefined,
    // Absent (callers that build the query themselves) means every item, like relevant=all.
    relevant: q.relevant === 'all' ? undefined : q.relevant,
    storyId: q.story,
    q: q.q,
  };
}

/** GET /api/items (list, search, export) and /api/items/:id. */
export function itemsRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const q = parseQuery(itemsQuery, c.req.queries() as Record<string, string[]>);
    if (q.sort === 'relevance' && !q.q) throw new AppError('bad_request', 'sort: relevance needs a q to rank by');
    const filters = filtersOf(q, deps.config.roundupZone);
    if (q.format !== 'json') {
      return exportResponse(streamItems(deps.db, filters), { format: q.format, bom: q.format === 'csv' && q.bom, log: deps.log });
    }
    const cursor = q.cursor ? decodeCursor(q.cursor, q.sort) : undefined;
    const page = await listItems(deps.db, filters, { limit: q.limit, sort: q.sort, cursor });
    return c.json({ items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null });
  });
  app.get('/:id', async (c) => {
    const id = Number(c.req.param('id'));
    if (!/^\d+$/.test(c.req.param('id')) || !Number.isSafeInteger(id) || id <= 0) throw new AppError('bad_request', 'id: must be a positive integer');
    const item = await getItem(deps.db, id);
    if (!item) throw new AppError('not_found', `item ${id} does not exist`);
    return c.json(item);
  });
  return app;
}
