import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { bearerMatches } from './auth.js';

/**
 * When READ_TOKEN is set, reads need `Authorization: Bearer <READ_TOKEN>` (the editor token also
 * reads). Writes are checked by requireEditor in their handlers. OPTIONS preflights pass.
 */
export function requireReader(readToken: string | undefined, editorToken: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!readToken || c.req.method === 'OPTIONS' || c.req.method !== 'GET') return next();
    if (bearerMatches(c, readToken) || (editorToken !== undefined && bearerMatches(c, editorToken))) return next();
    return c.json({ error: { code: 'unauthorized', message: 'auth: this server needs a read token: send Authorization: Bearer <READ_TOKEN>' } }, 401, {
      'WWW-Authenticate': 'Bearer',
    });
  };
}

/** CORS for the listed origins ("*" for any); no CORS headers when the list is empty. */
export function corsFor(origins: readonly string[]): MiddlewareHandler {
  if (!origins.length) return async (_c, next) => next();
  return cors({
    origin: origins.includes('*') ? '*' : [...origins],
    allowMethods: ['GET', 'POST', 'PATCH', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type'],
    exposeHeaders: ['Retry-After', 'Content-Disposition'],
    maxAge: 600,
  });
}
