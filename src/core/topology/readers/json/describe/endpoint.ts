import { readPolicy } from '../../../model/policy-info.js';
import { parseServiceName } from '../../../net/regions.js';
import { arr, bool, fieldLine, type JNode, nameTag, str, strs } from '../loose-json.js';
import { type DescribeContext, lineSrc } from './context.js';

/** describe-vpc-endpoints: type, service, route tables (gateway), subnets and SGs (interface), policy. */
export function readEndpoint(o: JNode, ctx: DescribeContext): void {
  const id = str(o, 'VpcEndpointId')!;
  const e = ctx.b.endpoint({ id, name: nameTag(o) }, lineSrc(ctx, fieldLine(o, 'VpcEndpointId'), o.line));
  const vpcId = str(o, 'VpcId');
  if (vpcId) e.vpc = ctx.b.vpc({ id: vpcId }).key;
  const serviceName = str(o, 'ServiceName');
  if (serviceName) {
    const s = parseServiceName(serviceName);
    if (s) {
      e.service = s.service;
      if (s.region) {
        e.serviceRegion = s.region;
        if (vpcId) {
          const v = ctx.b.vpc({ id: vpcId });
          if (!v.region) v.region = s.region;
        }
      }
    }
    e.src.push(lineSrc(ctx, fieldLine(o, 'ServiceName'), o.line));
  }
  const type = str(o, 'VpcEndpointType');
  if (type === 'Gateway' || type === 'Interface' || type === 'GatewayLoadBalancer') {
    e.type = type;
    e.src.push(lineSrc(ctx, fieldLine(o, 'VpcEndpointType'), o.line));
  }
  for (const rt of strs(o, 'RouteTableIds')) {
    const t = ctx.b.routeTable({ id: rt });
    if (!e.routeTables.includes(t.key)) e.routeTables.push(t.key);
    if (!t.vpc && e.vpc) t.vpc = e.vpc;
  }
  if (strs(o, 'RouteTableIds').length > 0 || fieldLine(o, 'RouteTableIds') !== undefined) {
    e.src.push(
      lineSrc(
        ctx,
        fieldLine(o, 'RouteTableIds'),
        o.line,
        `${id} route tables: ${strs(o, 'RouteTableIds').join(', ') || 'none'}`,
      ),
    );
  }
  for (const sn of strs(o, 'SubnetIds')) {
    const s = ctx.b.subnet({ id: sn });
    if (!e.subnets.includes(s.key)) e.subnets.push(s.key);
  }
  for (const g of arr(o, 'Groups')) {
    const gid = str(g, 'GroupId');
    if (!gid) continue;
    const sg = ctx.b.sg({ id: gid, name: str(g, 'GroupName') });
    if (!e.sgs.includes(sg.key)) e.sgs.push(sg.key);
  }
  const pd = bool(o, 'PrivateDnsEnabled');
  if (pd !== undefined && e.type !== 'Gateway') {
    e.privateDns = pd;
    e.src.push(lineSrc(ctx, fieldLine(o, 'PrivateDnsEnabled'), o.line, `${id} PrivateDnsEnabled ${pd}`));
  }
  const policy = str(o, 'PolicyDocument');
  if (policy) {
    const info = readPolicy(
      policy,
      lineSrc(ctx, fieldLine(o, 'PolicyDocument'), o.line, `${id} endpoint policy`),
    );
    if (info) e.policy = info;
  }
  const state = str(o, 'State');
  if (state) e.state = state;
}
