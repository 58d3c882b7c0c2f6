import type { Fix } from '../report/schema.js';
import { coveringCidr, hostCidr, isIPv6, isPrivateAddress, prefixLength } from './addresses.js';

/**
 * Fix builders: AWS CLI commands a person can paste and the Terraform equivalent. What the records
 * know (ENI, subnet, region, ports, protocol, addresses) is filled in; what they cannot know is a
 * shell variable looked up by an earlier command or a clearly marked `<PLACEHOLDER>`.
 */

/** Where a control lives, as far as the records tell. */
export interface Place {
  eni?: string;
  subnetId?: string;
  vpcId?: string;
  region?: string;
  /** the ENI's private address, to look the ENI up when its id is unknown */
  address?: string;
}

function regionFlag(p: Place): string {
  return p.region ? ` --region ${p.region}` : '';
}

function tfName(s: string): string {
  return s.replace(/[^A-Za-z0-9_]/g, '_').replace(/^([0-9])/, '_$1');
}

/** Shell lines that put the NACL id of the place's subnet into $NACL_ID, and how Terraform finds it. */
function naclLookup(p: Place): { commands: string[]; cliRef: string; tfData: string; tfRef: string } {
  const r = regionFlag(p);
  const naclBySubnet = (subnet: string) =>
    `NACL_ID=$(aws ec2 describe-network-acls${r} --filters Name=association.subnet-id,Values=${subnet} --query 'NetworkAcls[0].NetworkAclId' --output text)`;
  const tfAcls = (subnetExpr: string) =>
    `data "aws_network_acls" "this_subnet" {\n  filter {\n    name   = "association.subnet-id"\n    values = [${subnetExpr}]\n  }\n}\n\n`;
  if (p.subnetId) {
    return {
      commands: [naclBySubnet(p.subnetId)],
      cliRef: '"$NACL_ID"',
      tfData: tfAcls(`"${p.subnetId}"`),
      tfRef: 'one(data.aws_network_acls.this_subnet.ids)',
    };
  }
  if (p.eni) {
    return {
      commands: [
        `SUBNET_ID=$(aws ec2 describe-network-interfaces${r} --network-interface-ids ${p.eni} --query 'NetworkInterfaces[0].SubnetId' --output text)`,
        naclBySubnet('"$SUBNET_ID"'),
      ],
      cliRef: '"$NACL_ID"',
      tfData: `data "aws_network_interface" "logged" {\n  id = "${p.eni}"\n}\n\n${tfAcls('data.aws_network_interface.logged.subnet_id')}`,
      tfRef: 'one(data.aws_network_acls.this_subnet.ids)',
    };
  }
  if (p.address && isPrivateAddress(p.address)) {
    return {
      commands: [
        `SUBNET_ID=$(aws ec2 describe-network-interfaces${r} --filters Name=addresses.private-ip-address,Values=${p.address} --query 'NetworkInterfaces[0].SubnetId' --output text)`,
        naclBySubnet('"$SUBNET_ID"'),
      ],
      cliRef: '"$NACL_ID"',
      tfData: `data "aws_network_interface" "logged" {\n  filter {\n    name   = "addresses.private-ip-address"\n    values = ["${p.address}"]\n  }\n}\n\n${tfAcls('data.aws_network_interface.logged.subnet_id')}`,
      tfRef: 'one(data.aws_network_acls.this_subnet.ids)',
    };
  }
  return { commands: [], cliRef: '<NACL_ID>', tfData: '', tfRef: '"<NACL_ID>"' };
}

/** One NACL entry to add. */
export interface NaclRuleSpec {
  egress: boolean;
  /** IANA protocol number, -1 for all */
  protocol: number;
  cidr: string;
  fromPort?: number;
  toPort?: number;
  /** ICMP type/code (-1 = all) for protocol 1 or 58 */
  icmpType?: number;
  icmpCode?: number;
  /** Terraform resource name */
  name: string;
}

/** `--protocol` is documented as a protocol number; tcp and udp are accepted and read better. */
function cliProtocol(p: number): string {
  return p === 6 ? 'tcp' : p === 17 ? 'udp' : String(p);
}

/** aws_network_acl_rule takes a name or a number: ICMPv6 and the rest stay numbers. */
function tfProtocol(p: number): string {
  return p === 6 ? 'tcp' : p === 17 ? 'udp' : p === 1 ? 'icmp' : String(p);
}

