/**
 * Making echoed text safe and literal in Discord markdown: user pastes must never format, link or
 * mention. Mentions are also disabled on every message the bot sends (allowed_mentions), so this is
 * the second guard: it keeps `@everyone`, `<@id>` and `<@&role>` from even looking like mentions.
 */

const ZWSP = '\u200b';

/** `@everyone` / `@here` with a zero-width space after the `@`: reads the same, is no mention. */
export function breakMassMentions(text: string): string {
  return text.replace(/@(everyone|here)\b/gi, `@${ZWSP}$1`);
}

/**
 * Text shown literally: markdown characters are backslash-escaped (Discord drops the backslash when
 * it renders), `<` too, so that no mention, channel, emoji, timestamp or command syntax is parsed.
 */
export function escapeMarkdown(text: string): string {
  const escaped = text
    .replace(/[\\*_~`|[\]<]/g, (c) => `\\${c}`)
    // line-start syntax: quotes, headings, subtext, lists
    .replace(/^([ \t]*)(>|#|-|\+|\d+\.)(?=\s|#|$)/gm, (_m, ws: string, mark: string) =>
      mark.endsWith('.') ? `${ws}${mark.slice(0, -1)}\\.` : `${ws}\\${mark}`,
    );
  return breakMassMentions(escaped);
}

/**
 * Prose written by vpcdiag (titles, explanations) may quote identifiers in single backticks; those
 * spans stay code spans (Discord shows their content literally), everything else is escaped.
 */
export function escapeProse(text: string): string {
  const out: string[] = [];
  let last = 0;
  for (const m of text.matchAll(/`([^`\n]+)`/g)) {
    out.push(escapeMarkdown(text.slice(last, m.index)), `\`${breakMassMentions(m[1]!)}\``);
    last = m.index + m[0].length;
  }
  out.push(escapeMarkdown(text.slice(last)));
  return out.join('');
}

/**
 * A fenced code block: copyable, shown literally. A fence cannot be escaped inside a block, so a run
 * of three backticks in the body gets a zero-width space to keep the block closed.
 */
export function codeBlock(body: string, lang = ''): string {
  return fence(sanitizeCode(body), lang);
}

/** The body of a code block made safe to put between fences (see `codeBlock`). */
export function sanitizeCode(body: string): string {
  return breakMassMentions(body.replace(/```/g, `\`${ZWSP}\`\``)).replace(/\n+$/, '');
}

/** Fences an already sanitized body. */
export function fence(safeBody: string, lang = ''): string {
  return `\`\`\`${lang}\n${safeBody.length > 0 ? safeBody : ' '}\n\`\`\``;
}

/** The characters a code block adds around its body. */
export function codeBlockOverhead(lang = ''): number {
  return 8 + lang.length;
}
