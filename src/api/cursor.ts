import { AppError } from '../errors.js';
import type { ItemCursor } from '../store/items-list.js';

/** What a cursor pages through: story cursors carry an "s" so one is never taken for the other. */
export type CursorScope = 'items' | 'stories';
const prefixOf = (scope: CursorScope) => (scope === 'stories' ? 's' : '');

/**
 * Opaque keyset cursor: base64url of "n|<time as PostgreSQL printed it>|<id>" or "r|<rank>|<id>"
 * (for stories "sn|..." / "sr|...": the time is last_seen_at, the rank the best item's).
 */
export function encodeCursor(cursor: ItemCursor, scope: CursorScope = 'items'): string {
  const key = `${prefixOf(scope)}${cursor.sort === 'newest' ? `n|${cursor.time}` : `r|${cursor.rank}`}`;
  return Buffer.from(`${key}|${cursor.id}`).toString('base64url');
}

/** Reads a cursor back; anything this API did not hand out (or for another sort) is a 400. */
export function decodeCursor(text: string, sort: 'newest' | 'relevance', scope: CursorScope = 'items'): ItemCursor {
  const [scoped, key, idText, extra] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const prefix = prefixOf(scope);
  const kind = scoped?.startsWith(prefix) ? scoped.slice(prefix.length) : undefined;
  const id = Number(idText);
  const bad = () => new AppError('bad_request', 'cursor: not a cursor this API returned for this sort (use nextCursor as given, with the same query)');
  if (extra !== undefined || !key || !/^\d+$/.test(idText ?? '') || !Number.isSafeInteger(id)) throw bad();
  if (kind === 'n' && sort === 'newest') {
    if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.test(key)) throw bad();
    return { sort, time: key, id };
  }
  const rank = Number(key);
  if (kind === 'r' && sort === 'relevance' && /^[0-9.e+-]+$/i.test(key) && Number.isFinite(rank)) return { sort, rank, id };
  throw bad();
}
