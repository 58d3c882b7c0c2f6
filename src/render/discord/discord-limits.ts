/**
 * Discord's message limits (discord-api-docs, resources/message: "Embed Limits", "Create Message";
 * resources/channel: thread names). Lengths are counted here in UTF-16 code units, which is never less
 * than Discord's own count, so a text within these numbers is within Discord's.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** title + description + field names and values + footer, across all the embeds of one message */
  embedTotal: 6000,
  threadName: 100,
} as const;

/** One embed, as Discord's API takes it (only the parts vpcdiag uses). */
export interface DiscordEmbed {
  title?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
}

/** One message, as Discord's API takes it (only the parts vpcdiag uses). */
export interface DiscordMessage {
  content?: string;
  embeds?: DiscordEmbed[];
}

/** The characters an embed counts toward the 6000 across a message's embeds. */
export function embedLength(e: DiscordEmbed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** Every way a message breaks Discord's limits (empty when it is fine). */
export function limitViolations(m: DiscordMessage): string[] {
  const L = DISCORD_LIMITS;
  const out: string[] = [];
  const content = m.content ?? '';
  const embeds = m.embeds ?? [];
  if (content.length > L.content) out.push(`content is ${content.length} > ${L.content}`);
  if (content.trim() === '' && embeds.length === 0) out.push('message is empty');
  if (embeds.length > L.embedsPerMessage) out.push(`${embeds.length} embeds > ${L.embedsPerMessage}`);
  let total = 0;
  embeds.forEach((e, i) => {
    const at = `embed ${i + 1}`;
    if ((e.title?.length ?? 0) > L.embedTitle)
      out.push(`${at} title is ${e.title?.length} > ${L.embedTitle}`);
    if ((e.description?.length ?? 0) > L.embedDescription)
      out.push(`${at} description is ${e.description?.length} > ${L.embedDescription}`);
    if ((e.footer?.text.length ?? 0) > L.footer) out.push(`${at} footer is too long`);
    if ((e.fields?.length ?? 0) > L.embedFields) out.push(`${at} has ${e.fields?.length} fields`);
    for (const f of e.fields ?? []) {
      if (f.name.length > L.fieldName || f.value.length > L.fieldValue)
        out.push(`${at} has a field too long`);
      if (f.name.length === 0 || f.value.length === 0) out.push(`${at} has an empty field`);
    }
    total += embedLength(e);
  });
  if (total > L.embedTotal) out.push(`embeds total ${total} > ${L.embedTotal}`);
  return out;
}
