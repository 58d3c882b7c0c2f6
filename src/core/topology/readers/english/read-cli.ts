import { addSrc } from '../../model/builder.js';
import type { RouteTargetKind, SgPeer } from '../../model/types.js';
import { parseCidr } from '../../net/ipv4.js';
import { parsePortRange, parseProtocol } from '../../net/protocol.js';
import { isRegion, parseServiceName } from '../../net/regions.js';
import { kindOfId } from '../../net/resource-ids.js';
import { parseAwsCommand } from '../json/aws-command.js';
import type { Extractor, Sentence } from './sentence.js';

/**
 * The `aws ec2 …` commands people paste to show what they did ("I ran authorize-security-group-ingress
 * with …", a create-route, a create-vpc-endpoint): each says what the config is meant to hold. Whether
 * it succeeded is for the output after it to say; a failed call still shows what was asked for.
 */
export const readCli: Extractor = (x) => {
  const cmd = parseAwsCommand(x.raw.replace(/^[\s>*-]+/, ''), x.line);
  if (cmd?.service !== 'ec2') return;
  const opt = (k: string) => cmd.options.get(k) ?? [];
  const one = (k: string) => opt(k)[0];
  const region = one('region');
  switch (cmd.operation) {
    case 'authorize-security-group-ingress':
    case 'authorize-security-group-egress':
      return sgRule(x, cmd.operation.endsWith('egress'), opt, region);
    case 'create-route':
    case 'replace-route':
      return route(x, one);
    case 'create-vpc-endpoint':
      return endpoint(x, opt, region);
    case 'create-nat-gateway': {
      const subnet = one('subnet-id');
      if (!subnet) return;
      x.b.model.readLines.add(x.line);
      x.hit = true;
      return;
    }
    default:
      return;
  }
};

