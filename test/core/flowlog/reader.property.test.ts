import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookupField, TGW_ONLY_FIELDS, VPC_FIELDS } from '../../../src/core/flowlog/fields.js';
import { compileFormat, lineReaderFor } from '../../../src/core/flowlog/format.js';
import { KNOWN_LAYOUTS } from '../../../src/core/flowlog/known-formats.js';
import { FlowLogReader } from '../../../src/core/flowlog/reader.js';
import { splitTokens } from '../../../src/core/flowlog/tokens.js';
import type { FlowFields, ParseItem } from '../../../src/core/flowlog/types.js';
import { readAll } from '../../helpers/read-all.js';

/**
 * Properties of the flow-log reader over generated pastes: random text, records of AWS's known
 * layouts and of random custom layouts (with their header), and records mangled the way pastes mangle
 * them. Whatever the input: no exception, one item per input line (several `part`s only for records
 * run together on one line), line numbers in range, counts that add up, and fields of the right JSON
 * type. Clean records under a header read back to exactly the values they were made from.
 *
 * "One item per line" has one exception, the one the issue names: records run together on a line
 * (a chat client ate the newlines, or a CloudWatch payload holds several events) give one item per
 * record, numbered by `part`.
 */

const hex = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: min, maxLength: max });
const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const prefixed = (p: string) => hex(8, 17).map((h) => `${p}-${h}`);
const address = fc.oneof(fc.ipV4(), fc.ipV4(), fc.ipV6());
const epoch = fc.integer({ min: 1_400_000_000, max: 1_800_000_000 }).map(String);
/** counters: mostly ordinary, sometimes as long as a flow-log counter can be (15 digits) */
const counter = fc.oneof(
  { weight: 4, arbitrary: fc.nat({ max: 10_000_000 }).map(String) },
  { weight: 1, arbitrary: digits(12, 15) },
);
/** digit runs past 2^53: never a number in a record (they would lose digits) */
const hugeNumber = digits(16, 22);

/** A token a field of this name holds in real logs. */
function tokenValue(name: string): fc.Arbitrary<string> {
  switch (name) {
    case 'version':
      return fc.integer({ min: 2, max: 10 }).map(String);
    case 'account-id':
    case 'tgw-src-vpc-account-id':
    case 'tgw-dst-vpc-account-id':
      return digits(12, 12);
    case 'interface-id':
    case 'tgw-src-eni':
    case 'tgw-dst-eni':
      return prefixed('eni');
    case 'srcaddr':
    case 'dstaddr':
    case 'pkt-srcaddr':
    case 'pkt-dstaddr':
      return address;
    case 'srcport':
    case 'dstport':
      return fc.integer({ min: 0, max: 65535 }).map(String);
    case 'protocol':
      return fc.oneof(fc.constantFrom('6', '17', '1', '58'), fc.integer({ min: 0, max: 255 }).map(String));
    case 'packets':
    case 'bytes':
    case 'packets-lost-no-route':
    case 'packets-lost-blackhole':
    case 'packets-lost-mtu-exceeded':
    case 'packets-lost-ttl-expired':
      return counter;
    case 'start':
    case 'end':
      return epoch;
    case 'action':
      return fc.constantFrom('ACCEPT', 'REJECT');
    case 'log-status':
      return fc.constantFrom('OK', 'OK', 'OK', 'NODATA', 'SKIPDATA');
    case 'vpc-id':
    case 'tgw-src-vpc-id':
    case 'tgw-dst-vpc-id':
      return prefixed('vpc');
    case 'subnet-id':
    case 'tgw-src-subnet-id':
    case 'tgw-dst-subnet-id':
      return prefixed('subnet');
    case 'instance-id':
      return prefixed('i');
    case 'tgw-id':
      return prefixed('tgw');
    case 'tgw-attachment-id':
    case 'tgw-pair-attachment-id':
      return prefixed('tgw-attach');
    case 'tcp-flags':
      return fc.constantFrom('0', '1', '2', '3', '18', '19', '4');
    case 'type':
      return fc.constantFrom('IPv4', 'IPv6');
    case 'region':
      return fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2');
    case 'az-id':
    case 'tgw-src-az-id':
    case 'tgw-dst-az-id':
      return fc.constantFrom('use1-az1', 'euw1-az3', 'apse2-az2');
    case 'pkt-src-aws-service':
    case 'pkt-dst-aws-service':
      return fc.constantFrom('S3', 'AMAZON', 'EC2', 'DYNAMODB');
    case 'flow-direction':
      return fc.constantFrom('ingress', 'egress');
    case 'traffic-path':
      return fc.integer({ min: 1, max: 8 }).map(String);
    case 'resource-type':
      return fc.constantFrom('TransitGateway', 'TransitGatewayAttachment');
    case 'reject-reason':
      return fc.constant('BPA');
    default:
      // ECS names, ARNs, tags: start with a letter (a token starting with // or # reads as a comment)
      return fc
        .tuple(
          fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
          fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-:/'), maxLength: 40 }),
        )
        .map(([a, b]) => a + b);
  }
}

