import { afterEach, describe, expect, it } from 'vitest';
import { renderDiscordReport } from '../../../src/render/discord/render-discord-report.js';
import { SEVERITY_STYLE } from '../../../src/render/discord/severity-style.js';
import { syntheticFinding, syntheticReport } from '../../helpers/discord-synthetic-report.js';
import { discordError } from './fake-discord-api.js';
import { gatewayHarness, messageCalls } from './harness.js';
import {
  APP_ID,
  CHANNEL_ID,
  NO_THREAD_PERMISSIONS,
  type Place,
  slashDiagnose,
  THREAD_ID,
} from './payloads.js';

const PASTE = [
  '2 409217365528 eni-07b3c9d1e5f2a4c86 10.40.2.17 10.40.9.200 55812 5432 6 5 300 1721312000 1721312060 ACCEPT OK',
  '2 409217365528 eni-07b3c9d1e5f2a4c86 10.40.9.200 10.40.2.17 5432 55812 6 5 284 1721312000 1721312060 REJECT OK',
].join('\n');

/** A diagnosis with three findings (an error first), so that there is a thread to post. */
const report = syntheticReport([
  syntheticFinding('LOG_SKIPPED_DATA', { evidence: 2 }),
  syntheticFinding('NACL_OUTBOUND_BLOCKS_RESPONSE', { evidence: 30, proseRepeat: 4 }),
  syntheticFinding('EXPECTED_SCANNER_TRAFFIC_REJECTED', { evidence: 2 }),
]);
const diagnose = async () => ({ report, source: 'the pasted text (lines 1–2)' });
const expected = renderDiscordReport(report, { maskAccountIds: true, source: 'the pasted text (lines 1–2)' });

let h: Awaited<ReturnType<typeof gatewayHarness>>;
afterEach(async () => h?.close());

async function run(place: Place, permissions?: string) {
  h = await gatewayHarness({ diagnose });
  const payload = slashDiagnose({ text: PASTE, place, permissions });
  await h.send(payload);
  return payload;
}

