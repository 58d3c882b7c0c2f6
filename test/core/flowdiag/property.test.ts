import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnoseText } from '../../../src/core/diagnose.js';
import { reportSchema } from '../../../src/core/report/schema.js';
import { NOW } from './helpers.js';

const ip4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
const ip6 = fc.constantFrom('2001:db8::1', 'fd00::5', '2001:db8:1234:a100:8d6e:3477:df66:f105', 'fe80::1');
const addr = fc.oneof(
  { weight: 5, arbitrary: ip4 },
  { weight: 1, arbitrary: ip6 },
  { weight: 1, arbitrary: fc.constant('-') },
);
const port = fc.oneof(
  fc.constantFrom(0, 22, 53, 80, 443, 3389, 5432, 8080, 65535),
  fc.nat(65535),
  fc.constant('-'),
);
const eni = fc.constantFrom('eni-0a1b2c3d4e5f60718', 'eni-0b2c3d4e5f6071829', '-');

/** A default-format record, sometimes with odd but valid values. */
const v2 = fc
  .record({
    eni,
    src: addr,
    dst: addr,
    sp: port,
    dp: port,
    proto: fc.constantFrom(1, 6, 17, 58, 47, '-'),
    packets: fc.oneof(fc.nat(100000), fc.constant('-')),
    bytes: fc.oneof(fc.nat(10_000_000), fc.constant('-')),
    start: fc.integer({ min: 1_400_000_000, max: 1_800_000_000 }),
    len: fc.nat(3600),
    action: fc.constantFrom('ACCEPT', 'REJECT', '-'),
    status: fc.constantFrom('OK', 'OK', 'OK', 'NODATA', 'SKIPDATA'),
  })
  .map(
    (r) =>
      `2 123456789012 ${r.eni} ${r.src} ${r.dst} ${r.sp} ${r.dp} ${r.proto} ${r.packets} ${r.bytes} ${r.start} ${r.start + r.len} ${r.action} ${r.status}`,
  );

const V5_HEADER =
  'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id sublocation-type sublocation-id pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path';

const v5 = fc
  .record({
    base: v2,
    instance: fc.constantFrom('i-0a1b2c3d4e5f60718', '-'),
    flags: fc.constantFrom(0, 1, 2, 3, 4, 18, 19, '-'),
    pktSrc: addr,
    pktDst: addr,
    svc: fc.constantFrom('S3', 'DYNAMODB', 'AMAZON', '-'),
    dir: fc.constantFrom('ingress', 'egress', '-'),
    path: fc.constantFrom(1, 2, 7, 8, '-'),
  })
  .map(
    (r) =>
      `${r.base.replace(/^2 /, '5 ')} vpc-0a1b2c3d4e5f60718 subnet-0a1b2c3d4e5f60718 ${r.instance} ${r.flags} IPv4 ${r.pktSrc} ${r.pktDst} us-east-1 use1-az1 - - ${r.svc} ${r.svc} ${r.dir} ${r.path}`,
  );

/** Mutations people's pastes go through: lost tokens, prefixes, run-together lines, prose. */
const mutate = (line: string) =>
  fc.oneof(
    fc.constant(line),
    fc.nat(20).map((k) =>
      line
        .split(' ')
        .filter((_, i) => i !== k)
        .join(' '),
    ),
    fc.constant(`2026-03-02T10:14:05.000Z\t${line}`),
    fc.constant(`${line} ${line}`),
    fc.constant(line.replace(/ /g, '  ')),
    fc.string().map((s) => `${s} ${line}`),
    fc.constant(line.toLowerCase()),
  );

function check(text: string): void {
  const report = diagnoseText(text, { now: NOW });
  const parsed = reportSchema.safeParse(report);
  if (!parsed.success) throw new Error(parsed.error.message);
  const lines = text.split(/\r\n|\n|\r/).length;
  for (const f of report.findings)
    for (const e of f.evidence) for (const l of e.lines) expect(l).toBeLessThanOrEqual(lines);
}

describe('diagnosis never throws and always validates', () => {
  it('on random default-format records, mutated the way pastes are', () => {
    fc.assert(
      fc.property(fc.array(v2.chain(mutate), { maxLength: 40 }), fc.string(), (lines, prose) => {
        check([prose, ...lines].join('\n'));
      }),
      { numRuns: 300 },
    );
  });

  it('on random v5 records behind a header', () => {
    fc.assert(
      fc.property(fc.array(v5, { minLength: 1, maxLength: 30 }), (lines) => {
        check([V5_HEADER, ...lines].join('\n'));
      }),
      { numRuns: 200 },
    );
  });

  it('on pairs of records of the same conversation with random actions, flags and directions', () => {
    const pair = fc
      .record({ a: ip4, b: ip4, pa: fc.nat(65535), pb: fc.nat(65535), proto: fc.constantFrom(1, 6, 17) })
      .chain((k) =>
        fc.array(
          fc
            .record({
              rev: fc.boolean(),
              action: fc.constantFrom('ACCEPT', 'REJECT'),
              packets: fc.integer({ min: 1, max: 10 }),
              size: fc.integer({ min: 40, max: 1500 }),
              t: fc.nat(600),
            })
            .map((x) => {
              const [s, d, sp, dp] = x.rev ? [k.b, k.a, k.pb, k.pa] : [k.a, k.b, k.pa, k.pb];
              return `2 123456789012 eni-0a1b2c3d4e5f60718 ${s} ${d} ${sp} ${dp} ${k.proto} ${x.packets} ${x.packets * x.size} ${1775600000 + x.t} ${1775600000 + x.t + 5} ${x.action} OK`;
            }),
          { minLength: 1, maxLength: 8 },
        ),
      );
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 6 }), (groups) => {
        check(groups.flat().join('\n'));
      }),
      { numRuns: 300 },
    );
  });

  it('on every file of the Elastic test corpora (read from ../shared, not copied)', () => {
    const root = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus', 'elastic-vpcflow');
    let files = 0;
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, name.name);
        if (name.isDirectory()) walk(p);
        else if (name.name.endsWith('.log')) {
          check(readFileSync(p, 'utf8'));
          files++;
        }
      }
    };
    try {
      walk(root);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // the shared corpus is not mounted here
      throw err;
    }
    expect(files).toBeGreaterThan(5);
  });
});
