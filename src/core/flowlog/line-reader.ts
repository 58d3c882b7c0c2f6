import {
  ADDR_SEED,
  ENI_SEED,
  FNV_PRIME,
  hashRange,
  hashRange2,
  hashString2,
  mix2,
  SECOND_SEED,
} from './field-hash.js';
import type { CompiledFormat } from './format.js';
import {
  ACTION_ACCEPT,
  ACTION_REJECT,
  DIR_EGRESS,
  DIR_INGRESS,
  DIR_NONE,
  REASON_BPA,
  REASON_OTHER,
  type RecordView,
  STATUS_NODATA,
  STATUS_OK,
  STATUS_SKIPDATA,
} from './record-view.js';
import { looksLikeAddress, MAX_INT_DIGITS } from './tokens.js';
import type { FlowFields } from './types.js';

/** Reads one clean line, `text.slice(start, end)`, of a layout; see {@link generateLineReader}. */
export type LineReader = (text: string, start: number, end: number) => FlowFields | undefined;

/** Reads one clean line into a reused view; false when it is not a clean record of the layout. */
export type ViewReader = (view: RecordView, text: string, start: number, end: number) => boolean;

/** The view's integer properties, by field name. */
const VIEW_INTS: Readonly<Record<string, string>> = {
  srcport: 'srcport',
  dstport: 'dstport',
  protocol: 'protocol',
  packets: 'packets',
  bytes: 'bytes',
  start: 'start',
  end: 'end',
  'tcp-flags': 'tcpFlags',
};

/** Fields the view keeps as a place in the text plus a hash: interface-id and both addresses. */
const VIEW_HASHED: Readonly<Record<string, { prop: 'eni' | 'src' | 'dst'; seed: number }>> = {
  'interface-id': { prop: 'eni', seed: ENI_SEED },
  srcaddr: { prop: 'src', seed: ADDR_SEED },
  dstaddr: { prop: 'dst', seed: ADDR_SEED },
};

/** Words the view keeps as codes (see record-view.ts); any other word gets `other`. */
const VIEW_WORDS: Readonly<Record<string, { prop: string; words: [string, number][]; other: number }>> = {
  'flow-direction': {
    prop: 'dir',
    words: [
      ['ingress', DIR_INGRESS],
      ['egress', DIR_EGRESS],
    ],
    other: DIR_NONE,
  },
  'reject-reason': { prop: 'rejectReason', words: [['BPA', REASON_BPA]], other: REASON_OTHER },
};

const ACTIONS: [string, number][] = [
  ['ACCEPT', ACTION_ACCEPT],
  ['REJECT', ACTION_REJECT],
];
const STATUSES: [string, number][] = [
  ['OK', STATUS_OK],
  ['NODATA', STATUS_NODATA],
  ['SKIPDATA', STATUS_SKIPDATA],
];

/** `text.slice(i, j) === word`, as generated code that compares characters (no slice). */
function isWord(word: string): string {
  const chars = [...word].map((ch, k) => `text.charCodeAt(i + ${k}) === ${ch.charCodeAt(0)}`);
  return `(j - i === ${word.length} && ${chars.join(' && ')})`;
}

const DASH = '(j - i === 1 && text.charCodeAt(i) === 45)';

/**
 * The hot path: a reader specialised for one layout, generated once per layout. It reads the line in
 * place inside a larger text (a chunk of a file): tokens end at a space, found with `indexOf(' ')` or
 * by the loop that reads the token anyway (digits, hashed fields); integers are parsed from the
 * characters without slicing; ACCEPT, OK… are compared character by character; an address's shape is
 * checked cheaply (the careful path checks it fully). A line that is not a clean, single-spaced
 * record of the layout is refused, and the caller takes the careful path, which also says why.
 *
 * Two sinks share every check, so they accept exactly the same lines:
 * - `object`: builds the record as one object literal, so every record of a layout has the same
 *   shape; a field that was `-` is present as `undefined` (JSON output drops it).
 * - `view`: fills a reused {@link RecordView} (numbers, places in the text, hashes of interface-id
 *   and the addresses computed while scanning them) and builds nothing.
 *
 * Field names only enter the generated code as JSON string literals, and the caller only generates
 * for plain names (see format.ts).
 */
