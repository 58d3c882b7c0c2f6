/** Protocols and port ranges as the AWS APIs and people write them. */

/** IANA protocol number, or -1 for "all traffic" */
export type Protocol = number;

export const ALL_PROTOCOLS = -1;
export const TCP = 6;
export const UDP = 17;
export const ICMP = 1;

export interface PortRange {
  from: number;
  to: number;
}

export const ALL_PORTS: PortRange = { from: 0, to: 65535 };

const NAMES: Record<string, Protocol> = {
  tcp: TCP,
  udp: UDP,
  icmp: ICMP,
  icmpv6: 58,
  all: ALL_PROTOCOLS,
  any: ALL_PROTOCOLS,
  '-1': ALL_PROTOCOLS,
  '*': ALL_PROTOCOLS,
};

/** `tcp`, `6`, `-1`, `all`, `ALL TRAFFIC` → a protocol number; undefined if unknown */
export function parseProtocol(s: string | number | undefined): Protocol | undefined {
  if (s === undefined) return undefined;
  if (typeof s === 'number') return s;
  const t = s
    .trim()
    .toLowerCase()
    .replace(/\s+traffic$/, '');
  if (t in NAMES) return NAMES[t];
  if (/^\d{1,3}$/.test(t)) return Number(t);
  return undefined;
}

export function protocolName(p: Protocol): string {
  if (p === ALL_PROTOCOLS) return 'all';
  if (p === TCP) return 'tcp';
  if (p === UDP) return 'udp';
  if (p === ICMP) return 'icmp';
  return String(p);
}

/** true when a rule for protocol `rule` applies to a packet of protocol `packet` */
export function protocolMatches(rule: Protocol, packet: Protocol): boolean {
  return rule === ALL_PROTOCOLS || rule === packet;
}

/** `443`, `1024-65535`, `1024:65535`, `all` → a range */
export function parsePortRange(s: string): PortRange | undefined {
  const t = s.trim().toLowerCase();
  if (t === 'all' || t === '*' || t === 'any') return ALL_PORTS;
  const m = /^(\d{1,5})(?:\s*(?:-|–|:|to)\s*(\d{1,5}))?$/.exec(t);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from > 65535 || to > 65535 || to < from) return undefined;
  return { from, to };
}

export function portInRange(r: PortRange | undefined, port: number): boolean {
  return r === undefined || (port >= r.from && port <= r.to);
}

export function rangeCovers(outer: PortRange | undefined, inner: PortRange | undefined): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return outer.from <= 0 && outer.to >= 65535;
  return outer.from <= inner.from && outer.to >= inner.to;
}

export function rangesOverlap(a: PortRange | undefined, b: PortRange | undefined): boolean {
  if (a === undefined || b === undefined) return true;
  return a.from <= b.to && b.from <= a.to;
}

export function formatRange(r: PortRange | undefined): string {
  if (r === undefined || (r.from <= 0 && r.to >= 65535)) return 'all ports';
  return r.from === r.to ? String(r.from) : `${r.from}-${r.to}`;
}

/**
 * Ephemeral (client) port ranges from the AWS NACL documentation: the range a reply must be allowed
 * back to depends on who opened the connection.
 */
export const EPHEMERAL = {
  linux: { from: 32768, to: 60999 },
  amazonLinux: { from: 32768, to: 61000 },
  windows: { from: 49152, to: 65535 },
  /** NAT gateway, ELB, Lambda: 1024-65535 */
  aws: { from: 1024, to: 65535 },
} as const satisfies Record<string, PortRange>;

/** The range AWS recommends allowing for replies when the clients are not all known. */
export const RECOMMENDED_EPHEMERAL: PortRange = EPHEMERAL.aws;

/**
 * The ICMP type (and code) a NACL rule names in words: `icmp type 8`, `type 3 code 4`, `echo reply`,
 * `echo-request` (a console row's Type). Undefined when it names none: the entry is for all types.
 */
export function icmpTypeCodeIn(text: string): { type: number; code: number } | undefined {
  const t = text.toLowerCase();
  const m = /\btype\s*[:=]?\s*(-?\d{1,3})\b(?:\s*,?\s*code\s*[:=]?\s*(-?\d{1,3})\b)?/.exec(t);
  if (m) return { type: Number(m[1]), code: m[2] !== undefined ? Number(m[2]) : -1 };
  if (/\becho[\s_-]*reply\b/.test(t)) return { type: 0, code: -1 };
  if (/\becho[\s_-]*request\b/.test(t)) return { type: 8, code: -1 };
  return undefined;
}
