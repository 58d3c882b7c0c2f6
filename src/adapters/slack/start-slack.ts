import type { SlackConfig } from '../../config/slack-config.js';
import type { Logger } from '../../log/logger.js';
import type { HttpServer } from '../http/http-server.js';
import type { RunningAdapter } from '../running-adapter.js';

export interface StartSlackOptions {
  config: SlackConfig;
  server: HttpServer;
  log: Logger;
}

/** Starts the Slack app (HTTP on the shared server, or Socket Mode). Filled in by the Slack issue. */
export async function startSlack(_options: StartSlackOptions): Promise<RunningAdapter> {
  throw new Error('the Slack app is not available in this build yet');
}
