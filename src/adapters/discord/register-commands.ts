import { readFile } from 'node:fs/promises';
import { REST, Routes } from 'discord.js';
import { z } from 'zod';

/** Where the command definitions live, relative to the project root. */
export const COMMANDS_FILE = new URL('../../../commands/discord-commands.json', import.meta.url);

const name = z.string().min(1).max(32);
const description = z.string().min(1).max(100);
const option = z.object({
  type: z.number().int().min(1).max(11),
  name: z.string().regex(/^[-_\p{L}\p{N}]{1,32}$/u),
  description,
  required: z.boolean().optional(),
  max_length: z.number().int().min(1).max(6000).optional(),
});
const command = z
  .object({
    name,
    type: z.union([z.literal(1), z.literal(3)]),
    description: description.optional(),
    contexts: z.array(z.number().int().min(0).max(2)).optional(),
    integration_types: z.array(z.number().int().min(0).max(1)).optional(),
    options: z.array(option).max(25).optional(),
  })
  .refine((c) => (c.type === 1 ? c.description !== undefined : c.description === undefined), {
    message: 'slash commands need a description; message commands may not have one',
  })
  .refine((c) => c.type !== 1 || /^[-_\p{Ll}\p{N}]{1,32}$/u.test(c.name), {
    message: 'slash command names are lower case, without spaces',
  });

/** The command definitions, checked against Discord's limits (names 1–32, descriptions 1–100, …). */
export const commandsSchema = z.array(command).min(1);
export type CommandDefinition = z.infer<typeof command>;

export async function loadCommandDefinitions(
  file: URL | string = COMMANDS_FILE,
): Promise<CommandDefinition[]> {
  return commandsSchema.parse(JSON.parse(await readFile(file, 'utf8')));
}

export interface RegisterOptions {
  token: string;
  applicationId: string;
  /** register to this guild (takes effect at once); globally when undefined */
  guildId?: string;
  /** REST base without the version */
  apiUrl?: string;
  commands: readonly CommandDefinition[];
}

/**
 * Overwrites the application's commands with the definitions (a bulk PUT: commands no longer defined
 * disappear), in one guild or globally. Returns the names Discord registered.
 */
export async function registerDiscordCommands(
  options: RegisterOptions,
): Promise<{ scope: string; names: string[] }> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const registered = (await rest.put(route, { body: options.commands })) as { name?: string }[];
  return {
    scope: options.guildId ? `guild ${options.guildId}` : 'global',
    names: registered.map((c) => String(c.name)),
  };
}
