import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/generate.js';
import { diagnoseInput } from '../../src/adapters/cli/diagnose-command.js';
import {
  aCoreIsFree,
  cpuMark,
  idleOtherCoresNow,
  PARALLEL_MIN_BYTES,
  worthASecondThread,
} from '../../src/adapters/cli/parallel-lines.js';
import { compileFormat } from '../../src/core/flowlog/format.js';
import { FlowLogReader } from '../../src/core/flowlog/reader.js';
import { RecordView } from '../../src/core/flowlog/record-view.js';
import {
  packView,
  unpackView,
  VIEW_FLOATS,
  VIEW_INTS,
  VIEW_RECORD,
} from '../../src/core/flowlog/view-transfer.js';
import { createViewRing, ViewRingError, ViewRingReader, ViewRingWriter } from '../../src/io/view-ring.js';

const dir = mkdtempSync(join(tmpdir(), 'vpcdiag-parallel-'));
const NOW = new Date('2026-11-26T12:00:00Z');

const V2 =
  'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status';
const V5_EXTRA = 'vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr flow-direction';

/**
 * A multi-megabyte flow log with everything a day of logs holds: working HTTPS and database
 * conversations whose records lie far apart (and across the reading chunks), REJECTed inbound requests,
 * a port scan from the internet, replies dropped by a NACL, NODATA and SKIPDATA, console noise and a
 * line with a tab, CRLF endings, a non-ASCII comment, and a header that switches to v5 half-way.
 */
function bigLog(lines: number, seed: number): string {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const enis = [
    'eni-0a1b2c3d4e5f60718',
    'eni-0b2c3d4e5f6071829',
    'eni-0c3d4e5f607182930',
    'eni-0d4e5f60718293a41',
  ];
  const hosts = ['10.20.1.15', '10.20.1.16', '10.20.2.40', '10.20.3.7'];
  const out: string[] = [V2];
  let t = 1764150000;
  let v5 = false;
  const rec = (
    eni: string,
    src: string,
    dst: string,
    sp: number,
    dp: number,
    proto: number,
    pk: number,
    action: string,
    extra = '',
  ) => {
    const base = `2 123456789012 ${eni} ${src} ${dst} ${sp} ${dp} ${proto} ${pk} ${pk * 120 + 40} ${t} ${t + 58} ${action} OK`;
    if (!v5) return base;
    const flags = proto === 6 ? (action === 'REJECT' ? 2 : 19) : 0;
    return `${base.replace(/^2 /, '5 ')} vpc-0f1e2d3c4b5a69788 subnet-0aa1bb2cc3dd4ee5f i-0123456789abcdef0 ${flags} IPv4 ${src} ${dst} ${extra || 'ingress'}`;
  };
  for (let i = 0; out.length < lines; i++) {
    if (i % 997 === 0) t += 60;
    if (i === Math.floor(lines / 2) && !v5) {
      v5 = true;
      out.push(`${V2} ${V5_EXTRA}`);
      continue;
    }
    const eniIdx = Math.floor(r() * enis.length);
    const eni = enis[eniIdx]!;
    const host = hosts[eniIdx]!;
    const kind = r();
    if (kind < 0.45) {
      // HTTPS to the host from a client; the reply comes much later, sometimes thousands of lines on
      const client = `10.20.${Math.floor(r() * 8)}.${Math.floor(r() * 250) + 2}`;
      const port = 32768 + Math.floor(r() * 28000);
      out.push(rec(eni, client, host, port, 443, 6, 5 + Math.floor(r() * 20), 'ACCEPT'));
      const reply = rec(
        eni,
        host,
        client,
        443,
        port,
        6,
        4 + Math.floor(r() * 20),
        r() < 0.03 ? 'REJECT' : 'ACCEPT',
        'egress',
      );
      if (r() < 0.3) out.splice(Math.max(1, out.length - Math.floor(r() * 5000)), 0, reply);
      else out.push(reply);
    } else if (kind < 0.6) {
      // the host to a database; some requests REJECTed (security group / NACL outbound)
      const port = 32768 + Math.floor(r() * 28000);
      const action = r() < 0.1 ? 'REJECT' : 'ACCEPT';
      out.push(rec(eni, host, '10.30.5.20', port, 5432, 6, 3 + Math.floor(r() * 9), action, 'egress'));
      if (action === 'ACCEPT') out.push(rec(eni, '10.30.5.20', host, 5432, port, 6, 3, 'ACCEPT'));
    } else if (kind < 0.8) {
      // a scan from the internet: one or two packets to many ports, REJECTed
      const scanner = pick(['198.51.100.23', '203.0.113.77', '192.0.2.140']);
      out.push(
        rec(
          eni,
          scanner,
          host,
          40000 + Math.floor(r() * 20000),
          Math.floor(r() * 65535) + 1,
          6,
          1 + Math.floor(r() * 2),
          'REJECT',
        ),
      );
    } else if (kind < 0.88) {
      // SSH from outside REJECTed with retries
      out.push(rec(eni, '192.0.2.55', host, 50000 + Math.floor(r() * 1000), 22, 6, 3, 'REJECT'));
    } else if (kind < 0.93) {
      // DNS to a resolver in the VPC
      const port = 1024 + Math.floor(r() * 60000);
      out.push(rec(eni, host, '10.20.0.2', port, 53, 17, 1, 'ACCEPT', 'egress'));
      out.push(rec(eni, '10.20.0.2', host, 53, port, 17, 1, 'ACCEPT'));
    } else if (kind < 0.95) {
      out.push(
        v5
          ? `5 123456789012 ${eni} - - - - - - - ${t} ${t + 60} - NODATA vpc-0f1e2d3c4b5a69788 subnet-0aa1bb2cc3dd4ee5f - - - - - -`
          : `2 123456789012 ${eni} - - - - - - - ${t} ${t + 60} - ${r() < 0.7 ? 'NODATA' : 'SKIPDATA'}`,
      );
    } else if (kind < 0.96) {
      out.push(
        pick([
          '',
          '# résumé of the night shift — noisy hosts',
          'ERROR fetching next page, retrying',
          `2\t123456789012 ${eni} 10.20.1.15 10.20.1.16 1 2 6 1 40 ${t} ${t} ACCEPT OK`,
        ]),
      );
    } else if (kind < 0.97) {
      out.push(`2 123456789012 ${eni} 10.20.1.15 not-an-address 1 2 6 1 40 ${t} ${t} ACCEPT OK`);
    } else {
      // ICMP path-MTU messages and a reply from a public server
      out.push(rec(eni, '52.94.8.12', host, 0, 0, 1, 2, r() < 0.5 ? 'ACCEPT' : 'REJECT'));
    }
  }
  return out.map((l, i) => (i % 7 === 3 ? `${l}\r` : l)).join('\n');
}

