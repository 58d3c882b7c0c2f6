/**
 * What ports say about who is the client: common service ports, and the ephemeral ranges clients
 * pick their source ports from. Sources: shared/reference/aws-network-facts.md §4.4 (AWS's list of
 * ephemeral ranges; the Linux kernel default 32768-60999).
 */

/** Service ports people meet in VPCs, with a name for explanations. */
const SERVICE_PORTS: ReadonlyMap<number, string> = new Map([
  [20, 'FTP data'],
  [21, 'FTP'],
  [22, 'SSH'],
  [23, 'Telnet'],
  [25, 'SMTP'],
  [53, 'DNS'],
  [67, 'DHCP'],
  [68, 'DHCP'],
  [80, 'HTTP'],
  [88, 'Kerberos'],
  [110, 'POP3'],
  [111, 'rpcbind'],
  [123, 'NTP'],
  [135, 'MS RPC'],
  [137, 'NetBIOS'],
  [138, 'NetBIOS'],
  [139, 'NetBIOS'],
  [143, 'IMAP'],
  [161, 'SNMP'],
  [162, 'SNMP trap'],
  [389, 'LDAP'],
  [443, 'HTTPS'],
  [445, 'SMB'],
  [465, 'SMTPS'],
  [500, 'IKE'],
  [514, 'syslog'],
  [587, 'SMTP submission'],
  [636, 'LDAPS'],
  [853, 'DNS over TLS'],
  [993, 'IMAPS'],
  [995, 'POP3S'],
  [1433, 'SQL Server'],
  [1521, 'Oracle'],
  [1812, 'RADIUS'],
  [1813, 'RADIUS accounting'],
  [1883, 'MQTT'],
  [2049, 'NFS/EFS'],
  [2375, 'Docker'],
  [2376, 'Docker TLS'],
  [2379, 'etcd'],
  [2380, 'etcd peer'],
  [3000, 'HTTP (3000)'],
  [3128, 'HTTP proxy'],
  [3268, 'LDAP GC'],
  [3306, 'MySQL'],
  [3389, 'RDP'],
  [3478, 'STUN'],
  [4369, 'epmd'],
  [4500, 'IPsec NAT-T'],
  [5000, 'HTTP (5000)'],
  [5060, 'SIP'],
  [5061, 'SIP TLS'],
  [5432, 'PostgreSQL'],
  [5439, 'Redshift'],
  [5601, 'Kibana'],
  [5671, 'AMQPS'],
  [5672, 'AMQP'],
  [5900, 'VNC'],
  [5985, 'WinRM'],
  [5986, 'WinRM HTTPS'],
  [6081, 'GENEVE'],
  [6379, 'Redis'],
  [6443, 'Kubernetes API'],
  [7001, 'WebLogic'],
  [8000, 'HTTP (8000)'],
  [8008, 'HTTP (8008)'],
  [8080, 'HTTP (8080)'],
  [8081, 'HTTP (8081)'],
  [8088, 'HTTP (8088)'],
  [8443, 'HTTPS (8443)'],
  [8888, 'HTTP (8888)'],
  [9000, 'HTTP (9000)'],
  [9042, 'Cassandra'],
  [9090, 'Prometheus'],
  [9092, 'Kafka'],
  [9093, 'Alertmanager'],
  [9094, 'Kafka TLS'],
  [9100, 'node exporter'],
  [9200, 'Elasticsearch'],
  [9300, 'Elasticsearch transport'],
  [9418, 'git'],
  [10250, 'kubelet'],
  [11211, 'Memcached'],
  [15672, 'RabbitMQ management'],
  [27017, 'MongoDB'],
]);

/** UDP services that answer every request: silence from them is a symptom, not normal. */
const UDP_REQUEST_RESPONSE = new Set([53, 67, 88, 123, 161, 389, 500, 1812, 1813, 3478, 4500]);

/**
 * UDP services that only ever send, and never get an answer: SNMP traps (162), syslog (514), NetFlow
 * and IPFIX (2055, 4739, 9995, 9996), sFlow (6343), StatsD (8125), GELF (12201). No reply exists, so
 * no rule for replies can be missing.
 */
const UDP_ONE_WAY = new Set([162, 514, 2055, 4739, 6343, 8125, 9995, 9996, 12201]);

/** SERVICE_PORTS as a bitmap, for the per-conversation hot path. */
const SERVICE_BITS = new Uint8Array(65536);
for (const p of SERVICE_PORTS.keys()) SERVICE_BITS[p] = 1;

export function servicePortName(port: number): string | undefined {
  return SERVICE_PORTS.get(port);
}

