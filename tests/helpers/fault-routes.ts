import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Route } from './feed-server.js';

/** Misbehaving handlers for the loopback FeedServer: each one is a way real servers fail. */

const rss = 'application/rss+xml; charset=utf-8';

/** A small valid RSS feed whose item titles carry `label`. */
export function tinyFeed(label: string, count = 3): string {
  const items = Array.from({ length: count }, (_, i) => `<item><title>${label} item ${i + 1}</title><link>https://example.com/${label}/${i + 1}</link><guid>${label}-${i + 1}</guid><pubDate>Mon, 0${i + 1} Jun 2026 10:00:00 GMT</pubDate></item>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${label}</title><link>https://example.com/</link>${items}</channel></rss>`;
}

/** 200 with an ETag; 304 when the client sends it back. */
export function conditional(body: string, etag = '"v1"'): Route {
  return (req, res) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': rss, etag, 'last-modified': 'Mon, 01 Jun 2026 10:00:00 GMT' });
    res.end(body);
  };
}

/** Answers `status` (with extra headers) for the first `times` requests, then serves `body`. */
export function failing(times: number, status: number, body: string, headers: Record<string, string> = {}): Route & { state: { remaining: number } } {
  const state = { remaining: times };
  const route = ((_req: IncomingMessage, res: ServerResponse) => {
    if (state.remaining > 0) {
      state.remaining--;
      res.writeHead(status, { 'content-type': 'text/plain', ...headers });
      res.end(`status ${status}`);
      return;
    }
    res.writeHead(200, { 'content-type': rss });
    res.end(body);
  }) as Route & { state: { remaining: number } };
  route.state = state;
  return route;
}

/** Waits `ms` before sending anything. */
export function slowHeaders(ms: number, body: string): Route {
  return (_req, res) => {
    const timer = setTimeout(() => {
      res.writeHead(200, { 'content-type': rss });
      res.end(body);
    }, ms);
    res.on('close', () => clearTimeout(timer));
  };
}

/** Sends headers and the start of the body at once, then a byte every 100 ms for `ms`. */
export function slowBody(ms: number, body: string): Route {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': rss, 'content-length': String(body.length) });
    res.write(body.slice(0, 40));
    let sent = 40;
    const started = Date.now();
    const timer = setInterval(() => {
      if (sent >= body.length || Date.now() - started > ms) {
        clearInterval(timer);
        res.end(body.slice(sent));
        return;
      }
      res.write(body[sent++]!);
    }, 100);
    res.on('close', () => clearInterval(timer));
  };
}

/** Drops the TCP connection without an answer. */
export const connectionReset: Route = (req) => {
  req.socket.destroy();
};

/** Declares the full length, sends a tenth of it, then drops the connection. */
export function truncated(body: string): Route {
  return (req, res) => {
    res.writeHead(200, { 'content-type': rss, 'content-length': String(Buffer.byteLength(body)) });
    res.write(body.slice(0, Math.floor(body.length / 10)), () => req.socket.destroy());
  };
}

/** A body that never ends: 64 KiB chunks for as long as the client reads. */
export const endlessBody: Route = (_req, res) => {
  res.writeHead(200, { 'content-type': rss });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let open = true;
  res.on('close', () => (open = false));
  const pump = () => {
    while (open && res.write(chunk)) {
      /* keep writing until the socket pushes back */
    }
    if (open) res.once('drain', pump);
  };
  res.write('<?xml version="1.0"?><rss><channel><title>');
  pump();
};

/** Redirects to itself, forever. */
export function redirectLoop(path: string): Route {
  return (_req, res) => {
    res.writeHead(302, { location: path });
    res.end();
  };
}

/** A tiny gzip body that inflates to `inflatedBytes` zeros. */
export function gzipBomb(inflatedBytes: number): Route {
  const bomb = gzipSync(Buffer.alloc(inflatedBytes), { level: 9 });
  return (_req, res) => {
    res.writeHead(200, { 'content-type': rss, 'content-encoding': 'gzip', 'content-length': String(bomb.byteLength) });
    res.end(bomb);
  };
}

/** The classic XML entity expansion attack: ten levels of ten, a billion "lol"s if expanded. */
export const billionLaughs = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE rss [',
  '<!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
  ']>',
  '<rss version="2.0"><channel><title>laughs</title><item><title>&lol9;</title><link>https://example.com/lol</link></item></channel></rss>',
].join('\n');

/** Serves bytes under a Content-Type whose charset is wrong for them. */
export function mislabelled(bytes: Buffer, contentType: string): Route {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    res.end(bytes);
  };
}
