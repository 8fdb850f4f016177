// The fetch bench's loopback feed server, run in its own process (forked by fetch.bench.ts) so the
// bench's CPU time and peak RSS are the fetcher's alone: the farm's feeds, parse checks and sockets
// live here, not in the measured process. Sends {port, healthyBytes, feeds, origin} over IPC once listening.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBody } from '../../src/fetch/charset.js';
import { parseFeed } from '../../src/parse/feed.js';
import { FeedServer } from '../helpers/feed-server.js';
import { corpusDir, fixture, hasCorpus } from '../helpers/fixtures.js';

export type Role = 'ok' | 'slow' | 'failing';

/** What the farm tells the bench once it listens. */
export interface FarmReady {
  port: number;
  /** Bytes the healthy sources serve in all: the "bytes at loopback speed" part of the ideal. */
  healthyBytes: number;
  /** Distinct real feeds the sources' bodies come from. */
  feeds: number;
  origin: string;
}

/** 10% slow past the timeout, 5% failing, the rest healthy. */
export function roleOf(n: number): Role {
  if (n % 20 === 7) return 'failing';
  return n % 10 === 3 ? 'slow' : 'ok';
}

const fixtureFeeds = ['feeds/livemint-2019.xml', 'feeds/scmp-2019.xml', 'feeds/techcrunch-2011.xml', 'feeds/rdf-slashdot.xml'];

/**
 * The real feeds the sources serve. With the corpus: every news-sized corpus feed (8–400 kB) that
 * parses to at least 5 items, so 300 sources carry stories the way 300 real sources do, each story
 * in one or two feeds. Without it: four fixtures, each served by 75 sources, so every story is
 * carried 75 times and the story clustering does far more work than real feeds ask of it.
 */
async function templateFeeds(useCorpus: boolean): Promise<{ bodies: Buffer[]; origin: string }> {
  if (!useCorpus || !hasCorpus) return { bodies: fixtureFeeds.map((path) => fixture(path)), origin: `${fixtureFeeds.length} fixtures (each story in 75 sources)` };
  const root = join(corpusDir, 'feeds');
  const walk = (dir: string): string[] => readdirSync(dir).sort().flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  const bodies: Buffer[] = [];
  for (const path of walk(root)) {
    if (path.endsWith('.json') || path.endsWith('.gz')) continue;
    const size = statSync(path).size;
    if (size < 8_000 || size > 400_000) continue;
    const bytes = readFileSync(path);
    const items = await parseFeed(decodeBody(bytes, null)).then((feed) => feed.items.length, () => 0);
    if (items >= 5) bodies.push(bytes);
  }
  return { bodies, origin: `${bodies.length} corpus feeds` };
}

/** Source n's feed: a real feed whose links are made unique to it, so every item is new work for the store. */
function bodyOf(n: number, templates: Buffer[]): Buffer {
  // latin1 round-trips every byte, so GB2312 or Big5 feeds keep their bytes; only the ASCII schemes change.
  const text = templates[n % templates.length]!.toString('latin1');
  return Buffer.from(text.replaceAll('https://', `https://s${n}.`).replaceAll('http://', `http://s${n}.`), 'latin1');
}

async function serve(total: number, useCorpus: boolean): Promise<void> {
  const { bodies: templates, origin } = await templateFeeds(useCorpus);
  const server = new FeedServer();
  let healthyBytes = 0;
  for (let n = 0; n < total; n++) {
    const role = roleOf(n);
    const body = bodyOf(n, templates);
    if (role === 'ok') healthyBytes += body.byteLength;
    server.route(`/s/${n}`, (_req, res) => {
      if (role === 'failing') return void res.writeHead(503, { 'content-type': 'text/plain' }).end('down');
      // No charset: the fetcher finds it from the BOM, the prolog or the bytes, as it must for real feeds.
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      if (role === 'ok') return void res.end(body);
      // Slow: headers at once, then a trickle that would outlast any timeout.
      res.write(body.subarray(0, 100));
      const timer = setInterval(() => res.write(' '), 1_000);
      res.on('close', () => clearInterval(timer));
    });
  }
  const blob = Buffer.alloc(16 * 1024 * 1024, 'x');
  server.route('/blob', (_req, res) => res.writeHead(200).end(blob));
  await server.start('0.0.0.0');
  const ready: FarmReady = { port: Number(new URL(server.url('')).port), healthyBytes, feeds: templates.length, origin };
  process.send!(ready);
  process.on('disconnect', () => void server.stop().then(() => process.exit(0)));
}

if (process.send && process.argv[2] === 'serve') void serve(Number(process.argv[3]), process.argv[4] !== 'fixtures');
