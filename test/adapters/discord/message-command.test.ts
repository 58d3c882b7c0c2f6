import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { echoingDiagnose } from './echo-diagnose.js';
import { discordError } from './fake-discord-api.js';
import { flowLogFile, gz } from './flow-log-fixture.js';
import { gatewayHarness, messageCalls } from './harness.js';
import { APP_ID, CHANNEL_ID, messageDiagnose, TARGET_MESSAGE_ID } from './payloads.js';

let h: Awaited<ReturnType<typeof gatewayHarness>>;
afterEach(async () => h?.close());

const POSTED = `my app can't reach the db since the NACL change, logs from the db ENI:
2 409217365528 eni-07b3c9d1e5f2a4c86 10.40.2.17 10.40.9.200 55812 5432 6 5 300 1721312000 1721312060 ACCEPT OK
2 409217365528 eni-07b3c9d1e5f2a4c86 10.40.9.200 10.40.2.17 5432 55812 6 5 284 1721312000 1721312060 REJECT OK`;

describe('Apps → Diagnose on a message', () => {
  it('answers in a thread on that message (verdict first), and privately points the user to it', async () => {
    h = await gatewayHarness({ diagnose: echoingDiagnose() });
    const payload = messageDiagnose({ content: POSTED });
    await h.send(payload);
    const trail = h.api.trail();
    expect(h.api.calls[0]!.body).toEqual({ type: 5, data: { flags: 1 << 6 } });
    expect(trail[1]).toBe(`POST /channels/${CHANNEL_ID}/messages/${TARGET_MESSAGE_ID}/threads`);
    const inThread = h.api.calls.filter((c) => c.path === `/channels/${TARGET_MESSAGE_ID}/messages`);
    expect(inThread.length).toBeGreaterThan(3);
    expect(inThread[0]!.body.embeds).toHaveLength(1);
    expect(inThread[0]!.body.embeds[0].description).toContain('the message (lines 1–3)');
    expect(inThread[1]!.body.content).toMatch(/\*\*1\/4 · Error\*\*/);
    const pointer = h.api.calls.at(-1)!;
    expect(pointer.method).toBe('PATCH');
    expect(pointer.body.content).toBe(`The diagnosis is in the thread <#${TARGET_MESSAGE_ID}>.`);
    for (const c of messageCalls(h.api.calls)) expect(c.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('reads the message text and its .log and .gz attachments, and names what it skipped', async () => {
    h = await gatewayHarness();
    const log = flowLogFile(20);
    const gzBody = gz(flowLogFile(30));
    const files = [
      { filename: 'app-eni.log', url: h.api.file('app-eni.log', log), size: log.length },
      { filename: 'screenshot.png', url: h.api.file('screenshot.png', randomBytes(500)), size: 500 },
      { filename: 'db-eni.log.gz', url: h.api.file('db-eni.log.gz', gzBody), size: gzBody.length },
    ];
    await h.send(messageDiagnose({ content: 'flow logs attached, help?', files }));
    const verdict = h.api.calls.find((c) => c.path === `/channels/${TARGET_MESSAGE_ID}/messages`)!.body
      .embeds[0];
    expect(verdict.description).toContain('Read 50 flow-log records');
    expect(verdict.description).toContain(
      'the message (line 1), app-eni.log (lines 2–22) and db-eni.log.gz (lines 23–53, gzip)',
    );
    expect(verdict.description).toContain('skipped: screenshot.png is not a .log, .txt or .gz file');
    expect(h.api.trail()).not.toContain('GET /attachments/screenshot.png');
  });

  it('posts into the thread the message already has', async () => {
    h = await gatewayHarness({ diagnose: echoingDiagnose(1) });
    await h.send(messageDiagnose({ content: POSTED, hasThread: true }));
    expect(h.api.trail().some((t) => t.endsWith('/threads'))).toBe(false);
    expect(
      h.api.calls.filter((c) => c.path === `/channels/${TARGET_MESSAGE_ID}/messages`).length,
    ).toBeGreaterThan(1);
  });

  it('uses the thread someone started in the meantime (160004)', async () => {
    h = await gatewayHarness({ diagnose: echoingDiagnose(1) });
    h.api.on('POST', /\/threads$/, () =>
      discordError(400, 160004, 'A thread has already been created for this message'),
    );
    await h.send(messageDiagnose({ content: POSTED }));
    expect(
      h.api.calls.filter((c) => c.path === `/channels/${TARGET_MESSAGE_ID}/messages`).length,
    ).toBeGreaterThan(1);
    expect(h.api.calls.at(-1)!.body.content).toContain(`<#${TARGET_MESSAGE_ID}>`);
  });

  it('when the thread is refused, the verdict and details come privately, with the reason', async () => {
    h = await gatewayHarness({ diagnose: echoingDiagnose(1) });
    h.api.on('POST', /\/threads$/, () => discordError(403, 50013, 'Missing Permissions'));
    const payload = messageDiagnose({ content: POSTED });
    await h.send(payload);
    const edit = h.api.calls.find((c) => c.method === 'PATCH')!;
    expect(edit.body.embeds).toHaveLength(1);
    const followUps = h.api.calls.filter((c) => c.path === `/webhooks/${APP_ID}/${payload.token}`);
    expect(followUps.length).toBeGreaterThan(0);
    expect(followUps.every((c) => c.body.flags & (1 << 6))).toBe(true);
    expect(followUps[0]!.body.content).toMatch(/may not start threads here/);
  });

  it('in a DM the answer is the reply and its follow-ups, public to the conversation', async () => {
    h = await gatewayHarness({ diagnose: echoingDiagnose(1) });
    const payload = messageDiagnose({ content: POSTED, place: 'dm' });
    await h.send(payload);
    expect(h.api.calls[0]!.body).toEqual({ type: 5, data: {} });
    expect(h.api.trail().some((t) => t.endsWith('/threads'))).toBe(false);
    const followUps = h.api.calls.filter((c) => c.path === `/webhooks/${APP_ID}/${payload.token}`);
    expect(followUps[0]!.body.content).toMatch(/Direct messages have no threads/);
    expect(followUps.every((c) => !(c.body.flags & (1 << 6)))).toBe(true);
  });

  it('a message with nothing to read gets a private answer, without a deferral', async () => {
    h = await gatewayHarness();
    const url = h.api.file('cat.jpg', randomBytes(100));
    const payload = messageDiagnose({ content: '  ', files: [{ filename: 'cat.jpg', url, size: 100 }] });
    await h.send(payload);
    expect(h.api.calls).toHaveLength(1);
    expect(h.api.calls[0]!.body.type).toBe(4);
    expect(h.api.calls[0]!.body.data.flags).toBe(1 << 6);
    expect(h.api.calls[0]!.body.data.content).toMatch(/no text and no \.log, \.txt or \.gz file/);
  });
});
