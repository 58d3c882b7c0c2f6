import type { Nacl, NaclEntry } from '../model/types.js';
import { ANY_IPV4, type Cidr, cidrContains, cidrsOverlap, parseCidr } from '../net/ipv4.js';
import { type PortRange, portInRange, protocolMatches } from '../net/protocol.js';
import type { Place } from './place.js';

export interface NaclVerdict {
  verdict: 'allow' | 'deny' | 'unknown';
  /** the entry that decided (first match), if any */
  entry?: NaclEntry;
  /** no entry matched and the list is whole: the implicit `*` deny */
  implicitDeny?: boolean;
}

export interface Packet {
  /** the other side's address (source for inbound, destination for outbound) */
  peer: Cidr;
  protocol: number;
  /** destination port of the packet (for replies: the client's ephemeral port) */
  port?: number;
  /** ICMP: the packet's type (8 echo request, 0 echo reply); without it a typed entry matches as if for all types */
  icmpType?: number;
}

/** ICMP echo request (a ping) and echo reply */
export const ECHO_REQUEST = 8;
export const ECHO_REPLY = 0;

export function entriesOf(n: Nacl, egress: boolean): NaclEntry[] {
  return n.entries.filter((e) => e.egress === egress).sort((a, b) => a.number - b.number);
}

/**
 * "Somewhere on the internet": any public address. An entry for a private, shared or link-local
 * range cannot match it, where it could match "any address" (ANY_IPV4) only in part.
 */
export const PUBLIC_INTERNET: Cidr = { ...parseCidr('0.0.0.0/0')! };

const NON_PUBLIC = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16'].map(
  (c) => parseCidr(c)!,
);

/**
 * The other side of a path as a NACL (or SG) sees it: its address; for an internet peer without one,
 * PUBLIC_INTERNET (an internet gateway neither sends to nor takes in RFC 1918 addresses, so entries for
 * private ranges cannot match it); otherwise any address.
 */
export function peerCidr(p: Place): Cidr {
  return p.addr ?? (p.kind === 'internet' ? PUBLIC_INTERNET : ANY_IPV4);
}

/** true for an entry no internet address can match: a private, shared or link-local range */
export function isNonPublicRange(c: Cidr): boolean {
  return NON_PUBLIC.some((n) => cidrContains(n, c));
}

function entryMatches(e: NaclEntry, p: Packet): boolean | 'partly' {
  if (!protocolMatches(e.protocol, p.protocol)) return false;
  if (p.peer === PUBLIC_INTERNET && isNonPublicRange(e.cidr)) return false;
  // an entry for one ICMP type does not match a packet of another (protocol 1 entries only)
  if (
    e.protocol === 1 &&
    e.icmp &&
    e.icmp.type !== -1 &&
    p.icmpType !== undefined &&
    p.icmpType !== e.icmp.type
  )
    return false;
  if (e.ports && p.port !== undefined && !portInRange(e.ports, p.port)) return false;
  if (cidrContains(e.cidr, p.peer)) {
    if (e.ports && p.port === undefined) return 'partly';
    return true;
  }
  return cidrsOverlap(e.cidr, p.peer) ? 'partly' : false;
}

/** First match wins, lowest number first; no match on a whole list is the `*` deny. */
export function evalNacl(n: Nacl, egress: boolean, p: Packet): NaclVerdict {
  for (const e of entriesOf(n, egress)) {
    const m = entryMatches(e, p);
    if (m === 'partly') return { verdict: 'unknown', entry: e };
    if (m) return { verdict: e.action, entry: e };
  }
  const complete = egress ? n.completeOut : n.completeIn;
  return complete ? { verdict: 'deny', implicitDeny: true } : { verdict: 'unknown' };
}

export interface RangeVerdict {
  range: PortRange;
  verdict: 'allow' | 'deny' | 'unknown';
  entry?: NaclEntry;
}

/** Evaluates every port of a range (for replies to ephemeral ports): consecutive ports with one outcome. */
export function evalNaclRange(
  n: Nacl,
  egress: boolean,
  peer: Cidr,
  protocol: number,
  range: PortRange,
): RangeVerdict[] {
  const cuts = new Set<number>([range.from, range.to + 1]);
  for (const e of entriesOf(n, egress)) {
    if (e.ports) {
      if (e.ports.from > range.from && e.ports.from <= range.to) cuts.add(e.ports.from);
      if (e.ports.to + 1 > range.from && e.ports.to + 1 <= range.to) cuts.add(e.ports.to + 1);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: RangeVerdict[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const r = { from: points[i]!, to: points[i + 1]! - 1 };
    const v = evalNacl(n, egress, { peer, protocol, port: r.from });
    const last = out[out.length - 1];
    if (last && last.verdict === v.verdict && last.entry === v.entry && last.range.to + 1 === r.from)
      last.range.to = r.to;
    else out.push({ range: r, verdict: v.verdict, ...(v.entry ? { entry: v.entry } : {}) });
  }
  return out;
}

export function entryName(e: NaclEntry | undefined): string {
  if (!e) return 'the implicit * deny';
  return e.number >= 32767 ? `rule * (${e.number})` : `rule ${e.number}`;
}
