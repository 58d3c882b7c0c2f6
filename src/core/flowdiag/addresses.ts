/**
 * Address helpers the flow-log rules need: private vs public, and the smallest CIDR that covers a set
 * of addresses (for fixes that open a NACL or SG to exactly the clients in the evidence). Parsing and
 * formatting are ipaddr.js's; the checks that run once per conversation on large inputs (isIPv6,
 * isPrivateAddress) look at the text's first characters only.
 */
import ipaddr from 'ipaddr.js';

export function isIPv6(addr: string): boolean {
  return addr.includes(':');
}

/** The IPv4 address as an unsigned 32-bit number, or undefined when it is not dotted-quad IPv4. */
export function parseIPv4(addr: string): number | undefined {
  if (!ipaddr.IPv4.isValidFourPartDecimal(addr)) return undefined;
  return ipaddr.IPv4.parse(addr).octets.reduce((n, o) => n * 256 + o, 0);
}

/** The IPv6 address as a 128-bit BigInt, or undefined when it does not parse. */
export function parseIPv6(addr: string): bigint | undefined {
  if (!ipaddr.IPv6.isValid(addr)) return undefined;
  return ipaddr.IPv6.parse(addr).parts.reduce((n, p) => (n << 16n) | BigInt(p), 0n);
}

/**
 * True for addresses that are not on the public internet: RFC 1918, CGNAT 100.64/10 (which AWS also
 * uses internally), link-local, loopback, IPv6 ULA fc00::/7 and link-local fe80::/10. The
 * documentation ranges (192.0.2/24, 198.51.100/24, 203.0.113/24) count as public: they stand in for
 * internet addresses in examples and pastes.
 */
export function isPrivateAddress(addr: string): boolean {
  const c0 = addr.charCodeAt(0);
  if (addr.includes(':')) {
    const s = addr.toLowerCase();
    return (
      s.startsWith('fc') ||
      s.startsWith('fd') ||
      s.startsWith('fe8') ||
      s.startsWith('fe9') ||
      s.startsWith('fea') ||
      s.startsWith('feb') ||
      s === '::1'
    );
  }
  if (c0 === 49) {
    // 1xx
    if (addr.startsWith('10.')) return true;
    if (addr.startsWith('172.')) {
      const second = Number.parseInt(addr.slice(4), 10);
      return second >= 16 && second <= 31;
    }
    if (addr.startsWith('192.168.')) return true;
    if (addr.startsWith('100.')) {
      const second = Number.parseInt(addr.slice(4), 10);
      return second >= 64 && second <= 127;
    }
    if (addr.startsWith('169.254.')) return true;
    if (addr.startsWith('127.')) return true;
  }
  return false;
}

/** The host route for one address: a.b.c.d/32 or x::y/128. */
export function hostCidr(addr: string): string {
  return isIPv6(addr) ? `${addr}/128` : `${addr}/32`;
}

/**
 * The smallest CIDR block that contains every address (all of one family; addresses of the other
 * family are ignored). Undefined when there is no address.
 */
export function coveringCidr(addrs: readonly string[]): string | undefined {
  const v4 = addrs.map(parseIPv4).filter((n): n is number => n !== undefined);
  if (v4.length > 0) {
    let lo = v4[0]!;
    let hi = v4[0]!;
    for (const n of v4) {
      if (n < lo) lo = n;
      if (n > hi) hi = n;
    }
    let prefix = 32;
    while (prefix > 0 && Math.floor(lo / 2 ** (32 - prefix)) !== Math.floor(hi / 2 ** (32 - prefix)))
      prefix--;
    const base = Math.floor(lo / 2 ** (32 - prefix)) * 2 ** (32 - prefix);
    return `${formatIPv4(base)}/${prefix}`;
  }
  const v6 = addrs.map(parseIPv6).filter((n): n is bigint => n !== undefined);
  if (v6.length === 0) return undefined;
  let lo = v6[0]!;
  let hi = v6[0]!;
  for (const n of v6) {
    if (n < lo) lo = n;
    if (n > hi) hi = n;
  }
  let prefix = 128;
  while (prefix > 0 && lo >> BigInt(128 - prefix) !== hi >> BigInt(128 - prefix)) prefix--;
  const base = (lo >> BigInt(128 - prefix)) << BigInt(128 - prefix);
  return `${formatIPv6(base)}/${prefix}`;
}

/** The prefix length of a CIDR ("10.0.0.0/16" → 16). */
export function prefixLength(cidr: string): number {
  return Number(cidr.slice(cidr.indexOf('/') + 1));
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The canonical text of a 128-bit IPv6 address (RFC 5952: lower case, the longest zero run as ::). */
export function formatIPv6(n: bigint): string {
  const parts: number[] = [];
  for (let i = 7; i >= 0; i--) parts.push(Number((n >> BigInt(i * 16)) & 0xffffn));
  return new ipaddr.IPv6(parts).toRFC5952String();
}

/** True when `addr` lies inside `cidr` (same family only). */
export function cidrContains(cidr: string, addr: string): boolean {
  const slash = cidr.indexOf('/');
  const base = cidr.slice(0, slash);
  const prefix = Number(cidr.slice(slash + 1));
  const b4 = parseIPv4(base);
  const a4 = parseIPv4(addr);
  if (b4 !== undefined && a4 !== undefined) {
    const size = 2 ** (32 - prefix);
    return Math.floor(b4 / size) === Math.floor(a4 / size);
  }
  const b6 = parseIPv6(base);
  const a6 = parseIPv6(addr);
  if (b6 === undefined || a6 === undefined) return false;
  const shift = BigInt(128 - prefix);
  return b6 >> shift === a6 >> shift;
}
