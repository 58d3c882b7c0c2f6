import { isUdpOneWayPort } from '../../flowdiag/ports.js';
import type { Path } from '../rules/rule.js';

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
