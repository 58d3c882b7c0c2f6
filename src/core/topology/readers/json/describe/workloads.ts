import type { WorkloadKind } from '../../../model/types.js';
import { regionOfAz } from '../../../net/regions.js';
import { arr, field, fieldLine, hasKeys, type JNode, nameTag, num, str, strs } from '../loose-json.js';
import { type DescribeContext, lineSrc } from './context.js';

/** describe-instances (one Instances[] item) */
export function readInstance(o: JNode, ctx: DescribeContext): void {
  const id = str(o, 'InstanceId')!;
  const w = ctx.b.workload({ id, name: nameTag(o) }, 'ec2', lineSrc(ctx, fieldLine(o, 'InstanceId'), o.line));
  const ip = str(o, 'PrivateIpAddress');
  if (ip && !w.privateIps.includes(ip)) w.privateIps.push(ip);
  for (const ni of arr(o, 'NetworkInterfaces')) {
    for (const pa of arr(ni, 'PrivateIpAddresses')) {
      const a = str(pa, 'PrivateIpAddress');
      if (a && !w.privateIps.includes(a)) w.privateIps.push(a);
    }
  }
  const pub = str(o, 'PublicIpAddress');
  if (pub) {
    w.publicIp = pub;
    w.src.push(lineSrc(ctx, fieldLine(o, 'PublicIpAddress'), o.line));
  } else if (hasKeys(o, 'PrivateIpAddress') || hasKeys(o, 'NetworkInterfaces')) {
    // describe-instances omits PublicIpAddress when there is none
    const eniPublic = arr(o, 'NetworkInterfaces')
      .map((ni) => str(field(ni, 'Association'), 'PublicIp'))
      .find(Boolean);
    w.publicIp = eniPublic ?? null;
  }
  const subnetId = str(o, 'SubnetId');
  const vpcId = str(o, 'VpcId');
  if (subnetId) {
    const s = ctx.b.subnet({ id: subnetId });
    if (!w.subnets.includes(s.key)) w.subnets.push(s.key);
    if (vpcId && !s.vpc) s.vpc = ctx.b.vpc({ id: vpcId }).key;
  }
  if (vpcId) w.vpc = ctx.b.vpc({ id: vpcId }).key;
  for (const g of arr(o, 'SecurityGroups')) {
    const gid = str(g, 'GroupId');
    if (gid) {
      const sg = ctx.b.sg({ id: gid, name: str(g, 'GroupName') });
      if (!w.sgs.includes(sg.key)) w.sgs.push(sg.key);
    }
  }
  const az = str(field(o, 'Placement'), 'AvailabilityZone');
  if (az) {
    w.az = az;
    const region = regionOfAz(az);
    if (region && w.vpc) {
      const v = ctx.b.vpc({ id: vpcId });
      if (!v.region) v.region = region;
    }
  }
}

function eniKind(o: JNode): WorkloadKind {
  const type = str(o, 'InterfaceType') ?? '';
  const desc = (str(o, 'Description') ?? '').toLowerCase();
  const requester = (str(o, 'RequesterId') ?? '').toLowerCase();
  if (type === 'lambda' || desc.includes('lambda')) return 'lambda';
  if (desc.includes('rds') || requester.includes('rds')) return 'rds';
  if (desc.startsWith('elb ') || type === 'network_load_balancer') return 'elb';
  if (desc.includes('ecs') || desc.includes('fargate')) return 'ecs';
  if (desc.includes('eks')) return 'eks';
  if (str(field(o, 'Attachment'), 'InstanceId')) return 'ec2';
  return 'other';
}

/** describe-network-interfaces */
export function readNetworkInterface(o: JNode, ctx: DescribeContext): void {
  const id = str(o, 'NetworkInterfaceId')!;
  const type = str(o, 'InterfaceType') ?? '';
  if (type === 'nat_gateway' || type === 'vpc_endpoint' || type === 'transit_gateway') return;
  const instanceId = str(field(o, 'Attachment'), 'InstanceId');
  const kind = eniKind(o);
  const w = ctx.b.workload(
    instanceId ? { id: instanceId } : { id },
    kind,
    lineSrc(ctx, fieldLine(o, 'NetworkInterfaceId'), o.line),
  );
  w.aliases.add(id.toLowerCase());
  const ip = str(o, 'PrivateIpAddress');
  if (ip && !w.privateIps.includes(ip)) w.privateIps.push(ip);
  const pub = str(field(o, 'Association'), 'PublicIp');
  if (pub) w.publicIp = pub;
  else if (w.publicIp === undefined && ip) w.publicIp = null;
  const subnetId = str(o, 'SubnetId');
  if (subnetId) {
    const s = ctx.b.subnet({ id: subnetId });
    if (!w.subnets.includes(s.key)) w.subnets.push(s.key);
    const az = str(o, 'AvailabilityZone');
    if (az && !s.az) s.az = az;
  }
  const vpcId = str(o, 'VpcId');
  if (vpcId) w.vpc = ctx.b.vpc({ id: vpcId }).key;
  for (const g of arr(o, 'Groups')) {
    const gid = str(g, 'GroupId');
    if (gid) {
      const sg = ctx.b.sg({ id: gid, name: str(g, 'GroupName') });
      if (!w.sgs.includes(sg.key)) w.sgs.push(sg.key);
    }
  }
}

