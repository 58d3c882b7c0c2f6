import type { diagnoseText } from '../../core/diagnose.js';
import type { Logger } from '../../log/logger.js';
import type { ChannelPacer } from './channel-pacer.js';

/** What every Slack handler needs besides Bolt's arguments: settings, logger, pacing, clock. */
export interface SlackRuntime {
  log: Logger;
  pacer: ChannelPacer;
  botToken: string;
  /** origins besides https://*.slack.com that may receive the bot token (SLACK_API_URL's) */
  trustedOrigins: string[];
  /** largest attached file downloaded, in bytes (compressed size for .gz) */
  maxFileBytes: number;
  /** most text read from one file, in bytes after gunzip */
  maxTextBytes: number;
  /** thread replies at most for one report */
  maxThreadMessages: number;
  fetch: typeof fetch;
  now: () => Date;
  /** the core's diagnosis of a paste (core/diagnose.ts) */
  diagnoseText: typeof diagnoseText;
  /** keeps a reply's promise until it settles, so stopping can wait for replies under way */
  track(work: Promise<void>): Promise<void>;
}

/** Where an answer goes, and the fallback when it cannot go there. */
export interface ReplyTarget {
  channel: string;
  /** answer in this thread (the message shortcut) instead of starting one */
  threadTs?: string;
  /** private fallback: works without channel membership, 5 uses within 30 minutes */
  responseUrl?: string;
  /** the app's own user id, to tell people how to invite it */
  botUserId?: string;
  /** for logs only */
  user: string;
  via: 'command' | 'form' | 'shortcut';
}