/** A token, or `-` (absent) now and then. */
const tokenOf = (name: string) =>
  fc.oneof({ weight: 5, arbitrary: tokenValue(name) }, { weight: 1, arbitrary: fc.constant('-') });

const recordOf = (names: readonly string[]) => fc.tuple(...names.map(tokenOf));

const ALL_FIELDS = [...VPC_FIELDS, ...TGW_ONLY_FIELDS].map((f) => f.name);

/** A custom format: any 3+ fields in any order, spelled as a header would spell them. */
const customFormat = fc
  .shuffledSubarray(ALL_FIELDS, { minLength: 3, maxLength: 30 })
  .filter((names) => names.some((n) => lookupField(n)?.kind !== 'string'));

const knownFormat = fc.constantFrom(...KNOWN_LAYOUTS.map((l) => l.names));

/** Mangles a record's tokens the way copy and paste does. */
const mutatedTokens = (tokens: string[]) =>
  fc
    .array(
      fc.tuple(
        fc.constantFrom('drop', 'duplicate', 'swap', 'replace'),
        fc.nat(),
        fc.nat(),
        fc.oneof(fc.string({ maxLength: 12 }), hugeNumber),
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((ops) => {
      const t = [...tokens];
      for (const [op, a, b, noise] of ops) {
        if (t.length === 0) break;
        const i = a % t.length;
        const j = b % t.length;
        if (op === 'drop') t.splice(i, 1);
        else if (op === 'duplicate') t.splice(i, 0, t[i]!);
        else if (op === 'swap') [t[i], t[j]] = [t[j]!, t[i]!];
        else t[i] = noise;
      }
      return t;
    });

const noisePrefix = fc.oneof(
  fc.constant(''),
  fc.constant('> '),
  fc.constant('&gt; '),
  fc.constant('2024-11-14T09:12:09.000Z '),
  fc.constant('1731575529000,'),
  fc.constant('`'),
  fc.constant('| 2024-11-14 09:12:09.000 | '),
  fc.string({ maxLength: 20 }).map((s) => `${s} `),
);
const noiseSuffix = fc.oneof(
  fc.constant(''),
  fc.constant(' # reply'),
  fc.constant(' ...'),
  fc.constant('`'),
  fc.constant(' |'),
  fc.string({ maxLength: 20 }).map((s) => ` ${s}`),
);
const separator = fc.oneof(fc.constant(' '), fc.constant('  '), fc.constant('\t'), fc.constant(' \u00a0'));

/** One pasted line: a record (clean or mangled, wrapped in noise), several run together, or text. */
const pastedLine = (names: readonly string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: recordOf(names).map((t) => t.join(' ')) },
    {
      weight: 3,
      arbitrary: recordOf(names)
        .chain(mutatedTokens)
        .chain((t) => fc.tuple(noisePrefix, separator, noiseSuffix).map(([p, s, x]) => p + t.join(s) + x)),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(recordOf(names), { minLength: 2, maxLength: 4 })
        .map((rs) => rs.map((t) => t.join(' ')).join(' ')),
    },
    {
      weight: 1,
      arbitrary: recordOf(names).map((t) => JSON.stringify({ message: t.join(' ') })),
    },
    {
      // a CloudWatch subscription payload: several events, not all of them records
      weight: 1,
      arbitrary: fc
        .array(
          fc.oneof(
            recordOf(names).map((t) => t.join(' ')),
            recordOf(names)
              .chain(mutatedTokens)
              .map((t) => t.join(' ')),
            fc.string({ maxLength: 30 }),
          ),
          { minLength: 2, maxLength: 4 },
        )
        .map((ms) =>
          JSON.stringify({
            messageType: 'DATA_MESSAGE',
            logEvents: ms.map((message, id) => ({ id: `${id}`, message })),
          }),
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.oneof(recordOf(names), recordOf(names).chain(mutatedTokens)), {
          minLength: 2,
          maxLength: 4,
        })
        .map((rs) => rs.map((t) => t.join(' ')).join(' ')),
    },
    { weight: 1, arbitrary: fc.constantFrom('```', '```text', '~~~', '', '...', 'timestamp,message') },
    { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
  );

const lineBreak = fc.constantFrom('\n', '\r\n', '\r');

/** A whole paste: an optional header, lines of one layout, mixed line endings. */
const paste = fc
  .tuple(fc.oneof(knownFormat, customFormat), fc.boolean())
  .chain(([names, header]) =>
    fc.tuple(
      fc.constant(header ? names.join(' ') : undefined),
      fc.array(pastedLine(names), { minLength: 1, maxLength: 12 }),
      fc.array(lineBreak, { minLength: 12, maxLength: 12 }),
    ),
  )
  .map(([header, lines, breaks]) => {
    const all = header === undefined ? lines : [header, ...lines];
    return all.map((l, i) => l + (i < all.length - 1 ? breaks[i % breaks.length] : '')).join('');
  });

const anyText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc
    .array(
      fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('-', 'ACCEPT', 'eni-0a1b2c3d', '10.0.0.1', '2')),
      {
        maxLength: 40,
      },
    )
    .map((ws) => ws.join(' ')),
  paste,
);

