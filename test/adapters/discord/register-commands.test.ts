import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS, INPUT_LIMITS, OPTIONS } from '../../../src/adapters/discord/command-names.js';
import {
  loadCommandDefinitions,
  registerDiscordCommands,
} from '../../../src/adapters/discord/register-commands.js';
import { INVITE_PERMISSIONS } from '../../../src/adapters/discord/thread-plan.js';
import { FakeDiscordApi } from './fake-discord-api.js';
import { APP_ID, BOT_TOKEN, GUILD_ID } from './payloads.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const run = promisify(execFile);

let api: FakeDiscordApi;
afterEach(async () => api?.close());

describe('commands/discord-commands.json', () => {
  it('defines /diagnose (text up to 6000, file), the Diagnose message command and /diagnose-help, everywhere', async () => {
    const defs = await loadCommandDefinitions();
    const byName = new Map(defs.map((d) => [d.name, d]));
    const diagnose = byName.get(COMMANDS.diagnose)!;
    expect(diagnose.type).toBe(1);
    expect(diagnose.options?.map((o) => [o.name, o.type, o.required ?? false])).toEqual([
      [OPTIONS.text, 3, false],
      [OPTIONS.file, 11, false],
    ]);
    expect(diagnose.options?.[0]?.max_length).toBe(INPUT_LIMITS.text);
    const message = byName.get(COMMANDS.diagnoseMessage)!;
    expect(message.type).toBe(3);
    expect(message.description).toBeUndefined();
    expect(byName.get(COMMANDS.help)?.type).toBe(1);
    for (const d of defs) {
      expect(d.contexts).toEqual([0, 1, 2]);
      expect(d.integration_types).toEqual([0, 1]);
    }
  });
});

describe('registerDiscordCommands', () => {
  it('overwrites the commands of one guild when a guild is given (instant, for testing)', async () => {
    api = await new FakeDiscordApi().start();
    const commands = await loadCommandDefinitions();
    const r = await registerDiscordCommands({
      token: BOT_TOKEN,
      applicationId: APP_ID,
      guildId: GUILD_ID,
      apiUrl: api.apiUrl,
      commands,
    });
    expect(api.trail()).toEqual([`PUT /applications/${APP_ID}/guilds/${GUILD_ID}/commands`]);
    expect(api.calls[0]!.body).toEqual(commands);
    expect(api.calls[0]!.headers.authorization).toBe(`Bot ${BOT_TOKEN}`);
    expect(r).toEqual({ scope: `guild ${GUILD_ID}`, names: ['diagnose', 'Diagnose', 'diagnose-help'] });
  });

  it('registers globally otherwise', async () => {
    api = await new FakeDiscordApi().start();
    const commands = await loadCommandDefinitions();
    await registerDiscordCommands({ token: BOT_TOKEN, applicationId: APP_ID, apiUrl: api.apiUrl, commands });
    expect(api.trail()).toEqual([`PUT /applications/${APP_ID}/commands`]);
  });
});

describe('npm run discord:register', () => {
  const env = (extra: Record<string, string>) => ({
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ...extra,
  });

  it('registers the definitions and says where', async () => {
    api = await new FakeDiscordApi().start();
    const { stdout } = await run('node', ['--import', 'tsx', 'scripts/discord-register.ts'], {
      cwd: ROOT,
      env: env({
        DISCORD_TOKEN: BOT_TOKEN,
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_GUILD_ID: GUILD_ID,
        DISCORD_API_URL: api.apiUrl,
      }),
    });
    expect(stdout).toContain(
      `Registered "diagnose", "Diagnose", "diagnose-help" (guild ${GUILD_ID}, usable now).`,
    );
    expect(api.trail()).toEqual([`PUT /applications/${APP_ID}/guilds/${GUILD_ID}/commands`]);
  });

  it('stops with the variable to set when the token is missing', async () => {
    const failure = await run('node', ['--import', 'tsx', 'scripts/discord-register.ts'], {
      cwd: ROOT,
      env: env({ DISCORD_APPLICATION_ID: APP_ID, DISCORD_PUBLIC_KEY: 'ab'.repeat(32) }),
    }).catch((e: { code: number; stderr: string }) => e);
    expect((failure as { code: number }).code).toBe(2);
    expect((failure as { stderr: string }).stderr).toMatch(/DISCORD_TOKEN is needed to register commands/);
  });

  it('explains a rejected token', async () => {
    api = await new FakeDiscordApi().start();
    api.on('PUT', /commands$/, () => ({ status: 401, body: { message: '401: Unauthorized', code: 0 } }));
    const failure = await run('node', ['--import', 'tsx', 'scripts/discord-register.ts'], {
      cwd: ROOT,
      env: env({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: api.apiUrl }),
    }).catch((e: { code: number; stderr: string }) => e);
    expect((failure as { code: number }).code).toBe(1);
    expect((failure as { stderr: string }).stderr).toMatch(/DISCORD_TOKEN was rejected/);
  });
});

describe('the README', () => {
  it('invites the bot with exactly the permissions it checks before starting threads', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const asked = [...readme.matchAll(/permissions=(\d+)/g)].map((m) => m[1]);
    expect(asked).toEqual([INVITE_PERMISSIONS.toString()]);
  });
});
