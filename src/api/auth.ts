import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { AppError } from '../errors.js';

/** Constant-time comparison; hashing first makes the lengths equal, so length is not leaked either. */
function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** True when the request carries `Authorization: Bearer <token>`. */
export function bearerMatches(c: Context, expected: string): boolean {
  const header = c.req.header('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  return token !== '' && sameToken(token, expected);
}

/**
 * True when the request carries HTTP Basic credentials whose password is the token (any user name).
 * A browser cannot add a bearer header to a page it navigates to, but it asks for Basic credentials
 * itself and remembers them, so the HTML pages accept this form too.
 */
export function basicPasswordMatches(c: Context, expected: string): boolean {
  const header = c.req.header('authorization') ?? '';
  if (!header.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 && sameToken(decoded.slice(colon + 1), expected);
}

/** Write endpoints need `Authorization: Bearer $EDITOR_TOKEN`; with no token configured they are closed. */
export function requireEditor(c: Context, editorToken: string | undefined): void {
  if (!editorToken) throw new AppError('unauthorized', 'auth: writes are disabled; set EDITOR_TOKEN on the server to enable them');
  if (!bearerMatches(c, editorToken)) throw new AppError('unauthorized', 'auth: missing or wrong bearer token');
}
