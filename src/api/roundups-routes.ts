import { Hono } from 'hono';
import { z } from 'zod';
import { renderDraft, weeklyDraft } from '../pipeline/weekly-draft.js';
import type { AppDeps } from './deps.js';
import { parseQuery, single } from './query-params.js';

const roundupQuery = z.strictObject({
  zone: single(z.string().min(1).max(64)).optional(),
  format: single(z.enum(['md', 'html', 'json'])).default('json'),
  limit: single(z.coerce.number().int().min(1).max(50)).default(8),
});

/** GET /api/roundups/:week?zone=&format=md|html|json */
export function roundupsRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/:week', async (c) => {
    const q = parseQuery(roundupQuery, c.req.queries() as Record<string, string[]>);
    const draft = await weeklyDraft(deps.db, { week: c.req.param('week'), zone: q.zone ?? deps.config.roundupZone, now: deps.now(), limit: q.limit });
    if (q.format === 'json') return c.json(draft);
    const { body, contentType } = renderDraft(draft, q.format);
    return c.body(body, 200, { 'content-type': contentType });
  });
  return app;
}
