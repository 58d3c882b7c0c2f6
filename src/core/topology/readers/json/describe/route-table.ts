import type { Route, RouteTargetKind } from '../../../model/types.js';
import { parseCidr } from '../../../net/ipv4.js';
import { arr, bool, fieldLine, hasKeys, type JNode, nameTag, str } from '../loose-json.js';
import { type DescribeContext, lineSrc, objSrc } from './context.js';

const TARGETS: [string, RouteTargetKind][] = [
  ['NatGatewayId', 'nat'],
  ['VpcPeeringConnectionId', 'pcx'],
  ['TransitGatewayId', 'tgw'],
  ['EgressOnlyInternetGatewayId', 'eigw'],
  ['NetworkInterfaceId', 'eni'],
  ['InstanceId', 'instance'],
  ['LocalGatewayId', 'unknown'],
  ['CarrierGatewayId', 'unknown'],
  ['CoreNetworkArn', 'unknown'],
];

/** The target of a route object; GatewayId can be local, igw-, vgw- or vpce-. */
export function routeTarget(o: JNode): { kind: RouteTargetKind; id?: string } {
  const gw = str(o, 'GatewayId');
  if (gw) {
    if (gw === 'local') return { kind: 'local', id: 'local' };
    if (gw.startsWith('igw-')) return { kind: 'igw', id: gw };
    if (gw.startsWith('vgw-')) return { kind: 'vgw', id: gw };
    if (gw.startsWith('vpce-')) return { kind: 'vpce', id: gw };
    return { kind: 'unknown', id: gw };
  }
  for (const [k, kind] of TARGETS) {
    const v = str(o, k);
    if (v) return { kind, id: v };
  }
  return { kind: 'unknown' };
}

/** describe-route-tables: routes, explicit subnet associations, the main flag. */
export function readRouteTable(o: JNode, ctx: DescribeContext): void {
  const id = str(o, 'RouteTableId')!;
  const name = nameTag(o);
  const t = ctx.b.routeTable(
    { id, name },
    lineSrc(ctx, fieldLine(o, 'RouteTableId'), o.line, name ? `${id} (${name})` : id),
  );
  const vpcId = str(o, 'VpcId');
  if (vpcId) t.vpc = ctx.b.vpc({ id: vpcId }).key;
  for (const a of arr(o, 'Associations')) {
    if (bool(a, 'Main') === true) {
      t.main = true;
      t.src.push(lineSrc(ctx, fieldLine(a, 'Main'), a.line, `${id} is the main route table`));
    }
    const subnetId = str(a, 'SubnetId');
    if (subnetId) {
      const s = ctx.b.subnet({ id: subnetId });
      s.routeTable = t.key;
      if (vpcId && !s.vpc) s.vpc = t.vpc;
      if (!t.subnets.includes(s.key)) t.subnets.push(s.key);
      s.src.push(lineSrc(ctx, fieldLine(a, 'SubnetId'), a.line, `${subnetId} is associated with ${id}`));
    }
  }
  if (t.main === undefined && arr(o, 'Associations').length > 0) t.main = false;
  const routes = arr(o, 'Routes');
  const truncatedRoutes = !hasKeys(o, 'Routes');
  for (const r of routes) {
    const route = readRoute(r);
    if (route) t.routes.push(route);
  }
  // describe output is the whole table unless the paste lost the Routes list
  t.complete = !truncatedRoutes;
}

function readRoute(r: JNode): Route | undefined {
  const dest = str(r, 'DestinationCidrBlock');
  const pl = str(r, 'DestinationPrefixListId');
  if (!dest && !pl) return undefined;
  const cidr = dest ? parseCidr(dest) : undefined;
  const target = routeTarget(r);
  const state = str(r, 'State');
  const origin = str(r, 'Origin');
  const shown = `${dest ?? pl} -> ${target.id ?? '?'}${state === 'blackhole' ? ' (blackhole)' : ''}`;
  return {
    ...(cidr ? { cidr } : {}),
    ...(pl ? { prefixList: pl } : {}),
    target,
    ...(state === 'active' || state === 'blackhole' ? { state } : {}),
    ...(origin === 'EnableVgwRoutePropagation' ? { propagated: true } : {}),
    src: objSrc(r, shown),
  };
}
