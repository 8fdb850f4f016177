import { AppError } from '../errors.js';
import type { ItemCursor } from '../store/items-list.js';

/** Opaque keyset cursor: base64url of "n|<seen_at as PostgreSQL printed it>|<id>" or "r|<rank>|<id>". */
export function encodeCursor(cursor: ItemCursor): string {
  const key = cursor.sort === 'newest' ? `n|${cursor.time}` : `r|${cursor.rank}`;
  return Buffer.from(`${key}|${cursor.id}`).toString('base64url');
}

/** Reads a cursor back; anything this API did not hand out (or for another sort) is a 400. */
export function decodeCursor(text: string, sort: 'newest' | 'relevance'): ItemCursor {
  const [kind, key, idText, extra] = Buffer.from(text, 'base64url').toString('utf8').split('|');
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

/** Story pages: base64url of "s|<last seen ISO time>|<id>". */
export function encodeStoryCursor(cursor: { seenAt: Date; id: number }): string {
  return Buffer.from(`s|${cursor.seenAt.toISOString()}|${cursor.id}`).toString('base64url');
}

export function decodeStoryCursor(text: string): { seenAt: Date; id: number } {
  const [kind, time, idText, extra] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const seenAt = new Date(time ?? '');
  const id = Number(idText);
  if (kind !== 's' || extra !== undefined || Number.isNaN(seenAt.getTime()) || !/^\d+$/.test(idText ?? '') || !Number.isSafeInteger(id)) {
    throw new AppError('bad_request', 'cursor: not a cursor this API returned for stories (use nextCursor as given)');
  }
  return { seenAt, id };
}