function hasOddWhitespace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 160) return true;
  }
  return false;
}

function inputLineCount(text: string): number {
  return text.split(/\r\n|\n|\r/).length;
}

/** The invariants every reading must keep; returns nothing, fails through expect. */
function checkItems(
  text: string,
  items: ParseItem[],
  stats: ReturnType<FlowLogReader['end']>['stats'],
): void {
  const lines = inputLineCount(text);
  expect(stats.lines).toBe(lines);
  expect(stats.records + stats.nodata + stats.skipdata + stats.invalid + stats.ignored).toBe(items.length);

  const byLine = new Map<number, ParseItem[]>();
  let last = 0;
  for (const item of items) {
    expect(Number.isInteger(item.line) && item.line >= 1 && item.line <= lines).toBe(true);
    expect(item.line).toBeGreaterThanOrEqual(last);
    last = item.line;
    byLine.set(item.line, [...(byLine.get(item.line) ?? []), item]);
  }
  for (let line = 1; line <= lines; line++) {
    const mine = byLine.get(line) ?? [];
    expect(mine.length, `line ${line}`).toBeGreaterThanOrEqual(1);
    if (mine.length === 1) {
      expect(mine[0]!.part === undefined || mine[0]!.part === 0).toBe(true);
    } else {
      // several items on one line only for records run together (or the events of one CloudWatch
      // payload, where an unreadable event is an invalid part), numbered 0, 1, 2…
      expect(mine.map((i) => i.kind)).not.toContain('ignored');
      expect(mine.map((i) => i.part)).toEqual(mine.map((_, k) => k));
    }
  }

  for (const item of items) {
    if (item.kind === 'record' || item.kind === 'skipped')
      checkFields(
        item.fields,
        item.format.fields.map((f) => f.name),
      );
    else {
      expect(typeof item.text).toBe('string');
      expect(typeof item.reason).toBe('string');
      if (item.kind === 'invalid') expect(item.reason.length).toBeGreaterThan(0);
    }
  }
}

function checkFields(fields: FlowFields, names: readonly string[]): void {
  for (const [name, value] of Object.entries(fields)) {
    expect(names).toContain(name);
    if (value === undefined) continue;
    const kind = lookupField(name)?.kind ?? 'string';
    if (kind === 'int') {
      expect(Number.isSafeInteger(value) && (value as number) >= 0, `${name}: ${value}`).toBe(true);
    } else {
      expect(typeof value, name).toBe('string');
      expect(value).not.toBe('-');
      expect(/\s/.test(value as string), `${name}: ${JSON.stringify(value)}`).toBe(false);
      if (kind === 'action') expect(['ACCEPT', 'REJECT']).toContain(value);
      if (kind === 'status') expect(['OK', 'NODATA', 'SKIPDATA']).toContain(value);
    }
  }
}

/** What a clean record line of `names` must read as: `-` absent, ints as numbers. */
function expectedFields(names: readonly string[], tokens: readonly string[]): FlowFields {
  const out: FlowFields = {};
  names.forEach((n, i) => {
    const t = tokens[i]!;
    if (t !== '-') out[n] = lookupField(n)?.kind === 'int' ? Number(t) : t;
  });
  return out;
}

const plain = (f: FlowFields) => JSON.parse(JSON.stringify(f)) as FlowFields;

