import type { DiscordEmbed } from '../../render/discord/discord-limits.js';

/** A file attached to a command option or to a message. */
export interface DiscordAttachment {
  id: string;
  filename: string;
  url: string;
  /** bytes, as Discord reports them */
  size: number;
  contentType?: string;
}

/** The message a "Diagnose" message command was used on. */
export interface TargetMessage {
  id: string;
  channelId: string;
  content: string;
  attachments: DiscordAttachment[];
  /** a thread was already started on it (its id is the message id) */
  hasThread: boolean;
}

/** What the user asked for. */
export type DiscordRequest =
  | { kind: 'diagnose'; text?: string; file?: DiscordAttachment }
  | { kind: 'diagnose-modal'; text: string }
  | { kind: 'diagnose-message'; message: TargetMessage }
  | { kind: 'help' }
  | { kind: 'unknown'; what: string };

/** Where the interaction happened, as far as the replies care. */
export interface DiscordPlace {
  guildId?: string;
  channelId?: string;
  /** Discord's channel type; undefined when the payload does not say */
  channelType?: number;
  /** what the app may do in that channel; undefined when the payload does not say */
  appPermissions?: bigint;
  /** the app is installed in the server, not only on the user's account */
  guildInstalled: boolean;
  /** the largest upload allowed there, in bytes */
  attachmentSizeLimit?: number;
}

/** An interaction, read from a gateway event or an HTTP request: the same for both. */
export interface InteractionFacts {
  id: string;
  applicationId: string;
  /** continuation token for the replies (a secret: never log it) */
  token: string;
  request: DiscordRequest;
  place: DiscordPlace;
  userId?: string;
}

/** A message the bot sends. Mentions are always disabled (see `toMessageBody`). */
export interface OutgoingMessage {
  content?: string;
  embeds?: DiscordEmbed[];
  /** only the invoking user sees it (interaction replies and follow-ups only) */
  ephemeral?: boolean;
  /** no link previews: set on every message that carries echoed text in `content` */
  suppressEmbeds?: boolean;
}

export interface PostedMessage {
  id: string;
  channelId: string;
}

/** The modal `/diagnose` opens, as Discord's API takes it. */
export interface DiscordModal {
  custom_id: string;
  title: string;
  components: unknown[];
}

/**
 * Answering one interaction: exactly one initial response (`defer`, `reply` or `showModal`), then
 * edits and follow-ups. Implemented over REST for both the gateway and the HTTP endpoint.
 */
export interface InteractionResponder {
  defer(options: { ephemeral: boolean }): Promise<void>;
  reply(message: OutgoingMessage): Promise<void>;
  showModal(modal: DiscordModal): Promise<void>;
  editReply(message: OutgoingMessage): Promise<PostedMessage>;
  deleteReply(): Promise<void>;
  followUp(message: OutgoingMessage): Promise<PostedMessage>;
  /** what has been sent so far */
  readonly state: 'none' | 'deferred' | 'deferred-ephemeral' | 'replied' | 'edited' | 'modal';
}

/** Posting with the bot's own token: threads and the messages in them. */
export interface ChannelPoster {
  /** starts a public thread on a message and returns the thread's id */
  startThread(channelId: string, messageId: string, name: string): Promise<string>;
  send(channelId: string, message: OutgoingMessage): Promise<PostedMessage>;
}

const EPHEMERAL = 1 << 6;
const SUPPRESS_EMBEDS = 1 << 2;

/** The API body of a message: every message the bot sends goes out with `allowed_mentions: {parse: []}`. */
export function toMessageBody(m: OutgoingMessage): Record<string, unknown> {
  const flags = (m.ephemeral ? EPHEMERAL : 0) | (m.suppressEmbeds ? SUPPRESS_EMBEDS : 0);
  return {
    content: m.content ?? '',
    embeds: m.embeds ?? [],
    allowed_mentions: { parse: [] },
    ...(flags ? { flags } : {}),
  };
}