function generate(fmt: CompiledFormat, sink: 'object' | 'view'): string {
  const view = sink === 'view';
  const FAIL = view ? 'false' : 'undefined';
  const last = fmt.size - 1;
  /** for the view: the local that holds each property (the last field of that name wins, as in an object) */
  const slots = new Map<string, string>();
  let body = 'let i = start, j = 0, c = 0, n = 0, q = 0, h = 0, h2 = 0;\n';
  const props: string[] = [];
  const tokenEnd = (f: number) =>
    f === last
      ? `j = end; if (j <= i) return ${FAIL}; c = text.indexOf(' ', i); if (c >= 0 && c < end) return ${FAIL};\n`
      : `j = text.indexOf(' ', i); if (j <= i || j >= end) return ${FAIL};\n`;
  // The token's characters are hashed while the loop looks for its end (a middle field: up to a
  // space); interface-id gets a second hash too (see field-hash.ts), computed the same way.
  const hashedEnd = (seed: number, second: boolean) =>
    `h = ${seed};${second ? ` h2 = ${SECOND_SEED};` : ''} q = i; while (q < end) { c = text.charCodeAt(q); if (c === 32) break; h = Math.imul(h ^ c, ${FNV_PRIME}); ${second ? 'h2 = (Math.imul(h2, 31) + c) | 0; ' : ''}q++; }\nj = q; if (j === i || j >= end) return ${FAIL};\n`;
  const shapeCheck = `c = text.charCodeAt(i); if (!((c >= 48 && c <= 58) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) return ${FAIL}; n = j < i + 5 ? j : i + 5; q = i + 1; while (q < n) { c = text.charCodeAt(q); if (c === 46 || c === 58) break; q++; } if (q === n) return ${FAIL};`;
  const codes = (words: [string, number][], other: string) =>
    `${words.map(([w, code]) => `${isWord(w)} ? ${view ? code : JSON.stringify(w)} : `).join('')}${other}`;

  for (let f = 0; f <= last; f++) {
    const v = `v${f}`;
    const name = fmt.names[f]!;
    const edge = f === 0 || f === last;
    const absent = view ? '-1' : 'undefined';
    const kind = fmt.fields[f]!.kind;
    const hashed = view ? VIEW_HASHED[name] : undefined;
    body += `let ${v} = ${absent};\n`;
    if (kind === 'int') {
      // digits until a non-digit: a middle token must end there with a space, the last at the line's end
      body += `q = i; n = 0; while (q < end) { c = text.charCodeAt(q) - 48; if (c < 0 || c > 9) break; n = n * 10 + c; q++; }\n`;
      body +=
        f === last
          ? `if (q === end && q > i) { if (q - i > ${MAX_INT_DIGITS}) return ${FAIL}; ${v} = n; } else if (!(q === i && i + 1 === end && text.charCodeAt(i) === 45)) return ${FAIL};\nj = end;\n`
          : `if (q > i && q < end && text.charCodeAt(q) === 32) { if (q - i > ${MAX_INT_DIGITS}) return ${FAIL}; ${v} = n; j = q; } else if (q === i && i + 1 < end && text.charCodeAt(i) === 45 && text.charCodeAt(i + 1) === 32) j = i + 1; else return ${FAIL};\n`;
      if (view && VIEW_INTS[name]) slots.set(VIEW_INTS[name], v);
    } else if (kind === 'action' || kind === 'status') {
      body += tokenEnd(f);
      body += `if (!${DASH}) { ${v} = ${codes(kind === 'action' ? ACTIONS : STATUSES, 'null')}; if (${v} === null) return ${FAIL}; }\n`;
      if (view) slots.set(kind === 'action' ? 'action' : 'status', v);
    } else if (hashed !== undefined && !edge) {
      body += hashedEnd(hashed.seed, hashed.prop === 'eni');
      const second = hashed.prop === 'eni' ? `, ${v}h2 = mix2(h2)` : '';
      body += `if (!${DASH}) { ${kind === 'addr' ? shapeCheck : ''} ${v} = i; var ${v}e = j, ${v}h = h${second}; }\n`;
      slots.set(hashed.prop, v);
    } else {
      body += tokenEnd(f);
      let check = '';
      if (kind === 'addr') check = edge ? `if (!isAddr(text.slice(i, j))) return ${FAIL};` : shapeCheck;
      else if (edge)
        // The first and last fields are where a tab-separated prefix or suffix (a console's timestamp,
        // a comment) would hide inside a token: scan them. A middle field can only hold a tab if the
        // line has one token too many; line() sends any line with a tab to the careful path.
        check = `for (q = i; q < j; q++) { c = text.charCodeAt(q); if (c < 33 || c === 160) return ${FAIL}; }`;
      let store = '';
      if (!view) store = `${v} = text.slice(i, j);`;
      else if (hashed !== undefined) {
        const second = hashed.prop === 'eni' ? `, ${v}h2 = hashRange2(text, i, j)` : '';
        store = `${v} = i; var ${v}e = j, ${v}h = hashRange(text, i, j, ${hashed.seed})${second};`;
        slots.set(hashed.prop, v);
      } else if (VIEW_WORDS[name]) {
        const w = VIEW_WORDS[name]!;
        store = `${v} = ${codes(w.words, String(w.other))};`;
        slots.set(w.prop, v);
      }
      body += `if (!${DASH}) { ${check} ${store} }\n`;
    }
    body += 'i = j + 1;\n';
    props.push(`${JSON.stringify(name)}: ${v}`);
  }

  if (!view) return `${body}return { ${props.join(', ')} };`;
  const set = (prop: string, fallback: string) => {
    const v = slots.get(prop);
    return `view.${prop} = ${v === undefined ? fallback : prop === 'action' || prop === 'status' || prop === 'dir' || prop === 'rejectReason' ? `${v} < 0 ? 0 : ${v}` : v};\n`;
  };
  body +=
    'view.item = undefined; view.format = fmt; view.text = text; view.lineStart = start; view.lineEnd = end;\n';
  for (const p of Object.values(VIEW_INTS)) body += set(p, '-1');
  for (const p of ['action', 'status', 'dir', 'rejectReason']) body += set(p, '0');
  for (const [p, seed] of [
    ['eni', ENI_SEED],
    ['src', 0],
    ['dst', 0],
  ] as const) {
    const v = slots.get(p);
    body +=
      v === undefined
        ? `view.${p}Start = -1; view.${p}End = -1; view.${p}Hash = ${seed};\n`
        : `if (${v} < 0) { view.${p}Start = -1; view.${p}End = -1; view.${p}Hash = ${seed}; } else { view.${p}Start = ${v}; view.${p}End = ${v}e; view.${p}Hash = ${v}h; }\n`;
  }
  const eni = slots.get('eni');
  const noEni = hashString2('');
  body += `view.eniHash2 = ${eni === undefined ? noEni : `${eni} < 0 ? ${noEni} : ${eni}h2`};\n`;
  return `${body}return true;`;
}

/** The object reader for a layout whose field names are plain (see format.ts). */
export function generateLineReader(fmt: CompiledFormat): LineReader {
  const make = new Function(
    'isAddr',
    `return function readLine(text, start, end) {\n${generate(fmt, 'object')}\n};`,
  );
  return make(looksLikeAddress) as LineReader;
}

/** The view reader for a layout whose field names are plain (see format.ts). */
export function generateViewReader(fmt: CompiledFormat): ViewReader {
  const make = new Function(
    'isAddr',
    'hashRange',
    'hashRange2',
    'mix2',
    'fmt',
    `return function readLineInto(view, text, start, end) {\n${generate(fmt, 'view')}\n};`,
  );
  return make(looksLikeAddress, hashRange, hashRange2, mix2, fmt) as ViewReader;
}
