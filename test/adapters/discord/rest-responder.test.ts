import { REST } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { RestResponder } from '../../../src/adapters/discord/rest-responder.js';
import { FakeDiscordApi } from './fake-discord-api.js';
import { APP_ID } from './payloads.js';

let api: FakeDiscordApi;
afterEach(async () => api?.close());

const ix = { applicationId: APP_ID, token: 'aW50ZXJhY3Rpb246MTMxMTAwMDAwMDAwMDAwMDAwOTpsYXRl' };

describe('RestResponder', () => {
  it('turns a reply that came too late (the endpoint already deferred) into an edit of the deferral', async () => {
    api = await new FakeDiscordApi().start();
    const res = new RestResponder(new REST({ api: api.apiUrl }), ix, async () => 'late');
    await res.reply({ content: 'here is your answer', ephemeral: true });
    expect(api.trail()).toEqual([`PATCH /webhooks/${APP_ID}/${ix.token}/messages/@original`]);
    expect(api.calls[0]!.body).toMatchObject({
      content: 'here is your answer',
      allowed_mentions: { parse: [] },
    });
    expect(res.state).toBe('edited');
  });

  it('refuses a second initial response', async () => {
    api = await new FakeDiscordApi().start();
    const res = new RestResponder(new REST({ api: api.apiUrl }), ix, async () => 'sent');
    await res.defer({ ephemeral: false });
    await expect(res.reply({ content: 'again' })).rejects.toThrow(/already answered/);
  });
});
