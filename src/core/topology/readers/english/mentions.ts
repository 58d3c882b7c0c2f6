import { parseCidr } from '../../net/ipv4.js';
import { AZ_PATTERN, REGION_PATTERN } from '../../net/regions.js';
import { findIds, isRealId, type ResourceKind } from '../../net/resource-ids.js';

export interface IdMention {
  id: string;
  kind: ResourceKind;
  index: number;
}

/** Suffixes that make `vpc-peering`, `nat-gateway`, `sg-based` words, not names. */
const NOT_NAMES = new Set([
  'peering',
  'peerings',
  'endpoint',
  'endpoints',
  'attachment',
  'attachments',
  'flow',
  'flowlogs',
  'level',
  'wide',
  'id',
  'ids',
  'to',
  'based',
  'gateway',
  'gateways',
  'gw',
  'gws',
  'instance',
  'instances',
  'rule',
  'rules',
  'table',
  'tables',
  'side',
  'only',
  'local',
  'style',
  'xxxx',
  'xxx',
  'abc',
  'default',
  'attach',
  'rtb',
  'routing',
  'route',
  'routes',
  'internal',
  'link',
  'sharing',
  'in',
  'out',
  'and',
  'or',
  'for',
  'of',
  'the',
  'ish',
  'like',
  'type',
  'cidr',
  'cidrs',
  'range',
  'traffic',
  'config',
]);

/** IDs in a sentence: real ones always; short names (`sg-db`, `rtb-private`, `pcx-ab`) unless they are words. */
export function idMentions(s: string): IdMention[] {
  return findIds(s).filter((m) => {
    if (isRealId(m.id)) return true;
    const suffix = m.id.slice(m.id.indexOf('-') + 1).toLowerCase();
    if (m.kind === 'tgw-attach' || m.kind === 'tgw-rtb') return suffix.length > 0;
    if (NOT_NAMES.has(suffix) || NOT_NAMES.has(suffix.split('-')[0]!)) return false;
    // "vpce-sg", "rtb-sg": a security group's name, not an ID of that kind
    if (m.kind !== 'sg' && /(?:^|-)sg$/.test(suffix)) return false;
    if (m.kind === 'eni' || m.kind === 'pl' || m.kind === 'vgw' || m.kind === 'cgw' || m.kind === 'vpn')
      return /^[0-9a-f]{4,}/.test(suffix) || suffix.length <= 12;
    return suffix.length <= 40;
  });
}

export interface CidrMention {
  text: string;
  index: number;
  /** written with a mask (`10.0.0.0/16`) or a bare address (`10.0.1.5`) */
  masked: boolean;
  /** `10.30.4.20:8443` */
  port?: number;
}

export function cidrMentions(s: string): CidrMention[] {
  const out: CidrMention[] = [];
  for (const m of s.matchAll(
    /(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3})(?:\/(\d{1,2}))?(?::(\d{1,5}))?(?![\w.]*\d)/g,
  )) {
    const ip = m[1]!;
    if (!parseCidr(ip)) continue;
    if (/^0\.0\.0\.0$/.test(ip) && m[2] === undefined) continue;
    out.push({
      text: m[2] !== undefined ? `${ip}/${m[2]}` : ip,
      index: m.index ?? 0,
      masked: m[2] !== undefined,
      ...(m[3] !== undefined ? { port: Number(m[3]) } : {}),
    });
  }
  // `0/0` and "anywhere"
  for (const m of s.matchAll(/(?<![\w./])0\/0(?![\w./])/g))
    out.push({ text: '0.0.0.0/0', index: m.index ?? 0, masked: true });
  return out.sort((a, b) => a.index - b.index);
}

export function regionMentions(s: string): { region: string; index: number }[] {
  return [...s.matchAll(REGION_PATTERN)]
    .filter((m) => !/[a-f]$/.test(s.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 1)))
    .map((m) => ({ region: m[0], index: m.index ?? 0 }));
}

export function azMentions(s: string): { az: string; index: number }[] {
  return [...s.matchAll(AZ_PATTERN)].map((m) => ({ az: m[0], index: m.index ?? 0 }));
}

