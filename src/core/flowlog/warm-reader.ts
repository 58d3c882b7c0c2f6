import type { CompiledFormat } from './format.js';
import type { LineReader, ViewReader } from './line-reader.js';
import { RecordView } from './record-view.js';

const WARM_PASSES = 12;

/** The tokens a layout's field may hold, in turn: each alternative the generated code tells apart. */
function alternatives(fmt: CompiledFormat, f: number): readonly string[] {
  const name = fmt.names[f]!;
  switch (fmt.fields[f]!.kind) {
    case 'int':
      return ['6', '-', '1763000000'];
    case 'action':
      return ['ACCEPT', 'REJECT', '-'];
    case 'status':
      return ['OK', 'NODATA', 'SKIPDATA', '-'];
    case 'addr':
      return ['10.0.1.5', '2600:1f16:abc:1::5', '-'];
    default:
      if (name === 'flow-direction') return ['ingress', 'egress', '-'];
      if (name === 'reject-reason') return ['BPA', '-', 'other'];
      if (name === 'interface-id') return ['eni-0a1b2c3d4e5f60718', '-', 'eni-0f1e2d3c4b5a69788'];
      return ['x-0a1b2c3d', '-', 'y-0a1b2c3d'];
  }
}

/**
 * Runs a layout's freshly generated reader over a few made-up lines that take every branch a real
 * log takes (each word of action, log-status, flow-direction; `-` in each field; IPv4 and IPv6), in
 * the middle of a longer text as a file's chunk is. V8 optimises the reader once it is hot, from what
 * it has seen so far: a word it had not met by then (SKIPDATA comes about once in a thousand lines)
 * would throw the optimised reader away and have it compiled again, which costs tens of
 * milliseconds of CPU per layout and thread. Reading these lines first costs microseconds.
 */
export function warmReader(fmt: CompiledFormat, reader: { view: ViewReader } | { line: LineReader }): void {
  const alts = fmt.names.map((_, f) => alternatives(fmt, f));
  const rounds = Math.max(...alts.map((a) => a.length));
  const v = new RecordView();
  const lines: string[] = [];
  for (let k = 0; k < rounds; k++) lines.push(`pad ${alts.map((a) => a[k % a.length]!).join(' ')}\nmore`);
  // V8 only starts recording what a function sees after its first few calls (lazy feedback
  // allocation): read the lines several times over
  for (let pass = 0; pass < WARM_PASSES; pass++)
    for (const text of lines) {
      const end = text.indexOf('\n');
      if ('view' in reader) reader.view(v, text, 4, end);
      else reader.line(text, 4, end);
    }
}
