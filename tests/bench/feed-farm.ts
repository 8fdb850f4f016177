// The fetch bench's loopback feed server, run in its own process (forked by fetch.bench.ts) so the
// bench's CPU time and peak RSS are the fetcher's alone. Sends {port} over IPC once listening.
import { FeedServer } from '../helpers/feed-server.js';
import { fixture } from '../helpers/fixtures.js';

export type Role = 'ok' | 'slow' | 'failing';

/** 10% slow past the timeout, 5% failing, the rest healthy. */
export function roleOf(n: number): Role {
  if (n % 20 === 7) return 'failing';
  return n % 10 === 3 ? 'slow' : 'ok';
}

/** Source n's feed: a real feed whose links are made unique to it, so every item is new work for the store. */
export function bodyOf(n: number): Buffer {
  const paths = ['feeds/livemint-2019.xml', 'feeds/scmp-2019.xml', 'feeds/techcrunch-2011.xml', 'feeds/rdf-slashdot.xml'];
  return Buffer.from(fixture(paths[n % paths.length]!).toString('utf8').replaceAll('https://', `https://s${n}.`).replaceAll('http://', `http://s${n}.`));
}

async function serve(total: number): Promise<void> {
  const server = new FeedServer();
  for (let n = 0; n < total; n++) {
    const role = roleOf(n);
    const body = bodyOf(n);
    server.route(`/s/${n}`, (_req, res) => {
      if (role === 'failing') return void res.writeHead(503, { 'content-type': 'text/plain' }).end('down');
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
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
  process.send!({ port: Number(new URL(server.url('')).port) });
  process.on('disconnect', () => void server.stop().then(() => process.exit(0)));
}

if (process.send && process.argv[2] === 'serve') void serve(Number(process.argv[3]));
