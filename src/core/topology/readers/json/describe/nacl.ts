import { describeNaclEntry } from '../../../model/describe-rule.js';
import type { NaclEntry } from '../../../model/types.js';
import { parseCidr } from '../../../net/ipv4.js';
import { parseProtocol } from '../../../net/protocol.js';
import { arr, bool, field, fieldLine, type JNode, nameTag, num, str } from '../loose-json.js';
import { type DescribeContext, lineSrc, objSrc } from './context.js';

/** describe-network-acls: numbered entries per direction and the subnet associations. */
export function readNacl(o: JNode, ctx: DescribeContext): void {
  const id = str(o, 'NetworkAclId')!;
  const name = nameTag(o);
  const n = ctx.b.nacl(
    { id, name },
    lineSrc(ctx, fieldLine(o, 'NetworkAclId'), o.line, name ? `${id} (${name})` : id),
  );
  const vpcId = str(o, 'VpcId');
  if (vpcId) n.vpc = ctx.b.vpc({ id: vpcId }).key;
  const isDefault = bool(o, 'IsDefault');
  if (isDefault !== undefined) n.isDefault = isDefault;
  for (const a of arr(o, 'Associations')) {
    const subnetId = str(a, 'SubnetId');
    if (!subnetId) continue;
    const s = ctx.b.subnet({ id: subnetId });
    s.nacl = n.key;
    if (!s.vpc && n.vpc) s.vpc = n.vpc;
    if (!n.subnets.includes(s.key)) n.subnets.push(s.key);
  }
  const entries = field(o, 'Entries');
  let sawIn = false;
  let sawOut = false;
  for (const e of arr(o, 'Entries')) {
    const entry = readEntry(e);
    if (!entry) continue;
    if (entry.egress) sawOut = true;
    else sawIn = true;
    n.entries.push(entry);
  }
  // A pasted Entries list is whole (each direction ends with the * rule); a cut one is still read
  // entry by entry, and a direction with no entry at all stays unknown.
  if (entries) {
    n.completeIn = sawIn;
    n.completeOut = sawOut;
  }
}

function readEntry(e: JNode): NaclEntry | undefined {
  const number = num(e, 'RuleNumber');
  const egress = bool(e, 'Egress');
  const action = str(e, 'RuleAction');
  const cidr = parseCidr(str(e, 'CidrBlock') ?? '');
  if (number === undefined || egress === undefined || !action || !cidr) return undefined; // IPv6 entries are skipped
  const protocol = parseProtocol(str(e, 'Protocol')) ?? -1;
  const pr = field(e, 'PortRange');
  const from = num(pr, 'From');
  const to = num(pr, 'To');
  const ports =
    (protocol === 6 || protocol === 17) && from !== undefined && to !== undefined ? { from, to } : undefined;
  const act = action.toLowerCase() === 'deny' ? 'deny' : 'allow';
  const itc = field(e, 'IcmpTypeCode');
  const icmpType = num(itc, 'Type');
  const icmp =
    protocol === 1 && icmpType !== undefined ? { type: icmpType, code: num(itc, 'Code') ?? -1 } : undefined;
  const label = describeNaclEntry({
    number,
    egress,
    action: act,
    protocol,
    ports,
    cidr,
    ...(icmp ? { icmp } : {}),
  });
  return {
    number,
    egress,
    action: act,
    protocol,
    ...(ports ? { ports } : {}),
    ...(icmp ? { icmp } : {}),
    cidr,
    src: objSrc(e, label),
  };
}
