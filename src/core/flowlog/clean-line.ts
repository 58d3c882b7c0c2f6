import { lookupField } from './fields.js';
import type { IgnoredReason } from './types.js';

/**
 * What a pasted line holds once the noise that chat clients, consoles and exports add around records
 * has been taken off. Used only when a line did not read as a record as it stood.
 */
export type CleanLine =
  | { kind: 'text'; texts: string[]; elided: boolean }
  | { kind: 'ignored'; reason: IgnoredReason }
  | { kind: 'format'; names: string[] }
  | { kind: 'table-header'; columns: string[] }
  | { kind: 'table-row'; cells: string[] };

const ISO_PREFIX = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?[\s,]+/;
const STREAM_NAME = /^(eni|tgw-attach|tgw)-[0-9a-f]+-[A-Za-z]+[\s]+/;
const CSV_PREFIX = /^(\d{10,13}|\d{4}-\d\d-\d\d[T ][0-9:.]+(Z|[+-]\d\d:?\d\d)?),\s*/;
const FORMAT_PLACEHOLDER = /\$\{([A-Za-z0-9_-]+)\}/g;
const FORMAT_LINE = /^(?:--)?(?:log[-_ ]?)?format\s*[:=]\s*['"]?(.+?)['"]?\s*$/i;
const JSON_MESSAGE_LINE = /^"message"\s*:\s*"((?:[^"\\]|\\.)*)"\s*,?$/;
const INSIGHTS_META = new Set(['@timestamp', '@message', '@logstream', '@log', '@ingestiontime', '@ptr']);

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

export function cleanLine(raw: string): CleanLine {
  let s = decodeEntities(raw).trim();
  if (s === '') return { kind: 'ignored', reason: 'blank' };

  // Markdown: block quotes, fences (alone, with a language, or inline around records), inline code.
  s = s.replace(/^(>\s?)+/, '');
  if (/^```[\w-]*$/.test(s) || /^~~~[\w-]*$/.test(s)) return { kind: 'ignored', reason: 'fence' };
  if (s.includes('`')) s = s.replace(/`+/g, ' ');
  s = s.trim();
  if (s === '') return { kind: 'ignored', reason: 'blank' };
  if (s === '...' || s === '…' || s === '[...]' || s === '(...)')
    return { kind: 'ignored', reason: 'elision' };

  // A format string: `${version} ${account-id} …` (console / describe-flow-logs) or `format: …`.
  if (s.includes('${')) {
    const names = [...s.matchAll(FORMAT_PLACEHOLDER)].map((m) => m[1]!);
    if (names.length >= 2) return { kind: 'format', names };
  }
  const fm = FORMAT_LINE.exec(s);
  if (fm) {
    const names = fm[1]!.split(/[\s,]+/).filter(Boolean);
    if (names.length >= 2 && names.filter((n) => lookupField(n)).length >= names.length * 0.8) {
      return { kind: 'format', names };
    }
  }

  // JSON-wrapped events: {"message": "…"}, CloudWatch subscription payloads, `"message": "…",` lines.
  if (s.startsWith('{') || s.startsWith('[')) return readJsonLine(s);
  const jm = JSON_MESSAGE_LINE.exec(s);
  if (jm) return textOf(unescapeJson(jm[1]!));

  // Tables: Logs Insights / Markdown rows.
  if (s.startsWith('|') || (s.includes(' | ') && s.split('|').length >= 3)) return readTableLine(s);

  // CloudWatch export CSV (`timestamp,message`), console copies and `aws logs tail` prefixes.
  if (/^timestamp,\s*message/i.test(s) || /^timestamp\s+message$/i.test(s)) {
    return { kind: 'ignored', reason: 'header' };
  }
  const csv = CSV_PREFIX.exec(s);
  if (csv) {
    s = s.slice(csv[0].length);
    if (s.startsWith('"'))
      s = s
        .slice(1)
        .replace(/",?\s*$/, '')
        .replace(/""/g, '"');
  } else {
    s = s.replace(ISO_PREFIX, '').replace(STREAM_NAME, '');
  }

  return textOf(s);
}

function textOf(s: string): CleanLine {
  let text = s;
  // Trailing comments (`# NAT gateway`, `// reply`), as in AWS's own examples.
  const hash = text.search(/\s(#|\/\/)/);
  if (hash >= 0) text = text.slice(0, hash);
  if (text.startsWith('#') || text.startsWith('//')) return { kind: 'ignored', reason: 'comment' };
  let elided = false;
  const trimmed = text.trimEnd();
  if (trimmed.endsWith('...') || trimmed.endsWith('…')) {
    elided = true;
    text = trimmed.replace(/\s*(\.\.\.|…)$/, '');
  }
  text = text.trim();
  if (text === '') return { kind: 'ignored', reason: elided ? 'elision' : 'blank' };
  return { kind: 'text', texts: [text], elided };
}

function unescapeJson(s: string): string {
  try {
    return JSON.parse(`"${s}"`) as string;
  } catch {
    return s;
  }
}

function readJsonLine(s: string): CleanLine {
  let value: unknown;
  try {
    value = JSON.parse(s);
  } catch {
    return { kind: 'ignored', reason: 'text' };
  }
  const messages: string[] = [];
  collectMessages(value, messages, 0);
  if (messages.length === 0) return { kind: 'ignored', reason: 'text' };
  return { kind: 'text', texts: messages.map((m) => m.trim()).filter(Boolean), elided: false };
}

function collectMessages(v: unknown, out: string[], depth: number): void {
  if (depth > 4 || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v) collectMessages(x, out, depth + 1);
    return;
  }
  const o = v as Record<string, unknown>;
  if (typeof o.message === 'string') out.push(o.message);
  else if (typeof o['@message'] === 'string') out.push(o['@message']);
  if (Array.isArray(o.logEvents)) collectMessages(o.logEvents, out, depth + 1);
  if (Array.isArray(o.events)) collectMessages(o.events, out, depth + 1);
}

function readTableLine(s: string): CleanLine {
  const cells = s
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
  if (cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '')) return { kind: 'ignored', reason: 'text' };
  const isName = (c: string) => INSIGHTS_META.has(c.toLowerCase()) || lookupField(c) !== undefined;
  if (cells.length >= 2 && cells.every(isName)) return { kind: 'table-header', columns: cells };
  return { kind: 'table-row', cells };
}

/** True when a Logs Insights column is metadata rather than a flow-log field. */
export function isInsightsMeta(column: string): boolean {
  return INSIGHTS_META.has(column.toLowerCase());
}