/** `aws ec2 create-network-acl-entry` lines (with the NACL lookup first) and `aws_network_acl_rule`s. */
export function naclAllowFix(summary: string, place: Place, rules: readonly NaclRuleSpec[]): Fix {
  const look = naclLookup(place);
  const r = regionFlag(place);
  const commands = [...look.commands];
  const tf: string[] = [];
  rules.forEach((rule, i) => {
    const num = rules.length === 1 ? '<RULE_NUMBER>' : `<RULE_NUMBER_${i + 1}>`;
    const icmp = rule.protocol === 1 || rule.protocol === 58;
    const v6 = isIPv6(rule.cidr);
    let cmd = `aws ec2 create-network-acl-entry${r} --network-acl-id ${look.cliRef} --${rule.egress ? 'egress' : 'ingress'} --rule-number ${num} --protocol ${cliProtocol(rule.protocol)}`;
    if (icmp) cmd += ` --icmp-type-code Type=${rule.icmpType ?? -1},Code=${rule.icmpCode ?? -1}`;
    else if (rule.fromPort !== undefined && (rule.protocol === 6 || rule.protocol === 17))
      cmd += ` --port-range From=${rule.fromPort},To=${rule.toPort ?? rule.fromPort}`;
    cmd += ` ${v6 ? '--ipv6-cidr-block' : '--cidr-block'} ${rule.cidr} --rule-action allow`;
    commands.push(cmd);
    const lines = [
      `resource "aws_network_acl_rule" "${tfName(rule.name)}" {`,
      `  network_acl_id = ${look.tfRef}`,
      `  rule_number    = ${num} # a free number, lower than any DENY entry that matches this traffic`,
      `  egress         = ${rule.egress}`,
      `  protocol       = "${tfProtocol(rule.protocol)}"`,
      '  rule_action    = "allow"',
      `  ${(v6 ? 'ipv6_cidr_block' : 'cidr_block').padEnd(14)} = "${rule.cidr}"`,
    ];
    if (icmp)
      lines.push(`  icmp_type      = ${rule.icmpType ?? -1}`, `  icmp_code      = ${rule.icmpCode ?? -1}`);
    else if (rule.fromPort !== undefined && (rule.protocol === 6 || rule.protocol === 17))
      lines.push(`  from_port      = ${rule.fromPort}`, `  to_port        = ${rule.toPort ?? rule.fromPort}`);
    lines.push('}');
    tf.push(lines.join('\n'));
  });
  const numbers =
    rules.length === 1 ? '<RULE_NUMBER>' : rules.map((_, i) => `<RULE_NUMBER_${i + 1}>`).join(', ');
  return {
    summary: `${summary} Replace ${numbers} with ${rules.length === 1 ? 'a free rule number' : 'free rule numbers'} lower than any DENY entry that matches (list the entries with aws ec2 describe-network-acls --network-acl-ids ${look.cliRef === '<NACL_ID>' ? '<NACL_ID>' : '"$NACL_ID"'}).${look.cliRef === '<NACL_ID>' ? ' <NACL_ID> is the network ACL of the subnet the records come from.' : ''}`,
    commands,
    terraform: `${look.tfData}${tf.join('\n\n')}\n# If Terraform already manages this NACL as aws_network_acl, add ${rules.length === 1 ? `the same rule as an ${rules[0]?.egress ? 'egress' : 'ingress'} block` : 'the same rules as ingress/egress blocks'} there instead.`,
  };
}

/** One SG rule to add. */
export interface SgRuleSpec {
  direction: 'ingress' | 'egress';
  protocol: number;
  fromPort?: number;
  toPort?: number;
  cidrs: readonly string[];
  name: string;
}

/**
 * `aws ec2 authorize-security-group-ingress|egress` with the ENI's SGs listed first (which SG to change
 * is the user's call: `<SG_ID>`), and `aws_vpc_security_group_*_rule` resources.
 */