describe('the reader on generated pastes', () => {
  it('never throws, and gives every line exactly one item (or numbered parts) with well-typed fields', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { items, stats } = readAll(text);
        checkItems(text, items, stats);
      }),
      { numRuns: 400 },
    );
  });

  it('reads the same, line by line, as from one text', () => {
    fc.assert(
      fc.property(paste, (text) => {
        const items: ParseItem[] = [];
        const reader = new FlowLogReader({ onItem: (i) => items.push(i) });
        for (const l of text.split(/\r\n|\n|\r/)) reader.line(l);
        const { stats } = reader.end();
        checkItems(text, items, stats);
        // formats are compiled per reader (ids, generated functions): compare them by label
        const byLabel = (xs: ParseItem[]) =>
          xs.map((i) => ('format' in i ? { ...i, format: i.format.label } : i));
        expect(byLabel(items)).toEqual(byLabel(readAll(text).items));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps to the same rules with a format given, even a wrong one', () => {
    fc.assert(
      fc.property(anyText, fc.oneof(knownFormat, customFormat), (text, names) => {
        const { items, stats } = readAll(text, names.join(' '));
        checkItems(text, items, stats);
      }),
      { numRuns: 200 },
    );
  });

  it('the hot path splits a line where the careful path does, or leaves it to the careful path', () => {
    const arb = fc.oneof(knownFormat, customFormat).chain((names) =>
      fc.tuple(
        fc.constant(names),
        fc.oneof(
          recordOf(names).map((t) => t.join(' ')),
          recordOf(names)
            .chain(mutatedTokens)
            .chain((t) => separator.map((sep) => t.join(sep))),
          recordOf(names).chain((t) =>
            fc.tuple(noisePrefix, noiseSuffix).map(([p, x]) => p + t.join(' ') + x),
          ),
          // a tab, no-break space or other control character inside a token
          recordOf(names).chain((t) =>
            fc.tuple(fc.nat(), fc.constantFrom('\t', '\u00a0', '\u000b', '\u0000')).map(([at, ch]) => {
              const line = t.join(' ');
              const i = at % (line.length + 1);
              return line.slice(0, i) + ch + line.slice(i);
            }),
          ),
        ),
      ),
    );
    fc.assert(
      fc.property(arb, ([names, line]) => {
        const fmt = compileFormat(names, 'header', 'generated');
        const fast = lineReaderFor(fmt)(line, 0, line.length);
        if (fast === undefined) return;
        // a tab-separated prefix or suffix (console timestamp, comment) never hides in a field
        expect(hasOddWhitespace(String(fast[names[0]!] ?? ''))).toBe(false);
        expect(hasOddWhitespace(String(fast[names[names.length - 1]!] ?? ''))).toBe(false);
        // line() sends a line with a tab, no-break space or control character to the careful path;
        // for every other line both paths see the same tokens and read the same values
        if (hasOddWhitespace(line)) return;
        const tokens: string[] = [];
        expect(splitTokens(line, tokens)).toBe(names.length);
        expect(plain(fast)).toEqual(expectedFields(names, tokens));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a file in place (lineIn) as it reads the same text pasted', () => {
    const arb = paste.map((t) => t.replace(/\r\n|\r/g, '\n').replace(/[^\n\P{Cc}]|\u00a0/gu, ' '));
    fc.assert(
      fc.property(arb, (text) => {
        const items: ParseItem[] = [];
        const reader = new FlowLogReader({ onItem: (i) => items.push(i) });
        let pos = 0;
        for (;;) {
          const nl = text.indexOf('\n', pos);
          reader.lineIn(text, pos, nl < 0 ? text.length : nl);
          if (nl < 0) break;
          pos = nl + 1;
        }
        const byLabel = (xs: ParseItem[]) =>
          xs.map((i) => ('format' in i ? { ...i, format: i.format.label } : i));
        expect(byLabel(items)).toEqual(byLabel(readAll(text).items));
      }),
      { numRuns: 200 },
    );
  });

  it('reads clean records under their header back to exactly the values they were made from', () => {
    const arb = fc
      .oneof(knownFormat, customFormat)
      .chain((names) =>
        fc.tuple(
          fc.constant(names),
          fc.array(recordOf(names), { minLength: 1, maxLength: 8 }),
          fc.constantFrom('', '> ', '2024-11-14T09:12:09.000Z '),
          lineBreak,
        ),
      );
    fc.assert(
      fc.property(arb, ([names, records, prefix, br]) => {
        const text = [names.join(' '), ...records.map((t) => prefix + t.join(' '))].join(br);
        const { items } = readAll(text);
        const read = items.filter((i) => i.kind === 'record' || i.kind === 'skipped');
        expect(read.map((i) => i.line)).toEqual(records.map((_, k) => k + 2));
        expect(read.map((i) => plain(i.fields))).toEqual(records.map((t) => expectedFields(names, t)));
      }),
      { numRuns: 200 },
    );
  });

  it('finds every record of a known layout that a chat client ran together on one line', () => {
    const arb = knownFormat
      .filter((names) => names.length >= 14)
      .chain((names) =>
        fc.tuple(fc.constant(names), fc.array(recordOf(names), { minLength: 2, maxLength: 4 })),
      );
    fc.assert(
      fc.property(arb, ([names, records]) => {
        const clean = records.map((r) => r.join(' '));
        const { items } = readAll(`${clean[0]}\n${clean.join(' ')}`, names.join(' '));
        const parts = items.filter((i) => i.line === 2);
        expect(parts.map((i) => [i.kind === 'skipped' ? 'record' : i.kind, i.part])).toEqual(
          records.map((_, k) => ['record', k]),
        );
      }),
      { numRuns: 150 },
    );
  });
});