/** lambda get-function-configuration: VpcConfig */
export function readLambda(o: JNode, ctx: DescribeContext): void {
  const name = str(o, 'FunctionName')!;
  const w = ctx.b.workload({ name }, 'lambda', lineSrc(ctx, fieldLine(o, 'FunctionName'), o.line));
  const vc = field(o, 'VpcConfig');
  for (const sn of strs(vc, 'SubnetIds')) {
    const s = ctx.b.subnet({ id: sn });
    if (!w.subnets.includes(s.key)) w.subnets.push(s.key);
  }
  for (const g of strs(vc, 'SecurityGroupIds')) {
    const sg = ctx.b.sg({ id: g });
    if (!w.sgs.includes(sg.key)) w.sgs.push(sg.key);
  }
  const vpcId = str(vc, 'VpcId');
  if (vpcId) w.vpc = ctx.b.vpc({ id: vpcId }).key;
  w.publicIp = null; // Lambda ENIs never get a public IP
}

/** rds describe-db-instances */
export function readDbInstance(o: JNode, ctx: DescribeContext): void {
  const name = str(o, 'DBInstanceIdentifier')!;
  const w = ctx.b.workload({ name }, 'rds', lineSrc(ctx, fieldLine(o, 'DBInstanceIdentifier'), o.line));
  const ep = field(o, 'Endpoint');
  const addr = str(ep, 'Address');
  if (addr) w.aliases.add(addr.toLowerCase());
  const port = num(ep, 'Port');
  if (port) w.port = port;
  for (const g of arr(o, 'VpcSecurityGroups')) {
    const gid = str(g, 'VpcSecurityGroupId');
    if (gid) {
      const sg = ctx.b.sg({ id: gid });
      if (!w.sgs.includes(sg.key)) w.sgs.push(sg.key);
    }
  }
  const sng = field(o, 'DBSubnetGroup');
  const vpcId = str(sng, 'VpcId');
  if (vpcId) w.vpc = ctx.b.vpc({ id: vpcId }).key;
  for (const s of arr(sng, 'Subnets')) {
    const sid = str(s, 'SubnetIdentifier');
    if (!sid) continue;
    const sub = ctx.b.subnet({ id: sid });
    if (!w.subnets.includes(sub.key)) w.subnets.push(sub.key);
    const az = str(field(s, 'SubnetAvailabilityZone'), 'Name');
    if (az && !sub.az) sub.az = az;
  }
}

/** elbv2 describe-target-health: an unhealthy target is a path from the load balancer to the target port. */
export function readTargetHealth(o: JNode, ctx: DescribeContext): void {
  const target = field(o, 'Target');
  const id = str(target, 'Id');
  const health = field(o, 'TargetHealth');
  const state = str(health, 'State');
  if (!id || (state !== 'unhealthy' && state !== 'unavailable')) return;
  const port = Number(str(o, 'HealthCheckPort') ?? num(target, 'Port'));
  const src = lineSrc(
    ctx,
    fieldLine(health, 'State'),
    o.line,
    `${id} ${state}${str(health, 'Reason') ? ` (${str(health, 'Reason')})` : ''}`,
  );
  const w = id.startsWith('i-')
    ? ctx.b.workload({ id }, 'ec2', lineSrc(ctx, fieldLine(target, 'Id'), o.line))
    : undefined;
  const ipTarget = /^\d+\.\d+\.\d+\.\d+$/.test(id) ? id : undefined;
  const lb =
    ctx.b.all('workload').find((x) => x.kind === 'elb') ?? ctx.b.workload({ name: 'load balancer' }, 'elb');
  ctx.b.model.symptoms.push({ kind: 'unhealthy', src });
  if (/timeout/i.test(str(health, 'Reason') ?? '')) ctx.b.model.symptoms.push({ kind: 'timeout', src });
  const intent = {
    from: { kind: 'entity' as const, key: lb.key, label: 'the load balancer' },
    to: w ? { kind: 'entity' as const, key: w.key } : { kind: 'ip' as const, ip: ipTarget ?? id },
    ...(Number.isFinite(port) && port > 0 ? { port } : {}),
    protocol: 6,
    src,
    origin: 'config' as const,
  };
  if (!ctx.b.model.intents.some((i) => JSON.stringify(i.to) === JSON.stringify(intent.to)))
    ctx.b.model.intents.push(intent);
}