function sgRule(
  x: Sentence,
  egress: boolean,
  opt: (k: string) => string[],
  region: string | undefined,
): void {
  const id = opt('group-id')[0];
  if (!id) return;
  const g = x.b.sg({ id }, x.src);
  if (region && isRegion(region)) g.region ??= region;
  const perms = opt('ip-permissions').join(' ');
  const rules: { protocol: number; from?: number; to?: number; peers: SgPeer[] }[] = [];
  if (perms) {
    // shorthand (IpProtocol=tcp,FromPort=…) or JSON ("IpProtocol": "tcp", …), one or several permissions
    for (const p of perms.split(/\}\s*\]\s*\}\s*,\s*\{|IpProtocol(?=\s*["=:])/).filter((k) => /\S/.test(k))) {
      const field = (name: string) =>
        new RegExp(`${name}"?\\s*[=:]\\s*"?([\\w./-]+)`, 'i').exec(p)?.[1] ??
        (name === 'IpProtocol' ? /^"?\s*[=:]\s*"?([\w-]+)/.exec(p)?.[1] : undefined);
      const protocol = parseProtocol(field('IpProtocol'));
      if (protocol === undefined) continue;
      const peers: SgPeer[] = [];
      const pcx = /VpcPeeringConnectionId"?\s*[=:]\s*"?(pcx-[\w-]+)/i.exec(p)?.[1];
      for (const m of p.matchAll(/GroupId"?\s*[=:]\s*"?(sg-[\w-]+)/gi))
        peers.push({ kind: 'sg', group: x.b.sg({ id: m[1]! }).key, ...(pcx ? { peering: pcx } : {}) });
      for (const m of p.matchAll(/CidrIp"?\s*[=:]\s*"?(\d+\.\d+\.\d+\.\d+\/\d+)/gi)) {
        const c = parseCidr(m[1]!);
        if (c) peers.push({ kind: 'cidr', cidr: c });
      }
      for (const m of p.matchAll(/PrefixListId"?\s*[=:]\s*"?(pl-[\w-]+)/gi))
        peers.push({ kind: 'pl', id: m[1]! });
      const from = Number(field('FromPort'));
      const to = Number(field('ToPort'));
      if (peers.length)
        rules.push({
          protocol,
          ...(Number.isFinite(from) && from >= 0 ? { from } : {}),
          ...(Number.isFinite(to) && to >= 0 ? { to } : {}),
          peers,
        });
    }
  } else {
    const protocol = parseProtocol(opt('protocol')[0] ?? 'tcp');
    const port = opt('port')[0];
    const range = port ? parsePortRange(port) : undefined;
    const peers: SgPeer[] = [];
    const cidr = opt('cidr')[0] ? parseCidr(opt('cidr')[0]!) : undefined;
    if (cidr) peers.push({ kind: 'cidr', cidr });
    const src = opt('source-group')[0];
    if (src) peers.push({ kind: 'sg', group: x.b.sg({ id: src }).key });
    if (protocol !== undefined && peers.length)
      rules.push({ protocol, ...(range ? { from: range.from, to: range.to } : {}), peers });
  }
  for (const r of rules) {
    const list = egress ? g.egress : g.ingress;
    list.push({
      protocol: r.protocol,
      ...(r.from !== undefined && r.to !== undefined && r.protocol !== -1
        ? { ports: { from: r.from, to: r.to } }
        : {}),
      peers: r.peers,
      src: x.src,
    });
  }
  x.b.model.readers.add('english');
  x.hit = true;
}

const TARGET_FLAGS: [string, RouteTargetKind][] = [
  ['gateway-id', 'igw'],
  ['nat-gateway-id', 'nat'],
  ['vpc-peering-connection-id', 'pcx'],
  ['transit-gateway-id', 'tgw'],
  ['vpc-endpoint-id', 'vpce'],
  ['network-interface-id', 'eni'],
  ['instance-id', 'instance'],
  ['egress-only-internet-gateway-id', 'eigw'],
];

function route(x: Sentence, one: (k: string) => string | undefined): void {
  const table = one('route-table-id');
  const dest = one('destination-cidr-block');
  const pl = one('destination-prefix-list-id');
  if (!table || (!dest && !pl)) return;
  const flag = TARGET_FLAGS.find(([f]) => one(f));
  if (!flag) return;
  const id = one(flag[0])!;
  const kind: RouteTargetKind =
    flag[0] === 'gateway-id'
      ? kindOfId(id) === 'vgw'
        ? 'vgw'
        : kindOfId(id) === 'vpce'
          ? 'vpce'
          : 'igw'
      : flag[1];
  const cidr = dest ? parseCidr(dest) : undefined;
  const t = x.b.routeTable({ id: table }, x.src);
  if (!t.routes.some((r) => (r.cidr?.text ?? r.prefixList) === (cidr?.text ?? pl)))
    t.routes.push({
      ...(cidr ? { cidr } : {}),
      ...(pl ? { prefixList: pl } : {}),
      target: { kind, id },
      src: x.src,
    });
  x.hit = true;
}

function endpoint(x: Sentence, opt: (k: string) => string[], region: string | undefined): void {
  const svc = opt('service-name')[0];
  const parsed = svc ? parseServiceName(svc) : undefined;
  if (!parsed) return;
  const type = (opt('vpc-endpoint-type')[0] ?? 'Gateway').toLowerCase();
  const e =
    x.b.all('vpce').find((k) => !k.id && k.service === parsed.service) ??
    x.b.endpoint({ name: `${parsed.service} endpoint` }, x.src);
  addSrc(e, x.src);
  e.service = parsed.service;
  e.type =
    type === 'interface' ? 'Interface' : type === 'gatewayloadbalancer' ? 'GatewayLoadBalancer' : 'Gateway';
  const r = parsed.region ?? region;
  if (r) e.serviceRegion = r;
  const vpc = opt('vpc-id')[0];
  if (vpc) e.vpc = x.b.vpc({ id: vpc }).key;
  for (const t of opt('route-table-ids').flatMap((k) => k.split(',')))
    if (/^rtb-/.test(t) && !e.routeTables.includes(t)) e.routeTables.push(x.b.routeTable({ id: t }).key);
  for (const s of opt('subnet-ids').flatMap((k) => k.split(',')))
    if (/^subnet-/.test(s)) e.subnets.push(x.b.subnet({ id: s }).key);
  for (const s of opt('security-group-ids').flatMap((k) => k.split(',')))
    if (/^sg-/.test(s)) e.sgs.push(x.b.sg({ id: s }).key);
  if (x.raw.includes('--no-private-dns-enabled')) e.privateDns = false;
  else if (x.raw.includes('--private-dns-enabled')) e.privateDns = true;
  x.hit = true;
}
