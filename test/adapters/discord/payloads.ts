/**
 * Interaction payloads shaped like the ones Discord sends (INTERACTION_CREATE over the gateway, or the
 * body of a POST to the interactions endpoint), for a study server "AWS Study Group", a DM with the
 * bot, a forum post, and a user-installed app. IDs are made up but well-formed.
 */

export const APP_ID = '1187000000000000001';
export const GUILD_ID = '1093000000000000777';
export const CHANNEL_ID = '1093000000000001234';
export const THREAD_ID = '1093000000000005678';
export const USER_ID = '311000000000000042';
export const BOT_TOKEN = 'MTE4NzAwMDAwMDAwMDAwMDAwMQ.GfakeT.fakefakefakefakefakefakefakefakefakefa';

/** Everything the bot needs for threads, and the rest a normal invite gives it. */
export const FULL_APP_PERMISSIONS = (
  (1n << 10n) | // VIEW_CHANNEL
  (1n << 11n) | // SEND_MESSAGES
  (1n << 14n) | // EMBED_LINKS
  (1n << 15n) | // ATTACH_FILES
  (1n << 16n) | // READ_MESSAGE_HISTORY
  (1n << 31n) | // USE_APPLICATION_COMMANDS
  (1n << 35n) | // CREATE_PUBLIC_THREADS
  (1n << 38n)
) // SEND_MESSAGES_IN_THREADS
  .toString();

/** Without Create Public Threads: what a bot gets in a channel where threads are locked down. */
export const NO_THREAD_PERMISSIONS = (
  (1n << 10n) |
  (1n << 11n) |
  (1n << 14n) |
  (1n << 16n) |
  (1n << 31n)
).toString();

export type Place = 'guild' | 'dm' | 'thread' | 'forum-post' | 'user-install';

/** An interaction payload: Discord's JSON. */
export type Payload = Record<string, unknown> & { id: string; token: string };

let counter = 0;
function nextId(): string {
  counter++;
  return (1_310_000_000_000_000_000n + BigInt(counter)).toString();
}

const user = {
  id: USER_ID,
  username: 'sam.k',
  global_name: 'Sam',
  discriminator: '0',
  avatar: null,
  public_flags: 0,
};

/** The envelope of an interaction in `place`, without its `type` and `data`. */
export function envelope(place: Place, permissions = FULL_APP_PERMISSIONS): Payload {
  const id = nextId();
  const base = {
    id,
    application_id: APP_ID,
    token: `aW50ZXJhY3Rpb246${id}OmZha2VUb2tlbkZvclRlc3RzT25seQ`,
    version: 1,
    locale: 'en-GB',
    entitlements: [],
    attachment_size_limit: 10_485_760,
    app_permissions: permissions,
  };
  if (place === 'dm') {
    return {
      ...base,
      context: 1,
      authorizing_integration_owners: { '0': '0' },
      channel: { id: '1200000000000000099', type: 1, flags: 0, last_message_id: null, recipients: [user] },
      channel_id: '1200000000000000099',
      user,
    };
  }
  const member = {
    user,
    roles: ['1093000000000000901'],
    nick: null,
    avatar: null,
    joined_at: '2025-02-03T18:22:10.000000+00:00',
    premium_since: null,
    deaf: false,
    mute: false,
    pending: false,
    flags: 0,
    permissions: '2222085186637376',
  };
  const guild = { id: GUILD_ID, locale: 'en-US', features: ['COMMUNITY'] };
  const textChannel = {
    id: CHANNEL_ID,
    type: 0,
    guild_id: GUILD_ID,
    name: 'aws-networking-help',
    topic: 'VPCs, subnets, NACLs, peering. Paste logs in threads please.',
    parent_id: '1093000000000000100',
    position: 4,
    nsfw: false,
    rate_limit_per_user: 0,
    flags: 0,
    last_message_id: '1309999999999999990',
    permissions: permissions,
  };
  const channel =
    place === 'thread'
      ? {
          ...textChannel,
          id: THREAD_ID,
          type: 11,
          name: 'nacl question',
          parent_id: CHANNEL_ID,
          thread_metadata: { archived: false, locked: false, auto_archive_duration: 1440 },
        }
      : place === 'forum-post'
        ? {
            ...textChannel,
            id: THREAD_ID,
            type: 11,
            name: 'RDS unreachable from Lambda',
            parent_id: '1093000000000000222',
            thread_metadata: { archived: false, locked: false, auto_archive_duration: 4320 },
          }
        : textChannel;
  return {
    ...base,
    context: 0,
    authorizing_integration_owners: place === 'user-install' ? { '1': USER_ID } : { '0': GUILD_ID },
    guild,
    guild_id: GUILD_ID,
    guild_locale: 'en-US',
    channel,
    channel_id: channel.id,
    member,
  };
}

