import { parseCidr } from '../../../net/ipv4.js';
import { arr, field, fieldLine, type JNode, nameTag, str, strs } from '../loose-json.js';
import { type DescribeContext, lineSrc, objSrc } from './context.js';

/** describe-transit-gateway-attachments / describe-transit-gateway-vpc-attachments */
export function readTgwAttachment(o: JNode, ctx: DescribeContext): void {
  const id = str(o, 'TransitGatewayAttachmentId')!;
  const a = ctx.b.tgwAttachment(
    { id, name: nameTag(o) },
    lineSrc(ctx, fieldLine(o, 'TransitGatewayAttachmentId'), o.line),
  );
  const tgw = str(o, 'TransitGatewayId');
  if (tgw) a.tgw = tgw;
  const type = str(o, 'ResourceType');
  if (type) a.resourceType = type;
  const vpcId = str(o, 'VpcId') ?? (type === 'vpc' ? str(o, 'ResourceId') : undefined);
  if (vpcId) {
    a.vpc = ctx.b.vpc({ id: vpcId }).key;
    a.resourceType ??= 'vpc';
  }
  const subnets = strs(o, 'SubnetIds');
  for (const sn of subnets) {
    const s = ctx.b.subnet({ id: sn });
    if (!a.subnets.includes(s.key)) a.subnets.push(s.key);
    if (a.vpc && !s.vpc) s.vpc = a.vpc;
  }
  if (subnets.length)
    a.src.push(lineSrc(ctx, fieldLine(o, 'SubnetIds'), o.line, `${id} subnets: ${subnets.join(', ')}`));
  const state = str(o, 'State');
  if (state) a.state = state;
  const assoc = field(o, 'Association');
  const rtb = str(assoc, 'TransitGatewayRouteTableId');
  if (rtb && str(assoc, 'State') !== 'disassociated') {
    const t = ctx.b.tgwRouteTable({ id: rtb });
    a.routeTable = t.key;
    if (!t.associations.includes(a.key)) t.associations.push(a.key);
    a.src.push(
      lineSrc(ctx, fieldLine(assoc, 'TransitGatewayRouteTableId'), o.line, `${id} is associated with ${rtb}`),
    );
  }
}

/** search-transit-gateway-routes output: routes of the table named in the command. */
export function readTgwRoutes(routes: JNode[], ctx: DescribeContext, tableId: string | undefined): void {
  const t = ctx.b.tgwRouteTable({ id: tableId ?? 'tgw-rtb-(unnamed)' });
  for (const r of routes) {
    const cidr = parseCidr(str(r, 'DestinationCidrBlock') ?? '');
    if (!cidr) continue;
    const att = arr(r, 'TransitGatewayAttachments')
      .map((x) => str(x, 'TransitGatewayAttachmentId'))
      .find(Boolean);
    const state = str(r, 'State') === 'blackhole' ? 'blackhole' : 'active';
    const attachment = att ? ctx.b.tgwAttachment({ id: att }) : undefined;
    const vpcId = arr(r, 'TransitGatewayAttachments')
      .map((x) => (str(x, 'ResourceType') === 'vpc' ? str(x, 'ResourceId') : undefined))
      .find(Boolean);
    if (attachment && vpcId && !attachment.vpc) attachment.vpc = ctx.b.vpc({ id: vpcId }).key;
    t.routes.push({
      cidr,
      ...(attachment ? { attachment: attachment.key } : {}),
      state,
      src: objSrc(
        r,
        `${tableId ?? 'TGW route table'}: ${cidr.text} -> ${att ?? 'blackhole'}${state === 'blackhole' ? ' (blackhole)' : ''}`,
      ),
    });
  }
  t.complete = true;
}

/** get-transit-gateway-route-table-associations / -propagations */
export function readTgwAssociations(
  items: JNode[],
  ctx: DescribeContext,
  tableId: string,
  kind: 'associations' | 'propagations',
): void {
  const t = ctx.b.tgwRouteTable({ id: tableId });
  for (const i of items) {
    const att = str(i, 'TransitGatewayAttachmentId');
    if (!att) continue;
    const a = ctx.b.tgwAttachment({ id: att });
    if (str(i, 'ResourceType') === 'vpc' && str(i, 'ResourceId') && !a.vpc)
      a.vpc = ctx.b.vpc({ id: str(i, 'ResourceId') }).key;
    if (kind === 'associations') {
      if (!t.associations.includes(a.key)) t.associations.push(a.key);
      a.routeTable = t.key;
    } else if (!t.propagations.includes(a.key)) t.propagations.push(a.key);
  }
}

/** describe-transit-gateway-route-tables */
export function readTgwRouteTable(o: JNode, ctx: DescribeContext): void {
  const id = str(o, 'TransitGatewayRouteTableId')!;
  const t = ctx.b.tgwRouteTable(
    { id, name: nameTag(o) },
    lineSrc(ctx, fieldLine(o, 'TransitGatewayRouteTableId'), o.line),
  );
  const tgw = str(o, 'TransitGatewayId');
  if (tgw) t.tgw = tgw;
}
