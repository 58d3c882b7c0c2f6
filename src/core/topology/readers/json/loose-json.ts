import type { TextLine } from '../../../analysis-context.js';

/**
 * A JSON value with the input lines it came from. Pasted CLI output is often cut short (`...`), cut
 * off at the end of a chat message, or interrupted by prose; the reader keeps what it could read.
 */
export type JNode = JObject | JArray | JScalar;

export interface JObject {
  t: 'obj';
  entries: JEntry[];
  line: number;
  endLine: number;
}

export interface JArray {
  t: 'arr';
  items: JNode[];
  line: number;
  endLine: number;
}

export interface JScalar {
  t: 'str' | 'num' | 'bool' | 'null';
  v: string | number | boolean | null;
  line: number;
  endLine: number;
}

export interface JEntry {
  key: string;
  line: number;
  value: JNode;
}

export interface LooseJsonResult {
  value: JNode;
  /** index in `lines` of the first line after the value */
  next: number;
  /** the value was cut (elisions, end of input or prose before it closed) */
  truncated: boolean;
}

const ELISION = /^\s*(\.\.\.|…|\[\.\.\.\]|\(\.\.\.\)|\/\/.*|#.*)\s*,?\s*$/;

class Scanner {
  li: number;
  col = 0;
  truncated = false;
  /** set when a line that is not JSON ends the value */
  stopped = false;

  constructor(
    readonly lines: readonly TextLine[],
    start: number,
    readonly startCol: number,
  ) {
    this.li = start;
    this.col = startCol;
  }

  get lineNo(): number {
    return this.lines[Math.min(this.li, this.lines.length - 1)]?.line ?? 0;
  }

  /** Skips blanks, elision lines and line ends; returns the next char or undefined at the end. */
  peek(): string | undefined {
    while (!this.stopped && this.li < this.lines.length) {
      const text = this.lines[this.li]!.text;
      if (this.col === 0 && ELISION.test(text)) {
        this.truncated = true;
        this.li++;
        continue;
      }
      while (this.col < text.length && /\s/.test(text[this.col]!)) this.col++;
      if (this.col >= text.length) {
        this.li++;
        this.col = 0;
        continue;
      }
      const c = text[this.col]!;
      if (this.col === 0 || /^\s*$/.test(text.slice(0, this.col))) {
        // a fresh line: it must look like JSON to go on
        if (
          !/^[{}[\]",:\-0-9tfn']/.test(c) ||
          (/[tfn]/.test(c) && !/^(true|false|null)\b/.test(text.slice(this.col)))
        ) {
          this.stopped = true;
          this.truncated = true;
          return undefined;
        }
      }
      return c;
    }
    return undefined;
  }

  take(): string | undefined {
    const c = this.peek();
    if (c !== undefined) this.col++;
    return c;
  }

  rest(): string {
    return this.lines[this.li]?.text.slice(this.col) ?? '';
  }
}

function parseValue(s: Scanner, depth: number): JNode | undefined {
  const c = s.peek();
  if (c === undefined) return undefined;
  const line = s.lineNo;
  if (c === '{') return parseObject(s, depth);
  if (c === '[') return parseArray(s, depth);
  if (c === '"' || c === "'") {
    const v = parseString(s);
    return { t: 'str', v, line, endLine: line };
  }
  const rest = s.rest();
  const num = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
  if (num) {
    s.col += num[0].length;
    return { t: 'num', v: Number(num[0]), line, endLine: line };
  }
  const lit = /^(true|false|null)\b/.exec(rest);
  if (lit) {
    s.col += lit[0].length;
    const v = lit[1] === 'null' ? null : lit[1] === 'true';
    return { t: v === null ? 'null' : 'bool', v, line, endLine: line };
  }
  // junk inside a value: skip the rest of the line
  s.truncated = true;
  s.li++;
  s.col = 0;
  return undefined;
}

function parseString(s: Scanner): string {
  const text = s.lines[s.li]!.text;
  const quote = text[s.col]!;
  let i = s.col + 1;
  let out = '';
  while (i < text.length && text[i] !== quote) {
    if (text[i] === '\\' && i + 1 < text.length) {
      const e = text[i + 1]!;
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      out += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
      i += 2;
      continue;
    }
    out += text[i];
    i++;
  }
  if (i >= text.length) s.truncated = true;
  s.col = Math.min(i + 1, text.length);
  return out;
}

function parseObject(s: Scanner, depth: number, open = true): JObject {
  const line = s.lineNo;
  if (open) s.take(); // {
  const obj: JObject = { t: 'obj', entries: [], line, endLine: line };
  if (depth > 64) return obj;
  for (;;) {
    const c = s.peek();
    if (c === undefined) {
      s.truncated = true;
      obj.endLine = s.lineNo;
      return obj;
    }
    if (c === '}') {
      obj.endLine = s.lineNo;
      s.take();
      return obj;
    }
    if (c === ',') {
      s.take();
      continue;
    }
    if (c === '"' || c === "'") {
      const keyLine = s.lineNo;
      const key = parseString(s);
      const colon = s.peek();
      if (colon !== ':') {
        s.truncated = true;
        continue;
      }
      s.take();
      const value = parseValue(s, depth + 1);
      if (value) obj.entries.push({ key, line: keyLine, value });
      continue;
    }
    if (c === ']') {
      // a mismatched close: the paste lost the object's end
      s.truncated = true;
      obj.endLine = s.lineNo;
      return obj;
    }
    // junk where a key should be (an unquoted key, a comment): skip the line
    s.truncated = true;
    s.li++;
    s.col = 0;
  }
}

function parseArray(s: Scanner, depth: number): JArray {
  const line = s.lineNo;
  s.take(); // [
  const arr: JArray = { t: 'arr', items: [], line, endLine: line };
  if (depth > 64) return arr;
  for (;;) {
    const c = s.peek();
    if (c === undefined) {
      s.truncated = true;
      arr.endLine = s.lineNo;
      return arr;
    }
    if (c === ']') {
      arr.endLine = s.lineNo;
      s.take();
      return arr;
    }
    if (c === ',') {
      s.take();
      continue;
    }
    if (c === '}') {
      s.truncated = true;
      arr.endLine = s.lineNo;
      return arr;
    }
    const v = parseValue(s, depth + 1);
    if (v) arr.items.push(v);
  }
}

/**
 * Reads one JSON value starting at `lines[start]`, column `col`. With `bare`, the lines are the inside
 * of an object whose `{` was not pasted (`"Entries": [ …`).
 */
export function readLooseJson(
  lines: readonly TextLine[],
  start: number,
  col = 0,
  bare = false,
): LooseJsonResult | undefined {
  const s = new Scanner(lines, start, col);
  const value = bare ? parseObject(s, 0, false) : parseValue(s, 0);
  if (!value) return undefined;
  // the value ends on the current line; move to the next line unless the rest of it is more JSON
  let next = s.li;
  if (s.li < lines.length && !s.stopped) {
    const rest = s.rest().trim();
    next = rest === '' || /^[,\]}]+$/.test(rest) ? s.li + 1 : s.li;
    if (next === s.li && s.col === 0) next = s.li;
  }
  return { value, next: Math.max(next, start + 1), truncated: s.truncated };
}

