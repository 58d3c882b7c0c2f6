import { parseCidr, parseIp } from '../../net/ipv4.js';
import { parseServiceName, regionOfAz } from '../../net/regions.js';

/**
 * One line of the compact notation (see the README): a keyword, positional words, `key=value` options,
 * bare flags, and sections (`routes:`, `in:`, `out:`) holding `;`-separated items.
 */
export interface CompactLine {
  keyword: Keyword;
  /** words that are not options or flags, in order */
  words: string[];
  opts: Map<string, string>;
  flags: Set<string>;
  sections: Map<'routes' | 'in' | 'out', string[]>;
  /** the line uses the notation's own syntax (an option or a section), not just words */
  marked: boolean;
}

export type Keyword =
  | 'vpc'
  | 'subnet'
  | 'rt'
  | 'nacl'
  | 'sg'
  | 'pcx'
  | 'vpce'
  | 'nat'
  | 'igw'
  | 'host'
  | 'lambda'
  | 'tgw-attach'
  | 'tgw-rt'
  | 'phz'
  | 'path';

const KEYWORDS: Record<string, Keyword> = {
  vpc: 'vpc',
  subnet: 'subnet',
  rt: 'rt',
  rtb: 'rt',
  'route-table': 'rt',
  nacl: 'nacl',
  acl: 'nacl',
  sg: 'sg',
  'security-group': 'sg',
  pcx: 'pcx',
  peering: 'pcx',
  vpce: 'vpce',
  endpoint: 'vpce',
  nat: 'nat',
  igw: 'igw',
  host: 'host',
  instance: 'host',
  ec2: 'host',
  rds: 'host',
  lambda: 'lambda',
  'tgw-attach': 'tgw-attach',
  'tgw-attachment': 'tgw-attach',
  'tgw-rt': 'tgw-rt',
  'tgw-route-table': 'tgw-rt',
  phz: 'phz',
  zone: 'phz',
  path: 'path',
};

const SECTION = /(?:^|\s)(routes|in|out|inbound|outbound|ingress|egress)\s*:\s*/gi;

const OPTS: Record<Keyword, readonly string[]> = {
  vpc: ['region', 'dns', 'dns-support', 'dns-hostnames', 'igw', 'id'],
  subnet: ['vpc', 'az', 'rt', 'nacl', 'id', 'cidr'],
  rt: ['vpc', 'subnets', 'id'],
  nacl: ['vpc', 'subnets', 'id'],
  sg: ['vpc', 'id'],
  pcx: ['requested', 'status'],
  vpce: ['vpc', 'rts', 'route-tables', 'subnets', 'sgs', 'private-dns', 'region', 'type', 'service'],
  nat: ['vpc', 'subnet', 'state'],
  igw: ['vpc'],
  host: ['vpc', 'subnet', 'subnets', 'sgs', 'public-ip', 'az', 'kind', 'ip', 'id'],
  lambda: ['vpc', 'subnets', 'sgs'],
  'tgw-attach': ['tgw', 'vpc', 'subnets', 'azs', 'rt'],
  'tgw-rt': ['tgw'],
  phz: ['vpcs'],
  path: ['port', 'protocol', 'symptom'],
};

const FLAGS: Record<Keyword, readonly string[]> = {
  vpc: [],
  subnet: ['public', 'private'],
  rt: ['main'],
  nacl: ['default'],
  sg: [],
  pcx: ['active', 'pending-acceptance', 'rejected', 'expired', 'failed', 'deleted', 'provisioning'],
  vpce: ['gateway', 'interface'],
  nat: ['private', 'public'],
  igw: [],
  host: [],
  lambda: [],
  'tgw-attach': [],
  'tgw-rt': [],
  phz: [],
  path: ['tcp', 'udp', 'icmp', 'timeout', 'refused', '403', 'nxdomain', 'large-transfers-hang'],
};

/** Splits a line of the notation; undefined when it does not start with a keyword. */
export function splitCompact(text: string): CompactLine | undefined {
  const t = text.trim().replace(/^[-*•]\s+/, '');
  const first = /^(\S+)\s+/.exec(t);
  const keyword = first ? KEYWORDS[first[1]!.toLowerCase()] : undefined;
  if (!keyword || !first) return undefined;
  const rest = t.slice(first[0].length);
  const marks = [...rest.matchAll(SECTION)];
  const head = marks.length ? rest.slice(0, marks[0]!.index) : rest;
  const sections = new Map<'routes' | 'in' | 'out', string[]>();
  marks.forEach((m, i) => {
    const body = rest.slice(m.index + m[0].length, i + 1 < marks.length ? marks[i + 1]!.index : undefined);
    const name = m[1]!.toLowerCase();
    const key = name === 'routes' ? 'routes' : /^(in|inbound|ingress)$/.test(name) ? 'in' : 'out';
    // SG rules list several sources with commas, so only `;` separates them; routes and NACL entries
    // may use either
    const sep = keyword === 'sg' ? /\s*;\s*/ : /\s*[;,]\s*/;
    sections.set(key, [
      ...(sections.get(key) ?? []),
      ...body
        .trim()
        .split(sep)
        .filter((x) => x.length > 0),
    ]);
  });
  const words: string[] = [];
  const opts = new Map<string, string>();
  const flags = new Set<string>();
  for (const tok of head
    .replace(/\s*(<->|<=>|↔|⟷)\s*/g, ' <-> ')
    .replace(/\s*(->|→|=>)\s*/g, ' -> ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)) {
    const kv = /^([a-z][\w-]*)=(.*)$/i.exec(tok);
    if (kv && OPTS[keyword].includes(kv[1]!.toLowerCase())) opts.set(kv[1]!.toLowerCase(), kv[2]!);
    else if (FLAGS[keyword].includes(tok.toLowerCase())) flags.add(tok.toLowerCase());
    else if (kv) return undefined;
    else words.push(tok);
  }
  return { keyword, words, opts, flags, sections, marked: opts.size > 0 || sections.size > 0 };
}

export const list = (v: string | undefined): string[] =>
  v === undefined
    ? []
    : v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);

export const onOff = (v: string | undefined): boolean | undefined =>
  v === undefined
    ? undefined
    : /^(on|true|yes|enabled?)$/i.test(v)
      ? true
      : /^(off|false|no|disabled?)$/i.test(v)
        ? false
        : undefined;

export const isCidr = (w: string): boolean => w.split(',').every((x) => parseCidr(x) !== undefined);
export const isIp = (w: string): boolean => parseIp(w) !== undefined;
export const isAz = (w: string): boolean =>
  (regionOfAz(w) !== undefined && /[a-z]$/.test(w)) || /^[a-z]{2,4}\d-az\d+$/.test(w);
export const isName = (w: string): boolean => /^[a-z0-9][\w.:-]*$/i.test(w);
export const isService = (w: string): boolean =>
  parseServiceName(w) !== undefined ||
  /^(s3|dynamodb|sqs|sns|sts|kms|ssm|ssmmessages|ec2messages|logs|secretsmanager|ecr\.api|ecr\.dkr|execute-api|monitoring|events|lambda|ec2|elasticloadbalancing|rds|glue|athena|kinesis-streams)$/i.test(
    w,
  );
