import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { AppError } from '../errors.js';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Write endpoints need `Authorization: Bearer $EDITOR_TOKEN`; with no token configured they are closed. */
export function requireEditor(c: Context, editorToken: string | undefined): void {
  if (!editorToken) throw new AppError('unauthorized', 'auth: writes are disabled; set EDITOR_TOKEN on the server to enable them');
  const header = c.req.header('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  if (!token || !sameToken(token, editorToken)) throw new AppError('unauthorized', 'auth: missing or wrong bearer token');
}
