import type { DiscordConfig } from '../../config/discord-config.js';
import type { Logger } from '../../log/logger.js';
import type { HttpServer } from '../http/http-server.js';
import type { RunningAdapter } from '../running-adapter.js';

export interface StartDiscordOptions {
  config: DiscordConfig;
  server: HttpServer;
  log: Logger;
}

/** Starts the Discord bot (gateway, or HTTP interactions on the shared server). Filled in by the Discord issue. */
export async function startDiscord(_options: StartDiscordOptions): Promise<RunningAdapter> {
  throw new Error('the Discord bot is not available in this build yet');
}
