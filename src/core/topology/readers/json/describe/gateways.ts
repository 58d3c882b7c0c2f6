import { arr, fieldLine, type JNode, nameTag, str } from '../loose-json.js';
import { type DescribeContext, lineSrc } from './context.js';

/** describe-nat-gateways */
export function readNatGateway(o: JNode, ctx: DescribeContext): void {
  const id = str(o, 'NatGatewayId')!;
  const n = ctx.b.nat({ id, name: nameTag(o) }, lineSrc(ctx, fieldLine(o, 'NatGatewayId'), o.line));
  const subnetId = str(o, 'SubnetId');
  if (subnetId) {
    n.subnet = ctx.b.subnet({ id: subnetId }).key;
    n.src.push(lineSrc(ctx, fieldLine(o, 'SubnetId'), o.line, `${id} is in ${subnetId}`));
  }
  const vpcId = str(o, 'VpcId');
  if (vpcId) {
    n.vpc = ctx.b.vpc({ id: vpcId }).key;
    if (subnetId) {
      const s = ctx.b.subnet({ id: subnetId });
      if (!s.vpc) s.vpc = n.vpc;
    }
  }
  const state = str(o, 'State');
  if (state) n.state = state;
  const ct = str(o, 'ConnectivityType');
  if (ct === 'public' || ct === 'private') n.connectivity = ct;
  const addrs = arr(o, 'NatGatewayAddresses');
  const pub = addrs.map((a) => str(a, 'PublicIp')).find(Boolean);
  const priv = addrs.map((a) => str(a, 'PrivateIp')).find(Boolean);
  if (pub) n.publicIp = pub;
  else if (addrs.length > 0) n.publicIp = null;
  if (priv) n.privateIp = priv;
}

/** describe-internet-gateways */
export function readInternetGateway(o: JNode, ctx: DescribeContext): void {
  const id = str(o, 'InternetGatewayId')!;
  const g = ctx.b.igw({ id, name: nameTag(o) }, lineSrc(ctx, fieldLine(o, 'InternetGatewayId'), o.line));
  for (const a of arr(o, 'Attachments')) {
    const vpcId = str(a, 'VpcId');
    const state = str(a, 'State');
    if (vpcId && (state === undefined || state === 'available' || state === 'attached')) {
      const v = ctx.b.vpc({ id: vpcId });
      if (!g.vpcs.includes(v.key)) g.vpcs.push(v.key);
    }
  }
}
