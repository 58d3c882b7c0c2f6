import type { TextLine } from '../../analysis-context.js';
import { lookupField } from '../../flowlog/fields.js';

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rarr: '→',
  larr: '←',
  harr: '↔',
  ndash: '–',
  mdash: '—',
  hellip: '…',
};

/** Decodes HTML entities: Slack sends `->` as `-&gt;`, and some clients send `&#8594;`. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/** Slack markup: `<http://x|label>` → label, `<@U123>` and `<!here>` dropped, `<#C1|chan>` → #chan. */
function slackMarkup(s: string): string {
  return s
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/<[@!][^>]*>/g, '')
    .replace(/<#[A-Z0-9]+\|([^>]+)>/g, '#$1');
}

/**
 * The lines as the topology readers want them: entities decoded, chat markup gone, the slash command
 * taken off the first line, line numbers kept.
 */
export function prepareLines(text: readonly TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  for (const t of text) {
    let s = decodeEntities(slackMarkup(t.text)).replace(/\u00a0/g, ' ');
    s = s.replace(/^\s*\/(diagnose|vpcdiag)\b\s*/i, '');
    s = s.replace(/^\s*(```|~~~)[\w-]*\s*$/, '');
    if (s.trim() === '') continue;
    if (isFlowLogHeader(s)) continue;
    out.push({ line: t.line, text: s });
  }
  return out;
}

/** A flow-log header or format line (`version account-id interface-id …`): field names, not prose. */
function isFlowLogHeader(s: string): boolean {
  const words = s
    .replace(/\$\{([^}]+)\}/g, '$1')
    .trim()
    .split(/[\s,]+/);
  if (words.length < 4) return false;
  const known = words.filter((w) => lookupField(w) !== undefined).length;
  return known / words.length >= 0.6;
}
