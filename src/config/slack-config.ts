import { z } from 'zod';
import type { CommonConfig } from './common-config.js';
import { ConfigError, describeIssues } from './config-error.js';

/** Settings of the Slack app, validated at start-up. */
export interface SlackConfig {
  /** Bot User OAuth Token (xoxb-…) */
  botToken: string;
  /** Signing Secret: checks that requests to POST /slack/events come from Slack (HTTP mode) */
  signingSecret?: string;
  /** App-level token (xapp-…): when set, the app connects over Socket Mode instead of HTTP */
  appToken?: string;
  /** Web API base URL ending in `/` (a proxy or a test server); Slack's own when unset */
  apiUrl?: string;
  /** how Slack reaches the app */
  mode: 'http' | 'socket';
  /** TCP port of the shared HTTP server (from PORT) */
  port: number;
}

const APPS = 'https://api.slack.com/apps → your app';

/** Where each value is found, appended to the problem so the message says what to do next. */
const HELP: Record<string, string> = {
  SLACK_BOT_TOKEN: `Copy the "Bot User OAuth Token" (it starts with xoxb-) from ${APPS} → OAuth & Permissions; install the app to the workspace first if there is none.`,
  SLACK_SIGNING_SECRET: `Copy the "Signing Secret" from ${APPS} → Basic Information → App Credentials (click Show).`,
  SLACK_APP_TOKEN: `Leave it empty for HTTP mode, or for Socket Mode create an App-Level Token with the connections:write scope (${APPS} → Basic Information → App-Level Tokens; it starts with xapp-).`,
  SLACK_API_URL:
    'Leave it empty to use https://slack.com/api/, or give the full http(s) URL of a proxy or test server.',
};

/** A string variable with one check that returns the problem, if any (one message per variable). */
const text = (problem: (s: string) => string | undefined) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? 'is missing' : 'must be text') })
    .superRefine((s, ctx) => {
      const message = problem(s);
      if (message) ctx.addIssue({ code: 'custom', message });
    });

export const slackConfigSchema = z.object({
  SLACK_BOT_TOKEN: text((s) => {
    if (s.startsWith('xapp-')) return 'is an app-level token (xapp-…); that one belongs in SLACK_APP_TOKEN';
    if (s.startsWith('xoxp-')) return 'is a user token (xoxp-…); the app needs its bot token';
    if (!/^xoxb-[A-Za-z0-9-]{10,}$/.test(s)) return 'does not look like a bot token (xoxb-…)';
  }),
  SLACK_SIGNING_SECRET: text((s) => {
    if (/^(xox|xapp-)/.test(s)) return 'holds a token; the signing secret is a different value';
    if (!/^[A-Za-z0-9]{16,128}$/.test(s))
      return 'does not look like a signing secret (letters and digits, usually 32 hex characters)';
  }).optional(),
  SLACK_APP_TOKEN: text((s) =>
    /^xapp-[A-Za-z0-9-]{10,}$/.test(s) ? undefined : 'does not look like an app-level token (xapp-…)',
  ).optional(),
  SLACK_API_URL: text((s) => {
    try {
      if (['http:', 'https:'].includes(new URL(s).protocol)) return undefined;
    } catch {
      // not a URL at all
    }
    return 'is not an http(s) URL';
  }).optional(),
});

/**
 * Reads the Slack settings from the environment. A missing or malformed variable throws a ConfigError
 * that names every problem and where to find the right value. Empty variables count as unset, and
 * surrounding whitespace (a copy-paste habit) is dropped.
 */
export function loadSlackConfig(
  env: Readonly<Record<string, string | undefined>>,
  common: CommonConfig,
): SlackConfig {
  const read = (name: string) => env[name]?.trim() || undefined;
  const r = slackConfigSchema.safeParse({
    SLACK_BOT_TOKEN: read('SLACK_BOT_TOKEN'),
    SLACK_SIGNING_SECRET: read('SLACK_SIGNING_SECRET'),
    SLACK_APP_TOKEN: read('SLACK_APP_TOKEN'),
    SLACK_API_URL: read('SLACK_API_URL'),
  });
  const issues: { path: readonly PropertyKey[]; message: string }[] = r.success ? [] : [...r.error.issues];
  // HTTP mode verifies every request with the signing secret; Socket Mode does not use it.
  if (!read('SLACK_APP_TOKEN') && !read('SLACK_SIGNING_SECRET')) {
    issues.push({
      path: ['SLACK_SIGNING_SECRET'],
      message: 'is missing (HTTP mode needs it; Socket Mode, with SLACK_APP_TOKEN set, does not)',
    });
  }
  if (!r.success || issues.length > 0) throw new ConfigError(describeIssues(issues, HELP));
  const v = r.data;
  return {
    botToken: v.SLACK_BOT_TOKEN,
    ...(v.SLACK_SIGNING_SECRET ? { signingSecret: v.SLACK_SIGNING_SECRET } : {}),
    ...(v.SLACK_APP_TOKEN ? { appToken: v.SLACK_APP_TOKEN } : {}),
    ...(v.SLACK_API_URL
      ? { apiUrl: v.SLACK_API_URL.endsWith('/') ? v.SLACK_API_URL : `${v.SLACK_API_URL}/` }
      : {}),
    mode: v.SLACK_APP_TOKEN ? 'socket' : 'http',
    port: common.PORT,
  };
}

/** True when any SLACK_* variable is set: the user means to run the Slack app. */
export function slackRequested(env: Readonly<Record<string, string | undefined>>): boolean {
  return Object.keys(env).some((k) => k.startsWith('SLACK_') && env[k]);
}
