import { isUdpOneWayPort } from '../../flowdiag/ports.js';
import type { Nacl } from '../model/types.js';
import type { Cidr } from '../net/ipv4.js';
import type { Path } from '../rules/rule.js';
import { evalNacl, type Packet } from './nacl-eval.js';

/**
 * Whether the traffic on a path gets replies that a stateless NACL must let back: TCP, ICMP (echo
 * replies), and UDP except to services that only ever send (syslog, SNMP traps, NetFlow, StatsD…).
 * A path from flow-log records has replies when the records show them, which is why it was checked.
 */
export function hasReplies(path: Path): boolean {
  if (path.flow) return true;
  if (path.protocol !== 17) return true;
  return path.port === undefined || !isUdpOneWayPort(path.port);
}

/**
 * The CIDR an allow entry for the replies opens, on the NACL `n` of the path's side. Going out of the
 * server's subnet: the block the NACL let the request in from (its allow entry, when `request` finds
 * one that is not 0/0), else the client's subnet or VPC, else `peer`. Coming into the client's subnet:
 * the server's subnet or VPC for a destination inside a VPC, else `outside`.
 */
export function replyCidr(
  n: Nacl,
  egress: boolean,
  path: Path,
  peer: Cidr,
  request: Packet | undefined,
  outside: string,
): string {
  if (egress) {
    const admitted = request ? evalNacl(n, false, request) : undefined;
    if (admitted?.verdict === 'allow' && admitted.entry && admitted.entry.cidr.bits > 0)
      return admitted.entry.cidr.text;
    return path.from.subnet?.cidr?.text ?? path.from.vpc?.cidrs[0]?.cidr.text ?? peer.text;
  }
  return (
    (path.to.kind === 'vpc' ? (path.to.subnet?.cidr?.text ?? path.to.vpc?.cidrs[0]?.cidr.text) : undefined) ??
    outside
  );
}
