import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { decodeBody } from '../fetch/charset.js';
import { extractArticle, type ExtractedArticle } from '../parse/article/extract-article.js';
import type { Flags } from './flags.js';
import { mapJsonLines, readStdin, validateLine, writeLine } from './io.js';

const batchLine = z.object({
  id: z.union([z.string(), z.number()]),
  url: z.string().url(),
  path: z.string().min(1),
});

/** `extract --url U` (HTML on stdin → one JSON object) or `extract --batch` (JSON lines {id, url, path}). */
export async function extractCommand(flags: Flags): Promise<number> {
  const zone = typeof flags.zone === 'string' ? flags.zone : 'UTC';
  if (flags.batch) {
    await mapJsonLines(async (record) => {
      const line = validateLine(batchLine, record);
      const bytes = await readPage(line.path);
      return { id: line.id, ...view(extractArticle(decodeBody(bytes), line.url, { zone })) };
    });
    return 0;
  }
  if (typeof flags.url !== 'string' || !/^https?:\/\//i.test(flags.url)) {
    process.stderr.write('extract: --url is required and must be http(s): the page address resolves links and picks site rules\n');
    return 2;
  }
  const bytes = await readStdin();
  await writeLine(JSON.stringify(view(extractArticle(decodeBody(maybeGunzip(bytes)), flags.url, { zone }))));
  return 0;
}

async function readPage(path: string): Promise<Buffer> {
  try {
    return maybeGunzip(await readFile(path));
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new AppError('bad_request', `path: cannot read ${path}${code ? ` (${code})` : ''}`);
  }
}

/** `.gz` pages are gunzipped by their magic bytes, whatever the file is called. */
function maybeGunzip(bytes: Buffer): Buffer {
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}

function view(article: ExtractedArticle): Omit<ExtractedArticle, 'method'> & { method: string } {
  return {
    title: article.title,
    text: article.text,
    published: article.published,
    author: article.author,
    canonicalUrl: article.canonicalUrl,
    language: article.language,
    method: article.method,
  };
}
