import { protocolName } from '../flowlog/protocol-name.js';
import { plural } from '../report/build-report.js';
import { isIPv6 } from './addresses.js';
import { servicePortName } from './ports.js';

/** Shared wording for explanations: counts, lists, endpoints. */

export { plural };

/** "a, b and c", or "a, b, c and 4 more" past `max` items. */
export function listAnd(items: readonly string[], max = 4, total = items.length): string {
  const shown = items.slice(0, max);
  const more = total - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${plural(more, 'more', 'more')}`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** How explanations name the interface whose flow log it is: its ID, or "the logging interface" when the records lack it. */
export function eniName(eni: { readonly id: string }): string {
  return eni.id || 'the logging interface';
}

export function isIcmp(proto: number): boolean {
  return proto === 1 || proto === 58;
}

/** TCP and UDP: the protocols a NACL entry or a reply has ports for (any other protocol has none). */
export function hasPorts(proto: number): boolean {
  return proto === 6 || proto === 17;
}

/** What a NACL entry for the replies must allow: "TCP to the clients' ephemeral ports", "ICMP", "GRE". */
export function replyTraffic(proto: number, whose = "the clients'"): string {
  return hasPorts(proto) ? `${protocolName(proto)} to ${whose} ephemeral ports` : protocolName(proto);
}

/** "10.0.1.5:443 (TCP, HTTPS)", "10.0.1.5:8080 (TCP)", "10.0.1.5 (ICMP)". */
export function serviceLabel(addr: string, port: number, proto: number): string {
  if (isIcmp(proto) || (port === 0 && proto !== 6 && proto !== 17)) return `${addr} (${protocolName(proto)})`;
  const name = servicePortName(port);
  const short = name && !/\(\d+\)$/.test(name) ? `, ${name}` : '';
  return `${endpoint(addr, port)} (${protocolName(proto)}${short})`;
}

/** "10.0.1.5:443" or "[2001:db8::1]:443". */
export function endpoint(addr: string, port: number): string {
  return isIPv6(addr) ? `[${addr}]:${port}` : `${addr}:${port}`;
}

/** "TCP port 8080", "ICMP", "UDP port 53". */
export function portPhrase(port: number, proto: number): string {
  if (isIcmp(proto)) return protocolName(proto);
  if (proto !== 6 && proto !== 17 && port === 0) return protocolName(proto);
  return `${protocolName(proto)} port ${port}`;
}

/** "ports 41002-60544" / "port 443". */
export function portRange(min: number, max: number): string {
  return min === max ? `port ${min}` : `ports ${min}-${max}`;
}

export function bytesLabel(n: number): string {
  if (n >= 1e12) return `${(n / 1e12).toFixed(1)} TB`;
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} kB`;
  return `${n} bytes`;
}