describe('/diagnose in a server channel', () => {
  it('defers at once, replies with the verdict, starts a thread on the reply and posts the findings there in order', async () => {
    const payload = await run('guild');
    const trail = h.api.trail();
    const reply = h.api.calls[1]!;
    expect(trail[0]).toBe(`POST /interactions/${payload.id}/${payload.token}/callback`);
    expect(h.api.calls[0]!.body).toEqual({ type: 5, data: {} });
    expect(trail[1]).toBe(`PATCH /webhooks/${APP_ID}/${payload.token}/messages/@original`);
    expect(reply.body.embeds).toHaveLength(1);
    expect(reply.body.embeds[0].color).toBe(SEVERITY_STYLE.error.color);
    const replyId = h.api.calls.find((c) => c.method === 'PATCH')!;
    expect(replyId).toBeDefined();
    const threadCall = h.api.calls[2]!;
    expect(threadCall.path).toMatch(new RegExp(`^/channels/${CHANNEL_ID}/messages/\\d+/threads$`));
    expect(threadCall.body.name).toBe(expected.threadName);
    const threadId = threadCall.path.split('/')[4]!;
    const posts = h.api.calls.slice(3);
    expect(posts.map((c) => c.path)).toEqual(expected.thread.map(() => `/channels/${threadId}/messages`));
    expect(posts.map((c) => c.body.content)).toEqual(expected.thread);
    expect(posts.every((c) => c.body.flags === 1 << 2)).toBe(true);
  });

  it('answers the interaction without the bot token and posts in threads with it', async () => {
    await run('guild');
    for (const c of h.api.calls) {
      if (/^\/(webhooks|interactions)\//.test(c.path)) expect(c.headers.authorization).toBeUndefined();
      else expect(c.headers.authorization).toMatch(/^Bot /);
    }
  });

  it('sends every message with mentions disabled', async () => {
    await run('guild');
    const messages = messageCalls(h.api.calls);
    expect(messages.length).toBe(1 + expected.thread.length);
    for (const c of messages) expect(c.body.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('where a thread is impossible, the details follow as follow-ups and the reason is said once', () => {
  const cases: [string, Place, string | undefined, RegExp][] = [
    ['in a DM', 'dm', undefined, /Direct messages have no threads/],
    ['inside a thread', 'thread', undefined, /already a thread/],
    ['in a forum post', 'forum-post', undefined, /already a thread/],
    ['without Create Public Threads', 'guild', NO_THREAD_PERMISSIONS, /may not start threads here/],
  ];
  for (const [name, place, permissions, reason] of cases) {
    it(name, async () => {
      const payload = await run(place, permissions);
      expect(h.api.trail().some((t) => t.endsWith('/threads'))).toBe(false);
      const followUps = h.api.calls.filter(
        (c) => c.method === 'POST' && c.path === `/webhooks/${APP_ID}/${payload.token}`,
      );
      // account IDs are masked in servers only
      const want = renderDiscordReport(report, {
        maskAccountIds: place !== 'dm',
        source: 'the pasted text (lines 1–2)',
        detailsWhere: 'below',
      });
      expect(followUps.map((c) => c.body.content.replace(/^-# ℹ️ .*\n/, ''))).toEqual(want.thread);
      expect(followUps.filter((c) => reason.test(c.body.content))).toHaveLength(1);
      expect(followUps[0]!.body.content).toMatch(reason);
      for (const c of followUps) {
        expect(c.body.allowed_mentions).toEqual({ parse: [] });
        expect(c.body.flags ?? 0).toBe(1 << 2);
      }
    });
  }

  it('Discord refusing the thread (50013 Missing Permissions) falls back the same way', async () => {
    h = await gatewayHarness({ diagnose });
    h.api.on('POST', /\/threads$/, () => discordError(403, 50013, 'Missing Permissions'));
    const payload = slashDiagnose({ text: PASTE });
    await h.send(payload);
    const followUps = h.api.calls.filter((c) => c.path === `/webhooks/${APP_ID}/${payload.token}`);
    expect(followUps).toHaveLength(expected.thread.length);
    expect(followUps[0]!.body.content).toMatch(/may not start threads here/);
    expect(h.logs.join('\n')).toMatch(/could not start a thread/);
  });

  it('a refusal halfway through the thread sends the rest as follow-ups, nothing twice, nothing lost', async () => {
    h = await gatewayHarness({ diagnose });
    let posted = 0;
    h.api.on('POST', /^\/channels\/\d+\/messages$/, () =>
      ++posted > 2 ? discordError(403, 50001, 'Missing Access') : undefined,
    );
    const payload = slashDiagnose({ text: PASTE });
    await h.send(payload);
    const inThread = h.api.calls.filter((c) => /^\/channels\/\d+\/messages$/.test(c.path)).slice(0, 2);
    const followUps = h.api.calls.filter((c) => c.path === `/webhooks/${APP_ID}/${payload.token}`);
    const delivered = [
      ...inThread.map((c) => c.body.content),
      ...followUps.map((c) => c.body.content.replace(/^-# ℹ️ .*\n/, '')),
    ];
    expect(delivered).toEqual(expected.thread);
  });

  it('installed on the user only: at most 5 follow-ups, the last one saying what did not fit', async () => {
    h = await gatewayHarness({
      diagnose: async () => ({
        report: syntheticReport(
          [
            'SG_INBOUND_BLOCKS',
            'SG_OUTBOUND_BLOCKS',
            'ROUTE_BLACKHOLE',
            'NO_INTERNET_ROUTE',
            'TGW_ROUTE_MISSING',
            'PUBLIC_IP_MISSING',
          ].map((c) => syntheticFinding(c as 'SG_INBOUND_BLOCKS', { evidence: 10 })),
        ),
        source: 'the pasted text (lines 1–2)',
      }),
    });
    const payload = slashDiagnose({ text: PASTE, place: 'user-install' });
    await h.send(payload);
    expect(h.api.trail().some((t) => t.endsWith('/threads'))).toBe(false);
    const followUps = h.api.calls.filter((c) => c.path === `/webhooks/${APP_ID}/${payload.token}`);
    expect(followUps).toHaveLength(5);
    expect(followUps[0]!.body.content).toMatch(/installed on your account but not in this server/);
    expect(followUps[4]!.body.content).toMatch(/^-# …\d+ more parts of this diagnosis do not fit/);
  });
});

describe('a thread that cannot be used does not leave the reply without its verdict', () => {
  it('the verdict reply is sent before any thread is attempted', async () => {
    await run('guild');
    const order = h.api.trail();
    expect(order.findIndex((t) => t.startsWith('PATCH'))).toBeLessThan(
      order.findIndex((t) => t.endsWith('/threads')),
    );
    expect(THREAD_ID).not.toBe(CHANNEL_ID);
  });
});
