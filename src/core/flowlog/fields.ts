/**
 * The flow-log field catalogue: every field AWS documents for VPC (v2–v8 and the newer, partly
 * unverified ones) and Transit Gateway (v6) flow logs, with the version that introduced it and how
 * its text is read. Source: shared/reference/flow-log-format.md §1.2 and §1.6.
 *
 * `kind` decides the JSON type of a parsed value: `int` fields become numbers, everything else stays
 * a string (IDs and account IDs keep their leading zeros). Unknown field names in a user's format are
 * accepted and read as opaque strings.
 */
export type FieldKind = 'int' | 'string' | 'addr' | 'action' | 'status';

export interface FieldSpec {
  name: string;
  version: number;
  kind: FieldKind;
  /** true when the version number is not confirmed by AWS text */
  unverified?: boolean;
  tgwOnly?: boolean;
}

const f = (name: string, version: number, kind: FieldKind, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  version,
  kind,
  ...extra,
});

/** VPC flow-log fields in the order of AWS's field table (the console's "all fields" order). */
export const VPC_FIELDS: readonly FieldSpec[] = [
  f('version', 2, 'int'),
  f('account-id', 2, 'string'),
  f('interface-id', 2, 'string'),
  f('srcaddr', 2, 'addr'),
  f('dstaddr', 2, 'addr'),
  f('srcport', 2, 'int'),
  f('dstport', 2, 'int'),
  f('protocol', 2, 'int'),
  f('packets', 2, 'int'),
  f('bytes', 2, 'int'),
  f('start', 2, 'int'),
  f('end', 2, 'int'),
  f('action', 2, 'action'),
  f('log-status', 2, 'status'),
  f('vpc-id', 3, 'string'),
  f('subnet-id', 3, 'string'),
  f('instance-id', 3, 'string'),
  f('tcp-flags', 3, 'int'),
  f('type', 3, 'string'),
  f('pkt-srcaddr', 3, 'addr'),
  f('pkt-dstaddr', 3, 'addr'),
  f('region', 4, 'string'),
  f('az-id', 4, 'string'),
  f('sublocation-type', 4, 'string'),
  f('sublocation-id', 4, 'string'),
  f('pkt-src-aws-service', 5, 'string'),
  f('pkt-dst-aws-service', 5, 'string'),
  f('flow-direction', 5, 'string'),
  f('traffic-path', 5, 'int'),
  f('ecs-cluster-arn', 7, 'string'),
  f('ecs-cluster-name', 7, 'string'),
  f('ecs-container-instance-arn', 7, 'string'),
  f('ecs-container-instance-id', 7, 'string'),
  f('ecs-container-id', 7, 'string'),
  f('ecs-second-container-id', 7, 'string'),
  f('ecs-service-name', 7, 'string'),
  f('ecs-task-definition-arn', 7, 'string'),
  f('ecs-task-arn', 7, 'string'),
  f('ecs-task-id', 7, 'string'),
  f('reject-reason', 8, 'string'),
  f('resource-id', 9, 'string', { unverified: true }),
  f('encryption-status', 10, 'string', { unverified: true }),
  f('interface-type', 11, 'string', { unverified: true }),
  f('next-hop-interface-id', 11, 'string', { unverified: true }),
  f('next-hop-subnet-id', 11, 'string', { unverified: true }),
  f('next-hop-az-id', 11, 'string', { unverified: true }),
  f('next-hop-vpc-id', 11, 'string', { unverified: true }),
  f('next-hop-interface-type', 11, 'string', { unverified: true }),
  f('instance-tag', 11, 'string', { unverified: true }),
  f('instance-tag-2', 11, 'string', { unverified: true }),
  f('interface-tag', 11, 'string', { unverified: true }),
  f('interface-tag-2', 11, 'string', { unverified: true }),
  f('asg-tag', 11, 'string', { unverified: true }),
  f('asg-tag-2', 11, 'string', { unverified: true }),
];

