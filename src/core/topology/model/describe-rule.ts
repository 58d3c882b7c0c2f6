import { formatRange, protocolName } from '../net/protocol.js';
import type { NaclEntry, SgRule } from './types.js';

/** `tcp 5432 sg-0e11…, 10.12.0.10/32` */
export function describeSgRule(r: SgRule, groupName: (key: string) => string = (k) => k): string {
  const what = r.protocol === -1 ? 'all traffic' : `${protocolName(r.protocol)} ${formatRange(r.ports)}`;
  const peers = r.peers.map((p) =>
    p.kind === 'cidr'
      ? p.cidr.text
      : p.kind === 'sg'
        ? groupName(p.group)
        : p.kind === 'vpc'
          ? 'the VPC'
          : p.id,
  );
  return `${what} ${peers.length ? peers.join(', ') : '(no source)'}`;
}

/**
 * `inbound 100 ALLOW tcp 443 from 10.0.0.0/16`, `outbound 100 ALLOW icmp type 8 to 0.0.0.0/0`, `outbound * DENY all all to 0.0.0.0/0`: one NACL entry as
 * every reader labels it (ICMP by name, a full port range as "all ports", 32767 as `*`).
 */
export function describeNaclEntry(
  e: Pick<NaclEntry, 'number' | 'egress' | 'action' | 'protocol' | 'ports' | 'cidr' | 'icmp'>,
): string {
  const ports = e.ports
    ? formatRange(e.ports)
    : e.icmp && e.icmp.type !== -1
      ? `type ${e.icmp.type}${e.icmp.code !== -1 ? ` code ${e.icmp.code}` : ''}`
      : 'all';
  return `${e.egress ? 'outbound' : 'inbound'} ${e.number === 32767 ? '*' : e.number} ${e.action.toUpperCase()} ${protocolName(e.protocol)} ${ports} ${e.egress ? 'to' : 'from'} ${e.cidr.text}`;
}