/** AWS services named in prose, by the names people use, mapped to the endpoint service name (global: read with matchAll, which copies the expression). */
const SERVICE_WORDS: [RegExp, string][] = [
  [/\bs3\b|\bbucket\b/gi, 's3'],
  [/\bdynamo(?:db)?\b|\bddb\b/gi, 'dynamodb'],
  [/\bsqs\b/gi, 'sqs'],
  [/\bsns\b/gi, 'sns'],
  [/\bsecrets? ?manager\b|\bsecretsmanager\b/gi, 'secretsmanager'],
  [/\bssmmessages\b/gi, 'ssmmessages'],
  [/\bec2messages\b/gi, 'ec2messages'],
  [/\bssm\b|\bsession manager\b|\bparameter store\b/gi, 'ssm'],
  [/\becr\.dkr\b|\becr dkr\b/gi, 'ecr.dkr'],
  [/\becr\.api\b|\becr api\b/gi, 'ecr.api'],
  [/\becr\b/gi, 'ecr'],
  [/\bkms\b/gi, 'kms'],
  [/\bsts\b/gi, 'sts'],
  [/\bcloudwatch logs\b|\blogs (?:interface |vpc )?endpoints?\b/gi, 'logs'],
  [/\bkinesis\b/gi, 'kinesis-streams'],
  [/\bexecute-api\b|\bapi gateway\b/gi, 'execute-api'],
];

