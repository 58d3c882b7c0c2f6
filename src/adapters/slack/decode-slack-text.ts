/**
 * Undoes Slack's message encoding so a paste reads as it was typed: `<http://x|label>` and
 * `<mailto:a@b|a@b>` become what the user saw (the label), bare `<http://x>` the address, mentions
 * and channel links a readable `@name`/`#name`, then `&lt; &gt; &amp;` become `< > &` (in that order,
 * so an escaped `&amp;lt;` stays `&lt;`). Slash-command text and message text arrive encoded this way.
 */
export function decodeSlackText(text: string): string {
  return text
    .replace(/<([^<>\n]*)>/g, (whole, inner: string) => decodeAngle(inner) ?? whole)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function decodeAngle(inner: string): string | undefined {
  const bar = inner.indexOf('|');
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? inner.slice(bar + 1) : undefined;
  if (/^(https?|mailto|ftp|tel):/i.test(target)) {
    return label ?? target.replace(/^mailto:/i, '');
  }
  if (/^@[UW][A-Z0-9]+$/.test(target)) return label ? `@${label}` : target;
  if (/^#C[A-Z0-9]+$/.test(target)) return label ? `#${label}` : target;
  if (target.startsWith('!')) {
    // <!here>, <!channel>, <!subteam^S123|@team>, <!date^…|fallback>
    if (label) return label;
    const word = target.slice(1).split('^')[0];
    return word ? `@${word}` : undefined;
  }
  return undefined;
}
