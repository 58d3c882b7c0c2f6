import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerDeps } from '../../../src/adapters/discord/handle-interaction.js';
import { createInteractionsRoute } from '../../../src/adapters/discord/http-interactions.js';
import type { InteractionDispatcher } from '../../../src/adapters/discord/interaction-dispatcher.js';
import { type RunningDiscord, startDiscord } from '../../../src/adapters/discord/start-discord.js';
import { HttpServer } from '../../../src/adapters/http/http-server.js';
import type { DiscordConfig } from '../../../src/config/discord-config.js';
import { createLogger } from '../../../src/log/logger.js';
import { echoingDiagnose } from './echo-diagnose.js';
import { FakeDiscordApi } from './fake-discord-api.js';
import { APP_ID, BOT_TOKEN, slashDiagnose, slashHelp } from './payloads.js';

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  // the raw 32 bytes follow the 12-byte SPKI prefix: what the Developer Portal shows, in hex
  const hex = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
  return { hex, privateKey };
}

const app = keyPair();
const stranger = keyPair();

let api: FakeDiscordApi;
let server: HttpServer;
let running: RunningDiscord;
let base: string;
let logs: string[];

async function boot(overrides: Partial<DiscordConfig> = {}, diagnose?: HandlerDeps['diagnose']) {
  api = await new FakeDiscordApi().start();
  logs = [];
  const log = createLogger({ level: 'debug', write: (l) => logs.push(l) });
  server = new HttpServer(log);
  const config: DiscordConfig = {
    mode: 'http',
    applicationId: APP_ID,
    publicKey: app.hex,
    token: BOT_TOKEN,
    apiUrl: api.apiUrl,
    maskAccountIds: true,
    ...overrides,
  };
  running = await startDiscord({ config, server, log, ...(diagnose ? { diagnose } : {}) });
  const port = await server.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
}

afterEach(async () => {
  await running?.stop();
  await server?.close();
  await api?.close();
});

async function post(body: string, key: KeyObject | undefined, headers: Record<string, string> = {}) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = key ? sign(null, Buffer.from(timestamp + body), key).toString('hex') : undefined;
  return fetch(`${base}/discord/interactions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-signature-timestamp': timestamp,
      ...(signature ? { 'x-signature-ed25519': signature } : {}),
      'user-agent': 'Discord-Interactions/1.0 (+https://discord.com)',
      ...headers,
    },
    body,
  });
}

const PING = JSON.stringify({
  id: '1311000000000000001',
  application_id: APP_ID,
  type: 1,
  token: 'ping-token',
  version: 1,
});

describe('POST /discord/interactions', () => {
  it('answers a correctly signed PING with PONG', async () => {
    await boot();
    const r = await post(PING, app.privateKey);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ type: 1 });
  });

  it('rejects a bad signature with 401: wrong key, tampered body, missing headers', async () => {
    await boot();
    expect((await post(PING, stranger.privateKey)).status).toBe(401);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + PING), app.privateKey).toString('hex');
    const tampered = await fetch(`${base}/discord/interactions`, {
      method: 'POST',
      headers: { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
      body: PING.replace('"type":1', '"type":2'),
    });
    expect(tampered.status).toBe(401);
    expect((await post(PING, undefined)).status).toBe(401);
    expect((await post(PING, app.privateKey, { 'x-signature-ed25519': 'zz' })).status).toBe(401);
    expect(api.calls).toHaveLength(0);
  });

  it('a signed /diagnose gets the deferral as the HTTP response, then the verdict and the thread over REST', async () => {
    await boot();
    const payload = slashDiagnose({
      text: '2 409217365528 eni-07b3c9d1e5f2a4c86 10.40.9.200 10.40.2.17 5432 55812 6 5 284 1721312000 1721312060 REJECT OK',
    });
    api.interaction(payload);
    const r = await post(JSON.stringify(payload), app.privateKey);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ type: 5, data: {} });
    await running.idle();
    expect(api.trail()[0]).toBe(`PATCH /webhooks/${APP_ID}/${payload.token}/messages/@original`);
    expect(api.calls[0]!.body.allowed_mentions).toEqual({ parse: [] });
    expect(api.calls[0]!.body.embeds[0].description).toContain('Read 1 flow-log record');
    // no callback over REST: the HTTP response was the initial response
    expect(api.trail().some((t) => t.endsWith('/callback'))).toBe(false);
  });

  it('a signed /diagnose with no options gets the modal as the HTTP response', async () => {
    await boot();
    const r = await post(JSON.stringify(slashDiagnose()), app.privateKey);
    // biome-ignore lint/suspicious/noExplicitAny: a JSON response
    const body: any = await r.json();
    expect(body.type).toBe(9);
    expect(body.data.components[0].component.max_length).toBe(4000);
  });

  it('a signed /diagnose-help gets a private message as the HTTP response', async () => {
    await boot();
    const r = await post(JSON.stringify(slashHelp()), app.privateKey);
    // biome-ignore lint/suspicious/noExplicitAny: a JSON response
    const body: any = await r.json();
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(1 << 6);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('without a bot token the details follow the verdict as follow-ups, and say why', async () => {
    await boot({ token: undefined }, echoingDiagnose(1));
    const payload = slashDiagnose({ text: 'RDS 10.40.9.200:5432 times out from 10.40.2.17' });
    api.interaction(payload);
    await post(JSON.stringify(payload), app.privateKey);
    await running.idle();
    expect(api.trail().some((t) => t.includes('/channels/'))).toBe(false);
    const followUps = api.calls.filter((c) => c.path === `/webhooks/${APP_ID}/${payload.token}`);
    expect(followUps.length).toBeGreaterThan(1);
    expect(followUps[0]!.body.content).toMatch(/Threads are off on this bot/);
    expect(logs.join('\n')).toMatch(/no DISCORD_TOKEN, so no threads/);
  });

  it('shares the server with /healthz and refuses other methods', async () => {
    await boot();
    const health = (await (await fetch(`${base}/healthz`)).json()) as { routes: string[] };
    expect(health.routes).toContain('/discord/interactions');
    expect((await fetch(`${base}/discord/interactions`)).status).toBe(405);
  });
});

describe('a handler slower than Discord allows', () => {
  it('gets an ephemeral deferral sent on its behalf, and its late reply becomes an edit', async () => {
    api = await new FakeDiscordApi().start();
    const log = createLogger({ level: 'debug', write: () => undefined });
    server = new HttpServer(log);
    let done!: Promise<void>;
    const slow = {
      dispatch(_payload: unknown, initial: (ix: never) => (b: { type: number }) => Promise<'sent' | 'late'>) {
        done = (async () => {
          await new Promise((r) => setTimeout(r, 120));
          expect(await initial(undefined as never)({ type: 4 })).toBe('late');
        })();
        return done;
      },
    } as unknown as InteractionDispatcher;
    server.route(
      '/discord/interactions',
      createInteractionsRoute({ publicKey: app.hex, dispatcher: slow, log, deadlineMs: 30 }),
    );
    base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
    const r = await post(JSON.stringify(slashHelp()), app.privateKey);
    expect(await r.json()).toEqual({ type: 5, data: { flags: 1 << 6 } });
    await done;
  });
});
