import type { Fix } from '../../report/schema.js';
import { type PortRange, protocolName } from '../net/protocol.js';

/** Fix recipes: the AWS CLI command and the Terraform resource, with the IDs from the input. */

function tfName(...parts: string[]): string {
  return (
    parts
      .join('_')
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 60) || 'fix'
  );
}

export type RouteTargetFlag =
  | 'gateway-id'
  | 'nat-gateway-id'
  | 'vpc-peering-connection-id'
  | 'transit-gateway-id'
  | 'vpc-endpoint-id'
  | 'network-interface-id'
  | 'egress-only-internet-gateway-id';

const TF_TARGET: Record<RouteTargetFlag, string> = {
  'gateway-id': 'gateway_id',
  'nat-gateway-id': 'nat_gateway_id',
  'vpc-peering-connection-id': 'vpc_peering_connection_id',
  'transit-gateway-id': 'transit_gateway_id',
  'vpc-endpoint-id': 'vpc_endpoint_id',
  'network-interface-id': 'network_interface_id',
  'egress-only-internet-gateway-id': 'egress_only_gateway_id',
};

/** What a route target (an ID, or a placeholder that says what it stands for) is, by the kinds it can name. */
const TARGET_KINDS: { flag: RouteTargetFlag; id: RegExp; placeholder: RegExp }[] = [
  { flag: 'nat-gateway-id', id: /^nat-/, placeholder: /\bnat\b|nat[ _]gateway|nat_gw/ },
  { flag: 'vpc-peering-connection-id', id: /^pcx-/, placeholder: /pcx|peering/ },
  { flag: 'transit-gateway-id', id: /^tgw-/, placeholder: /tgw|transit[ _]gateway/ },
  { flag: 'vpc-endpoint-id', id: /^vpce-/, placeholder: /vpce|endpoint/ },
  { flag: 'network-interface-id', id: /^eni-/, placeholder: /eni|network[ _]interface/ },
  // IPv6 only: an egress-only internet gateway is not an internet gateway for --gateway-id
  { flag: 'egress-only-internet-gateway-id', id: /^eigw-/, placeholder: /eigw|egress[ _-]only/ },
  {
    flag: 'gateway-id',
    id: /^(?:vgw|igw)-/,
    placeholder:
      /vgw|(?<!e)igw|virtual[ _]private[ _]gateway|vpn[ _]gateway|(?<!egress[ _-]only[ _-])internet[ _]gateway/,
  },
];

/**
 * The `create-route` flag for a target: `--gateway-id` for a virtual private gateway or an internet
 * gateway, `--transit-gateway-id`, `--vpc-peering-connection-id`, `--nat-gateway-id`, `--vpc-endpoint-id`,
 * `--egress-only-internet-gateway-id` for an egress-only internet gateway (IPv6 only).
 * A placeholder says what it stands for before " of <name>" ("<peering connection id of pcx-nat>",
 * "<VGW_ID>"). One that could stand for gateways of different kinds ("<TGW_OR_PCX_ID>") has no right flag:
 * that is a bug in the rule that made it, so it throws rather than pair an ID with the wrong flag.
 */
export function targetFlagFor(id: string): RouteTargetFlag {
  const s = id.toLowerCase();
  if (!s.startsWith('<')) return TARGET_KINDS.find((k) => k.id.test(s))?.flag ?? 'gateway-id';
  const what = s.slice(1).split(/ (?:id )?of /)[0]!;
  const flags = new Set(TARGET_KINDS.filter((k) => k.placeholder.test(what)).map((k) => k.flag));
  if (flags.size > 1)
    throw new Error(
      `route target placeholder ${id} could be a ${[...flags].join(' or a ')}: give one fix per kind of target`,
    );
  return [...flags][0] ?? 'gateway-id';
}

export function createRouteFix(
  summary: string,
  rtb: string,
  cidr: string,
  target: string,
  replace = false,
): Fix {
  const flag = targetFlagFor(target);
  // an IPv6 destination (::/0) has its own flag and Terraform argument
  const v6 = cidr.includes(':');
  const dest = v6 ? 'destination_ipv6_cidr_block' : 'destination_cidr_block';
  const w = dest.length;
  return {
    summary,
    commands: [
      `aws ec2 ${replace ? 'replace-route' : 'create-route'} --route-table-id ${rtb} --${dest.replace(/_/g, '-')} ${cidr} --${flag} ${target}`,
    ],
    terraform: `resource "aws_route" "${tfName(rtb, cidr)}" {\n  ${'route_table_id'.padEnd(w)} = "${rtb}"\n  ${dest} = "${cidr}"\n  ${TF_TARGET[flag].padEnd(w)} = "${target}"\n}`,
  };
}

