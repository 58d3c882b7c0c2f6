import { describe, expect, it } from 'vitest';
import { readInteraction } from '../../../src/adapters/discord/read-interaction.js';
import { planThread } from '../../../src/adapters/discord/thread-plan.js';
import { envelope, messageDiagnose, modalSubmit, NO_THREAD_PERMISSIONS, slashDiagnose } from './payloads.js';

const poster = { startThread: async () => '1', send: async () => ({ id: '1', channelId: '1' }) };

describe('readInteraction', () => {
  it('reads /diagnose text and file, and where it was used', () => {
    const ix = readInteraction(
      slashDiagnose({
        text: 'line one\nline two',
        file: {
          filename: 'vpc.log.gz',
          url: 'https://cdn.discordapp.com/attachments/1/2/vpc.log.gz?ex=1',
          size: 2048,
        },
      }),
    );
    expect(ix.request).toMatchObject({
      kind: 'diagnose',
      text: 'line one\nline two',
      file: { filename: 'vpc.log.gz', size: 2048 },
    });
    expect(ix.place).toMatchObject({ guildInstalled: true, channelType: 0, attachmentSizeLimit: 10_485_760 });
    expect(typeof ix.place.appPermissions).toBe('bigint');
  });

  it('reads a modal submitted from a Label or from a legacy action row', () => {
    expect(readInteraction(modalSubmit('from a label')).request).toEqual({
      kind: 'diagnose-modal',
      text: 'from a label',
    });
    const legacy = modalSubmit('x');
    (legacy.data as { components: unknown[] }).components = [
      { type: 1, components: [{ type: 4, custom_id: 'text', value: 'from an action row' }] },
    ];
    expect(readInteraction(legacy).request).toEqual({ kind: 'diagnose-modal', text: 'from an action row' });
  });

  it('reads the target of a message command, with its thread flag', () => {
    const r = readInteraction(messageDiagnose({ content: 'hi', hasThread: true })).request;
    expect(r).toMatchObject({ kind: 'diagnose-message', message: { content: 'hi', hasThread: true } });
  });

  it('turns anything else into an unknown request, never a throw', () => {
    for (const junk of [
      null,
      42,
      'x',
      {},
      { type: 2, data: { name: 'diagnose', type: 2 } },
      { type: 3, data: {} },
    ]) {
      expect(readInteraction(junk).request.kind).toBe('unknown');
    }
  });
});

describe('planThread', () => {
  const place = (p: Parameters<typeof envelope>[0], perms?: string) =>
    readInteraction({ ...envelope(p, perms), type: 2, data: {} }).place;

  it('allows a thread in a server text channel where the bot may start one', () => {
    expect(planThread(place('guild'), poster, { botPostsEmbed: true })).toEqual({ thread: true });
  });

  it('says why not everywhere else', () => {
    expect(planThread(place('guild'), undefined, { botPostsEmbed: false })).toEqual({
      thread: false,
      reason: 'no-token',
    });
    expect(planThread(place('dm'), poster, { botPostsEmbed: false })).toEqual({
      thread: false,
      reason: 'dm',
    });
    expect(planThread(place('user-install'), poster, { botPostsEmbed: false })).toEqual({
      thread: false,
      reason: 'not-installed',
    });
    expect(planThread(place('thread'), poster, { botPostsEmbed: false })).toEqual({
      thread: false,
      reason: 'in-thread',
    });
    expect(planThread(place('guild', NO_THREAD_PERMISSIONS), poster, { botPostsEmbed: false })).toEqual({
      thread: false,
      reason: 'permission',
    });
    const voice = { ...place('guild'), channelType: 2 };
    expect(planThread(voice, poster, { botPostsEmbed: false })).toEqual({
      thread: false,
      reason: 'channel-type',
    });
  });

  it('tries when the payload does not say (and falls back on a refusal then)', () => {
    const unknown = { ...place('guild'), channelType: undefined, appPermissions: undefined };
    expect(planThread(unknown, poster, { botPostsEmbed: true })).toEqual({ thread: true });
  });
});
