import type { FakeSlackApi } from './fake-slack-api.js';

/** A slash command body as Slack posts it (form fields), for the given text. */
export function slashCommand(api: FakeSlackApi, text: string, hook = 'cmd-1'): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0TEAM',
    team_domain: 'acme-net',
    channel_id: 'C0NETOPS',
    channel_name: 'netops',
    user_id: 'U0ALICE',
    user_name: 'alice',
    command: '/diagnose',
    text,
    api_app_id: 'A0VPCDIAG',
    is_enterprise_install: 'false',
    response_url: api.hook(hook),
    trigger_id: '7417430400123.1234567890.5f1e0c9a8b7d6e5f4a3b2c1d0e9f8a7b',
  };
}

/** A "Diagnose" message shortcut payload on `message`. */
export function messageShortcut(api: FakeSlackApi, message: Record<string, unknown>, hook = 'sc-1') {
  return {
    type: 'message_action',
    callback_id: 'diagnose_message',
    trigger_id: '7417430400456.1234567890.0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d',
    response_url: api.hook(hook),
    message_ts: message.ts,
    action_ts: '1717430500.123456',
    token: 'legacy-verification-token',
    team: { id: 'T0TEAM', domain: 'acme-net' },
    user: { id: 'U0ALICE', name: 'alice', team_id: 'T0TEAM' },
    channel: { id: 'C0NETOPS', name: 'netops' },
    message: { type: 'message', user: 'U0BOB', ...message },
  };
}

/**
 * Default-format (v2) flow-log records from an app subnet talking to a database subnet: ACCEPTed
 * requests to 5432 with their replies REJECTed on the way back, and some unrelated HTTPS traffic.
 */
export function flowLogLines(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const start = 1717430400 + i * 60;
    const port = 41000 + ((i * 7919) % 20000);
    switch (i % 3) {
      case 0:
        out.push(
          `2 381492650217 eni-0b7e4c1d9a2f63e58 10.40.1.${20 + (i % 9)} 10.40.8.17 ${port} 5432 6 3 180 ${start} ${start + 60} ACCEPT OK`,
        );
        break;
      case 1:
        out.push(
          `2 381492650217 eni-0b7e4c1d9a2f63e58 10.40.8.17 10.40.1.${20 + ((i - 1) % 9)} 5432 ${41000 + (((i - 1) * 7919) % 20000)} 6 3 164 ${start} ${start + 60} REJECT OK`,
        );
        break;
      default:
        out.push(
          `2 381492650217 eni-0b7e4c1d9a2f63e58 10.40.1.31 52.94.133.${i % 200} ${port} 443 6 12 4810 ${start} ${start + 60} ACCEPT OK`,
        );
    }
  }
  return out;
}

/** Slack's encoding of message and command text: & < > become entities. */
export function slackEncode(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
