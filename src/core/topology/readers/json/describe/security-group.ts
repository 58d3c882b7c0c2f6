import { describeSgRule } from '../../../model/describe-rule.js';
import type { SgPeer, SgRule } from '../../../model/types.js';
import { parseCidr } from '../../../net/ipv4.js';
import { parseProtocol } from '../../../net/protocol.js';
import { regionOfArn } from '../../../net/regions.js';
import { arr, fieldLine, hasKeys, type JNode, nameTag, num, str } from '../loose-json.js';
import type { DescribeContext } from './context.js';
import { lineSrc, objSrc } from './context.js';

/** describe-security-groups: ingress and egress permissions, with SG references. */
export function readSecurityGroup(o: JNode, ctx: DescribeContext): void {
  const id = str(o, 'GroupId')!;
  const name = nameTag(o) ?? str(o, 'GroupName');
  const g = ctx.b.sg(
    { id, name },
    lineSrc(ctx, fieldLine(o, 'GroupId'), o.line, name ? `${id} (${name})` : id),
  );
  const groupName = str(o, 'GroupName');
  if (groupName) g.aliases.add(groupName.toLowerCase());
  const vpcId = str(o, 'VpcId');
  if (vpcId) {
    g.vpc = ctx.b.vpc({ id: vpcId }).key;
    const region = regionOfArn(str(o, 'SecurityGroupArn') ?? '') ?? ctx.region;
    const vpc = ctx.b.vpc({ id: vpcId });
    if (region && !vpc.region) vpc.region = region;
  }
  if (hasKeys(o, 'IpPermissions')) {
    g.ingress = arr(o, 'IpPermissions').map((p) => readPermission(p, id, 'inbound', ctx));
    g.ingressComplete = true;
  }
  if (hasKeys(o, 'IpPermissionsEgress')) {
    g.egress = arr(o, 'IpPermissionsEgress').map((p) => readPermission(p, id, 'outbound', ctx));
    g.egressComplete = true;
  }
}

function readPermission(p: JNode, sgId: string, dir: 'inbound' | 'outbound', ctx: DescribeContext): SgRule {
  const protocol = parseProtocol(str(p, 'IpProtocol')) ?? -1;
  const from = num(p, 'FromPort');
  const to = num(p, 'ToPort');
  const ports =
    (protocol === 6 || protocol === 17) && from !== undefined && to !== undefined && from >= 0
      ? { from, to }
      : undefined;
  const peers: SgPeer[] = [];
  for (const r of arr(p, 'IpRanges')) {
    const c = parseCidr(str(r, 'CidrIp') ?? '');
    if (c) peers.push({ kind: 'cidr', cidr: c });
  }
  for (const u of arr(p, 'UserIdGroupPairs')) {
    const gid = str(u, 'GroupId');
    if (!gid) continue;
    const ref = ctx.b.sg({ id: gid });
    peers.push({
      kind: 'sg',
      group: ref.key,
      ...(str(u, 'UserId') ? { account: str(u, 'UserId') } : {}),
      ...(str(u, 'VpcId') ? { vpc: str(u, 'VpcId') } : {}),
      ...(str(u, 'VpcPeeringConnectionId') ? { peering: str(u, 'VpcPeeringConnectionId') } : {}),
    });
  }
  for (const pl of arr(p, 'PrefixListIds')) {
    const plId = str(pl, 'PrefixListId');
    if (plId) peers.push({ kind: 'pl', id: plId });
  }
  const rule: SgRule = { protocol, ...(ports ? { ports } : {}), peers, src: objSrc(p, '') };
  rule.src.text = `${sgId} ${dir} ${describeSgRule(rule, (k) => ctx.b.find('sg', k)?.id ?? k)}`;
  return rule;
}
