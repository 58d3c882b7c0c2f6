/** IANA protocol numbers people meet in VPC flow logs. */
const NAMES: Record<number, string> = {
  0: 'HOPOPT',
  1: 'ICMP',
  2: 'IGMP',
  4: 'IPv4-in-IP',
  6: 'TCP',
  17: 'UDP',
  41: 'IPv6-in-IP',
  47: 'GRE',
  50: 'ESP',
  51: 'AH',
  58: 'ICMPv6',
  89: 'OSPF',
  103: 'PIM',
  112: 'VRRP',
  132: 'SCTP',
};

/** "TCP" for 6; "protocol 143" for numbers without a common name. */
export function protocolName(n: number): string {
  return NAMES[n] ?? `protocol ${n}`;
}

/** The number for a protocol as people write it ("tcp", "UDP", "icmp", "-1"/"all", "6"). */
export function protocolNumber(name: string): number | undefined {
  const s = name.trim().toLowerCase();
  if (s === 'all' || s === '-1' || s === '*') return -1;
  if (/^\d+$/.test(s)) return Number(s);
  for (const [num, n] of Object.entries(NAMES)) if (n.toLowerCase() === s) return Number(num);
  return undefined;
}
