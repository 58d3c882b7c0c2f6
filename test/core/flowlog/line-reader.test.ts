import { describe, expect, it } from 'vitest';
import { compileFormat, lineReaderFor, readTokens, viewReaderFor } from '../../../src/core/flowlog/format.js';
import { RecordView } from '../../../src/core/flowlog/record-view.js';

const V2 =
  'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status'.split(
    ' ',
  );
const RECORD =
  '2 123456789012 eni-0a1b2c3d4e5f60718 10.0.1.5 203.0.113.9 443 49152 6 10 5200 1775600000 1775600060 ACCEPT OK'.split(
    ' ',
  );

/** Tokens a hand-edited or damaged line can hold where a number belongs. */
const ODD_NUMBERS = [
  '12x',
  'x12',
  '1.5',
  '-5',
  '--',
  '0012',
  '0',
  '-',
  '１２',
  '1234567890123456',
  '123456789012345',
  '4e3',
  '+7',
];

/** What the careful path (whole tokens) makes of the same tokens, or undefined when it refuses them. */
function careful(tokens: string[], names: string[]) {
  const r = readTokens(tokens, 0, compileFormat(names, 'header', 'careful'), false);
  return typeof r === 'string' ? undefined : JSON.parse(JSON.stringify(r));
}

function hot(line: string, names: string[]) {
  const fmt = compileFormat(names, 'header', 'hot');
  // inside a larger text, as a line of a file chunk is
  const text = `x y\n${line}\nz`;
  const fields = lineReaderFor(fmt)(text, 4, 4 + line.length);
  fmt.fast = lineReaderFor(fmt);
  const view = new RecordView();
  const viewed = viewReaderFor(fmt)!(view, text, 4, 4 + line.length);
  expect(viewed, `view reader on "${line}"`).toBe(fields !== undefined);
  return fields === undefined ? undefined : JSON.parse(JSON.stringify(fields));
}

describe('the generated line reader', () => {
  it('reads a number in a middle field only when it is all digits (or -), as the careful path does', () => {
    for (const odd of ODD_NUMBERS) {
      const tokens = [...RECORD];
      tokens[5] = odd; // srcport
      expect(hot(tokens.join(' '), V2), odd).toEqual(careful(tokens, V2));
    }
  });

  it('reads a number in the last field only when it is all digits (or -), as the careful path does', () => {
    const names = ['srcaddr', 'dstaddr', 'packets'];
    for (const odd of ODD_NUMBERS) {
      const tokens = ['10.0.1.5', '203.0.113.9', odd];
      expect(hot(tokens.join(' '), names), odd).toEqual(careful(tokens, names));
    }
  });

  it('reads ACCEPT/REJECT and OK/NODATA/SKIPDATA exactly, whatever case or length a word has', () => {
    for (const [i, word] of [
      [12, 'ACCEPTED'],
      [12, 'accept'],
      [12, 'REJEC'],
      [12, 'REJECT'],
      [13, 'OKAY'],
      [13, 'NODATA'],
      [13, 'SKIPDAT'],
      [13, 'SKIPDATA'],
      [13, '-'],
    ] as const) {
      const tokens = [...RECORD];
      tokens[i] = word;
      expect(hot(tokens.join(' '), V2), word).toEqual(careful(tokens, V2));
    }
  });

  it('refuses a line with a field too many, a field too few or a doubled space, leaving it to the careful path', () => {
    for (const line of [
      [...RECORD, '7'].join(' '),
      RECORD.slice(0, -1).join(' '),
      RECORD.join(' ').replace(' 443 ', ' 443  '),
      ` ${RECORD.join(' ')}`,
      `${RECORD.join(' ')} `,
    ])
      expect(hot(line, V2), line).toBeUndefined();
  });
});
