/** IPv4 addresses and CIDR blocks as 32-bit integers: all the topology reasoner needs (parsed by ipaddr.js). */
import ipaddr from 'ipaddr.js';

export interface Cidr {
  /** as written, normalised: `10.0.0.0/16` */
  text: string;
  /** the first address, as an unsigned 32-bit integer */
  base: number;
  bits: number;
}

/** A dotted-quad IPv4 address (surrounding spaces ignored) as an unsigned 32-bit integer. */
export function parseIp(s: string): number | undefined {
  const t = s.trim();
  if (!ipaddr.IPv4.isValidFourPartDecimal(t)) return undefined;
  return ipaddr.IPv4.parse(t).octets.reduce((n, o) => n * 256 + o, 0);
}

export function formatIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function maskOf(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

/** `10.0.0.0/16`, `10.0.1.5` (a /32) or `0.0.0.0/0`; host bits are cleared. */
export function parseCidr(s: string): Cidr | undefined {
  const [ip, len] = s.trim().split('/');
  if (ip === undefined) return undefined;
  const n = parseIp(ip);
  if (n === undefined) return undefined;
  const bits = len === undefined ? 32 : Number(len);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32 || (len !== undefined && !/^\d{1,2}$/.test(len))) {
    return undefined;
  }
  const base = (n & maskOf(bits)) >>> 0;
  return { text: `${formatIp(base)}/${bits}`, base, bits };
}

export function cidrContainsIp(c: Cidr, ip: number): boolean {
  return (ip & maskOf(c.bits)) >>> 0 === c.base;
}

/** true when every address of `inner` is in `outer` */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.bits <= inner.bits && cidrContainsIp(outer, inner.base);
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}

/** RFC 1918 private space */
export function isPrivateIp(ip: number): boolean {
  return cidrContainsIp(PRIVATE_10, ip) || cidrContainsIp(PRIVATE_172, ip) || cidrContainsIp(PRIVATE_192, ip);
}

/** 100.64.0.0/10, carrier-grade NAT space, often used as a secondary VPC block */
export function isSharedSpace(ip: number): boolean {
  return cidrContainsIp(SHARED_100, ip);
}

/** link-local 169.254.0.0/16: IMDS, Amazon DNS (169.254.169.253), Time Sync */
export function isLinkLocal(ip: number): boolean {
  return cidrContainsIp(LINK_LOCAL, ip);
}

/** an address that the internet routes (not private, shared, link-local, loopback or documentation) */
export function isPublicIp(ip: number): boolean {
  return !isPrivateIp(ip) && !isSharedSpace(ip) && !isLinkLocal(ip) && !cidrContainsIp(LOOPBACK, ip);
}

const PRIVATE_10 = parseCidr('10.0.0.0/8')!;
const PRIVATE_172 = parseCidr('172.16.0.0/12')!;
const PRIVATE_192 = parseCidr('192.168.0.0/16')!;
const SHARED_100 = parseCidr('100.64.0.0/10')!;
const LINK_LOCAL = parseCidr('169.254.0.0/16')!;
const LOOPBACK = parseCidr('127.0.0.0/8')!;

export const ANY_IPV4 = parseCidr('0.0.0.0/0')!;
