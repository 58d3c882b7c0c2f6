import { afterEach, describe, expect, it } from 'vitest';
import { decodeSlackText } from '../../../src/adapters/slack/decode-slack-text.js';
import { diagnoseText } from '../../../src/core/diagnose.js';
import { renderSlackReport } from '../../../src/render/slack/render-slack-report.js';
import { syntheticFinding, syntheticReport } from '../../helpers/synthetic-report.js';
import { postSigned } from './signed-request.js';
import { answered, SECRET, type SlackHarness, startHarness, TOKEN } from './slack-app-harness.js';
import { flowLogLines, slackEncode, slashCommand } from './slack-fixtures.js';

let h: SlackHarness;

afterEach(async () => {
  const logged = h.logs.join('\n');
  expect(logged).not.toContain(TOKEN);
  expect(logged).not.toContain(SECRET);
  await h.stop();
});

type Posted = {
  channel?: string;
  thread_ts?: string;
  text?: string;
  blocks?: unknown[];
  [k: string]: unknown;
};
const posts = (): Posted[] => h.api.api('chat.postMessage').map((c) => c.body as Posted);

describe('/diagnose over HTTP', () => {
  it('checks the bot token with auth.test at start-up, before serving', async () => {
    h = await startHarness();
    const [auth] = h.api.api('auth.test');
    expect(auth?.authorization === `Bearer ${TOKEN}` || auth?.body.token === TOKEN).toBe(true);
  });

  it('serves POST /slack/events on the shared server beside /healthz; other methods get 405', async () => {
    h = await startHarness();
    const health = await fetch(`${h.baseUrl}/healthz`);
    expect(await health.json()).toMatchObject({ ok: true, routes: ['/slack/events'] });
    const get = await fetch(h.eventsUrl);
    expect(get.status).toBe(405);
  });

  it('a signed command is acknowledged at once, then the verdict is posted and the findings threaded under it', async () => {
    h = await startHarness();
    const paste = 'our app cant reach the db since tuesday, pls help\nwhat even is this';
    const res = await postSigned(h.eventsUrl, slashCommand(h.api, paste), SECRET);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    await answered(h);

    const expected = renderSlackReport(diagnoseText(paste), {
      source: '2 lines pasted with /diagnose',
      maxThreadMessages: 20,
    });
    const [parent, ...thread] = posts();
    expect(parent?.channel).toBe('C0NETOPS');
    expect(parent?.thread_ts).toBeUndefined();
    expect(parent?.blocks).toEqual(expected.verdict.blocks);
    expect(parent?.text).toBe(expected.verdict.text);
    expect(parent?.unfurl_links).toBe('false');
    expect(parent).not.toHaveProperty('link_names');
    expect(parent).not.toHaveProperty('parse');

    const parentTs = h.api.api('chat.postMessage')[0]?.reply?.ts;
    expect(parentTs).toMatch(/^\d{10}\.\d{6}$/);
    expect(thread.length).toBe(expected.thread.length);
    expect(thread.length).toBeGreaterThan(0);
    for (const [i, m] of thread.entries()) {
      expect(m.channel).toBe('C0NETOPS');
      expect(m.thread_ts).toBe(parentTs);
      expect(m.blocks).toEqual(expected.thread[i]!.blocks);
    }
    for (const c of h.api.api('chat.postMessage')) expect(c.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('Slack-escaped flow-log lines are decoded before reading, so every record is read', async () => {
    h = await startHarness();
    const lines = flowLogLines(12);
    const text = slackEncode(
      `app -> db times out, logs from eni-0b7e4c1d9a2f63e58 & the db subnet:\n${lines.join('\n')}`,
    );
    const res = await postSigned(h.eventsUrl, slashCommand(h.api, text), SECRET);
    expect(res.status).toBe(200);
    await answered(h);
    const report = diagnoseText(decodeSlackText(text));
    expect(report.input.records).toBe(12);
    expect(posts()[0]?.blocks).toEqual(
      renderSlackReport(report, { source: '13 lines pasted with /diagnose' }).verdict.blocks,
    );
    expect(JSON.stringify(posts()[0]?.blocks)).toContain('Read 12 flow-log records');
  });

  it('a request with a bad signature gets 401 and causes no Slack API call', async () => {
    h = await startHarness();
    const before = h.api.calls.length;
    const res = await postSigned(h.eventsUrl, slashCommand(h.api, flowLogLines(3).join('\n')), SECRET, {
      signature: 'v0=6f1ed002ab5595859014ebf0951522d9',
    });
    expect(res.status).toBe(401);
    const forged = await postSigned(h.eventsUrl, slashCommand(h.api, 'x'), 'not-the-signing-secret-at-all');
    expect(forged.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.api.calls.length).toBe(before);
  });

  it('a timestamp older than 5 minutes is refused, even with a valid signature; 4 minutes is accepted', async () => {
    h = await startHarness();
    const now = Math.floor(Date.now() / 1000);
    const stale = await postSigned(h.eventsUrl, slashCommand(h.api, 'help'), SECRET, {
      timestamp: now - 6 * 60,
    });
    expect(stale.status).toBe(401);
    const recent = await postSigned(h.eventsUrl, slashCommand(h.api, 'help'), SECRET, {
      timestamp: now - 4 * 60,
    });
    expect(recent.status).toBe(200);
  });

  it('where the app is not in the channel, the full report goes privately to response_url with how to invite it', async () => {
    h = await startHarness({
      core: {
        diagnoseText: () =>
          syntheticReport([
            syntheticFinding('NACL_OUTBOUND_BLOCKS_RESPONSE', 'error'),
            syntheticFinding('LOG_SKIPPED_DATA', 'warning'),
          ]),
      },
    });
    h.api.reply('chat.postMessage', { ok: false, error: 'not_in_channel' });
    await postSigned(h.eventsUrl, slashCommand(h.api, flowLogLines(6).join('\n'), 'private-1'), SECRET);
    await answered(h);
    const hooks = h.api.hooks('private-1');
    expect(hooks.length).toBeGreaterThanOrEqual(1);
    expect(hooks.length).toBeLessThanOrEqual(5);
    for (const hk of hooks) {
      expect(hk.body.response_type).toBe('ephemeral');
      expect(hk.body.replace_original).toBe(false);
      expect(hk.authorization).toBeUndefined();
    }
    const text = JSON.stringify(hooks.map((x) => x.body));
    expect(text).toContain('/invite <@U0VPCDIAG>');
    expect(text).toContain('NACL_OUTBOUND_BLOCKS_RESPONSE');
    expect(text).toContain('LOG_SKIPPED_DATA');
    expect(text).toContain('aws ec2 create-network-acl-entry');
    expect(posts()).toHaveLength(1);
  });

  it('a DM between people (channel_not_found) also falls back to a private answer', async () => {
    h = await startHarness();
    h.api.reply('chat.postMessage', { ok: false, error: 'channel_not_found' });
    await postSigned(h.eventsUrl, slashCommand(h.api, 'no idea what to paste', 'dm-1'), SECRET);
    await answered(h);
    expect(h.api.hooks('dm-1').length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(h.api.hooks('dm-1')[0]?.body)).toContain('Only you can see this');
  });

  it('a 3000-character paste is acknowledged well inside 3 s and all of it is read', async () => {
    h = await startHarness();
    let lines = flowLogLines(40);
    while (lines.join('\n').length > 3000) lines = lines.slice(0, -1);
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(2800);
    const res = await postSigned(h.eventsUrl, slashCommand(h.api, text), SECRET);
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(1000);
    await answered(h);
    expect(JSON.stringify(posts()[0]?.blocks)).toContain(`Read ${lines.length} flow-log records`);
  });

  it('the acknowledgement of a very large paste (200 KB) does not wait for the diagnosis', async () => {
    h = await startHarness();
    const text = flowLogLines(2000).join('\n');
    expect(text.length).toBeGreaterThan(200_000);
    const res = await postSigned(h.eventsUrl, slashCommand(h.api, text), SECRET);
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(1000);
    await answered(h);
    expect(JSON.stringify(posts()[0]?.blocks)).toContain('Read 2,000 flow-log records');
  });

  it('a paste of pure garbage gets a sensible answer: what can be pasted, not an error', async () => {
    h = await startHarness();
    const garbage = '¯\\_(ツ)_/¯ asdkjh 0x7f3a 💥💥 ;;; DROP TABLE users; --\n\u0000\u0007 qwertyuiop';
    await postSigned(h.eventsUrl, slashCommand(h.api, garbage), SECRET);
    await answered(h);
    const text = JSON.stringify(posts().map((p) => p.blocks));
    expect(text).toContain('INPUT_NOT_RECOGNIZED');
    expect(text).toContain('To settle it, paste');
    expect(h.api.hooks()).toHaveLength(0);
  });

  it('mentions in the paste are echoed inert: no <!channel>, <!here> or <@U123> reaches Slack', async () => {
    // A rule that quotes the input, as real evidence does.
    h = await startHarness({
      core: {
        diagnoseText: (text) => {
          const f = syntheticFinding('NEED_MORE_INFO', 'info', {
            title: `You wrote: ${text.split('\n')[0]}`,
          });
          f.evidence = text.split('\n').map((t, i) => ({ kind: 'text' as const, lines: [i + 1], text: t }));
          return syntheticReport([f]);
        },
      },
    });
    // As Slack sends them: real mentions are <…>, mention syntax typed literally arrives as &lt;…&gt;.
    const text =
      '<!channel> <!here> <@U123> why is 10.0.1.5 &lt;!channel&gt; &lt;@U123|bob&gt; blocked\n<!everyone> <http://evil.example|aws.amazon.com>';
    await postSigned(h.eventsUrl, slashCommand(h.api, text), SECRET);
    await answered(h);
    const sent = JSON.stringify(h.api.api('chat.postMessage').map((c) => c.body));
    expect(sent).toContain('You wrote:');
    expect(sent).not.toMatch(/<[!@#]/);
    expect(sent).not.toContain('<http');
    expect(sent).toContain('&lt;!channel&gt;');
    expect(sent).toContain('@here');
  });

  it('a core failure gets the user a short apology with a reference, is logged, and the app keeps serving', async () => {
    let calls = 0;
    h = await startHarness({
      core: {
        diagnoseText: (text, o) => {
          calls++;
          if (calls === 1) throw new TypeError("Cannot read properties of undefined (reading 'srcaddr')");
          return diagnoseText(text, o);
        },
      },
    });
    await postSigned(h.eventsUrl, slashCommand(h.api, flowLogLines(3).join('\n'), 'boom-1'), SECRET);
    await h.api.until(() => h.api.hooks('boom-1').length > 0);
    const [apology] = h.api.hooks('boom-1');
    expect(apology?.body.response_type).toBe('ephemeral');
    const said = JSON.stringify(apology?.body);
    expect(said).toMatch(/Sorry.*reference ([0-9a-f]{8})/);
    const reference = /reference ([0-9a-f]{8})/.exec(said)![1];
    const failure = h.parsedLogs().find((l) => l.msg === 'answer failed');
    expect(failure?.reference).toBe(reference);
    expect(JSON.stringify(failure)).toContain('srcaddr');
    expect(said).not.toContain('srcaddr');

    await postSigned(h.eventsUrl, slashCommand(h.api, flowLogLines(3).join('\n'), 'boom-2'), SECRET);
    await answered(h, 2);
    expect(posts()).not.toHaveLength(0);
  });

  it('a Slack error part-way through the thread tells the user where it stopped', async () => {
    h = await startHarness({
      core: {
        diagnoseText: () =>
          syntheticReport(
            ['SG_INBOUND_BLOCKS', 'ROUTE_BLACKHOLE', 'LOG_NO_DATA'].map((c) =>
              syntheticFinding(c as never, 'error'),
            ),
          ),
      },
    });
    let n = 0;
    h.api.reply('chat.postMessage', (body) =>
      ++n === 3
        ? { ok: false, error: 'msg_too_long' }
        : { ok: true, channel: body.channel, ts: `1717430400.00010${n}` },
    );
    await postSigned(h.eventsUrl, slashCommand(h.api, 'x', 'partial-1'), SECRET);
    await h.api.until(() => h.api.hooks('partial-1').length > 0);
    expect(posts()).toHaveLength(3);
    expect(JSON.stringify(h.api.hooks('partial-1')[0]?.body)).toContain('the thread stops at reply 1 of 3');
  });

  it('a long report is posted sequentially: one thread reply per finding, paced, all under the parent', async () => {
    const codes = [
      'NACL_OUTBOUND_BLOCKS_RESPONSE',
      'SG_INBOUND_BLOCKS',
      'ROUTE_BLACKHOLE',
      'TGW_ROUTE_MISSING',
      'LOG_SKIPPED_DATA',
      'NETWORK_PATH_OK',
    ];
    const report = syntheticReport(
      codes.map((c) => syntheticFinding(c as never, 'error', { evidence: 40, terraformChars: 5000 })),
    );
    h = await startHarness({
      tuning: { postIntervalMs: 40, postBurst: 2 },
      core: { diagnoseText: () => report },
    });
    await postSigned(h.eventsUrl, slashCommand(h.api, 'x'), SECRET);
    await answered(h);
    const calls = h.api.api('chat.postMessage');
    const [parent, ...thread] = calls;
    expect(thread.length).toBeGreaterThanOrEqual(codes.length);
    const parentTs = parent?.reply?.ts;
    expect(parentTs).toBeDefined();
    for (const c of thread) expect(c.body.thread_ts).toBe(parentTs);
    const headers = thread
      .map((c) => (c.body.blocks as { type: string; text?: { text: string } }[])[0])
      .filter((b) => b?.type === 'header')
      .map((b) => b!.text!.text.replace(/^\d+\/\d+ \S+ \S+ · /, ''));
    expect(headers).toEqual(report.findings.map((f) => f.code));
    expect(parent?.body.thread_ts).toBeUndefined();
    // A burst of 2, then one post per 40 ms, so the last post is released at least (n - 2) × 40 ms after
    // the first. Arrival times at the fake API also carry event-loop lag (the first post can arrive late
    // on a busy machine), so allow one interval of it; the exact spacing is unit-tested with a fake clock
    // in channel-pacer.test.ts.
    const n = calls.length;
    expect(calls[n - 1]!.at - calls[0]!.at).toBeGreaterThanOrEqual((n - 2) * 40 - 40);
  });
});

describe('/diagnose help and the form', () => {
  it('/diagnose help answers privately with what can be pasted, and calls no API', async () => {
    h = await startHarness();
    const before = h.api.calls.length;
    const res = await postSigned(h.eventsUrl, slashCommand(h.api, 'help'), SECRET);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text);
    expect(body.response_type).toBe('ephemeral');
    const text = JSON.stringify(body.blocks);
    expect(text).toContain('flow-log lines');
    expect(text).toContain('describe-*');
    expect(text).toContain('*Diagnose*');
    expect(text).not.toMatch(/[<>]/);
    expect(h.api.calls.length).toBe(before);
  });

  it('the form round trip: /diagnose alone opens it, a submission closes it and posts to the channel', async () => {
    h = await startHarness();
    const res = await postSigned(h.eventsUrl, slashCommand(h.api, '   ', 'form-1'), SECRET);
    expect(res.status).toBe(200);
    await answered(h);
    const [open] = h.api.api('views.open');
    expect(open?.body.trigger_id).toBe(slashCommand(h.api, '').trigger_id);
    const view = open?.body.view as {
      callback_id: string;
      private_metadata: string;
      blocks: { block_id: string; element: { multiline: boolean; max_length: number; action_id: string } }[];
    };
    expect(view.callback_id).toBe('diagnose_modal');
    expect(view.blocks[0]?.element).toMatchObject({ multiline: true, max_length: 3000 });

    const submit = (text: string) => ({
      payload: JSON.stringify({
        type: 'view_submission',
        team: { id: 'T0TEAM', domain: 'acme-net' },
        user: { id: 'U0ALICE', name: 'alice', team_id: 'T0TEAM' },
        api_app_id: 'A0VPCDIAG',
        token: 'legacy-verification-token',
        trigger_id: '7417430400789.1234567890.aa',
        view: {
          id: 'V0FORM',
          type: 'modal',
          callback_id: view.callback_id,
          private_metadata: view.private_metadata,
          team_id: 'T0TEAM',
          hash: '1717430401.abc',
          state: {
            values: {
              [view.blocks[0]!.block_id]: {
                [view.blocks[0]!.element.action_id]: { type: 'plain_text_input', value: text },
              },
            },
          },
        },
        response_urls: [],
      }),
    });

    const empty = await postSigned(h.eventsUrl, submit('  \n '), SECRET);
    expect(empty.status).toBe(200);
    expect(JSON.parse(empty.text)).toMatchObject({
      response_action: 'errors',
      errors: { paste: expect.any(String) },
    });
    expect(posts()).toHaveLength(0);

    const lines = flowLogLines(9).join('\n');
    const ok = await postSigned(h.eventsUrl, submit(lines), SECRET);
    expect(ok.status).toBe(200);
    expect(ok.text).toBe('');
    await answered(h, 2);
    expect(posts()[0]?.channel).toBe('C0NETOPS');
    expect(JSON.stringify(posts()[0]?.blocks)).toContain('Read 9 flow-log records');
    expect(JSON.stringify(posts()[0]?.blocks)).toContain('/diagnose form');
  });

  it('a form opened where the app is not a member answers privately through the command’s response_url', async () => {
    h = await startHarness();
    await postSigned(h.eventsUrl, slashCommand(h.api, '', 'form-private'), SECRET);
    await answered(h);
    const view = h.api.api('views.open')[0]?.body.view as { private_metadata: string };
    h.api.reply('chat.postMessage', { ok: false, error: 'not_in_channel' });
    await postSigned(
      h.eventsUrl,
      {
        payload: JSON.stringify({
          type: 'view_submission',
          team: { id: 'T0TEAM', domain: 'acme-net' },
          user: { id: 'U0ALICE', name: 'alice', team_id: 'T0TEAM' },
          api_app_id: 'A0VPCDIAG',
          view: {
            id: 'V0FORM',
            type: 'modal',
            callback_id: 'diagnose_modal',
            private_metadata: view.private_metadata,
            state: {
              values: { paste: { text: { type: 'plain_text_input', value: flowLogLines(3).join('\n') } } },
            },
          },
        }),
      },
      SECRET,
    );
    await answered(h, 2);
    expect(JSON.stringify(h.api.hooks('form-private').map((x) => x.body))).toContain(
      'Read 3 flow-log records',
    );
  });
});
