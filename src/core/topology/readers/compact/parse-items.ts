import type { NaclEntry, Route, RouteTargetKind, SgPeer, SgRule, Source } from '../../model/types.js';
import { parseCidr } from '../../net/ipv4.js';
import { type PortRange, parsePortRange, parseProtocol } from '../../net/protocol.js';
import { kindOfId } from '../../net/resource-ids.js';

/**
 * The small grammar shared by the compact notation and the YAML/JSON topology document: routes, NACL
 * entries and SG rules as one-line strings. Each returns undefined (with a reason) for what it cannot read.
 */
export type Parsed<T> = { ok: T } | { error: string };

/** Route targets by the kind of their ID. */
export const TARGET_KIND: Partial<Record<string, RouteTargetKind>> = {
  igw: 'igw',
  eigw: 'eigw',
  nat: 'nat',
  pcx: 'pcx',
  tgw: 'tgw',
  vpce: 'vpce',
  eni: 'eni',
  instance: 'instance',
  vgw: 'vgw',
};

export function targetOf(raw: string): { kind: RouteTargetKind; id?: string } | undefined {
  const t = raw.trim();
  if (/^local$/i.test(t)) return { kind: 'local', id: 'local' };
  const k = kindOfId(t);
  const kind = k ? TARGET_KIND[k] : undefined;
  return kind ? { kind, id: t } : undefined;
}

/** `10.1.0.0/16 -> pcx-ab`, `0.0.0.0/0 via nat-1`, `pl-68a54001 vpce-s3`, `10.2.0.0/16 pcx-x blackhole` */
export function parseRoute(text: string, src: Source): Parsed<Route> {
  const m =
    /^\s*(\S+)\s*(?:->|→|=>|\bvia\b|\bto\b|:)?\s*(\S+)\s*(?:\(?\s*(blackhole|active)\s*\)?)?\s*$/i.exec(text);
  if (!m) return { error: `"${text}" is not a route: write "<cidr or pl-…> -> <target>"` };
  const dest = m[1]!;
  const cidr = dest.startsWith('pl-') ? undefined : parseCidr(dest === 'default' ? '0.0.0.0/0' : dest);
  if (!cidr && !dest.startsWith('pl-')) return { error: `"${dest}" is not a CIDR block or prefix list` };
  const blackholeTarget = /^blackhole$/i.test(m[2]!);
  const target = blackholeTarget ? { kind: 'unknown' as const } : targetOf(m[2]!);
  if (!target)
    return {
      error: `"${m[2]}" is not a route target (local, igw-…, eigw-…, nat-…, pcx-…, tgw-…, vpce-…, eni-…, i-…, vgw-…)`,
    };
  const state = blackholeTarget || /blackhole/i.test(m[3] ?? '') ? 'blackhole' : m[3] ? 'active' : undefined;
  return {
    ok: {
      ...(cidr ? { cidr } : { prefixList: dest }),
      target,
      ...(state ? { state } : {}),
      src,
    },
  };
}

function ports(protocol: number, raw: string | undefined): Parsed<PortRange | undefined> {
  if (protocol !== 6 && protocol !== 17) return { ok: undefined };
  if (raw === undefined || /^(all|\*|any)$/i.test(raw)) return { ok: undefined };
  const r = parsePortRange(raw);
  return r ? { ok: r } : { error: `"${raw}" is not a port or port range` };
}

/** `100 allow tcp 443 0.0.0.0/0`, `* deny all`, `110 allow all 10.0.0.0/8`, `120 deny udp 53 0.0.0.0/0` */
export function parseNaclEntry(text: string, egress: boolean, src: Source): Parsed<NaclEntry> {
  const tok = text.trim().split(/\s+/);
  const numRaw = tok.shift();
  const number = numRaw === '*' ? 32767 : Number(numRaw);
  if (!Number.isInteger(number) || number < 1 || number > 32767)
    return { error: `"${numRaw}" is not a rule number (1-32766, or *)` };
  const action = tok.shift()?.toLowerCase();
  if (action !== 'allow' && action !== 'deny')
    return { error: `rule ${numRaw}: the action must be allow or deny` };
  const protoRaw = tok.shift() ?? 'all';
  const protocol = parseProtocol(protoRaw);
  if (protocol === undefined)
    return { error: `rule ${numRaw}: "${protoRaw}" is not a protocol (tcp, udp, icmp, all or a number)` };
  let portRaw: string | undefined;
  if ((protocol === 6 || protocol === 17) && tok.length > 1) portRaw = tok.shift();
  const cidrRaw = tok.shift() ?? '0.0.0.0/0';
  const cidr = parseCidr(cidrRaw);
  if (!cidr) return { error: `rule ${numRaw}: "${cidrRaw}" is not a CIDR block` };
  const p = ports(protocol, portRaw);
  if ('error' in p) return { error: `rule ${numRaw}: ${p.error}` };
  return { ok: { number, egress, action, protocol, ...(p.ok ? { ports: p.ok } : {}), cidr, src } };
}

/** `tcp 5432 sg-app`, `tcp 5432 from sg-app`, `all 0.0.0.0/0`, `tcp 443 to pl-63a5400a`, `udp 53 10.0.0.0/16,10.1.0.0/16` */
export function parseSgRule(text: string, groupKey: (ref: string) => string, src: Source): Parsed<SgRule> {
  const tok = text
    .trim()
    .split(/\s+/)
    .filter((t) => !/^(from|to)$/i.test(t));
  const protoRaw = tok.shift() ?? 'all';
  const protocol = parseProtocol(protoRaw);
  if (protocol === undefined) return { error: `"${protoRaw}" is not a protocol (tcp, udp, icmp, all)` };
  let portRaw: string | undefined;
  if ((protocol === 6 || protocol === 17) && tok.length > 1) portRaw = tok.shift();
  const p = ports(protocol, portRaw);
  if ('error' in p) return p;
  const peers: SgPeer[] = [];
  for (const raw of tok.join(',').split(',').filter(Boolean)) {
    const c = parseCidr(raw);
    if (c) peers.push({ kind: 'cidr', cidr: c });
    else if (/^pl-/i.test(raw)) peers.push({ kind: 'pl', id: raw });
    else if (/^sg-/i.test(raw) || /^[a-z][\w-]*$/i.test(raw))
      peers.push({ kind: 'sg', group: groupKey(raw) });
    else return { error: `"${raw}" is not a CIDR, a prefix list or a security group` };
  }
  if (peers.length === 0) return { error: `"${text}" names no source or destination` };
  return { ok: { protocol, ...(p.ok ? { ports: p.ok } : {}), peers, src } };
}