export function serviceMentions(s: string): { service: string; index: number }[] {
  const out: { service: string; index: number }[] = [];
  for (const m of s.matchAll(/com\.amazonaws\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.([a-z0-9.-]+)/gi))
    out.push({ service: m[2]!.toLowerCase(), index: m.index ?? 0 });
  for (const [re, svc] of SERVICE_WORDS) {
    for (const m of s.matchAll(re))
      if (!out.some((o) => Math.abs(o.index - (m.index ?? 0)) < 3))
        out.push({ service: svc, index: m.index ?? 0 });
  }
  // service host names: sqs.us-east-1.amazonaws.com, bucket.s3.amazonaws.com
  for (const m of s.matchAll(/\b([a-z0-9.-]+?)\.(?:([a-z]{2}-[a-z]+-\d)\.)?amazonaws\.com\b/gi)) {
    const host = m[1]!.toLowerCase();
    const svc = /(^|\.)s3(-|\.|$)/.test(host) ? 's3' : host.split('.').pop()!;
    // a database, cache, load balancer or file system endpoint is an address in a VPC, not the API
    if (
      /^(?:rds|cache|elb|es|efs|redshift|docdb|kafka|neptune|memorydb)$/.test(svc) &&
      host.split('.').length > 2
    )
      continue;
    if (svc && !out.some((o) => o.index === (m.index ?? 0))) out.push({ service: svc, index: m.index ?? 0 });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Well-known ports people name instead of numbers. */
export const PORT_WORDS: [RegExp, number][] = [
  [/\bpostgres(?:ql)?\b|\bpsql\b|\bpsycopg2?\b|\baurora postgres\b/i, 5432],
  [/\bmysql\b|\bmariadb\b|\baurora mysql\b/i, 3306],
  [/\bredis\b|\belasticache\b/i, 6379],
  [/\bmemcached\b/i, 11211],
  [/\bmongo(?:db)?\b|\bdocumentdb\b/i, 27017],
  [/\bssh\b|\bscp\b|\bsftp\b/i, 22],
  [/\brdp\b|\bremote desktop\b/i, 3389],
  [/\bhttps\b|\btls\b/i, 443],
  [/\bhttp\b/i, 80],
  [/\bsql server\b|\bmssql\b/i, 1433],
  [/\boracle\b/i, 1521],
  [/\bkafka\b|\bmsk\b/i, 9092],
  // self-managed Elasticsearch; an Amazon OpenSearch Service domain listens on 443
  [/\belasticsearch\b(?!\s+service)/i, 9200],
  [/\bnfs\b|\befs\b/i, 2049],
  [/\bsmtp\b/i, 25],
];

/** A port and, when the text says so, its protocol: 6 (TCP) or 17 (UDP). */
export interface PortProtocol {
  port?: number;
  protocol?: 6 | 17;
}

const protoOf = (w: string): 6 | 17 => (w.toLowerCase() === 'udp' ? 17 : 6);
const validPort = (p: number): number | undefined => (p > 0 && p <= 65535 ? p : undefined);

interface QualifiedPort {
  port: number;
  protocol: 6 | 17;
  index: number;
  length: number;
}

/** `514/udp`, `udp/514`, `UDP 514`, `udp port 514`, `port 514 (udp)`: [pattern, port group, protocol group]. */
const QUALIFIED: readonly [RegExp, number, number][] = [
  [/(?<![\d.])(\d{1,5})\s*\/\s*(tcp|udp)\b/gi, 1, 2],
  [/\b(tcp|udp)\s*[/:]\s*(\d{1,5})\b(?![.\d])/gi, 2, 1],
  [/\b(tcp|udp)\s+(?:port\s+|on\s+(?:port\s+)?|to\s+port\s+)?(\d{1,5})\b(?![.\d/-])/gi, 2, 1],
  [/(?:\bport\s+|:)(\d{1,5})\s*\(\s*(tcp|udp)\s*\)/gi, 1, 2],
];

/**
 * Every port written with its protocol, in the forms people use: `514/udp`, `10.0.20.10:514/udp`,
 * `udp/514`, `udp:514`, `UDP 514`, `udp port 514`, `(udp 53)`, `port 514 (udp)`, `:514 (udp)`; in
 * the order of the text.
 */
export function qualifiedPortMentions(s: string): QualifiedPort[] {
  const hits: QualifiedPort[] = [];
  for (const [re, portAt, protoAt] of QUALIFIED)
    for (const m of s.matchAll(re)) {
      const port = validPort(Number(m[portAt]));
      if (port !== undefined)
        hits.push({ port, protocol: protoOf(m[protoAt]!), index: m.index ?? 0, length: m[0].length });
    }
  return hits.sort((a, b) => a.index - b.index);
}

/** The first port written with its protocol. */
export function qualifiedPortMention(s: string): QualifiedPort | undefined {
  return qualifiedPortMentions(s)[0];
}

/**
 * The transport protocol a text gives the traffic on `port`: `udp`/`tcp` said with that port (or
 * with the first port, when `port` is not known), else the only one of the two words the rest of the
 * text uses ("syslog over udp to …"). Undefined when it names neither, or both.
 */
export function protocolMention(s: string, port?: number): 6 | 17 | undefined {
  const qs = qualifiedPortMentions(s);
  const q = qs.find((m) => port === undefined || m.port === port);
  if (q) return q.protocol;
  // "udp 53 is allowed, but 443 times out": the protocol of another port says nothing about 443
  let rest = s;
  for (const m of [...qs].reverse()) rest = rest.slice(0, m.index) + rest.slice(m.index + m.length);
  const udp = /\budp\b/i.test(rest);
  const tcp = /\btcp\b/i.test(rest);
  return udp === tcp ? undefined : udp ? 17 : 6;
}

/**
 * The port a sentence talks about: `:5432`, `port 5432`, `on 5432`, then a port written with its
 * protocol (`tcp/5432`, `514/udp`, `(udp 53)`), then a protocol name.
 */
export function portMention(s: string): number | undefined {
  const q = qualifiedPortMention(s);
  const explicit =
    /(?:\bport\s+|\bon\s+(?:tcp\s+|udp\s+|port\s+)?|\btcp\s*[/:]?\s*|:)(\d{2,5})\b(?!\.\d)/i.exec(s) ??
    /\b(\d{2,5})\s*\/\s*tcp\b/i.exec(s);
  if (explicit) {
    const p = Number(explicit[1]);
    if (p > 0 && p <= 65535) return p;
  }
  if (q) return q.port;
  for (const [re, p] of PORT_WORDS) if (re.test(s)) return p;
  return undefined;
}
