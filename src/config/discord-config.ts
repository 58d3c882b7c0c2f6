import type { CommonConfig } from './common-config.js';
import { ConfigError } from './config-error.js';

/** Settings of the Discord bot (filled in by the Discord adapter's issue). */
export interface DiscordConfig {
  token?: string;
  applicationId: string;
  publicKey?: string;
  apiUrl?: string;
  guildId?: string;
}

/** True when any DISCORD_* variable is set: the user means to run the Discord bot. */
export function discordRequested(env: Readonly<Record<string, string | undefined>>): boolean {
  return Object.keys(env).some((k) => k.startsWith('DISCORD_') && env[k]);
}

export function loadDiscordConfig(
  _env: Readonly<Record<string, string | undefined>>,
  _common: CommonConfig,
): DiscordConfig {
  throw new ConfigError('the Discord bot is not available in this build yet');
}
