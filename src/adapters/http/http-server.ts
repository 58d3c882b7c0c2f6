import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../../log/logger.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * One HTTP server for every adapter that takes requests (Slack's `POST /slack/events`, Discord's
 * `POST /discord/interactions`), plus `GET /healthz`, so both bots can share one `PORT`.
 */
export class HttpServer {
  private readonly routes = new Map<string, RouteHandler>();
  readonly server: Server;

  constructor(private readonly log: Logger) {
    this.server = createServer((req, res) => this.handle(req, res));
  }

  route(path: string, handler: RouteHandler): void {
    this.routes.set(path, handler);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: true, routes: [...this.routes.keys()] }));
      return;
    }
    const handler = this.routes.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((err: unknown) => {
        this.log.error('request handler failed', { path, err });
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
      });
  }

  listen(port: number, host?: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const addr = this.server.address();
        resolve(typeof addr === 'object' && addr ? addr.port : port);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
