/**
 * `npm run discord:register`: registers the commands in commands/discord-commands.json, to
 * DISCORD_GUILD_ID when it is set (instant, for testing), otherwise globally. Needs DISCORD_TOKEN and
 * DISCORD_APPLICATION_ID.
 */
import {
  loadCommandDefinitions,
  registerDiscordCommands,
} from '../src/adapters/discord/register-commands.js';
import { ConfigError } from '../src/config/config-error.js';
import { loadDiscordConfig } from '../src/config/discord-config.js';

async function main(): Promise<number> {
  let config: ReturnType<typeof loadDiscordConfig>;
  try {
    config = loadDiscordConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`discord:register: configuration problem:\n${err.message}\n`);
    return 2;
  }
  if (!config.token) {
    process.stderr.write(
      'discord:register: DISCORD_TOKEN is needed to register commands (Developer Portal → Bot → Reset Token).\n',
    );
    return 2;
  }
  const commands = await loadCommandDefinitions();
  try {
    const r = await registerDiscordCommands({
      token: config.token,
      applicationId: config.applicationId,
      guildId: config.guildId,
      apiUrl: config.apiUrl,
      commands,
    });
    const when = config.guildId ? 'usable now' : 'usable everywhere within about an hour';
    process.stdout.write(`Registered ${r.names.map((n) => `"${n}"`).join(', ')} (${r.scope}, ${when}).\n`);
    return 0;
  } catch (err) {
    const e = err as { status?: number; message?: string };
    const hint =
      e.status === 401
        ? ' DISCORD_TOKEN was rejected: reset it in the Developer Portal.'
        : e.status === 403 || e.status === 404
          ? ' Check DISCORD_APPLICATION_ID, and that the bot was invited to DISCORD_GUILD_ID with the applications.commands scope.'
          : '';
    process.stderr.write(
      `discord:register: Discord refused the commands: ${e.message ?? String(err)}.${hint}\n`,
    );
    return 1;
  }
}

process.exitCode = await main();
