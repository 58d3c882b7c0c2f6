import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { discordRequested, loadDiscordConfig } from '../../src/config/discord-config.js';

const TOKEN = 'MTE4NzAwMDAwMDAwMDAwMDAwMQ.GfakeT.fakefakefakefakefakefakefakefakefakefa';
const APP = '1187000000000000001';
const KEY = '5e0c1a9f7b3d2e4c6a8b0d1f3e5a7c9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c';

function problem(env: Record<string, string>): string {
  try {
    loadDiscordConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadDiscordConfig', () => {
  it('runs the gateway with a token, masking account IDs by default', () => {
    expect(loadDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP })).toEqual({
      mode: 'gateway',
      token: TOKEN,
      applicationId: APP,
      publicKey: undefined,
      apiUrl: undefined,
      guildId: undefined,
      maskAccountIds: true,
    });
  });

  it('serves HTTP interactions when the public key is set, even without a token', () => {
    const c = loadDiscordConfig({ DISCORD_PUBLIC_KEY: KEY.toUpperCase(), DISCORD_APPLICATION_ID: APP });
    expect(c.mode).toBe('http');
    expect(c.publicKey).toBe(KEY);
    expect(c.token).toBeUndefined();
  });

  it('takes the API base without the version and drops a trailing slash', () => {
    const c = loadDiscordConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP,
      DISCORD_API_URL: 'http://127.0.0.1:8080/api/',
    });
    expect(c.apiUrl).toBe('http://127.0.0.1:8080/api');
    expect(
      problem({
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: APP,
        DISCORD_API_URL: 'https://discord.com/api/v10',
      }),
    ).toMatch(/^DISCORD_API_URL: must not end with the API version/);
  });

  it('names every missing variable and where to find it', () => {
    const m = problem({ DISCORD_GUILD_ID: '1093000000000000777' });
    expect(m).toMatch(/^DISCORD_APPLICATION_ID: is missing\. .*General Information → Application ID/m);
    expect(m).toMatch(/^DISCORD_TOKEN: is missing: gateway mode needs it .*Bot → Reset Token/m);
  });

  it('explains malformed values without echoing the secret', () => {
    const m = problem({
      DISCORD_TOKEN: `Bot ${TOKEN}`,
      DISCORD_APPLICATION_ID: 'my-app',
      DISCORD_PUBLIC_KEY: 'not-hex',
      DISCORD_GUILD_ID: '42',
      DISCORD_MASK_ACCOUNT_IDS: 'sometimes',
    });
    expect(m).toMatch(/^DISCORD_TOKEN: must be the token alone, without the "Bot " prefix/m);
    expect(m).toMatch(/^DISCORD_APPLICATION_ID: must be a Discord ID/m);
    expect(m).toMatch(/^DISCORD_PUBLIC_KEY: must be the 64 hex characters/m);
    expect(m).toMatch(/^DISCORD_GUILD_ID: must be a Discord ID/m);
    expect(m).toMatch(/^DISCORD_MASK_ACCOUNT_IDS: .*true \(the default\) or false/m);
    expect(m).not.toContain(TOKEN);
    expect(problem({ DISCORD_TOKEN: 'a'.repeat(32), DISCORD_APPLICATION_ID: APP })).toMatch(
      /does not look like a bot token/,
    );
  });

  it('lets masking be turned off', () => {
    for (const v of ['false', '0', 'no', 'OFF']) {
      expect(
        loadDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_MASK_ACCOUNT_IDS: v })
          .maskAccountIds,
      ).toBe(false);
    }
  });

  it('treats empty variables as unset', () => {
    expect(discordRequested({ DISCORD_TOKEN: '', SLACK_BOT_TOKEN: 'x' })).toBe(false);
    expect(
      loadDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_PUBLIC_KEY: '  ' }).mode,
    ).toBe('gateway');
  });
});
