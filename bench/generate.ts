/**
 * Realistic synthetic flow logs with a fixed seed: paired request/response conversations (ACCEPT both
 * ways), rejected requests and rejected replies, NODATA/SKIPDATA, IPv6, ICMP and UDP, and bursts of
 * internet scanners probing many ports. The same seed always gives the same bytes.
 */
import { createWriteStream } from 'node:fs';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Layout = 'v2' | 'v5';

const V5_HEADER =
  'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id sublocation-type sublocation-id pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path';

interface Flow {
  eni: string;
  instance: string;
  subnet: string;
  src: string;
  dst: string;
  sport: number;
  dport: number;
  proto: number;
  packets: number;
  bytes: number;
  start: number;
  action: 'ACCEPT' | 'REJECT';
  status: 'OK' | 'NODATA' | 'SKIPDATA';
  flags: number;
  direction: 'ingress' | 'egress';
  service: string;
}

/** Writes `lines` lines (plus a header for v5) to `path`; resolves with the byte count. */
export async function generateFlowLog(
  path: string,
  layout: Layout,
  lines: number,
  seed = 20261126,
): Promise<number> {
  const rnd = mulberry32(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;
  const enis = Array.from({ length: 40 }, (_, i) => ({
    eni: `eni-0${(0x1a2b3c4d5e6f7080n + BigInt(i * 7919)).toString(16).slice(0, 16)}`,
    instance: `i-0${(0x9f8e7d6c5b4a3920n + BigInt(i * 104729)).toString(16).slice(0, 16)}`,
    subnet: `subnet-0${(0x4c3b2a1908f7e6d5n + BigInt((i % 6) * 31)).toString(16).slice(0, 16)}`,
    addr: `10.${20 + (i % 6)}.${int(250)}.${1 + int(250)}`,
  }));
  const clients = Array.from({ length: 2000 }, () => `10.${int(40)}.${int(255)}.${1 + int(254)}`);
  const internet = Array.from(
    { length: 500 },
    () => `${pick([198, 203, 192, 45, 185])}.${int(255)}.${int(255)}.${1 + int(254)}`,
  );
  const services = [443, 443, 443, 80, 5432, 3306, 6379, 8080, 8443, 22];
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let bytes = 0;
  const write = (s: string) => {
    bytes += s.length + 1;
    return out.write(`${s}\n`);
  };
  if (layout === 'v5') write(V5_HEADER);
  let t = 1763000000;
  const buf: Flow[] = [];
  let written = 0;

  const emit = async (f: Flow) => {
    const v2 = `${layout === 'v2' ? 2 : 5} 381492650217 ${f.eni} ${f.status === 'OK' ? `${f.src} ${f.dst} ${f.sport} ${f.dport} ${f.proto} ${f.packets} ${f.bytes}` : '- - - - - - -'} ${f.start} ${f.start + 1 + int(59)} ${f.status === 'OK' ? f.action : '-'} ${f.status}`;
    const line =
      layout === 'v2'
        ? v2
        : `${v2} vpc-0a7d3e9c1b5f2468e ${f.subnet} ${f.instance} ${f.status === 'OK' && f.proto === 6 ? f.flags : '-'} ${f.src.includes(':') ? 'IPv6' : 'IPv4'} ${f.status === 'OK' ? `${f.src} ${f.dst}` : '- -'} us-east-2 use2-az1 - - ${f.direction === 'ingress' ? f.service : '-'} ${f.direction === 'egress' ? f.service : '-'} ${f.direction} ${f.direction === 'egress' ? pick([1, 1, 1, 8]) : '-'}`;
    if (!write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
    written++;
  };

  while (written < lines) {
    t += int(3);
    const e = pick(enis);
    const roll = rnd();
    const base = {
      eni: e.eni,
      instance: e.instance,
      subnet: e.subnet,
      start: t,
      status: 'OK' as const,
      service: '-',
    };
    if (roll < 0.005) {
      buf.push({
        ...base,
        src: '',
        dst: '',
        sport: 0,
        dport: 0,
        proto: 6,
        packets: 0,
        bytes: 0,
        action: 'ACCEPT',
        status: rnd() < 0.8 ? 'NODATA' : 'SKIPDATA',
        flags: 0,
        direction: 'ingress',
      });
    } else if (roll < 0.06) {
      // a scan burst: one source, many ports, single-packet REJECTs
      const src = pick(internet);
      const n = 5 + int(20);
      for (let k = 0; k < n; k++) {
        buf.push({
          ...base,
          src,
          dst: e.addr,
          sport: 1024 + int(64000),
          dport: pick([22, 23, 445, 3389, 5900, 6379, 9200, 2375, 8080, 1433]),
          proto: 6,
          packets: 1,
          bytes: 40 + int(8),
          action: 'REJECT',
          flags: 2,
          direction: 'ingress',
        });
      }
    } else {
      // a conversation: request into this ENI and its reply
      const v6 = rnd() < 0.03;
      const client = v6
        ? `2600:1f16:${int(0xffff).toString(16)}:${int(0xffff).toString(16)}::${int(0xffff).toString(16)}`
        : pick(clients);
      const server = v6 ? `2600:1f16:abc:1::${int(0xfff).toString(16)}` : e.addr;
      const icmp = rnd() < 0.01;
      const udp = !icmp && rnd() < 0.05;
      const dport = icmp ? 0 : udp ? 53 : pick(services);
      const sport = icmp ? 0 : pick([32768, 49152, 1024]) + int(16000);
      const proto = icmp ? 1 : udp ? 17 : 6;
      const r = rnd();
      const reqAction = r < 0.04 ? 'REJECT' : 'ACCEPT';
      const respAction = reqAction === 'REJECT' ? undefined : r < 0.06 ? 'REJECT' : 'ACCEPT';
      const packets = 1 + int(40);
      buf.push({
        ...base,
        src: client,
        dst: server,
        sport,
        dport,
        proto,
        packets,
        bytes: packets * (60 + int(900)),
        action: reqAction,
        flags: 2,
        direction: 'ingress',
      });
      if (respAction) {
        buf.push({
          ...base,
          src: server,
          dst: client,
          sport: dport,
          dport: sport,
          proto,
          packets,
          bytes: packets * (60 + int(1400)),
          action: respAction,
          flags: 18,
          direction: 'egress',
        });
      }
    }
    while (buf.length > 0 && written < lines) await emit(buf.shift()!);
  }
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
  return bytes;
}
