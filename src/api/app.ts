import { Hono, type Context } from 'hono';
import { AppError } from '../errors.js';
import { lastFinishedRun } from '../store/runs-store.js';
import { corsFor, requireReader } from './access.js';
import { companiesPage } from './companies-page.js';
import { companiesRoutes } from './companies-routes.js';
import type { AppDeps } from './deps.js';
import { errorResponse } from './errors.js';
import { itemsRoutes } from './items-routes.js';
import { roundupPageRoutes } from './roundup-page-routes.js';
import { openApiDocument } from './openapi.js';
import { rateLimit } from './rate-limit.js';
import { roundupsRoutes } from './roundups-routes.js';
import { sourcesRoutes } from './sources-routes.js';
import { companyWeeklyRoutes, statsRoutes } from './stats-routes.js';

import { storiesRoutes } from './stories-routes.js';

/** Search (q) and export (format=csv|jsonl) cost the database the most: they are the ones rate limited. */
const isExpensive = (c: Context) => c.req.query('q') !== undefined || ['csv', 'jsonl'].includes(c.req.query('format') ?? '');

/** The HTTP API: one sub-app per resource, one error handler. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.onError((error, c) => errorResponse(error, c, deps.log));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` } }, 404));

  app.use('*', corsFor(deps.config.corsOrigins));
  app.use('/api/*', requireReader(deps.config.readToken, deps.config.editorToken));
  const pageReader = requireReader(deps.config.readToken, deps.config.editorToken, { for: 'page' });
  app.use('/companies', pageReader);
  app.use('/roundups/*', pageReader);
  const limiter = rateLimit({ limit: deps.config.rateLimitPerMinute, windowMs: 60_000, applies: isExpensive });
  app.use('/api/items', limiter);
  app.use('/api/stories', limiter);
  app.use('/api/stats/*', limiter);

  app.get('/health', async (c) => {
    try {
      const run = await lastFinishedRun(deps.db);
      return c.json({ status: 'ok', db: deps.dbKind, lastRun: run ? { id: run.id, status: run.status, finishedAt: run.finishedAt } : null });
    } catch {
      return c.json({ status: 'degraded', db: deps.dbKind, lastRun: null }, 503);
    }
  });
  app.get('/openapi.json', (c) => c.json(openApiDocument(new URL(c.req.url).origin)));
  app.get('/companies', (c) => companiesPage(c, deps));

  app.route('/api/items', itemsRoutes(deps));
  app.route('/api/stories', storiesRoutes(deps));
  app.route('/api/companies', companiesRoutes(deps));
  app.route('/api/companies', companyWeeklyRoutes(deps));
  app.route('/api/stats', statsRoutes(deps));
  app.route('/api/roundups', roundupsRoutes(deps));
  app.route('/roundups', roundupPageRoutes(deps));
  app.route('/api', sourcesRoutes(deps));
  return app;
}

/** Throws 401 unless the request carries the editor token (compared in constant time). */
export { requireEditor } from './auth.js';
export { AppError };
