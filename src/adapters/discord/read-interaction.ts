import { COMMANDS, MODAL, OPTIONS } from './command-names.js';
import type { DiscordAttachment, DiscordRequest, InteractionFacts, TargetMessage } from './interaction.js';

/** Interaction types (discord-api-docs, interactions/receiving-and-responding). */
export const INTERACTION_TYPE = {
  ping: 1,
  command: 2,
  component: 3,
  autocomplete: 4,
  modalSubmit: 5,
} as const;
const COMMAND_TYPE = { chatInput: 1, user: 2, message: 3 } as const;
const HAS_THREAD = 1 << 5;

type Json = Record<string, unknown>;

/**
 * Reads an interaction payload (Discord's JSON, from the gateway or an HTTP request) into the facts the
 * handlers use. Unknown shapes become `{kind: 'unknown'}`, never an exception.
 */
export function readInteraction(payload: unknown): InteractionFacts {
  const p = obj(payload);
  const data = obj(p.data);
  const channel = obj(p.channel);
  const owners = obj(p.authorizing_integration_owners);
  const member = obj(p.member);
  const userId = str(obj(member.user).id) ?? str(obj(p.user).id);
  const permissions = str(p.app_permissions);
  return {
    id: str(p.id) ?? '',
    applicationId: str(p.application_id) ?? '',
    token: str(p.token) ?? '',
    request: readRequest(num(p.type), data),
    place: {
      guildId: str(p.guild_id),
      channelId: str(channel.id) ?? str(p.channel_id),
      channelType: num(channel.type),
      appPermissions: permissions && /^\d+$/.test(permissions) ? BigInt(permissions) : undefined,
      guildInstalled: '0' in owners,
      attachmentSizeLimit: num(p.attachment_size_limit),
    },
    ...(userId ? { userId } : {}),
  };
}

function readRequest(type: number | undefined, data: Json): DiscordRequest {
  const name = str(data.name) ?? '';
  if (type === INTERACTION_TYPE.command) {
    const commandType = num(data.type) ?? COMMAND_TYPE.chatInput;
    if (commandType === COMMAND_TYPE.chatInput && name === COMMANDS.diagnose) return readDiagnose(data);
    if (commandType === COMMAND_TYPE.chatInput && name === COMMANDS.help) return { kind: 'help' };
    if (commandType === COMMAND_TYPE.message && name === COMMANDS.diagnoseMessage) {
      const message = readTargetMessage(data);
      if (message) return { kind: 'diagnose-message', message };
    }
    return { kind: 'unknown', what: `command ${name || '(unnamed)'}` };
  }
  if (type === INTERACTION_TYPE.modalSubmit && str(data.custom_id) === MODAL.customId) {
    return { kind: 'diagnose-modal', text: modalValue(data.components, MODAL.textInput) ?? '' };
  }
  return { kind: 'unknown', what: `interaction type ${type ?? '?'}` };
}

function readDiagnose(data: Json): DiscordRequest {
  let options = arr(data.options).map(obj);
  // a `help` subcommand, should the command ever be registered with subcommands
  const sub = options.find((o) => num(o.type) === 1);
  if (sub && str(sub.name) === 'help') return { kind: 'help' };
  if (sub) options = arr(sub.options).map(obj);
  const text = options.find((o) => o.name === OPTIONS.text);
  const file = options.find((o) => o.name === OPTIONS.file);
  const attachments = obj(obj(data.resolved).attachments);
  const fileId = file ? str(file.value) : undefined;
  const attachment = fileId ? readAttachment(attachments[fileId]) : undefined;
  return {
    kind: 'diagnose',
    ...(text && typeof text.value === 'string' ? { text: text.value } : {}),
    ...(attachment ? { file: attachment } : {}),
  };
}

function readTargetMessage(data: Json): TargetMessage | undefined {
  const targetId = str(data.target_id);
  const messages = obj(obj(data.resolved).messages);
  const m = obj(targetId ? messages[targetId] : Object.values(messages)[0]);
  const id = str(m.id) ?? targetId;
  const channelId = str(m.channel_id);
  if (!id || !channelId) return undefined;
  return {
    id,
    channelId,
    content: str(m.content) ?? '',
    attachments: arr(m.attachments)
      .map(readAttachment)
      .filter((a): a is DiscordAttachment => a !== undefined),
    hasThread: ((num(m.flags) ?? 0) & HAS_THREAD) !== 0 || obj(m.thread).id !== undefined,
  };
}

function readAttachment(raw: unknown): DiscordAttachment | undefined {
  const a = obj(raw);
  const id = str(a.id);
  const url = str(a.url);
  if (!id || !url) return undefined;
  return {
    id,
    url,
    filename: str(a.filename) ?? 'attachment',
    size: num(a.size) ?? 0,
    ...(str(a.content_type) ? { contentType: str(a.content_type) } : {}),
  };
}

/** The value of a text input in a modal submission: inside a Label (type 18) or an action row. */
function modalValue(components: unknown, customId: string): string | undefined {
  for (const c of arr(components).map(obj)) {
    if (c.custom_id === customId && typeof c.value === 'string') return c.value;
    const inner = [...arr(c.components), ...(c.component ? [c.component] : [])];
    const found = modalValue(inner, customId);
    if (found !== undefined) return found;
  }
  return undefined;
}

function obj(v: unknown): Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
