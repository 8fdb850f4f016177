import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import type { ParsedFeed } from '../domain.js';
import { AppError, messageOf } from '../errors.js';
import { decodeBody } from '../fetch/charset.js';
import { parseFeed } from '../parse/feed.js';
import type { Flags } from './flags.js';
import { mapJsonLines, readStdin, validateLine, writeLine } from './io.js';

const batchLine = z.object({
  id: z.union([z.string(), z.number()]),
  url: z.string().optional(),
  path: z.string().min(1),
});

/** `parse`: feed bytes on stdin → one JSON result; `parse --batch`: JSON lines {id, url, path} → {id, ...result} or {id, error}. */
export async function parseCommand(flags: Flags): Promise<void> {
  const zone = typeof flags.zone === 'string' ? flags.zone : 'UTC';
  if (flags.batch) {
    await mapJsonLines(async (record) => {
      const line = validateLine(batchLine, record);
      const bytes = await readFeedFile(line.path);
      return { id: line.id, ...toJson(await parseFeed(decodeBody(bytes), { baseUrl: line.url, zone })) };
    });
    return;
  }
  const feed = await parseFeed(decodeBody(await readStdin()), { baseUrl: typeof flags.url === 'string' ? flags.url : undefined, zone });
  await writeLine(JSON.stringify(toJson(feed)));
}

/** A feed file's bytes; `.gz` files (and gzip bytes under any name) are unpacked. */
async function readFeedFile(path: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new AppError('bad_request', `path: cannot read ${path}: ${messageOf(error)}`);
  }
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (error) {
    throw new AppError('bad_request', `path: ${path} is not valid gzip: ${messageOf(error)}`);
  }
}

function toJson(feed: ParsedFeed) {
  return {
    format: feed.format,
    title: feed.title,
    items: feed.items.map((i) => ({ guid: i.guid ?? null, url: i.url ?? null, title: i.title, published: i.published ?? null, summary: i.summary ?? '' })),
  };
}
