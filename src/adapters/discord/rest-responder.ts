import { type REST, Routes } from 'discord.js';
import type {
  ChannelPoster,
  DiscordModal,
  InteractionFacts,
  InteractionResponder,
  OutgoingMessage,
  PostedMessage,
} from './interaction.js';
import { toMessageBody } from './interaction.js';

/** Interaction callback types (discord-api-docs, interactions/receiving-and-responding). */
const CALLBACK = { message: 4, deferred: 5, modal: 9 } as const;

/**
 * Sends the initial response. The gateway posts it to the callback endpoint; the HTTP endpoint
 * writes it as the body of the pending request. `late` means the endpoint already answered with an
 * ephemeral deferral because the handler took too long.
 */
export type SendInitial = (body: { type: number; data?: unknown }) => Promise<'sent' | 'late'>;

/** The initial response over REST (gateway mode: "you have to respond via HTTP"). */
export function initialViaCallback(
  rest: REST,
  interaction: Pick<InteractionFacts, 'id' | 'token'>,
): SendInitial {
  return async (body) => {
    await rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body, auth: false });
    return 'sent';
  };
}

/** Answers one interaction through Discord's REST API (webhook endpoints: no bot token needed). */
export class RestResponder implements InteractionResponder {
  state: InteractionResponder['state'] = 'none';

  constructor(
    private readonly rest: REST,
    private readonly interaction: Pick<InteractionFacts, 'applicationId' | 'token'>,
    private readonly sendInitial: SendInitial,
  ) {}

  async defer(options: { ephemeral: boolean }): Promise<void> {
    const r = await this.initial({
      type: CALLBACK.deferred,
      data: options.ephemeral ? { flags: 1 << 6 } : {},
    });
    this.state = r === 'late' || options.ephemeral ? 'deferred-ephemeral' : 'deferred';
  }

  async reply(message: OutgoingMessage): Promise<void> {
    const r = await this.initial({ type: CALLBACK.message, data: toMessageBody(message) });
    if (r === 'late') {
      this.state = 'deferred-ephemeral';
      await this.editReply(message);
      return;
    }
    this.state = 'replied';
  }

  async showModal(modal: DiscordModal): Promise<void> {
    const r = await this.initial({ type: CALLBACK.modal, data: modal });
    if (r === 'late') {
      this.state = 'deferred-ephemeral';
      await this.editReply({
        content: 'Sorry, I was too slow to open the form. Please run the command again.',
      });
      return;
    }
    this.state = 'modal';
  }

  async editReply(message: OutgoingMessage): Promise<PostedMessage> {
    // a reply's visibility is fixed by the initial response: an edit cannot make it ephemeral
    const posted = await this.rest.patch(this.webhookMessage('@original'), {
      body: toMessageBody({ ...message, ephemeral: false }),
      auth: false,
    });
    this.state = 'edited';
    return postedMessage(posted);
  }

  async deleteReply(): Promise<void> {
    await this.rest.delete(this.webhookMessage('@original'), { auth: false });
  }

  async followUp(message: OutgoingMessage): Promise<PostedMessage> {
    const posted = await this.rest.post(
      Routes.webhook(this.interaction.applicationId, this.interaction.token),
      {
        body: toMessageBody(message),
        auth: false,
      },
    );
    return postedMessage(posted);
  }

  private async initial(body: { type: number; data?: unknown }): Promise<'sent' | 'late'> {
    if (this.state !== 'none') throw new Error(`the interaction was already answered (${this.state})`);
    return this.sendInitial(body);
  }

  private webhookMessage(id: string): `/${string}` {
    return Routes.webhookMessage(this.interaction.applicationId, this.interaction.token, id);
  }
}

/** Threads and thread messages, with the bot token. */
export class RestChannelPoster implements ChannelPoster {
  constructor(
    private readonly rest: REST,
    /** minutes of inactivity before Discord hides the thread: 60, 1440, 4320 or 10080 */
    private readonly autoArchiveMinutes = 1440,
  ) {}

  async startThread(channelId: string, messageId: string, name: string): Promise<string> {
    const thread = (await this.rest.post(Routes.threads(channelId, messageId), {
      body: { name, auto_archive_duration: this.autoArchiveMinutes },
    })) as { id?: unknown };
    if (typeof thread.id !== 'string') throw new Error('Discord returned no thread id');
    return thread.id;
  }

  async send(channelId: string, message: OutgoingMessage): Promise<PostedMessage> {
    const posted = await this.rest.post(Routes.channelMessages(channelId), {
      body: toMessageBody({ ...message, ephemeral: false }),
    });
    return postedMessage(posted);
  }
}

function postedMessage(raw: unknown): PostedMessage {
  const m = (raw ?? {}) as { id?: unknown; channel_id?: unknown };
  return { id: String(m.id ?? ''), channelId: String(m.channel_id ?? '') };
}
