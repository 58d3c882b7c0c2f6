import { createServer, type IncomingMessage, type Server } from 'node:http';

/** One request the fake received. `body` is parsed (form fields with JSON values decoded, or JSON). */
export interface FakeCall {
  kind: 'api' | 'hook' | 'file';
  /** Web API method (`chat.postMessage`), hook id or file path */
  name: string;
  body: Record<string, unknown>;
  authorization?: string;
  at: number;
  /** what the fake answered (Web API calls) */
  reply?: Record<string, unknown>;
}

type ApiReply = Record<string, unknown> | ((body: Record<string, unknown>) => Record<string, unknown>);

export interface FakeFile {
  bytes: Buffer;
  contentType?: string;
  status?: number;
}

/**
 * A local stand-in for Slack: the Web API (`/api/<method>`, pointed at with SLACK_API_URL),
 * response_urls (`/hooks/<id>`) and private file downloads (`/files/<name>`). It records every
 * request; replies can be overridden per method. Nothing leaves the machine.
 */
export class FakeSlackApi {
  readonly calls: FakeCall[] = [];
  private readonly server: Server;
  private readonly replies = new Map<string, ApiReply>();
  private readonly files = new Map<string, FakeFile>();
  private ts = 1_717_430_400_000_100;
  url = '';

  constructor() {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body, type }) => res.writeHead(status, { 'content-type': type }).end(body),
        (err) => res.writeHead(500).end(String(err)),
      );
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    const addr = this.server.address();
    this.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    return this;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  hook(id: string): string {
    return `${this.url}/hooks/${id}`;
  }

  fileUrl(name: string): string {
    return `${this.url}/files/${name}`;
  }

  reply(method: string, reply: ApiReply): void {
    this.replies.set(method, reply);
  }

  serveFile(name: string, file: FakeFile): void {
    this.files.set(name, file);
  }

  api(method: string): FakeCall[] {
    return this.calls.filter((c) => c.kind === 'api' && c.name === method);
  }

  hooks(id?: string): FakeCall[] {
    return this.calls.filter((c) => c.kind === 'hook' && (id === undefined || c.name === id));
  }

  /** Waits until `check` holds (polling), failing after `ms`. */
  async until(check: () => boolean, ms = 5000): Promise<void> {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end)
        throw new Error(`timed out; calls so far: ${this.calls.map((c) => c.name).join(', ')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body: string | Buffer; type: string }> {
    const path = (req.url ?? '/').split('?')[0]!;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const authorization = req.headers.authorization;
    const record = (kind: FakeCall['kind'], name: string, body: Record<string, unknown> = {}) =>
      this.calls.push({ kind, name, body, at: Date.now(), ...(authorization ? { authorization } : {}) });

    if (path.startsWith('/api/')) {
      const method = path.slice(5);
      const body = parseBody(raw, req.headers['content-type'] ?? '');
      record('api', method, body);
      const custom = this.replies.get(method);
      const reply = typeof custom === 'function' ? custom(body) : (custom ?? this.defaultReply(method, body));
      this.calls[this.calls.length - 1]!.reply = reply;
      return { status: 200, body: JSON.stringify(reply), type: 'application/json' };
    }
    if (path.startsWith('/hooks/')) {
      record('hook', path.slice(7), JSON.parse(raw || '{}'));
      return { status: 200, body: 'ok', type: 'text/plain' };
    }
    if (path.startsWith('/files/')) {
      const name = decodeURIComponent(path.slice(7));
      record('file', name);
      const file = this.files.get(name);
      if (!file) return { status: 404, body: 'no such file', type: 'text/plain' };
      return {
        status: file.status ?? 200,
        body: file.bytes,
        type: file.contentType ?? 'application/octet-stream',
      };
    }
    return { status: 404, body: 'not found', type: 'text/plain' };
  }

  private defaultReply(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'U0VPCDIAG', bot_id: 'B0VPCDIAG', team_id: 'T0TEAM', user: 'vpcdiag' };
      case 'chat.postMessage':
        this.ts += 1;
        return {
          ok: true,
          channel: body.channel,
          ts: `${String(this.ts).slice(0, 10)}.${String(this.ts).slice(10)}`,
        };
      case 'views.open':
        return { ok: true, view: { id: 'V0FORM' } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw || '{}');
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