/** Fields that exist only in Transit Gateway flow logs (v6). */
export const TGW_ONLY_FIELDS: readonly FieldSpec[] = [
  f('resource-type', 6, 'string', { tgwOnly: true }),
  f('tgw-id', 6, 'string', { tgwOnly: true }),
  f('tgw-attachment-id', 6, 'string', { tgwOnly: true }),
  f('tgw-src-vpc-account-id', 6, 'string', { tgwOnly: true }),
  f('tgw-dst-vpc-account-id', 6, 'string', { tgwOnly: true }),
  f('tgw-src-vpc-id', 6, 'string', { tgwOnly: true }),
  f('tgw-dst-vpc-id', 6, 'string', { tgwOnly: true }),
  f('tgw-src-subnet-id', 6, 'string', { tgwOnly: true }),
  f('tgw-dst-subnet-id', 6, 'string', { tgwOnly: true }),
  f('tgw-src-eni', 6, 'string', { tgwOnly: true }),
  f('tgw-dst-eni', 6, 'string', { tgwOnly: true }),
  f('tgw-src-az-id', 6, 'string', { tgwOnly: true }),
  f('tgw-dst-az-id', 6, 'string', { tgwOnly: true }),
  f('tgw-pair-attachment-id', 6, 'string', { tgwOnly: true }),
  f('packets-lost-no-route', 6, 'int', { tgwOnly: true }),
  f('packets-lost-blackhole', 6, 'int', { tgwOnly: true }),
  f('packets-lost-mtu-exceeded', 6, 'int', { tgwOnly: true }),
  f('packets-lost-ttl-expired', 6, 'int', { tgwOnly: true }),
];

const BY_NAME = new Map<string, FieldSpec>();
const BY_NORMALISED = new Map<string, FieldSpec>();
for (const spec of [...VPC_FIELDS, ...TGW_ONLY_FIELDS]) {
  BY_NAME.set(spec.name, spec);
  BY_NORMALISED.set(normaliseFieldName(spec.name), spec);
}

/**
 * Normalises a field name as people write it: `${tcp-flags}`, `tcp_flags`, `tcpFlags`, `TCP-FLAGS`,
 * Logs Insights' `srcAddr` all become `tcpflags` / `srcaddr`.
 */
export function normaliseFieldName(raw: string): string {
  return raw.replace(/[${}\-_\s]/g, '').toLowerCase();
}

/** The field spec for a name in any spelling, or undefined when the name is not a known field. */
export function lookupField(raw: string): FieldSpec | undefined {
  return BY_NAME.get(raw) ?? BY_NORMALISED.get(normaliseFieldName(raw));
}

/** A spec for a name that is not in the catalogue: read as an opaque string. */
export function unknownField(name: string): FieldSpec {
  return { name, version: 0, kind: 'string', unverified: true };
}

export const DEFAULT_V2_FORMAT = VPC_FIELDS.slice(0, 14).map((s) => s.name);

/** The 36-field TGW default format (all v2–v6 fields in AWS's table order). */
export const TGW_DEFAULT_FORMAT = [
  'version',
  'resource-type',
  'account-id',
  'tgw-id',
  'tgw-attachment-id',
  'tgw-src-vpc-account-id',
  'tgw-dst-vpc-account-id',
  'tgw-src-vpc-id',
  'tgw-dst-vpc-id',
  'tgw-src-subnet-id',
  'tgw-dst-subnet-id',
  'tgw-src-eni',
  'tgw-dst-eni',
  'tgw-src-az-id',
  'tgw-dst-az-id',
  'tgw-pair-attachment-id',
  'srcaddr',
  'dstaddr',
  'srcport',
  'dstport',
  'protocol',
  'packets',
  'bytes',
  'start',
  'end',
  'log-status',
  'type',
  'packets-lost-no-route',
  'packets-lost-blackhole',
  'packets-lost-mtu-exceeded',
  'packets-lost-ttl-expired',
  'tcp-flags',
  'region',
  'flow-direction',
  'pkt-src-aws-service',
  'pkt-dst-aws-service',
];
