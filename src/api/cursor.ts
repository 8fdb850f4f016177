import { AppError } from '../errors.js';

export interface Cursor {
  seenAt: Date;
  id: number;
}

/** Opaque keyset cursor: base64url of "<iso time>|<id>". */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.seenAt.toISOString()}|${cursor.id}`).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  const decoded = Buffer.from(text, 'base64url').toString('utf8');
  const [time, idText] = decoded.split('|');
  const seenAt = new Date(time ?? '');
  const id = Number(idText);
  if (!time || Number.isNaN(seenAt.getTime()) || !Number.isSafeInteger(id) || id < 0) {
    throw new AppError('bad_request', 'cursor: not a cursor this API returned (use nextCursor as given)');
  }
  return { seenAt, id };
}
