import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver } from '@slack/bolt';
import type { SlackConfig } from '../../config/slack-config.js';
import { diagnoseText } from '../../core/diagnose.js';
import type { Logger } from '../../log/logger.js';
import type { HttpServer } from '../http/http-server.js';
import type { RunningAdapter } from '../running-adapter.js';
import { createBoltLogger } from './bolt-logger.js';
import { createChannelPacer } from './channel-pacer.js';
import { DIAGNOSE_MODAL_ID } from './diagnose-modal.js';
import { handleDiagnoseCommand } from './handle-diagnose-command.js';
import { handleDiagnoseForm } from './handle-diagnose-form.js';
import { DIAGNOSE_SHORTCUT_ID, handleDiagnoseShortcut } from './handle-diagnose-shortcut.js';
import { describeSlackError, platformError } from './slack-api-errors.js';
import type { SlackRuntime } from './slack-runtime.js';

/** The path Slack posts slash commands, shortcuts and form submissions to (HTTP mode). */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Operational knobs, with defaults for production; tests shorten the pacing. */
export interface SlackTuning {
  /** spacing of posts to one channel once a burst is used (Slack: about 1 message/s/channel) */
  postIntervalMs?: number;
  postBurst?: number;
  maxFileBytes?: number;
  maxTextBytes?: number;
  maxThreadMessages?: number;
  /** retries of a failed Web API call (network errors, HTTP 5xx); rate limits are waited out */
  retries?: number;
}

export interface StartSlackOptions {
  config: SlackConfig;
  server: HttpServer;
  log: Logger;
  tuning?: SlackTuning;
  /** the core, replaceable in tests (a rule that throws, a report with many findings) */
  core?: { diagnoseText: typeof diagnoseText };
}

const DEFAULTS = {
  postIntervalMs: 1000,
  postBurst: 3,
  maxFileBytes: 10 * 1024 * 1024,
  maxTextBytes: 50 * 1024 * 1024,
  maxThreadMessages: 20,
  retries: 2,
} satisfies Required<SlackTuning>;

/** Matches /diagnose and suffixed copies such as /diagnose-dev (a second app for a test workspace). */
const COMMAND = /^\/diagnose(-[a-z0-9_-]+)?$/;

/**
 * Starts the Slack app: over HTTP on the shared server at POST /slack/events (Bolt's HTTPReceiver
 * verifies each request's signature and 5-minute timestamp window), or over Socket Mode when an
 * app-level token is configured. The bot token is checked with auth.test before anything is served.
 */
export async function startSlack({
  config,
  server,
  log,
  tuning = {},
  core = { diagnoseText },
}: StartSlackOptions): Promise<RunningAdapter> {
  const t = { ...DEFAULTS, ...tuning };
  const logger = createBoltLogger(log);
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: t.retries, factor: 2, minTimeout: 300, maxTimeout: 3000 },
  };
  const inFlight = new Set<Promise<void>>();
  const rt: SlackRuntime = {
    log,
    pacer: createChannelPacer({ intervalMs: t.postIntervalMs, burst: t.postBurst }),
    botToken: config.botToken,
    trustedOrigins: config.apiUrl ? [new URL(config.apiUrl).origin] : [],
    maxFileBytes: t.maxFileBytes,
    maxTextBytes: t.maxTextBytes,
    maxThreadMessages: t.maxThreadMessages,
    fetch: (...args) => fetch(...args),
    now: () => new Date(),
    diagnoseText: core.diagnoseText,
    track(work) {
      inFlight.add(work);
      return work.finally(() => inFlight.delete(work));
    },
  };

  const common = {
    token: config.botToken,
    logger,
    clientOptions,
    deferInitialization: true,
    convoStore: false as const,
  };
  const receiver =
    config.mode === 'http' ? new HTTPReceiver({ signingSecret: config.signingSecret!, logger }) : undefined;
  const app = receiver
    ? new App({ ...common, receiver })
    : new App({
        ...common,
        socketMode: true,
        appToken: config.appToken!,
        // The Socket Mode client's own calls (apps.connections.open) keep retrying, to ride out outages.
        installerOptions: { clientOptions: { ...clientOptions, retryConfig: { retries: 100, factor: 1.3 } } },
      });

  app.command(COMMAND, handleDiagnoseCommand(rt));
  app.view(DIAGNOSE_MODAL_ID, handleDiagnoseForm(rt));
  app.shortcut({ callback_id: DIAGNOSE_SHORTCUT_ID, type: 'message_action' }, handleDiagnoseShortcut(rt));
  app.error(async (err) => {
    log.error('slack request failed', {
      said: describeSlackError(err.original ?? err),
      err: err.original ?? err,
    });
  });

  try {
    await app.init();
  } catch (err) {
    throw new Error(explainAuthFailure(err, config));
  }

  if (receiver) {
    server.route(SLACK_EVENTS_PATH, (req: IncomingMessage, res: ServerResponse) => {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain' }).end('POST only');
        return;
      }
      receiver.requestListener(req, res);
    });
  } else {
    try {
      await app.start();
    } catch (err) {
      throw new Error(
        `could not open the Socket Mode connection (${describeSlackError(err)}). Check SLACK_APP_TOKEN: an App-Level Token with the connections:write scope, from https://api.slack.com/apps → your app → Basic Information, with Socket Mode turned on.`,
      );
    }
  }
  log.info('slack app ready', { mode: config.mode, path: receiver ? SLACK_EVENTS_PATH : undefined });

  return {
    name: 'slack',
    async stop() {
      if (!receiver) await app.stop();
      // Let replies under way finish (bounded), so a restart does not cut a thread in half.
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((r) => setTimeout(r, 10_000).unref()),
      ]);
    },
  };
}

function explainAuthFailure(err: unknown, config: SlackConfig): string {
  const code = platformError(err);
  if (
    code &&
    ['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired'].includes(code)
  ) {
    return `SLACK_BOT_TOKEN was refused by Slack (${code}). Copy the Bot User OAuth Token (xoxb-…) again from https://api.slack.com/apps → your app → OAuth & Permissions, reinstalling the app if it was removed.`;
  }
  const where = config.apiUrl ?? 'https://slack.com/api/';
  return `could not check SLACK_BOT_TOKEN with Slack at ${where} (${describeSlackError(err)}). Check the network${config.apiUrl ? ' and SLACK_API_URL' : ''}, then start again.`;
}
