import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A real HTTP server on loopback (port 0) that serves recorded feeds and misbehaves on request. */
export class FeedServer {
  private readonly routes = new Map<string, Route>();
  private server?: Server;
  readonly hits = new Map<string, number>();

  route(path: string, handler: Route): this {
    this.routes.set(path, handler);
    return this;
  }

  /** Serves fixed bytes with a content type (and optional extra headers). */
  file(path: string, body: Buffer | string, contentType = 'application/rss+xml; charset=utf-8', headers: Record<string, string> = {}): this {
    return this.route(path, (_req, res) => {
      res.writeHead(200, { 'content-type': contentType, ...headers });
      res.end(body);
    });
  }

  /** Listens on `host` (127.0.0.1; '0.0.0.0' answers every 127.x.y.z, so tests can have many "hosts"). */
  async start(host = '127.0.0.1'): Promise<string> {
    this.server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0]!;
      this.hits.set(path, (this.hits.get(path) ?? 0) + 1);
      const handler = this.routes.get(path);
      if (!handler) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      handler(req, res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, host, resolve));
    return this.url('');
  }

  url(path: string, host = '127.0.0.1'): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://${host}:${port}${path}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
