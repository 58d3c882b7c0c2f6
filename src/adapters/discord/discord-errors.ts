import { DiscordAPIError, HTTPError } from 'discord.js';
import { type NoThreadReason, noThreadNotice } from './thread-plan.js';

/** Discord's JSON error codes that vpcdiag reacts to (discord-api-docs, topics/opcodes-and-status-codes). */
export const DISCORD_ERROR = {
  unknownChannel: 10003,
  unknownMessage: 10008,
  unknownInteraction: 10062,
  missingAccess: 50001,
  missingPermissions: 50013,
  wrongChannelType: 50024,
  threadArchived: 50083,
  threadAlreadyCreated: 160004,
  threadLocked: 160005,
} as const;

export function discordErrorCode(err: unknown): number | undefined {
  return err instanceof DiscordAPIError && typeof err.code === 'number' ? err.code : undefined;
}

/** Why a thread could not be started or posted in, for the user. */
export function threadFailureNotice(err: unknown): string {
  const code = discordErrorCode(err);
  const reason: NoThreadReason | undefined =
    code === DISCORD_ERROR.missingPermissions || code === DISCORD_ERROR.missingAccess
      ? 'permission'
      : code === DISCORD_ERROR.wrongChannelType
        ? 'channel-type'
        : undefined;
  if (reason) return noThreadNotice(reason);
  if (code === DISCORD_ERROR.threadArchived || code === DISCORD_ERROR.threadLocked) {
    return 'The thread on that message is archived or locked, so the details follow here.';
  }
  const status = err instanceof DiscordAPIError || err instanceof HTTPError ? ` (HTTP ${err.status})` : '';
  return `Discord would not let me use a thread here${status}, so the details follow here.`;
}

/**
 * An error as log fields, without secrets: REST error messages and URLs carry the interaction token
 * (`/webhooks/{app}/{token}`), which is cut out here; request bodies are never logged.
 */
export function errorFields(err: unknown, secrets: readonly string[] = []): Record<string, unknown> {
  const scrub = (s: string) => {
    let out = s.replace(/\/(webhooks|interactions)\/(\d+)\/[^/\s?]+/g, '/$1/$2/[token]');
    for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('[token]');
    return out;
  };
  if (err instanceof DiscordAPIError) {
    return {
      error: err.name,
      code: err.code,
      status: err.status,
      method: err.method,
      message: scrub(err.message),
    };
  }
  if (err instanceof HTTPError) {
    return { error: err.name, status: err.status, method: err.method, message: scrub(err.message) };
  }
  if (err instanceof Error) {
    return { error: err.name, message: scrub(err.message), stack: scrub(err.stack ?? '') };
  }
  return { error: scrub(String(err)) };
}
