import { Client, Events, GatewayDispatchEvents, GatewayIntentBits } from 'discord.js';
import type { DiscordConfig } from '../../config/discord-config.js';
import type { Logger } from '../../log/logger.js';
import { errorFields } from './discord-errors.js';
import type { HandlerDeps } from './handle-interaction.js';
import { InteractionDispatcher } from './interaction-dispatcher.js';
import { initialViaCallback, RestChannelPoster } from './rest-responder.js';

export interface GatewayBot {
  client: Client;
  dispatcher: InteractionDispatcher;
  /** connects to the gateway; rejects with a readable message when Discord refuses the token */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The gateway mode: a discord.js client (only the unprivileged Guilds intent; interactions need no
 * intent, and a message command gets its message's content without MESSAGE_CONTENT). Each
 * INTERACTION_CREATE payload goes to the same handlers as the HTTP endpoint's, answered over REST.
 * Mentions are disabled client-wide, and again on every message body.
 */
export function createGatewayBot(
  config: DiscordConfig,
  log: Logger,
  deps: Omit<HandlerDeps, 'channels' | 'log'>,
): GatewayBot {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  });
  const dispatcher = new InteractionDispatcher({
    ...deps,
    log,
    rest: client.rest,
    channels: new RestChannelPoster(client.rest),
  });
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (payload: unknown) => {
    void dispatcher.dispatch(payload, (ix) => initialViaCallback(client.rest, ix));
  });
  client.on(Events.Error, (err) => log.error('discord: client error', errorFields(err)));
  client.on(Events.ShardError, (err, shard) =>
    log.warn('discord: gateway connection error', { shard, ...errorFields(err) }),
  );
  client.once(Events.ClientReady, (c) =>
    log.info('discord: connected to the gateway', { bot: c.user.tag, guilds: c.guilds.cache.size }),
  );

  return {
    client,
    dispatcher,
    async start() {
      if (!config.token) throw new Error('DISCORD_TOKEN is needed for gateway mode');
      try {
        await client.login(config.token);
      } catch (err) {
        const e = err as { code?: string; message?: string };
        if (e.code === 'TokenInvalid' || /401|invalid token/i.test(e.message ?? '')) {
          throw new Error(
            'Discord rejected DISCORD_TOKEN: reset it in the Developer Portal (Bot → Reset Token) and set the new value.',
          );
        }
        if (e.code === 'DisallowedIntents') {
          throw new Error(
            'Discord refused the gateway intents; vpcdiag only asks for Guilds, which needs no approval.',
          );
        }
        throw err;
      }
    },
    async stop() {
      await dispatcher.idle(10_000);
      await client.destroy();
    },
  };
}
