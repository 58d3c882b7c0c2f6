import type { PeeringStatus } from '../../../model/types.js';
import type { Cidr } from '../../../net/ipv4.js';
import { parseCidr } from '../../../net/ipv4.js';
import { arr, field, fieldLine, type JNode, nameTag, str } from '../loose-json.js';
import { type DescribeContext, lineSrc } from './context.js';

function cidrsOf(info: JNode | undefined): Cidr[] {
  const out = new Map<string, Cidr>();
  const main = parseCidr(str(info, 'CidrBlock') ?? '');
  if (main) out.set(main.text, main);
  for (const c of arr(info, 'CidrBlockSet')) {
    const cidr = parseCidr(str(c, 'CidrBlock') ?? '');
    if (cidr) out.set(cidr.text, cidr);
  }
  return [...out.values()];
}

/** describe-vpc-peering-connections: both sides, their CIDR blocks and Regions, status, expiry. */
export function readPeering(o: JNode, ctx: DescribeContext): void {
  const id = str(o, 'VpcPeeringConnectionId')!;
  const p = ctx.b.peering(
    { id, name: nameTag(o) },
    lineSrc(ctx, fieldLine(o, 'VpcPeeringConnectionId'), o.line),
  );
  const req = field(o, 'RequesterVpcInfo');
  const acc = field(o, 'AccepterVpcInfo');
  const reqVpc = str(req, 'VpcId');
  const accVpc = str(acc, 'VpcId');
  if (reqVpc) {
    const v = ctx.b.vpc({ id: reqVpc });
    p.requester = v.key;
    p.requesterCidrs = cidrsOf(req);
    p.requesterRegion = str(req, 'Region') ?? p.requesterRegion;
    if (p.requesterRegion && !v.region) v.region = p.requesterRegion;
    addCidrs(v, p.requesterCidrs, req!, id);
  }
  if (accVpc) {
    const v = ctx.b.vpc({ id: accVpc });
    p.accepter = v.key;
    p.accepterCidrs = cidrsOf(acc);
    p.accepterRegion = str(acc, 'Region') ?? p.accepterRegion;
    if (p.accepterRegion && !v.region) v.region = p.accepterRegion;
    addCidrs(v, p.accepterCidrs, acc!, id);
  }
  const status = field(o, 'Status');
  const code = str(status, 'Code');
  if (code) {
    p.status = code as PeeringStatus;
    p.statusSrc = lineSrc(
      ctx,
      fieldLine(status, 'Code'),
      o.line,
      `${id} status ${code}${str(status, 'Message') ? ` (${str(status, 'Message')})` : ''}`,
    );
  }
  const exp = str(o, 'ExpirationTime');
  if (exp && !Number.isNaN(Date.parse(exp))) p.expiration = new Date(Date.parse(exp));
}

function addCidrs(
  v: { cidrs: { cidr: Cidr; src: { kind: 'config' | 'text'; lines: number[]; text: string } }[] },
  cidrs: Cidr[],
  info: JNode,
  pcx: string,
): void {
  for (const c of cidrs) {
    if (!v.cidrs.some((x) => x.cidr.text === c.text)) {
      v.cidrs.push({
        cidr: c,
        src: { kind: 'config', lines: [info.line], text: `${pcx}: VPC CIDR ${c.text}` },
      });
    }
  }
}