export function isUdpRequestResponsePort(port: number): boolean {
  return UDP_REQUEST_RESPONSE.has(port);
}

/** A UDP port whose service never replies (syslog, SNMP traps, NetFlow, StatsD…). */
export function isUdpOneWayPort(port: number): boolean {
  return UDP_ONE_WAY.has(port);
}

/** The ephemeral ranges clients use, as AWS lists them (NACL docs) plus the current Linux default. */
export const EPHEMERAL_RANGES = {
  linux: {
    from: 32768,
    to: 60999,
    who: 'Linux (kernel default 32768-60999; Amazon Linux docs say 32768-61000)',
  },
  windows: { from: 49152, to: 65535, who: 'Windows Server 2008+ and macOS (49152-65535)' },
  aws: { from: 1024, to: 65535, who: 'NAT gateways, Elastic Load Balancing and Lambda (1024-65535)' },
  legacyWindows: { from: 1025, to: 5000, who: 'Windows Server 2003 and older (1025-5000)' },
} as const;

/** How sure a decision about the server side is. */
export type PortEvidence = 'strong' | 'weak';

/** Which port is the server's, and how sure: see {@link serverPortSide}. */
export interface ServerPortSide {
  readonly side: 'a' | 'b';
  readonly evidence: PortEvidence;
}

// the four possible answers, shared (this runs once per conversation: no object is made)
const A_STRONG: ServerPortSide = Object.freeze({ side: 'a', evidence: 'strong' });
const A_WEAK: ServerPortSide = Object.freeze({ side: 'a', evidence: 'weak' });
const B_STRONG: ServerPortSide = Object.freeze({ side: 'b', evidence: 'strong' });
const B_WEAK: ServerPortSide = Object.freeze({ side: 'b', evidence: 'weak' });

/**
 * Which of two ports is the server's, judging by ports alone: a well-known or common service port
 * against a port that is not one, a port below 1024 against one above, or a port below the Linux
 * ephemeral range against one inside the ephemeral ranges. Undefined when ports cannot tell.
 */
export function serverPortSide(pa: number, pb: number): ServerPortSide | undefined {
  if (pa === pb) return undefined;
  const sa = SERVICE_BITS[pa] === 1;
  const sb = SERVICE_BITS[pb] === 1;
  if (sa !== sb) {
    // A listed service port against an unlisted one. A client's ephemeral port can collide with a
    // listed port (NAT gateways and ELB use 1024-65535), so this is strong only when the other port
    // is clearly ephemeral or the service port is privileged.
    const svc = sa ? pa : pb;
    const other = sa ? pb : pa;
    const strong = svc < 1024 || other >= 32768;
    return sa ? (strong ? A_STRONG : A_WEAK) : strong ? B_STRONG : B_WEAK;
  }
  if (pa < 1024 && pb >= 1024) return A_STRONG;
  if (pb < 1024 && pa >= 1024) return B_STRONG;
  if (pa < 1024 && pb < 1024) return undefined;
  if (pa < 32768 && pb >= 32768) return A_WEAK;
  if (pb < 32768 && pa >= 32768) return B_WEAK;
  return undefined;
}

/** "443 (HTTPS)" or "51234". */
export function portLabel(port: number): string {
  const name = SERVICE_PORTS.get(port);
  return name ? `${port} (${name})` : String(port);
}

/**
 * Which client OSs a set of client ports points to, for explanations: ports above 60999 only come
 * from Windows/macOS or AWS-managed clients; ports below 32768 only from AWS-managed or very old
 * Windows clients.
 */
export function clientRangesFor(ports: readonly number[]): string[] {
  if (ports.length === 0) return [];
  const min = Math.min(...ports);
  const max = Math.max(...ports);
  const out: string[] = [];
  if (max > EPHEMERAL_RANGES.linux.to) out.push(EPHEMERAL_RANGES.windows.who, EPHEMERAL_RANGES.aws.who);
  else if (min >= EPHEMERAL_RANGES.windows.from)
    out.push(EPHEMERAL_RANGES.windows.who, EPHEMERAL_RANGES.linux.who, EPHEMERAL_RANGES.aws.who);
  else if (min >= EPHEMERAL_RANGES.linux.from) out.push(EPHEMERAL_RANGES.linux.who, EPHEMERAL_RANGES.aws.who);
  if (min < EPHEMERAL_RANGES.linux.from) {
    if (!out.includes(EPHEMERAL_RANGES.aws.who)) out.push(EPHEMERAL_RANGES.aws.who);
    if (min <= EPHEMERAL_RANGES.legacyWindows.to) out.push(EPHEMERAL_RANGES.legacyWindows.who);
  }
  return out;
}
