import { z } from 'zod';
import type { CommonConfig } from './common-config.js';
import { ConfigError, describeIssues } from './config-error.js';

/** Settings of the Discord bot. */
export interface DiscordConfig {
  /** `gateway` (a discord.js connection, the default) or `http` (POST /discord/interactions) */
  mode: 'gateway' | 'http';
  /** the bot token: required for the gateway and for registering commands; optional in HTTP mode */
  token?: string;
  applicationId: string;
  /** the application's Ed25519 public key (hex): HTTP interactions mode when set */
  publicKey?: string;
  /** REST base without the version, like discord.js's `rest.api` (default https://discord.com/api) */
  apiUrl?: string;
  /** register the commands to this guild (instant) instead of globally */
  guildId?: string;
  /** mask AWS account IDs in what the bot posts in servers (on by default: study servers are public) */
  maskAccountIds: boolean;
}

const PORTAL = 'https://discord.com/developers/applications';

const HELP: Record<string, string> = {
  DISCORD_APPLICATION_ID: `Copy it from ${PORTAL} → your application → General Information → Application ID (17 to 20 digits).`,
  DISCORD_TOKEN: `Copy it from ${PORTAL} → your application → Bot → Reset Token: three parts separated by dots, without a "Bot " prefix.`,
  DISCORD_PUBLIC_KEY: `Copy it from ${PORTAL} → your application → General Information → Public Key (64 hex characters), or leave it empty for gateway mode.`,
  DISCORD_API_URL:
    'Give the REST base without the version, like https://discord.com/api (or your proxy / test server), or leave it empty.',
  DISCORD_GUILD_ID:
    'Right-click the server in Discord → Copy Server ID (turn on Settings → Advanced → Developer Mode first), or leave it empty to register globally.',
  DISCORD_MASK_ACCOUNT_IDS: 'Set it to true (the default) or false.',
};

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord ID (17 to 20 digits)');

const token = z.string().superRefine((s, ctx) => {
  if (/^(Bot|Bearer)\s/i.test(s)) {
    ctx.addIssue({ code: 'custom', message: 'must be the token alone, without the "Bot " prefix' });
  } else if (!/^[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$/.test(s)) {
    ctx.addIssue({
      code: 'custom',
      message:
        'does not look like a bot token (three base64 parts separated by dots; the client secret and the public key are other values)',
    });
  }
});

const publicKey = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hex characters of the application Public Key');

const apiUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .refine((s) => !/\/v\d+\/?$/.test(s), 'must not end with the API version (/v10): the bot adds it')
  .transform((s) => s.replace(/\/+$/, ''));

const flag = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off']))
  .transform((s) => ['true', '1', 'yes', 'on'].includes(s));

const schema = z.object({
  DISCORD_TOKEN: token.optional(),
  DISCORD_APPLICATION_ID: snowflake,
  DISCORD_PUBLIC_KEY: publicKey.optional(),
  DISCORD_API_URL: apiUrl.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_MASK_ACCOUNT_IDS: flag.default(true),
});

/** True when any DISCORD_* variable is set: the user means to run the Discord bot. */
export function discordRequested(env: Readonly<Record<string, string | undefined>>): boolean {
  return Object.keys(env).some((k) => k.startsWith('DISCORD_') && env[k]);
}

/**
 * Reads and checks the DISCORD_* variables. A missing or malformed one throws a ConfigError naming
 * every problem and where to find the right value.
 */
export function loadDiscordConfig(
  env: Readonly<Record<string, string | undefined>>,
  _common?: CommonConfig,
): DiscordConfig {
  const pick = (k: string) => {
    const v = env[k]?.trim();
    return v ? v : undefined;
  };
  const raw = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, pick(k)]));
  const r = schema.safeParse(raw);
  const issues: { path: readonly PropertyKey[]; message: string }[] = r.success
    ? []
    : r.error.issues.map((i) => ({
        path: i.path,
        message: i.code === 'invalid_type' && i.input === undefined ? 'is missing' : i.message,
      }));
  if (!raw.DISCORD_TOKEN && !raw.DISCORD_PUBLIC_KEY) {
    issues.push({
      path: ['DISCORD_TOKEN'],
      message:
        'is missing: gateway mode needs it (or set DISCORD_PUBLIC_KEY to serve HTTP interactions instead)',
    });
  }
  if (!r.success || issues.length > 0) throw new ConfigError(describeIssues(issues, HELP));
  const v = r.data;
  return {
    mode: v.DISCORD_PUBLIC_KEY ? 'http' : 'gateway',
    token: v.DISCORD_TOKEN,
    applicationId: v.DISCORD_APPLICATION_ID,
    publicKey: v.DISCORD_PUBLIC_KEY?.toLowerCase(),
    apiUrl: v.DISCORD_API_URL,
    guildId: v.DISCORD_GUILD_ID,
    maskAccountIds: v.DISCORD_MASK_ACCOUNT_IDS,
  };
}
