import { afterEach, describe, expect, it } from 'vitest';
import { echoingDiagnose } from './echo-diagnose.js';
import { discordError } from './fake-discord-api.js';
import { gatewayHarness, messageCalls, visibleText } from './harness.js';
import { APP_ID, BOT_TOKEN, messageDiagnose, slashDiagnose } from './payloads.js';

let h: Awaited<ReturnType<typeof gatewayHarness>>;
afterEach(async () => h?.close());

const HOSTILE = `@everyone @here our db is down!! <@&412345678901234567> <@298765432109876543> please look
2 409217365528 eni-07b3c9d1e5f2a4c86 10.40.9.200 10.40.2.17 5432 55812 6 5 284 1721312000 1721312060 REJECT OK
see [aws status](https://evil.example/phish) and \`\`\` fence \`\`\` </diagnose:1187000000000000100>`;

function expectInert(calls: ReturnType<typeof messageCalls>) {
  expect(calls.length).toBeGreaterThan(2);
  for (const c of calls) {
    const body = c.path.endsWith('/callback') ? c.body.data : c.body;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    // the bot's own pointer to the thread it started is the one channel mention allowed
    const text = visibleText(c).replace(/^The diagnosis is in the thread <#\d+>\.$/, '');
    expect(text).not.toMatch(/@(everyone|here)/);
    const outsideCode = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
    expect(outsideCode).not.toMatch(/(^|[^\\])<[@#/]/);
    expect(outsideCode).not.toMatch(/(^|[^\\])\[aws status\]/);
  }
}

describe('a paste with @everyone, <@&role> and <@user> goes out inert', () => {
  it('through /diagnose (reply and thread)', async () => {
    h = await gatewayHarness({ diagnose: echoingDiagnose() });
    await h.send(slashDiagnose({ text: HOSTILE }));
    expect(h.api.trail().some((t) => t.endsWith('/threads'))).toBe(true);
    expectInert(messageCalls(h.api.calls));
  });

  it('through the message command (thread posts made with the bot token)', async () => {
    h = await gatewayHarness({ diagnose: echoingDiagnose() });
    await h.send(messageDiagnose({ content: HOSTILE }));
    expectInert(messageCalls(h.api.calls));
  });

  it('through follow-ups in a DM', async () => {
    h = await gatewayHarness({ diagnose: echoingDiagnose() });
    await h.send(slashDiagnose({ text: HOSTILE, place: 'dm' }));
    expectInert(messageCalls(h.api.calls));
  });

  it('in a file name too', async () => {
    h = await gatewayHarness();
    const name = '@everyone <@&412345678901234567>.log';
    const url = h.api.file(
      name,
      '2 409217365528 eni-07b3c9d1e5f2a4c86 10.40.9.200 10.40.2.17 5432 55812 6 5 284 1721312000 1721312060 REJECT OK\n',
    );
    await h.send(slashDiagnose({ file: { filename: name, url, size: 120 } }));
    const verdict = messageCalls(h.api.calls).find((c) => c.method === 'PATCH')!;
    expect(visibleText(verdict)).toContain('everyone');
    expect(visibleText(verdict)).not.toMatch(/@everyone|(^|[^\\])<@/);
  });
});

describe('account IDs', () => {
  it('are masked in a server channel', async () => {
    h = await gatewayHarness({ diagnose: echoingDiagnose(1) });
    await h.send(slashDiagnose({ text: HOSTILE }));
    const all = messageCalls(h.api.calls).map(visibleText).join('\n');
    expect(all).not.toContain('409217365528');
    expect(all).toContain('xxxxxxxx5528');
  });

  it('are kept in a DM, and everywhere when masking is turned off', async () => {
    h = await gatewayHarness({ diagnose: echoingDiagnose(1) });
    await h.send(slashDiagnose({ text: HOSTILE, place: 'dm' }));
    expect(messageCalls(h.api.calls).map(visibleText).join('\n')).toContain('409217365528');
    await h.close();
    h = await gatewayHarness({ diagnose: echoingDiagnose(1), maskAccountIds: false });
    await h.send(slashDiagnose({ text: HOSTILE }));
    expect(messageCalls(h.api.calls).map(visibleText).join('\n')).toContain('409217365528');
  });
});

describe('failures', () => {
  it('a crash in the diagnosis gives a short private apology, logs the cause without tokens, and the bot keeps going', async () => {
    h = await gatewayHarness({
      diagnose: async () => {
        throw new Error(`rule exploded near Bot ${BOT_TOKEN}`);
      },
    });
    const payload = slashDiagnose({ text: HOSTILE });
    await h.send(payload);
    expect(h.api.trail()).toEqual([
      `POST /interactions/${payload.id}/${payload.token}/callback`,
      `DELETE /webhooks/${APP_ID}/${payload.token}/messages/@original`,
      `POST /webhooks/${APP_ID}/${payload.token}`,
    ]);
    const apology = h.api.calls[2]!.body;
    expect(apology.flags).toBe(1 << 6);
    expect(apology.content).toMatch(/^Sorry, something went wrong/);
    expect(apology.content).toContain(`Reference ${payload.id}`);
    const logs = h.logs.join('\n');
    expect(logs).toContain('rule exploded');
    expect(logs).not.toContain(BOT_TOKEN);
    expect(logs).not.toContain(payload.token);

    // the next interaction is handled normally
    await h.send(
      slashDiagnose({
        text: '2 409217365528 eni-07b3c9d1e5f2a4c86 10.40.9.200 10.40.2.17 5432 55812 6 5 284 1721312000 1721312060 REJECT OK',
      }),
    );
    expect(h.api.calls.filter((c) => c.path.endsWith('/callback'))).toHaveLength(2);
  });

  it('a REST failure while replying is logged without the interaction token', async () => {
    h = await gatewayHarness();
    h.api.on('PATCH', /@original$/, () => discordError(404, 10008, 'Unknown Message'));
    const payload = slashDiagnose({ text: HOSTILE });
    await h.send(payload);
    const logs = h.logs.join('\n');
    expect(logs).toContain('interaction failed');
    expect(logs).toContain('10008');
    expect(logs).not.toContain(payload.token);
  });

  it('an unknown command gets a private pointer to the real ones', async () => {
    h = await gatewayHarness();
    const payload = slashDiagnose({ text: 'x' });
    (payload.data as { name: string }).name = 'traceroute';
    await h.send(payload);
    expect(h.api.calls[0]!.body.data).toMatchObject({ flags: 1 << 6 });
    expect(h.api.calls[0]!.body.data.content).toMatch(/\/diagnose-help/);
  });
});