export interface FileSpec {
  filename: string;
  url: string;
  size: number;
  content_type?: string;
}

function attachment(f: FileSpec) {
  return {
    id: nextId(),
    filename: f.filename,
    size: f.size,
    url: f.url,
    proxy_url: f.url.replace('cdn.discordapp.com', 'media.discordapp.net'),
    ...(f.content_type ? { content_type: f.content_type } : {}),
    ephemeral: true,
  };
}

/** `/diagnose` with the `text` option, the `file` option, both or neither. */
export function slashDiagnose(
  options: { text?: string; file?: FileSpec; place?: Place; permissions?: string } = {},
) {
  const opts: unknown[] = [];
  const resolved: Record<string, unknown> = {};
  if (options.text !== undefined) opts.push({ name: 'text', type: 3, value: options.text });
  if (options.file) {
    const a = attachment(options.file);
    opts.push({ name: 'file', type: 11, value: a.id });
    resolved.attachments = { [a.id]: a };
  }
  return {
    ...envelope(options.place ?? 'guild', options.permissions),
    type: 2,
    data: {
      id: '1187000000000000100',
      name: 'diagnose',
      type: 1,
      ...(opts.length ? { options: opts } : {}),
      ...(options.file ? { resolved } : {}),
    },
  };
}

export function slashHelp(place: Place = 'guild') {
  return {
    ...envelope(place),
    type: 2,
    data: { id: '1187000000000000102', name: 'diagnose-help', type: 1 },
  };
}

/** The modal submission that follows `/diagnose` with no options. */
export function modalSubmit(text: string, place: Place = 'guild') {
  return {
    ...envelope(place),
    type: 5,
    data: {
      custom_id: 'vpcdiag:diagnose',
      components: [{ type: 18, id: 1, component: { type: 4, id: 2, custom_id: 'text', value: text } }],
    },
  };
}

export const TARGET_MESSAGE_ID = '1309999999999999991';

/** Apps → Diagnose on a message someone posted. */
export function messageDiagnose(options: {
  content: string;
  files?: FileSpec[];
  place?: Place;
  permissions?: string;
  hasThread?: boolean;
}) {
  const env = envelope(options.place ?? 'guild', options.permissions);
  const channelId = (env.channel as { id: string }).id;
  const message = {
    id: TARGET_MESSAGE_ID,
    channel_id: channelId,
    type: 0,
    content: options.content,
    author: {
      id: '311000000000000077',
      username: 'priya.dev',
      global_name: 'Priya',
      discriminator: '0',
      avatar: null,
    },
    attachments: (options.files ?? []).map(attachment),
    embeds: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: '2026-11-30T10:02:41.512000+00:00',
    edited_timestamp: null,
    flags: options.hasThread ? 1 << 5 : 0,
    components: [],
  };
  return {
    ...env,
    type: 2,
    data: {
      id: '1187000000000000101',
      name: 'Diagnose',
      type: 3,
      target_id: TARGET_MESSAGE_ID,
      resolved: { messages: { [TARGET_MESSAGE_ID]: message } },
    },
  };
}
