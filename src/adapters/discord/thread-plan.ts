import type { ChannelPoster, DiscordPlace } from './interaction.js';

/** Why the details go to follow-up messages instead of a thread. */
export type NoThreadReason =
  | 'no-token'
  | 'dm'
  | 'not-installed'
  | 'in-thread'
  | 'channel-type'
  | 'permission';

export type ThreadPlan = { thread: true } | { thread: false; reason: NoThreadReason };

const CHANNEL = { text: 0, announcement: 5, announcementThread: 10, publicThread: 11, privateThread: 12 };
const THREADS = new Set([CHANNEL.announcementThread, CHANNEL.publicThread, CHANNEL.privateThread]);
const THREADABLE = new Set([CHANNEL.text, CHANNEL.announcement]);

/** Permission bits (discord-api-docs, topics/permissions). */
export const PERMISSION = {
  viewChannel: 1n << 10n,
  embedLinks: 1n << 14n,
  readMessageHistory: 1n << 16n,
  createPublicThreads: 1n << 35n,
  sendMessagesInThreads: 1n << 38n,
} as const;

/**
 * What the bot is invited with: see the channel, post the verdict embed in threads, read the message a
 * thread starts from, start public threads and post in them (309237728256). Interaction replies need no
 * permission of their own.
 */
export const INVITE_PERMISSIONS =
  PERMISSION.viewChannel |
  PERMISSION.embedLinks |
  PERMISSION.readMessageHistory |
  PERMISSION.createPublicThreads |
  PERMISSION.sendMessagesInThreads;

/**
 * Decides, from the interaction alone, whether a thread can hold the details. Threads exist only in
 * servers, on messages of text and announcement channels, never inside another thread or a forum post;
 * the bot must be in the server with Create Public Threads and Send Messages in Threads (and Embed
 * Links when it posts the verdict embed itself). What the payload does not say is tried, and a refusal
 * falls back to follow-ups then.
 */
export function planThread(
  place: DiscordPlace,
  channels: ChannelPoster | undefined,
  options: { botPostsEmbed: boolean },
): ThreadPlan {
  if (!channels) return { thread: false, reason: 'no-token' };
  if (!place.guildId) return { thread: false, reason: 'dm' };
  if (!place.guildInstalled) return { thread: false, reason: 'not-installed' };
  if (place.channelType !== undefined && THREADS.has(place.channelType))
    return { thread: false, reason: 'in-thread' };
  if (place.channelType !== undefined && !THREADABLE.has(place.channelType)) {
    return { thread: false, reason: 'channel-type' };
  }
  if (place.appPermissions !== undefined) {
    const needed = PERMISSION.createPublicThreads | PERMISSION.sendMessagesInThreads | PERMISSION.viewChannel;
    const all = options.botPostsEmbed ? needed | PERMISSION.embedLinks : needed;
    if ((place.appPermissions & all) !== all) return { thread: false, reason: 'permission' };
  }
  return { thread: true };
}

const NOTICES: Record<NoThreadReason, string> = {
  'no-token': 'Threads are off on this bot (it runs without a bot token), so the details follow here.',
  dm: 'Direct messages have no threads, so the details follow here.',
  'not-installed':
    'vpcdiag is installed on your account but not in this server, so it cannot start threads here; the details follow here.',
  'in-thread': 'This is already a thread (or a forum post), so the details follow here.',
  'channel-type': 'Threads cannot be started in this kind of channel, so the details follow here.',
  permission:
    'I may not start threads here (a server admin can give vpcdiag Create Public Threads and Send Messages in Threads), so the details follow here.',
};

/** The one line that says why there is no thread. */
export function noThreadNotice(reason: NoThreadReason): string {
  return NOTICES[reason];
}
