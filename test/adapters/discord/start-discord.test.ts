import { afterEach, describe, expect, it } from 'vitest';
import { startDiscord } from '../../../src/adapters/discord/start-discord.js';
import { HttpServer } from '../../../src/adapters/http/http-server.js';
import { createLogger } from '../../../src/log/logger.js';
import { FakeDiscordApi } from './fake-discord-api.js';
import { APP_ID, BOT_TOKEN } from './payloads.js';

let api: FakeDiscordApi;
afterEach(async () => api?.close());

describe('startDiscord in gateway mode', () => {
  it('stops with a readable message when Discord rejects the token', async () => {
    api = await new FakeDiscordApi().start();
    api.on('GET', /^\/gateway\/bot$/, () => ({
      status: 401,
      body: { message: '401: Unauthorized', code: 0 },
    }));
    const logs: string[] = [];
    const log = createLogger({ write: (l) => logs.push(l), secrets: [BOT_TOKEN] });
    await expect(
      startDiscord({
        config: {
          mode: 'gateway',
          token: BOT_TOKEN,
          applicationId: APP_ID,
          apiUrl: api.apiUrl,
          maskAccountIds: true,
        },
        server: new HttpServer(log),
        log,
      }),
    ).rejects.toThrow(/Discord rejected DISCORD_TOKEN: reset it in the Developer Portal/);
    expect(api.trail()).toEqual(['GET /gateway/bot']);
    expect(api.calls[0]!.headers.authorization).toBe(`Bot ${BOT_TOKEN}`);
    expect(logs.join('\n')).not.toContain(BOT_TOKEN);
  });
});
