import type { CommonConfig } from './common-config.js';
import { ConfigError } from './config-error.js';

/** Settings of the Slack app (filled in by the Slack adapter's issue). */
export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  appToken?: string;
  apiUrl?: string;
}

/** True when any SLACK_* variable is set: the user means to run the Slack app. */
export function slackRequested(env: Readonly<Record<string, string | undefined>>): boolean {
  return Object.keys(env).some((k) => k.startsWith('SLACK_') && env[k]);
}

export function loadSlackConfig(
  _env: Readonly<Record<string, string | undefined>>,
  _common: CommonConfig,
): SlackConfig {
  throw new ConfigError('the Slack app is not available in this build yet');
}
