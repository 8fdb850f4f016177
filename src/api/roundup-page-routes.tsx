import { Hono } from 'hono';
import { z } from 'zod';
import { weeklyDraft } from '../pipeline/weekly-draft.js';
import { parseIsoWeek, shiftWeek } from '../roundup/iso-week.js';
import { renderMarkdown } from '../roundup/render-markdown.js';
import type { AppDeps } from './deps.js';
import { parseQuery, single } from './query-params.js';
import { RoundupPage } from './roundup-page.js';

const pageQuery = z.strictObject({
  zone: single(z.string().min(1).max(64)).optional(),
  limit: single(z.coerce.number().int().min(1).max(50)).optional(),
});

/** GET /roundups/:week?zone=: the editor's page. */
export function roundupPageRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/:week', async (c) => {
    const q = parseQuery(pageQuery, c.req.queries() as Record<string, string[]>);
    const week = parseIsoWeek(c.req.param('week'), q.zone ?? deps.config.roundupZone);
    const draft = await weeklyDraft(deps.db, { week: week.week, zone: week.zone, now: deps.now(), limit: q.limit });
    const page = (
      <RoundupPage draft={draft} markdown={renderMarkdown(draft)} previousWeek={shiftWeek(week, -1).week} nextWeek={shiftWeek(week, 1).week} />
    );
    return c.html(`<!doctype html>${page.toString()}`);
  });
  return app;
}