export function naclEntryFix(
  summary: string,
  acl: string,
  o: {
    number: number;
    egress: boolean;
    protocol: number;
    ports?: PortRange;
    cidr: string;
    action: 'allow' | 'deny';
    /** for ICMP: the type and code the entry allows (-1: all); all of them when not given */
    icmp?: { type: number; code: number };
  },
): Fix {
  const proto = o.protocol === -1 ? '-1' : String(o.protocol);
  const icmpType = o.icmp?.type ?? -1;
  const icmpCode = o.icmp?.code ?? -1;
  // only TCP and UDP entries have ports; ICMP and ICMPv6 entries need a type and code instead (-1: all)
  const ported = o.protocol === 6 || o.protocol === 17;
  const icmp = o.protocol === 1 || o.protocol === 58;
  // a TCP or UDP entry needs a port range: when the port is not known, a placeholder the user fills in
  const from = o.ports?.from ?? '<PORT>';
  const to = o.ports?.to ?? '<PORT>';
  const ports = ported
    ? ` --port-range From=${from},To=${to}`
    : icmp
      ? ` --icmp-type-code Type=${icmpType},Code=${icmpCode}`
      : '';
  const tfPorts = ported
    ? `  from_port      = ${o.ports ? from : `"${from}"`}\n  to_port        = ${o.ports ? to : `"${to}"`}\n`
    : icmp
      ? `  icmp_type      = ${icmpType}\n  icmp_code      = ${icmpCode}\n`
      : '  from_port      = 0\n  to_port        = 0\n';
  return {
    summary,
    commands: [
      `aws ec2 create-network-acl-entry --network-acl-id ${acl} ${o.egress ? '--egress' : '--ingress'} --rule-number ${o.number} --protocol ${proto}${ports} --cidr-block ${o.cidr} --rule-action ${o.action}`,
    ],
    terraform: `resource "aws_network_acl_rule" "${tfName(acl, o.egress ? 'out' : 'in', String(o.number))}" {\n  network_acl_id = "${acl}"\n  rule_number    = ${o.number}\n  egress         = ${o.egress}\n  protocol       = "${o.protocol === -1 ? '-1' : protocolName(o.protocol)}"\n  rule_action    = "${o.action}"\n  cidr_block     = "${o.cidr}"\n${tfPorts}}`,
  };
}

export function deleteNaclEntryFix(summary: string, acl: string, number: number, egress: boolean): Fix {
  return {
    summary,
    commands: [
      `aws ec2 delete-network-acl-entry --network-acl-id ${acl} ${egress ? '--egress' : '--ingress'} --rule-number ${number}`,
    ],
    // aws_network_acl_rule names it rule_number, an inline block of aws_network_acl rule_no
    terraform: `# remove the aws_network_acl_rule with rule_number = ${number} for ${acl} (or the ${egress ? 'egress' : 'ingress'} block with rule_no = ${number} from its aws_network_acl)`,
  };
}

export type SgPeerArg = { cidr: string } | { sg: string } | { pl: string };

export function sgRuleFix(
  summary: string,
  sg: string,
  egress: boolean,
  protocol: number,
  ports: PortRange | undefined,
  peer: SgPeerArg,
): Fix {
  const proto = protocol === -1 ? '-1' : protocolName(protocol);
  const fromTo = protocol === -1 ? { from: -1, to: -1 } : (ports ?? { from: 0, to: 65535 });
  const perm =
    'cidr' in peer
      ? `IpRanges=[{CidrIp=${peer.cidr}}]`
      : 'sg' in peer
        ? `UserIdGroupPairs=[{GroupId=${peer.sg}}]`
        : `PrefixListIds=[{PrefixListId=${peer.pl}}]`;
  const portPart = protocol === -1 ? '' : `,FromPort=${fromTo.from},ToPort=${fromTo.to}`;
  const tfPeer =
    'cidr' in peer
      ? `  cidr_ipv4                    = "${peer.cidr}"`
      : 'sg' in peer
        ? `  referenced_security_group_id = "${peer.sg}"`
        : `  prefix_list_id               = "${peer.pl}"`;
  const tfPorts =
    protocol === -1
      ? ''
      : `  from_port                    = ${fromTo.from}\n  to_port                      = ${fromTo.to}\n`;
  return {
    summary,
    commands: [
      `aws ec2 ${egress ? 'authorize-security-group-egress' : 'authorize-security-group-ingress'} --group-id ${sg} --ip-permissions 'IpProtocol=${proto}${portPart},${perm}'`,
    ],
    terraform: `resource "aws_vpc_security_group_${egress ? 'egress' : 'ingress'}_rule" "${tfName(sg, egress ? 'out' : 'in', String(ports?.from ?? 'all'))}" {\n  security_group_id            = "${sg}"\n  ip_protocol                  = "${proto}"\n${tfPorts}${tfPeer}\n}`,
  };
}

export function modifyVpcAttributeFixes(vpc: string, support: boolean, hostnames: boolean): Fix {
  const commands: string[] = [];
  if (!support)
    commands.push(`aws ec2 modify-vpc-attribute --vpc-id ${vpc} --enable-dns-support '{"Value":true}'`);
  if (!hostnames)
    commands.push(`aws ec2 modify-vpc-attribute --vpc-id ${vpc} --enable-dns-hostnames '{"Value":true}'`);
  return {
    summary: `Turn on ${[!support && 'enableDnsSupport', !hostnames && 'enableDnsHostnames'].filter(Boolean).join(' and ')} for ${vpc}`,
    commands,
    terraform: `resource "aws_vpc" "this" {\n  # the existing ${vpc}\n  enable_dns_support   = true\n  enable_dns_hostnames = true\n}`,
  };
}

/**
 * A gateway endpoint (S3 or DynamoDB) in a VPC, associated with route tables: the CLI command and the
 * Terraform resource. `tableIds` may hold one placeholder.
 */
export function gatewayEndpointFix(
  summary: string,
  vpc: string,
  region: string,
  service: string,
  tableIds: readonly string[],
): Fix {
  return {
    summary,
    commands: [
      `aws ec2 create-vpc-endpoint --vpc-id ${vpc} --vpc-endpoint-type Gateway --service-name com.amazonaws.${region}.${service} --route-table-ids ${tableIds.join(' ')}`,
    ],
    terraform: `resource "aws_vpc_endpoint" "${service}" {\n  vpc_id            = "${vpc}"\n  service_name      = "com.amazonaws.${region}.${service}"\n  vpc_endpoint_type = "Gateway"\n  route_table_ids   = [${tableIds.map((t) => `"${t}"`).join(', ')}]\n}`,
  };
}