export function sgAllowFix(summary: string, place: Place, rule: SgRuleSpec): Fix {
  const r = regionFlag(place);
  const commands: string[] = [];
  if (place.eni) {
    commands.push(
      `aws ec2 describe-network-interfaces${r} --network-interface-ids ${place.eni} --query 'NetworkInterfaces[0].Groups' --output table`,
    );
  } else if (place.address && isPrivateAddress(place.address)) {
    commands.push(
      `aws ec2 describe-network-interfaces${r} --filters Name=addresses.private-ip-address,Values=${place.address} --query 'NetworkInterfaces[0].Groups' --output table`,
    );
  }
  const icmp = rule.protocol === 1 || rule.protocol === 58;
  const ipProtocol =
    rule.protocol === 6
      ? 'tcp'
      : rule.protocol === 17
        ? 'udp'
        : rule.protocol === 1
          ? 'icmp'
          : rule.protocol === 58
            ? 'icmpv6'
            : String(rule.protocol);
  let ports = '';
  if (icmp) ports = `,FromPort=${rule.fromPort ?? -1},ToPort=${rule.toPort ?? -1}`;
  else if ((rule.protocol === 6 || rule.protocol === 17) && rule.fromPort !== undefined)
    ports = `,FromPort=${rule.fromPort},ToPort=${rule.toPort ?? rule.fromPort}`;
  const v4 = rule.cidrs.filter((c) => !isIPv6(c));
  const v6 = rule.cidrs.filter((c) => isIPv6(c));
  let ranges = '';
  if (v4.length) ranges += `,IpRanges=[${v4.map((c) => `{CidrIp=${c}}`).join(',')}]`;
  if (v6.length) ranges += `,Ipv6Ranges=[${v6.map((c) => `{CidrIpv6=${c}}`).join(',')}]`;
  commands.push(
    `aws ec2 authorize-security-group-${rule.direction}${r} --group-id <SG_ID> --ip-permissions 'IpProtocol=${ipProtocol}${ports}${ranges}'`,
  );
  const resource =
    rule.direction === 'ingress'
      ? 'aws_vpc_security_group_ingress_rule'
      : 'aws_vpc_security_group_egress_rule';
  const single = rule.cidrs.length === 1;
  const cidrAttr = (c: string) => (isIPv6(c) ? 'cidr_ipv6' : 'cidr_ipv4');
  const lines = [`resource "${resource}" "${tfName(rule.name)}" {`];
  if (!single) lines.push(`  for_each          = toset([${rule.cidrs.map((c) => `"${c}"`).join(', ')}])`);
  lines.push(
    `  security_group_id = "<SG_ID>" # one of the SGs on ${place.eni ?? 'the interface'}`,
    `  ip_protocol       = "${ipProtocol}"`,
  );
  if (icmp)
    lines.push(`  from_port         = ${rule.fromPort ?? -1}`, `  to_port           = ${rule.toPort ?? -1}`);
  else if ((rule.protocol === 6 || rule.protocol === 17) && rule.fromPort !== undefined)
    lines.push(
      `  from_port         = ${rule.fromPort}`,
      `  to_port           = ${rule.toPort ?? rule.fromPort}`,
    );
  if (single) lines.push(`  ${cidrAttr(rule.cidrs[0]!)}         = "${rule.cidrs[0]}"`);
  else {
    const family = v6.length > 0 && v4.length === 0 ? 'cidr_ipv6' : 'cidr_ipv4';
    lines.push(`  ${family}         = each.value`);
  }
  lines.push('}');
  return {
    summary: `${summary} <SG_ID> is the security group on ${place.eni ?? 'the interface'} that should allow it (the first command lists them).`,
    commands,
    terraform: lines.join('\n'),
  };
}

/**
 * The CIDRs to open for a set of hosts in a NACL: one host route, or the smallest block covering them
 * all (0.0.0.0/0 or ::/0 when that block would be wider than a /8, as for internet clients).
 */
export function naclCidrFor(addrs: readonly string[]): string {
  if (addrs.length === 1) return hostCidr(addrs[0]!);
  const v4 = addrs.filter((a) => !isIPv6(a));
  const pick = v4.length > 0 ? v4 : addrs;
  const cover = coveringCidr(pick);
  if (cover === undefined) return v4.length > 0 ? '0.0.0.0/0' : '::/0';
  if (prefixLength(cover) < 8) return isIPv6(pick[0]!) ? '::/0' : '0.0.0.0/0';
  return cover;
}

/** The CIDRs to allow in an SG: each host when there are few, else their covering block. */
export function sgCidrsFor(addrs: readonly string[], maxHosts = 4): string[] {
  if (addrs.length <= maxHosts) return addrs.map(hostCidr);
  return [naclCidrFor(addrs)];
}
