import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { TextLine } from '../../../analysis-context.js';
import type { InputWarning } from '../../../report/schema.js';
import type { ModelBuilder } from '../../model/builder.js';
import type { Source } from '../../model/types.js';
import type { JsonBlock } from '../json/find-json-blocks.js';
import { type JNode, toPlain } from '../json/loose-json.js';
import { applyDoc } from './apply-doc.js';
import { validateDoc } from './validate-doc.js';

type PathKey = (string | number)[];

const TOP_KEY = /^(vpcs|peerings|transitGateways|hostedZones|paths?)\s*:/;

/** `vpcs[0].subnets[1].cidr` */
export function pathText(path: readonly PropertyKey[]): string {
  let s = 'topology';
  for (const k of path) s += typeof k === 'number' ? `[${k}]` : `.${String(k)}`;
  return s;
}

/** The line of the JSON node at `path` (the deepest node that exists). */
function jsonLineAt(node: JNode, path: PathKey): number {
  let n: JNode = node;
  for (const k of path) {
    let next: JNode | undefined;
    if (n.t === 'obj') next = n.entries.find((e) => e.key === k)?.value;
    else if (n.t === 'arr' && typeof k === 'number') next = n.items[k];
    if (!next) break;
    n = next;
  }
  return n.line;
}

interface Reading {
  plain: unknown;
  lineAt(path: PathKey): number;
  lines: number[];
  parseWarnings: InputWarning[];
}

/** The YAML documents in the prose: runs of lines from a top-level topology key to the first prose line. */
function yamlRuns(lines: readonly TextLine[], used: Set<number>): number[][] {
  const runs: number[][] = [];
  let i = 0;
  while (i < lines.length) {
    if (used.has(i) || !TOP_KEY.test(lines[i]!.text)) {
      i++;
      continue;
    }
    const run = [i];
    let j = i + 1;
    for (; j < lines.length && !used.has(j); j++) {
      const t = lines[j]!.text;
      if (
        /^\s+\S/.test(t) ||
        /^-\s/.test(t) ||
        /^#/.test(t) ||
        /^---\s*$/.test(t) ||
        /^[A-Za-z]\w*\s*:(\s|$)/.test(t)
      )
        run.push(j);
      else break;
    }
    runs.push(run);
    i = j;
  }
  return runs;
}

function readYaml(lines: readonly TextLine[], run: number[]): Reading {
  const first = lines[run[0]!]!.line;
  // blank lines are not in the text: pad so the YAML line numbers are the input's
  const rows: string[] = [];
  for (const idx of run) {
    const l = lines[idx]!;
    while (first + rows.length < l.line) rows.push('');
    rows.push(l.text.replace(/\t/g, '  '));
  }
  const lc = new LineCounter();
  const doc = parseDocument(rows.join('\n'), { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
  const lineOf = (offset: number) => first + lc.linePos(offset).line - 1;
  const parseWarnings: InputWarning[] = doc.errors.map((e) => ({
    code: 'topology-yaml',
    line: lineOf(e.pos[0]),
    message: `line ${lineOf(e.pos[0])}: YAML: ${e.message.split('\n')[0]}`,
  }));
  const lineAt = (path: PathKey): number => {
    let n: unknown = doc.contents;
    let line = first;
    for (const k of path) {
      if (isMap(n)) n = n.get(k, true);
      else if (isSeq(n) && typeof k === 'number') n = n.items[k];
      else break;
      if (!n) break;
      const range = (n as Node).range;
      if (range) line = lineOf(range[0]);
      if (isScalar(n)) break;
    }
    return line;
  };
  return { plain: doc.toJS(), lineAt, lines: run.map((i) => lines[i]!.line), parseWarnings };
}

function readJson(blk: JsonBlock, lines: readonly TextLine[]): Reading {
  const ls: number[] = [];
  for (let i = blk.start; i < blk.next; i++) ls.push(lines[i]!.line);
  return { plain: toPlain(blk.value), lineAt: (p) => jsonLineAt(blk.value, p), lines: ls, parseWarnings: [] };
}

/**
 * A topology document has a top-level key whose value is a list or a map: "peerings: pcx-0a… (a ⟷ b)"
 * on one line is a sentence, left to the English reader.
 */
function isTopologyDoc(plain: unknown): plain is Record<string, unknown> {
  return (
    typeof plain === 'object' &&
    plain !== null &&
    !Array.isArray(plain) &&
    Object.entries(plain).some(([k, v]) => TOP_KEY.test(`${k}:`) && typeof v === 'object' && v !== null)
  );
}

/**
 * Reads YAML or JSON topology documents (see the README): validated with zod, each problem reported
 * against the field and its input line, the valid rest put into the model.
 */
export function readTopologyDocuments(
  lines: readonly TextLine[],
  blocks: readonly JsonBlock[],
  used: Set<number>,
  b: ModelBuilder,
): { warnings: InputWarning[] } {
  const warnings: InputWarning[] = [];
  const readings: Reading[] = [];
  for (const blk of blocks) {
    if (blk.cmd) continue;
    const r = readJson(blk, lines);
    if (isTopologyDoc(r.plain)) readings.push(r);
  }
  for (const run of yamlRuns(lines, used)) {
    const r = readYaml(lines, run);
    if (!isTopologyDoc(r.plain)) continue;
    for (const i of run) used.add(i);
    readings.push(r);
  }
  const textOf = new Map(lines.map((l) => [l.line, l.text.trim()]));
  for (const r of readings) {
    warnings.push(...r.parseWarnings);
    const warn = (path: PathKey, message: string) => {
      const line = r.lineAt(path);
      warnings.push({ code: 'topology-field', line, message: `line ${line}: ${pathText(path)}: ${message}` });
    };
    const doc = validateDoc(r.plain, warn);
    if (!doc) continue;
    const srcAt = (path: PathKey, text: string): Source => {
      const line = r.lineAt(path);
      return { kind: 'config', lines: [line], text: textOf.get(line) ?? text };
    };
    applyDoc(doc, { b, srcAt, warn });
    b.model.readers.add('document');
    for (const l of r.lines) b.model.readLines.add(l);
  }
  return { warnings };
}
