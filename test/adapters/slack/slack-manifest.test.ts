import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DIAGNOSE_SHORTCUT_ID } from '../../../src/adapters/slack/handle-diagnose-shortcut.js';
import { SLACK_EVENTS_PATH } from '../../../src/adapters/slack/start-slack.js';

const manifest = parse(
  readFileSync(join(import.meta.dirname, '../../../commands/slack-manifest.yaml'), 'utf8'),
);

describe('the Slack app manifest', () => {
  it('declares /diagnose and the Diagnose shortcut that the app handles, at the path it serves', () => {
    const [command] = manifest.features.slash_commands;
    expect(command.command).toBe('/diagnose');
    expect(command.should_escape).toBe(false);
    expect(new URL(command.url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(new URL(manifest.settings.interactivity.request_url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ type: 'message', callback_id: DIAGNOSE_SHORTCUT_ID, name: 'Diagnose' }),
    ]);
  });

  it('asks for the scopes the app uses and no more', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(['commands', 'chat:write', 'files:read']);
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
    expect(manifest.features.event_subscriptions).toBeUndefined();
  });

  it('stays within Slack’s manifest limits', () => {
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    const long = manifest.display_information.long_description.length;
    expect(long).toBeGreaterThanOrEqual(175);
    expect(long).toBeLessThanOrEqual(4000);
    for (const s of manifest.features.shortcuts) expect(s.description.length).toBeLessThanOrEqual(150);
    for (const c of manifest.features.slash_commands) {
      expect(c.command.length).toBeLessThanOrEqual(32);
      expect(c.usage_hint.length).toBeLessThanOrEqual(1000);
    }
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
  });
});