describe('diagnosing a large file on two threads', () => {
  it('gives exactly the report of one thread: findings, counts, evidence lines and samples', async () => {
    const text = bigLog(60_000, 20261126);
    expect(text.length).toBeGreaterThan(5_000_000);
    const file = join(dir, 'day.log');
    writeFileSync(file, text);
    const one = await diagnoseInput(file, undefined, NOW, 'one');
    let counts = { handed: 0, readHere: 0 };
    const two = await diagnoseInput(file, undefined, NOW, 'two', (c) => {
      counts = c;
    });
    // every record's line was read by the second thread
    expect(counts.readHere).toBe(0);
    expect(counts.handed).toBeGreaterThan(one.input.records);
    // the file exercises the rules, not only the reader
    const codes = one.findings.map((f) => f.code);
    expect(codes.length).toBeGreaterThan(2);
    expect(one.input.nodata).toBeGreaterThan(0);
    expect(one.input.invalid).toBeGreaterThan(0);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it('gives the report of one thread with a format given by the user and no header', async () => {
    const text = bigLog(20_000, 7).split('\n').slice(1).join('\n');
    const file = join(dir, 'headerless.log');
    writeFileSync(file, text);
    const one = await diagnoseInput(file, V2, NOW, 'one');
    let handed = 0;
    const two = await diagnoseInput(file, V2, NOW, 'two', (c) => {
      handed = c.handed;
    });
    expect(handed).toBeGreaterThan(0);
    expect(one.input.records).toBeGreaterThan(10_000);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it('reads a gzipped file on one thread, with the same report as the plain file', async () => {
    const text = bigLog(5_000, 3);
    const plain = join(dir, 'small.log');
    const gz = join(dir, 'small.log.gz');
    writeFileSync(plain, text);
    writeFileSync(gz, gzipSync(text));
    const a = await diagnoseInput(plain, undefined, NOW, 'two');
    const b = await diagnoseInput(gz, undefined, NOW, 'two');
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('uses a second thread only for large plain files, never for stdin or gzip', () => {
    const plain = join(dir, 'plain.log');
    const gz = join(dir, 'plain.log.gz');
    writeFileSync(plain, `${V2}\n`);
    writeFileSync(gz, gzipSync(`${V2}\n`));
    expect(PARALLEL_MIN_BYTES).toBeGreaterThanOrEqual(10_000_000);
    expect(worthASecondThread(plain, 100)).toBe(false);
    expect(worthASecondThread(plain, 100, 50)).toBe(true);
    expect(worthASecondThread(gz, 100, 50)).toBe(false);
    expect(worthASecondThread('-', undefined, 0)).toBe(false);
  });

  it('uses a second thread only when the load leaves a core free, and looks at the cores when the load cannot tell', () => {
    const never = () => {
      throw new Error('the load average settles this one');
    };
    expect(aCoreIsFree(2, 0.3, never)).toBe(true);
    expect(aCoreIsFree(2, 2.7, never)).toBe(false);
    expect(aCoreIsFree(1, 0, never)).toBe(false);
    expect(aCoreIsFree(8, 5, never)).toBe(true);
    // a load of ~1 on 2 cores may be this command's own last run, or another job on the other core
    expect(aCoreIsFree(2, 1.1, () => 0.95)).toBe(true);
    expect(aCoreIsFree(2, 1.1, () => 0.1)).toBe(false);
  });

  it('measures the idle cores besides its own (its own sleeping core is not counted)', () => {
    // 10 ms kernel ticks over 60 ms: each core's idle time is known to about 0.17 of a core
    const idle = idleOtherCoresNow(60);
    expect(idle).toBeGreaterThanOrEqual(-1.5);
    expect(idle).toBeLessThanOrEqual(availableParallelism() - 0.5);
  });

  it('sleeps only for what the start-up window lacks', () => {
    const start = cpuMark();
    const busyUntil = start.at + 60;
    while (performance.now() < busyUntil);
    const t0 = performance.now();
    idleOtherCoresNow(100, start);
    const slept = performance.now() - t0;
    // about 40 ms: not the whole 100
    expect(slept).toBeGreaterThanOrEqual(25);
    expect(slept).toBeLessThan(95);
  });

  it('reads the cores over the start-up window without sleeping when the window is long enough', () => {
    const start = cpuMark();
    // this thread is busy for the whole window, as it is while the CLI loads
    const busyUntil = performance.now() + 80;
    while (performance.now() < busyUntil);
    const t0 = performance.now();
    const idle = idleOtherCoresNow(50, start);
    expect(performance.now() - t0).toBeLessThan(40);
    // its own (busy) core is not counted as idle
    expect(idle).toBeGreaterThanOrEqual(-1.5);
    expect(idle).toBeLessThanOrEqual(availableParallelism() - 0.5);
  });
});

describe('handing the reading of a line to another reader', () => {
  const line = `${'x'.repeat(5)}2 123456789012 eni-0a1b2c3d4e5f60718 10.0.0.1 10.0.0.2 443 50000 6 10 4000000000 1764150000 1764150060 ACCEPT OK`;
  const start = 5;

  function readOnce(readView?: ConstructorParameters<typeof FlowLogReader>[0]['readView']) {
    const seen: RecordView[] = [];
    const reader = new FlowLogReader({
      format: V2,
      onItem: () => {},
      onRecord: (v) => seen.push(Object.assign(new RecordView(), v)),
      readView,
    });
    reader.lineIn(line, start, line.length);
    return seen;
  }

  it('fills the view exactly as the layout’s own reader does, at the receiver’s place in its text', () => {
    const ints = new Int32Array(VIEW_INTS);
    const floats = new Float64Array(VIEW_FLOATS);
    readOnce((v, text, s, e, fmt, ln) => {
      const ok = fmt.view!(v, text, s, e);
      packView(ok, v, s, e, fmt, ln, ints, 0, floats, 0);
      return ok;
    });
    // the receiver has the line at another place in another text
    const moved = `yy${line.slice(start)}`;
    const direct = readOnce()[0]!;
    const got: RecordView[] = [];
    const r2 = new FlowLogReader({
      format: V2,
      onItem: () => {},
      onRecord: (v) => got.push(Object.assign(new RecordView(), v)),
      readView: (v, text, s, e, fmt, ln) =>
        unpackView(v, text, s, e, fmt, ln, ints, 0, floats, 0) === VIEW_RECORD,
    });
    r2.lineIn(moved, 2, moved.length);
    const v = got[0]!;
    expect(v.bytes).toBe(4_000_000_000);
    expect(v.srcaddr()).toBe('10.0.0.1');
    expect(v.dstaddr()).toBe('10.0.0.2');
    expect(v.eniId()).toBe('eni-0a1b2c3d4e5f60718');
    for (const k of [
      'srcport',
      'dstport',
      'protocol',
      'packets',
      'bytes',
      'start',
      'end',
      'tcpFlags',
      'action',
      'status',
      'dir',
      'rejectReason',
      'eniHash',
      'eniHash2',
      'srcHash',
      'dstHash',
    ] as const)
      expect(v[k], k).toBe(direct[k]);
  });

  /** Readings of `lines` (line numbers) of the test line, written into a fresh ring. */
  function ringWith(lines: number[]) {
    const ring = createViewRing(8);
    const writer = new ViewRingWriter(ring);
    for (const n of lines)
      readOnce((v, text, s, e, fmt) => {
        const ok = fmt.view!(v, text, s, e);
        writer.write(ok, v, s, e, fmt, n);
        return ok;
      });
    writer.close();
    return new ViewRingReader(ring);
  }

  it('hands over numbers beyond 32 bits exactly, and the 32-bit ones as they are', () => {
    const fmt = compileFormat(V2.split(' '), 'user', 'v2');
    const text = 'x'.repeat(40);
    const numbers = [
      'srcport',
      'dstport',
      'protocol',
      'tcpFlags',
      'packets',
      'bytes',
      'start',
      'end',
    ] as const;
    for (const n of [0, -1, 443, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 4_000_000_000, 99_999_999_999]) {
      const v = new RecordView();
      for (const k of numbers) v[k] = n;
      const ints = new Int32Array(VIEW_INTS);
      const floats = new Float64Array(VIEW_FLOATS);
      packView(true, v, 0, text.length, fmt, 7, ints, 0, floats, 0);
      const got = new RecordView();
      expect(unpackView(got, text, 0, text.length, fmt, 7, ints, 0, floats, 0)).toBe(VIEW_RECORD);
      for (const k of numbers) expect(got[k]).toBe(n);
    }
  });

  it('refuses the reading of another line', () => {
    const ring = ringWith([41]);
    expect(() => readOnce(ring.read)).toThrow(ViewRingError);
  });

  it('reads a line itself when its reading has not arrived, and skips the reading when it comes', () => {
    const empty = ringWith([]);
    // a writer that never starts is waited for once, briefly, and then no more
    const t0 = performance.now();
    expect(readOnce(empty.read)).toHaveLength(1);
    const waited = performance.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(100);
    expect(waited).toBeLessThan(1_000);
    expect(empty.readHere).toBe(1);
    const t1 = performance.now();
    expect(readOnce(empty.read)).toHaveLength(1);
    expect(performance.now() - t1).toBeLessThan(100);
    expect(empty.readHere).toBe(2);
    // line 1 was read here: its late reading is passed over
    const late = ringWith([0, 1]);
    expect(readOnce(late.read)[0]!.bytes).toBe(4_000_000_000);
    expect([late.handed, late.readHere]).toEqual([1, 0]);
  });

  it('gives up on a writer that falls further behind, and reads every line itself from then on', () => {
    const ring = ringWith([]);
    let stopped = 0;
    ring.onGiveUp = () => stopped++;
    const reader = new FlowLogReader({
      format: V2,
      onItem: () => {},
      onRecord: () => {},
      readView: ring.read,
    });
    const text = line.slice(start);
    for (let i = 0; i < 200_000; i++) reader.lineIn(text, 0, text.length);
    expect(ring.gaveUp).toBe(true);
    expect(stopped).toBe(1);
    expect(ring.readHere).toBe(200_000);
  });
});
