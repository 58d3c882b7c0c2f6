import { GatewayDispatchEvents } from 'discord.js';
import { createGatewayBot } from '../../../src/adapters/discord/gateway-bot.js';
import type { HandlerDeps } from '../../../src/adapters/discord/handle-interaction.js';
import {
  type AttachmentLimits,
  DEFAULT_ATTACHMENT_LIMITS,
} from '../../../src/adapters/discord/read-attachment.js';
import type { DiscordConfig } from '../../../src/config/discord-config.js';
import { createLogger } from '../../../src/log/logger.js';
import { FakeDiscordApi, type RecordedCall } from './fake-discord-api.js';
import { APP_ID, BOT_TOKEN } from './payloads.js';

export const NOW = new Date('2026-11-30T10:15:00Z');

export interface HarnessOptions {
  maskAccountIds?: boolean;
  limits?: Partial<AttachmentLimits>;
  diagnose?: HandlerDeps['diagnose'];
}

/**
 * The gateway bot wired to a fake Discord API on loopback: `send(payload)` delivers an
 * INTERACTION_CREATE exactly as discord.js's gateway does, and waits until the handler is done.
 */
export async function gatewayHarness(options: HarnessOptions = {}) {
  const api = await new FakeDiscordApi().start();
  const logs: string[] = [];
  const log = createLogger({ level: 'debug', write: (l) => logs.push(l), secrets: [BOT_TOKEN] });
  const config: DiscordConfig = {
    mode: 'gateway',
    token: BOT_TOKEN,
    applicationId: APP_ID,
    apiUrl: api.apiUrl,
    maskAccountIds: options.maskAccountIds ?? true,
  };
  const bot = createGatewayBot(config, log, {
    maskAccountIds: config.maskAccountIds,
    limits: { ...DEFAULT_ATTACHMENT_LIMITS, allowedHosts: [new URL(api.origin).host], ...options.limits },
    now: () => NOW,
    ...(options.diagnose ? { diagnose: options.diagnose } : {}),
  });
  // login() would set it; the tests never connect to a gateway
  bot.client.rest.setToken(BOT_TOKEN);
  return {
    api,
    logs,
    bot,
    async send(payload: Record<string, unknown> & { token: string }) {
      api.interaction(payload);
      bot.client.ws.emit(GatewayDispatchEvents.InteractionCreate, payload, 0);
      await bot.dispatcher.idle();
    },
    async close() {
      await bot.client.destroy();
      await api.close();
    },
  };
}

/** Calls that post or edit a message (the ones that must carry allowed_mentions). */
export function messageCalls(calls: readonly RecordedCall[]): RecordedCall[] {
  return calls.filter(
    (c) =>
      (c.method === 'POST' && /\/messages$/.test(c.path)) ||
      (c.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(c.path)) ||
      (c.method === 'PATCH' && /\/messages\/@original$/.test(c.path)) ||
      (c.method === 'POST' && /\/callback$/.test(c.path) && c.body?.type === 4),
  );
}

/** The message body of a call (the callback's `data`, or the body itself). */
// biome-ignore lint/suspicious/noExplicitAny: API bodies
export function messageBody(c: RecordedCall): any {
  return /\/callback$/.test(c.path) ? c.body.data : c.body;
}

/** Everything a message shows: content, embed titles, descriptions, fields, footers. */
export function visibleText(c: RecordedCall): string {
  const b = messageBody(c);
  const parts: string[] = [b?.content ?? ''];
  for (const e of b?.embeds ?? []) {
    parts.push(e.title ?? '', e.description ?? '', e.footer?.text ?? '');
    for (const f of e.fields ?? []) parts.push(f.name, f.value);
  }
  return parts.join('\n');
}
