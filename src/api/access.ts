import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { basicPasswordMatches, bearerMatches } from './auth.js';

/**
 * When READ_TOKEN is set, reads need `Authorization: Bearer <READ_TOKEN>` (the editor token also
 * reads). Writes are checked by requireEditor in their handlers. OPTIONS preflights pass.
 * `for: 'page'` (the HTML pages) also takes the token as the password of HTTP Basic credentials and
 * challenges with Basic, so a browser asks for it once instead of showing a bare 401.
 */
export function requireReader(readToken: string | undefined, editorToken: string | undefined, options: { for: 'api' | 'page' } = { for: 'api' }): MiddlewareHandler {
  const tokens = [readToken, editorToken].filter((token): token is string => token !== undefined);
  const accepts = options.for === 'page' ? [bearerMatches, basicPasswordMatches] : [bearerMatches];
  const challenge = options.for === 'page' ? 'Basic realm="china-ai-news", charset="UTF-8"' : 'Bearer';
  const how = options.for === 'page' ? 'give it as the password when the browser asks, or send' : 'send';
  return async (c, next) => {
    if (!readToken || c.req.method === 'OPTIONS' || c.req.method !== 'GET') return next();
    if (tokens.some((token) => accepts.some((matches) => matches(c, token)))) return next();
    return c.json({ error: { code: 'unauthorized', message: `auth: this server needs a read token: ${how} Authorization: Bearer <READ_TOKEN>` } }, 401, {
      'WWW-Authenticate': challenge,
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
