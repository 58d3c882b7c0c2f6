import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { HttpServer } from '../../../src/adapters/http/http-server.js';
import type { RunningAdapter } from '../../../src/adapters/running-adapter.js';
import { startSlack } from '../../../src/adapters/slack/start-slack.js';
import { createLogger } from '../../../src/log/logger.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { TOKEN } from './slack-app-harness.js';
import { flowLogLines, slashCommand } from './slack-fixtures.js';

const APP_TOKEN = 'xapp-1-A0VPCDIAG-7417430400123-0c1d2e3f4a5b6c7d8e9f0a1b';

let api: FakeSlackApi;
let wss: WebSocketServer | undefined;
let running: RunningAdapter | undefined;
const logs: string[] = [];

afterEach(async () => {
  await running?.stop();
  running = undefined;
  for (const c of wss?.clients ?? []) c.terminate();
  await new Promise((r) => (wss ? wss.close(r) : r(undefined)));
  wss = undefined;
  await api.stop();
  nock.enableNetConnect();
  expect(logs.join('\n')).not.toContain(APP_TOKEN);
  logs.length = 0;
});

async function start(server: HttpServer) {
  return startSlack({
    config: { botToken: TOKEN, appToken: APP_TOKEN, apiUrl: api.apiUrl, mode: 'socket', port: 0 },
    server,
    log: createLogger({ level: 'debug', write: (l) => logs.push(l) }),
    tuning: { postIntervalMs: 0, retries: 0 },
  });
}

describe('Socket Mode (SLACK_APP_TOKEN set)', () => {
  it('connects with the app-level token, acknowledges a command over the socket and posts the report', async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    api = await new FakeSlackApi().start();
    wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((r) => wss!.once('listening', r));
    const wsPort = (wss.address() as { port: number }).port;
    api.reply('apps.connections.open', {
      ok: true,
      url: `ws://127.0.0.1:${wsPort}/link/?ticket=t1&app_id=A0VPCDIAG`,
    });

    const acks: unknown[] = [];
    wss.on('connection', (socket: WebSocket) => {
      socket.on('message', (data) => acks.push(JSON.parse(String(data))));
      socket.send(
        JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0VPCDIAG' } }),
      );
    });

    const server = new HttpServer(createLogger({ write: () => {} }));
    running = await start(server);
    const [open] = api.api('apps.connections.open');
    expect(open?.authorization).toBe(`Bearer ${APP_TOKEN}`);

    const [socket] = [...wss.clients];
    socket!.send(
      JSON.stringify({
        envelope_id: 'e0c1d2e3-f4a5-4b6c-8d7e-9f0a1b2c3d4e',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: slashCommand(api, flowLogLines(6).join('\n')),
      }),
    );
    await api.until(() => acks.length > 0 && api.api('chat.postMessage').length > 0);
    expect(acks[0]).toMatchObject({ envelope_id: 'e0c1d2e3-f4a5-4b6c-8d7e-9f0a1b2c3d4e' });
    expect(JSON.stringify(api.api('chat.postMessage')[0]?.body.blocks)).toContain('Read 6 flow-log records');
  });

  it('an app-level token Slack refuses stops start-up with a message naming SLACK_APP_TOKEN', async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    api = await new FakeSlackApi().start();
    api.reply('apps.connections.open', { ok: false, error: 'invalid_auth' });
    const server = new HttpServer(createLogger({ write: () => {} }));
    await expect(start(server)).rejects.toThrow(/SLACK_APP_TOKEN/);
  });

  it('a bot token Slack refuses stops start-up with a message naming SLACK_BOT_TOKEN', async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    api = await new FakeSlackApi().start();
    api.reply('auth.test', { ok: false, error: 'invalid_auth' });
    const server = new HttpServer(createLogger({ write: () => {} }));
    await expect(start(server)).rejects.toThrow(/SLACK_BOT_TOKEN was refused by Slack \(invalid_auth\)/);
  });
});
