import { REST } from 'discord.js';
import type { DiscordConfig } from '../../config/discord-config.js';
import type { Logger } from '../../log/logger.js';
import type { HttpServer } from '../http/http-server.js';
import type { RunningAdapter } from '../running-adapter.js';
import { createGatewayBot } from './gateway-bot.js';
import type { HandlerDeps } from './handle-interaction.js';
import { createInteractionsRoute } from './http-interactions.js';
import { InteractionDispatcher } from './interaction-dispatcher.js';
import { type AttachmentLimits, DEFAULT_ATTACHMENT_LIMITS, DISCORD_CDN_HOSTS } from './read-attachment.js';
import { RestChannelPoster } from './rest-responder.js';

export interface StartDiscordOptions {
  config: DiscordConfig;
  server: HttpServer;
  log: Logger;
  /** attachment limits (tests make them small) */
  limits?: Partial<AttachmentLimits>;
  now?: () => Date;
  /** replaces the input reading and diagnosis (tests) */
  diagnose?: HandlerDeps['diagnose'];
}

export interface RunningDiscord extends RunningAdapter {
  mode: DiscordConfig['mode'];
  /** resolves when no interaction is being handled */
  idle(): Promise<void>;
}

export const INTERACTIONS_PATH = '/discord/interactions';

/**
 * Starts the Discord bot: a gateway connection by default, or, when DISCORD_PUBLIC_KEY is set,
 * `POST /discord/interactions` on the shared HTTP server. Both run the same handlers.
 */
export async function startDiscord(options: StartDiscordOptions): Promise<RunningDiscord> {
  const { config, log } = options;
  const deps: Omit<HandlerDeps, 'channels' | 'log'> = {
    maskAccountIds: config.maskAccountIds,
    limits: {
      ...DEFAULT_ATTACHMENT_LIMITS,
      // attachments come from Discord's CDN, or from the test server / proxy that stands in for Discord
      allowedHosts: [...DISCORD_CDN_HOSTS, ...(config.apiUrl ? [new URL(config.apiUrl).host] : [])],
      ...options.limits,
    },
    now: options.now ?? (() => new Date()),
    ...(options.diagnose ? { diagnose: options.diagnose } : {}),
  };

  if (config.mode === 'http') {
    const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {});
    if (config.token) rest.setToken(config.token);
    else log.warn('discord: no DISCORD_TOKEN, so no threads: the details will follow the verdict as replies');
    const dispatcher = new InteractionDispatcher({
      ...deps,
      log,
      rest,
      channels: config.token ? new RestChannelPoster(rest) : undefined,
    });
    options.server.route(
      INTERACTIONS_PATH,
      createInteractionsRoute({ publicKey: config.publicKey!, dispatcher, log }),
    );
    log.info('discord: serving HTTP interactions', {
      path: INTERACTIONS_PATH,
      threads: Boolean(config.token),
    });
    return {
      name: 'discord',
      mode: 'http',
      idle: () => dispatcher.idle(),
      stop: () => dispatcher.idle(10_000),
    };
  }

  const bot = createGatewayBot(config, log, deps);
  await bot.start();
  return { name: 'discord', mode: 'gateway', idle: () => bot.dispatcher.idle(), stop: () => bot.stop() };
}
