import { Hono } from 'hono';
import { AppError } from '../errors.js';
import { getRun, listRuns } from '../store/runs-store.js';
import { listSources } from '../store/sources-store.js';
import { requireEditor } from './auth.js';
import type { AppDeps } from './deps.js';

/** GET /api/sources, GET /api/runs[/:id], POST /api/fetch. */
export function sourcesRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/sources', async (c) => {
    const rows = await listSources(deps.db);
    return c.json({
      sources: rows.map(({ leaseOwner: _o, leaseUntil: _u, ...row }) => ({ ...row, health: row.enabled ? (row.consecutiveErrors > 0 ? 'failing' : 'ok') : 'disabled' })),
    });
  });
  app.get('/runs', async (c) => c.json({ runs: await listRuns(deps.db) }));
  app.get('/runs/:id', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('bad_request', 'id: must be a positive integer');
    const run = await getRun(deps.db, id);
    if (!run) throw new AppError('not_found', `run ${id} does not exist`);
    return c.json(run);
  });
  app.post('/fetch', async (c) => {
    requireEditor(c, deps.config.editorToken);
    if (!deps.startFetch) throw new AppError('conflict', 'fetch: this server does not run fetches');
    const runId = await deps.startFetch();
    return c.json({ runId }, 202);
  });
  return app;
}
