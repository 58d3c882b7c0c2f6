import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';

/** One request the bot made to the fake API. */
export interface RecordedCall {
  method: string;
  /** path without the `/api/v10` prefix, e.g. `/channels/1/messages` */
  path: string;
  query: string;
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are whatever the bot sent
  body: any;
  headers: IncomingHttpHeaders;
}

export interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** raw bytes instead of JSON (attachments) */
  raw?: Buffer;
}

type Override = { method: string; pattern: RegExp; reply: (call: RecordedCall) => FakeReply | undefined };

/**
 * A stand-in for Discord's REST API and CDN on 127.0.0.1, reached through DISCORD_API_URL (discord.js's
 * `rest.api`). It answers the endpoints vpcdiag uses the way Discord does, records every call in order,
 * and lets a test make any endpoint fail (`on`). Attachments are served from `/attachments/...`.
 */
export class FakeDiscordApi {
  readonly calls: RecordedCall[] = [];
  private readonly server: Server;
  private readonly overrides: Override[] = [];
  private readonly files = new Map<string, FakeReply>();
  private readonly channelOfToken = new Map<string, string>();
  private nextId = 1_300_000_000_000_000_000n;
  private port = 0;

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const addr = this.server.address();
    this.port = typeof addr === 'object' && addr ? addr.port : 0;
    return this;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What DISCORD_API_URL would be set to. */
  get apiUrl(): string {
    return `${this.origin}/api`;
  }

  /** Tells the fake in which channel an interaction's reply appears (Discord knows it from the token). */
  interaction(payload: { token: string; channel?: { id: string }; channel_id?: string }): void {
    this.channelOfToken.set(payload.token, payload.channel?.id ?? payload.channel_id ?? '0');
  }

  /** Serves a file at a CDN-like URL and returns the URL. */
  file(name: string, reply: FakeReply | Buffer | string): string {
    const r =
      Buffer.isBuffer(reply) || typeof reply === 'string' ? { status: 200, raw: Buffer.from(reply) } : reply;
    this.files.set(name, r);
    return `${this.origin}/attachments/1199000000000000000/1199000000000000001/${encodeURIComponent(name)}?ex=6a1f3c2b&is=6a1deaab&hm=4f2c`;
  }

  /** Makes matching calls answer differently (first matching override wins; undefined falls through). */
  on(method: string, pattern: RegExp, reply: (call: RecordedCall) => FakeReply | undefined): void {
    this.overrides.push({ method, pattern, reply });
  }

  /** The recorded calls as `METHOD /path` lines, for order assertions. */
  trail(): string[] {
    return this.calls.map((c) => `${c.method} ${c.path}`);
  }

  id(): string {
    this.nextId += 1n;
    return this.nextId.toString();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    if (url.pathname.startsWith('/attachments/')) {
      const name = decodeURIComponent(url.pathname.split('/').pop() ?? '');
      const file = this.files.get(name);
      this.calls.push({
        method: 'GET',
        path: `/attachments/${name}`,
        query: url.search,
        body: undefined,
        headers: req.headers,
      });
      this.send(res, file ?? { status: 404, body: { message: '404: Not Found', code: 0 } });
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, ''),
      query: url.search,
      body,
      headers: req.headers,
    };
    this.calls.push(call);
    for (const o of this.overrides) {
      if (o.method === call.method && o.pattern.test(call.path)) {
        const r = o.reply(call);
        if (r) {
          this.send(res, r);
          return;
        }
      }
    }
    this.send(res, this.answer(call));
  }

  /** Discord's answers, as far as vpcdiag needs them. */
  private answer(call: RecordedCall): FakeReply {
    const p = call.path;
    const original = p.match(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/);
    const webhook = p.match(/^\/webhooks\/(\d+)\/([^/]+)$/);
    const thread = p.match(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/);
    const channelMessages = p.match(/^\/channels\/(\d+)\/messages$/);
    if (call.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(p)) return { status: 204 };
    if (original && call.method === 'DELETE') return { status: 204 };
    if (original && call.method === 'PATCH') {
      return { status: 200, body: this.message(this.channelOfToken.get(original[2]!) ?? '0', call.body) };
    }
    if (webhook && call.method === 'POST') {
      return { status: 200, body: this.message(this.channelOfToken.get(webhook[2]!) ?? '0', call.body) };
    }
    if (thread && call.method === 'POST') {
      return {
        status: 201,
        body: {
          id: thread[2],
          type: 11,
          parent_id: thread[1],
          name: call.body?.name,
          thread_metadata: { archived: false },
        },
      };
    }
    if (channelMessages && call.method === 'POST') {
      return { status: 200, body: this.message(channelMessages[1]!, call.body) };
    }
    if (call.method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(p)) {
      const defs = Array.isArray(call.body) ? call.body : [];
      return { status: 200, body: defs.map((d: object) => ({ id: this.id(), version: this.id(), ...d })) };
    }
    return { status: 404, body: { message: `fake Discord API: no route for ${call.method} ${p}`, code: 0 } };
  }

  private message(
    channelId: string,
    body: { content?: string; embeds?: unknown[]; flags?: number } | undefined,
  ) {
    return {
      id: this.id(),
      channel_id: channelId,
      type: 20,
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      flags: body?.flags ?? 0,
      author: { id: '1187000000000000001', username: 'vpcdiag', bot: true, discriminator: '0' },
      timestamp: '2026-11-30T10:15:00.000000+00:00',
    };
  }

  private send(res: ServerResponse, r: FakeReply): void {
    if (r.raw) {
      res.writeHead(r.status, { 'content-type': 'application/octet-stream', ...r.headers }).end(r.raw);
      return;
    }
    if (r.body === undefined) {
      res.writeHead(r.status, r.headers).end();
      return;
    }
    res.writeHead(r.status, { 'content-type': 'application/json', ...r.headers }).end(JSON.stringify(r.body));
  }
}

/** Discord's error body for a refused call. */
export function discordError(status: number, code: number, message: string): FakeReply {
  return { status, body: { message, code } };
}
