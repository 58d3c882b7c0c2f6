/**
 * Escapes Slack's three control characters so echoed text is shown as typed and can never become a
 * mention (`<!channel>`, `<!here>`, `<@U123>`), a channel link or a disguised link. Slack decodes only
 * these three entities, so nothing else is encoded. Applies to mrkdwn and plain_text alike.
 */
export function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escapes `raw` and shortens it so the escaped text, plus an ellipsis, fits `max` characters; cuts at
 * a word boundary when one is near, never inside an entity.
 */
export function escapeToFit(raw: string, max: number): { text: string; shortened: boolean } {
  const full = escapeMrkdwn(raw);
  if (full.length <= max) return { text: full, shortened: false };
  let end = raw.length;
  // Escaping only grows the text, so the escaped prefix of `end` characters is at least `end` long.
  end = Math.min(end, max - 1);
  while (end > 0 && escapeMrkdwn(raw.slice(0, end)).length > max - 1) end--;
  const space = raw.lastIndexOf(' ', end);
  if (space > end * 0.7) end = space;
  return { text: `${escapeMrkdwn(raw.slice(0, end).trimEnd())}…`, shortened: true };
}
