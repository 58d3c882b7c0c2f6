import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { loadSlackConfig, slackRequested } from '../../src/config/slack-config.js';

const common = { PORT: 3000, LOG_LEVEL: 'info' as const };
const BOT = 'xoxb-381492650217-7417430400123-Zq4vN8kP2mR6tY1wX3cB5dF7';
const SECRET = '8f14e45fceea167a5a36dedd4bea2543';
const APP = 'xapp-1-A0VPCDIAG-7417430400123-0c1d2e3f4a5b6c7d8e9f';

function problem(env: Record<string, string | undefined>): string {
  try {
    loadSlackConfig(env, common);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('the Slack configuration', () => {
  it('HTTP mode needs the bot token and the signing secret', () => {
    const c = loadSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET }, common);
    expect(c).toEqual({ botToken: BOT, signingSecret: SECRET, mode: 'http', port: 3000 });
  });

  it('an app-level token switches to Socket Mode, where the signing secret is not needed', () => {
    const c = loadSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }, common);
    expect(c.mode).toBe('socket');
    expect(c.appToken).toBe(APP);
    expect(c.signingSecret).toBeUndefined();
  });

  it('every missing variable is named at once, with where to find it', () => {
    const msg = problem({ SLACK_API_URL: 'http://127.0.0.1:9/api' });
    expect(msg).toMatch(/SLACK_BOT_TOKEN: is missing\..*OAuth & Permissions/);
    expect(msg).toMatch(/SLACK_SIGNING_SECRET: is missing .*Basic Information → App Credentials/);
  });

  it('tokens in the wrong variable are recognised and said so', () => {
    expect(problem({ SLACK_BOT_TOKEN: APP, SLACK_SIGNING_SECRET: SECRET })).toMatch(
      /SLACK_BOT_TOKEN: is an app-level token .*SLACK_APP_TOKEN/,
    );
    expect(problem({ SLACK_BOT_TOKEN: 'xoxp-1234-5678-abcdefabcdef', SLACK_SIGNING_SECRET: SECRET })).toMatch(
      /SLACK_BOT_TOKEN: is a user token/,
    );
    expect(problem({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: BOT })).toMatch(
      /SLACK_SIGNING_SECRET: holds a token/,
    );
    expect(problem({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: BOT })).toMatch(
      /SLACK_APP_TOKEN: does not look like/,
    );
  });

  it('a malformed API URL is refused; a good one gets its trailing slash', () => {
    expect(
      problem({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: 'slack.com/api' }),
    ).toMatch(/SLACK_API_URL: is not an http\(s\) URL/);
    const c = loadSlackConfig(
      { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: 'http://127.0.0.1:8080/api' },
      common,
    );
    expect(c.apiUrl).toBe('http://127.0.0.1:8080/api/');
  });

  it('empty variables count as unset and pasted whitespace is dropped', () => {
    const c = loadSlackConfig(
      {
        SLACK_BOT_TOKEN: ` ${BOT}\n`,
        SLACK_SIGNING_SECRET: `${SECRET} `,
        SLACK_APP_TOKEN: '',
        SLACK_API_URL: '',
      },
      common,
    );
    expect(c).toEqual({ botToken: BOT, signingSecret: SECRET, mode: 'http', port: 3000 });
  });

  it('the messages never repeat a secret back', () => {
    const msg = problem({ SLACK_BOT_TOKEN: `${BOT} extra`, SLACK_SIGNING_SECRET: 'short' });
    expect(msg).not.toContain(BOT);
    expect(msg).not.toContain('short');
  });

  it('is requested as soon as any SLACK_ variable is set', () => {
    expect(slackRequested({ SLACK_BOT_TOKEN: 'x' })).toBe(true);
    expect(slackRequested({ SLACK_APP_TOKEN: '' })).toBe(false);
    expect(slackRequested({ DISCORD_TOKEN: 'x' })).toBe(false);
  });
});
