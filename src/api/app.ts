import { Hono } from 'hono';
import { AppError } from '../errors.js';
import { lastFinishedRun } from '../store/runs-store.js';
import { companiesRoutes } from './companies-routes.js';
import type { AppDeps } from './deps.js';
import { errorResponse } from './errors.js';
import { itemsRoutes } from './items-routes.js';
import { roundupsRoutes } from './roundups-routes.js';
import { sourcesRoutes } from './sources-routes.js';
import { storiesRoutes } from './stories-routes.js';

/** The HTTP API: one sub-app per resource, one error handler. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.onError((error, c) => errorResponse(error, c, deps.log));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` } }, 404));

  app.get('/health', async (c) => {
    try {
      const run = await lastFinishedRun(deps.db);
      return c.json({ status: 'ok', db: deps.dbKind, lastRun: run ? { id: run.id, status: run.status, finishedAt: run.finishedAt } : null });
    } catch {
      return c.json({ status: 'degraded', db: deps.dbKind, lastRun: null }, 503);
    }
  });

  app.route('/api/items', itemsRoutes(deps));
  app.route('/api/stories', storiesRoutes(deps));
  app.route('/api/companies', companiesRoutes(deps));
  app.route('/api/roundups', roundupsRoutes(deps));
  app.route('/api', sourcesRoutes(deps));
  return app;
}

/** Throws 401 unless the request carries the editor token (compared in constant time). */
export { requireEditor } from './auth.js';
export { AppError };
