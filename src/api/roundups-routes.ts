import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { curateRoundup, renderDraft, weeklyDraft } from '../pipeline/weekly-draft.js';
import { requireEditor } from './auth.js';
import type { AppDeps } from './deps.js';
import { parseQuery, single } from './query-params.js';

const zoneParam = single(z.string().min(1).max(64)).optional();
const limitParam = single(z.coerce.number().int().min(1).max(50)).optional();

export const roundupQuery = z.strictObject({
  zone: zoneParam,
  format: single(z.enum(['md', 'html', 'json'])).default('json'),
  limit: limitParam,
});

const storyId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const storyIds = z.array(storyId).max(200);

/** The PATCH body: curation operations, applied in the order listed in CurationPatch. */
const patchBody = z.strictObject({
  pin: storyIds.optional(),
  unpin: storyIds.optional(),
  exclude: storyIds.optional(),
  include: storyIds.optional(),
  add: storyIds.optional(),
  remove: storyIds.optional(),
  order: storyIds.optional(),
  summaries: z
    .record(z.string().regex(/^[1-9]\d{0,15}$/, 'keys are story ids'), z.string().max(1000).nullable())
    .refine((value) => Object.keys(value).length <= 200, 'at most 200 summaries at once')
    .optional(),
  limit: z.number().int().min(1).max(50).optional(),
  status: z.literal('final').optional(),
});

/** GET /api/roundups/:week?zone=&format=md|html|json&limit=, PATCH /api/roundups/:week?zone= (editor token). */
export function roundupsRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/:week', async (c) => {
    const q = parseQuery(roundupQuery, c.req.queries() as Record<string, string[]>);
    const draft = await weeklyDraft(deps.db, { week: c.req.param('week'), zone: q.zone ?? deps.config.roundupZone, now: deps.now(), limit: q.limit });
    if (q.format === 'json') return c.json(draft);
    const { body, contentType } = renderDraft(draft, q.format);
    return c.body(body, 200, { 'content-type': contentType });
  });
  app.patch(
    '/:week',
    // The token first: a stranger learns nothing about size limits or body shapes.
    async (c, next) => {
      requireEditor(c, deps.config.editorToken);
      await next();
    },
    bodyLimit({
      maxSize: 64 * 1024,
      onError: () => {
        throw new AppError('payload_too_large', 'body: a roundup PATCH is at most 64 KiB');
      },
    }),
    async (c) => {
      const q = parseQuery(z.strictObject({ zone: zoneParam }), c.req.queries() as Record<string, string[]>);
      const { status, ...patch } = await readPatch(c);
      const draft = await curateRoundup(deps.db, { week: c.req.param('week'), zone: q.zone ?? deps.config.roundupZone, now: deps.now(), patch, status });
      return c.json(draft);
    },
  );
  return app;
}

async function readPatch(c: Context): Promise<z.infer<typeof patchBody>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError('bad_request', 'body: expected a JSON object like {"exclude":[12]}');
  }
  const parsed = patchBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.length ? issue.path.join('.') : 'body';
    throw new AppError('bad_request', `${name}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