// ---- accessors ----

export function field(o: JNode | undefined, key: string): JNode | undefined {
  if (o?.t !== 'obj') return undefined;
  for (const e of o.entries) if (e.key === key) return e.value;
  return undefined;
}

export function fieldLine(o: JNode | undefined, key: string): number | undefined {
  if (o?.t !== 'obj') return undefined;
  return o.entries.find((e) => e.key === key)?.line;
}

export function str(o: JNode | undefined, key: string): string | undefined {
  const v = field(o, key);
  return v?.t === 'str' ? (v.v as string) : v?.t === 'num' ? String(v.v) : undefined;
}

export function num(o: JNode | undefined, key: string): number | undefined {
  const v = field(o, key);
  if (v?.t === 'num') return v.v as number;
  if (v?.t === 'str' && /^-?\d+$/.test(v.v as string)) return Number(v.v);
  return undefined;
}

export function bool(o: JNode | undefined, key: string): boolean | undefined {
  const v = field(o, key);
  if (v?.t === 'bool') return v.v as boolean;
  if (v?.t === 'str')
    return v.v === 'true' || v.v === 'enable'
      ? true
      : v.v === 'false' || v.v === 'disable'
        ? false
        : undefined;
  if (v?.t === 'obj') return bool(v, 'Value');
  return undefined;
}

export function arr(o: JNode | undefined, key: string): JNode[] {
  const v = field(o, key);
  return v?.t === 'arr' ? v.items : [];
}

export function strs(o: JNode | undefined, key: string): string[] {
  return arr(o, key)
    .map((x) => (x.t === 'str' ? (x.v as string) : undefined))
    .filter((x): x is string => x !== undefined);
}

export function hasKeys(o: JNode | undefined, ...keys: string[]): boolean {
  return o?.t === 'obj' && keys.every((k) => o.entries.some((e) => e.key === k));
}

/** the `Name` tag */
export function nameTag(o: JNode | undefined): string | undefined {
  for (const t of arr(o, 'Tags')) if (str(t, 'Key') === 'Name') return str(t, 'Value');
  return undefined;
}

/** Converts to a plain JS value (for zod). */
export function toPlain(n: JNode): unknown {
  switch (n.t) {
    case 'obj':
      return Object.fromEntries(n.entries.map((e) => [e.key, toPlain(e.value)]));
    case 'arr':
      return n.items.map(toPlain);
    default:
      return n.v;
  }
}
