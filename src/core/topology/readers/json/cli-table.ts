import type { TextLine } from '../../../analysis-context.js';
import type { JEntry, JNode, JObject } from './loose-json.js';

/**
 * `aws … --output table` as the CLI prints it: nested boxes of `|` whose depth is the nesting, a
 * title row per section (`|| RouteTables ||`), key/value rows (`|| RouteTableId | rtb-… ||`) and,
 * for lists of flat objects, a column header row followed by one row per item. Turned back into the
 * JSON shape, so the describe-* readers read it like JSON.
 */
const KEY = /^[A-Z][A-Za-z0-9]*$/;

/** A list field (`Routes`, `IpPermissionsEgress`, `CidrBlockAssociationSet`) or an object (`Status`, `PortRange`). */
function isListName(name: string): boolean {
  return /(?:s|Egress|Set)$/.test(name) && !/(?:Status|Address|Access|Alias)$/.test(name);
}

interface Frame {
  depth: number;
  name: string;
  parent: JObject;
  kind: 'pending' | 'object' | 'table';
  obj?: JObject;
  header?: string[];
}

function scalar(v: string, line: number): JNode {
  if (v === 'True' || v === 'False') return { t: 'bool', v: v === 'True', line, endLine: line };
  if (v === 'None') return { t: 'null', v: null, line, endLine: line };
  return { t: 'str', v, line, endLine: line };
}

function attach(parent: JObject, name: string, child: JObject, line: number): void {
  if (!isListName(name)) {
    parent.entries.push({ key: name, line, value: child });
    return;
  }
  let e: JEntry | undefined = parent.entries.find((k) => k.key === name);
  if (e?.value.t !== 'arr') {
    e = { key: name, line, value: { t: 'arr', items: [], line, endLine: line } };
    parent.entries.push(e);
  }
  if (e.value.t === 'arr') {
    e.value.items.push(child);
    e.value.endLine = line;
  }
}

/** Reads a table starting at `start`; undefined when the lines there are not one. */
export function readCliTable(
  lines: readonly TextLine[],
  start: number,
): { value: JNode; next: number } | undefined {
  let i = start;
  if (/^\s*-{10,}\s*$/.test(lines[i]?.text ?? '')) i++;
  const first = lines[i]?.text ?? '';
  const title = /^\s*\|\s+([A-Z][A-Za-z0-9]+)\s+\|\s*$/.exec(first);
  if (!title) return undefined;
  const root: JObject = { t: 'obj', entries: [], line: lines[start]!.line, endLine: lines[start]!.line };
  const frames: Frame[] = [];
  let rows = 0;
  for (i = i + 1; i < lines.length; i++) {
    const raw = lines[i]!.text.trim();
    if (!/^[|+]/.test(raw)) break;
    const line = lines[i]!.line;
    root.endLine = line;
    const depth = /^\|*/.exec(raw)![0].length;
    const inner = raw.replace(/^\|+/, '').replace(/\|+$/, '');
    if (/^[+\-\s|]*$/.test(inner) || /^[+-]/.test(inner)) continue;
    const cells = inner.split('|').map((c) => c.trim());
    while (frames.length && frames[frames.length - 1]!.depth > depth) frames.pop();
    const top = frames[frames.length - 1];
    // a one-column list (`CidrIp` under `IpRanges`): its header sits right under the title
    if (cells.length === 1 && KEY.test(cells[0]!) && top?.depth === depth && top.kind === 'pending') {
      top.kind = 'table';
      top.header = cells;
      continue;
    }
    if (cells.length === 1 && KEY.test(cells[0]!)) {
      // a section title: a child of the nearest enclosing object
      while (frames.length && frames[frames.length - 1]!.depth >= depth) frames.pop();
      const host = [...frames].reverse().find((f) => f.obj)?.obj ?? root;
      frames.push({ depth, name: cells[0]!, parent: host, kind: 'pending' });
      continue;
    }
    if (!top || top.depth !== depth) continue;
    if (top.kind !== 'table' && cells.length === 2 && KEY.test(cells[0]!)) {
      if (!top.obj) {
        top.obj = { t: 'obj', entries: [], line, endLine: line };
        attach(top.parent, top.name, top.obj, line);
        top.kind = 'object';
      }
      top.obj.entries.push({ key: cells[0]!, line, value: scalar(cells[1]!, line) });
      top.obj.endLine = line;
      rows++;
      continue;
    }
    if (top.kind === 'pending' && cells.length >= 2 && cells.every((c) => KEY.test(c))) {
      top.kind = 'table';
      top.header = cells;
      continue;
    }
    if (top.kind === 'table' && top.header && cells.length === top.header.length) {
      const item: JObject = {
        t: 'obj',
        entries: top.header.map((k, n) => ({ key: k, line, value: scalar(cells[n]!, line) })),
        line,
        endLine: line,
      };
      attach(top.parent, top.name, item, line);
      // sections drawn under a row (`IpRanges` under an `IpPermissions` row) belong to that row
      top.obj = item;
      rows++;
    }
  }
  if (rows === 0) return undefined;
  return { value: root, next: i };
}
