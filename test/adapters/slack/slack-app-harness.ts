import nock from 'nock';
import { HttpServer } from '../../../src/adapters/http/http-server.js';
import type { RunningAdapter } from '../../../src/adapters/running-adapter.js';
import {
  type SlackTuning,
  type StartSlackOptions,
  startSlack,
} from '../../../src/adapters/slack/start-slack.js';
import type { SlackConfig } from '../../../src/config/slack-config.js';
import { createLogger } from '../../../src/log/logger.js';
import { FakeSlackApi } from './fake-slack-api.js';

export const SECRET = '8f14e45fceea167a5a36dedd4bea2543';
export const TOKEN = 'xoxb-381492650217-7417430400123-Zq4vN8kP2mR6tY1wX3cB5dF7';

export interface SlackHarness {
  api: FakeSlackApi;
  /** POST /slack/events on the app's server */
  eventsUrl: string;
  baseUrl: string;
  logs: string[];
  parsedLogs(): { level: string; msg: string; [k: string]: unknown }[];
  stop(): Promise<void>;
}

/**
 * The real Slack adapter on a loopback port, talking to a fake Slack (SLACK_API_URL). nock refuses
 * any connection that is not to 127.0.0.1, so a test can never reach the network.
 */
export async function startHarness(
  options: { tuning?: SlackTuning; core?: StartSlackOptions['core']; config?: Partial<SlackConfig> } = {},
): Promise<SlackHarness> {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  const api = await new FakeSlackApi().start();
  const logs: string[] = [];
  // No secrets given to the logger: a leak would show, not be redacted away.
  const log = createLogger({ level: 'debug', write: (l) => logs.push(l) });
  const server = new HttpServer(log);
  let running: RunningAdapter | undefined;
  try {
    running = await startSlack({
      config: {
        botToken: TOKEN,
        signingSecret: SECRET,
        apiUrl: api.apiUrl,
        mode: 'http',
        port: 0,
        ...options.config,
      },
      server,
      log,
      tuning: { postIntervalMs: 0, postBurst: 1, retries: 0, ...options.tuning },
      ...(options.core ? { core: options.core } : {}),
    });
  } catch (err) {
    await api.stop();
    throw err;
  }
  const port = await server.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    api,
    baseUrl,
    eventsUrl: `${baseUrl}/slack/events`,
    logs,
    parsedLogs: () => logs.map((l) => JSON.parse(l)),
    async stop() {
      await running?.stop();
      server.server.closeAllConnections();
      await server.close();
      await api.stop();
      nock.enableNetConnect();
    },
  };
}

/** Waits until the app logged that it finished answering `n` requests (or failed one). */
export async function answered(h: SlackHarness, n = 1): Promise<void> {
  await h.api.until(
    () =>
      h
        .parsedLogs()
        .filter((l) => ['answered', 'answer failed', 'request could not be served'].includes(l.msg)).length >=
      n,
  );
}
