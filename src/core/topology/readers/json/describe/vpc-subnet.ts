import { parseCidr } from '../../../net/ipv4.js';
import { regionOfArn, regionOfAz } from '../../../net/regions.js';
import { arr, bool, field, fieldLine, type JNode, nameTag, str } from '../loose-json.js';
import { type DescribeContext, lineSrc } from './context.js';

/** describe-vpcs: a VPC with all its CIDR blocks (CidrBlockAssociationSet). */
export function readVpc(o: JNode, ctx: DescribeContext): void {
  const id = str(o, 'VpcId')!;
  const src = lineSrc(ctx, fieldLine(o, 'VpcId'), o.line);
  const vpc = ctx.b.vpc({ id, name: nameTag(o) }, src);
  const blocks = new Map<string, number>();
  const primary = str(o, 'CidrBlock');
  if (primary) blocks.set(primary, fieldLine(o, 'CidrBlock') ?? o.line);
  for (const a of arr(o, 'CidrBlockAssociationSet')) {
    const c = str(a, 'CidrBlock');
    const state = str(field(a, 'CidrBlockState'), 'State');
    if (c && state !== 'disassociated' && state !== 'failed')
      blocks.set(c, blocks.get(c) ?? fieldLine(a, 'CidrBlock') ?? a.line);
  }
  for (const [c, line] of blocks) {
    const cidr = parseCidr(c);
    if (cidr && !vpc.cidrs.some((x) => x.cidr.text === cidr.text)) {
      vpc.cidrs.push({ cidr, src: { kind: 'config', lines: [line], text: `${id} CIDR ${cidr.text}` } });
    }
  }
  if (ctx.region && !vpc.region) vpc.region = ctx.region;
  if (bool(o, 'IsDefault') === true)
    vpc.isDefault = lineSrc(ctx, fieldLine(o, 'IsDefault'), o.line, `${id} is the default VPC`);
  const owner = str(o, 'OwnerId');
  if (owner) vpc.account = owner;
}

/** describe-vpc-attribute: enableDnsSupport / enableDnsHostnames. */
export function readVpcAttribute(o: JNode, ctx: DescribeContext): void {
  const id = str(o, 'VpcId')!;
  const vpc = ctx.b.vpc({ id });
  const support = bool(o, 'EnableDnsSupport');
  const hostnames = bool(o, 'EnableDnsHostnames');
  if (support !== undefined) {
    vpc.dnsSupport = support;
    vpc.src.push(lineSrc(ctx, fieldLine(o, 'EnableDnsSupport'), o.line, `${id} enableDnsSupport ${support}`));
  }
  if (hostnames !== undefined) {
    vpc.dnsHostnames = hostnames;
    vpc.src.push(
      lineSrc(ctx, fieldLine(o, 'EnableDnsHostnames'), o.line, `${id} enableDnsHostnames ${hostnames}`),
    );
  }
}

/** describe-subnets */
export function readSubnet(o: JNode, ctx: DescribeContext): void {
  const id = str(o, 'SubnetId')!;
  const name = nameTag(o);
  const src = lineSrc(ctx, fieldLine(o, 'SubnetId'), o.line);
  const s = ctx.b.subnet({ id, name }, src);
  const vpcId = str(o, 'VpcId');
  if (vpcId) s.vpc = ctx.b.vpc({ id: vpcId }).key;
  const cidr = parseCidr(str(o, 'CidrBlock') ?? '');
  if (cidr) s.cidr = cidr;
  const az = str(o, 'AvailabilityZone');
  if (az) s.az = az;
  const map = bool(o, 'MapPublicIpOnLaunch');
  if (map !== undefined) s.mapPublicIp = map;
  if (name && /public/i.test(name)) s.roleHint = 'public';
  else if (name && /private|isolated|app|db|data/i.test(name)) s.roleHint = 'private';
  const region = (az && regionOfAz(az)) ?? regionOfArn(str(o, 'SubnetArn') ?? '');
  if (region && s.vpc) {
    const vpc = ctx.b.vpc({ id: vpcId });
    if (!vpc.region) vpc.region = region;
  }
}
