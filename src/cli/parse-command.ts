import { decodeBody } from '../fetch/charset.js';
import { parseFeed } from '../parse/feed.js';
import type { Flags } from './flags.js';
import { readStdin, writeLine } from './io.js';

export async function parseCommand(flags: Flags): Promise<void> {
  const bytes = await readStdin();
  const feed = await parseFeed(decodeBody(bytes), {
    baseUrl: typeof flags.url === 'string' ? flags.url : undefined,
    zone: typeof flags.zone === 'string' ? flags.zone : 'UTC',
  });
  await writeLine(
    JSON.stringify({
      format: feed.format,
      title: feed.title,
      items: feed.items.map((i) => ({ guid: i.guid ?? null, url: i.url ?? null, title: i.title, published: i.published ?? null, summary: i.summary ?? '' })),
    }),
  );
}
