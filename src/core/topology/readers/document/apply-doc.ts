import { addSrc, type ModelBuilder } from '../../model/builder.js';
import type { NaclEntry, PlaceRef, Source, SymptomKind, Vpc } from '../../model/types.js';
import { ANY_IPV4, parseCidr, parseIp } from '../../net/ipv4.js';
import { isRegion, parseServiceName } from '../../net/regions.js';
import { parseNaclEntry, parseRoute, parseSgRule } from '../compact/parse-items.js';
import type { TopologyDoc } from './topology-schema.js';

type PathKey = (string | number)[];

export interface ApplyContext {
  b: ModelBuilder;
  /** evidence for the item at a document path */
  srcAt(path: PathKey, text: string): Source;
  warn(path: PathKey, message: string): void;
}

const SERVICES = new Set([
  's3',
  'dynamodb',
  'sqs',
  'sns',
  'sts',
  'kms',
  'ssm',
  'ssmmessages',
  'ec2messages',
  'logs',
  'secretsmanager',
  'ecr.api',
  'ecr.dkr',
  'execute-api',
  'monitoring',
  'events',
  'lambda',
]);

/** `10.1.2.3`, `internet`, `s3`, `on-prem`, or a host/subnet/VPC name. */
export function placeOf(raw: string): PlaceRef {
  const t = raw.trim();
  const ipPort = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(t);
  if (ipPort && parseIp(ipPort[1]!) !== undefined) return { kind: 'ip', ip: ipPort[1]!, label: t };
  if (/^(internet|the internet|0\.0\.0\.0\/0)$/i.test(t)) return { kind: 'internet', label: t };
  if (/^(on-?prem(ises)?|office|datacenter)$/i.test(t)) return { kind: 'onprem', label: t };
  const svc = parseServiceName(t);
  if (svc)
    return { kind: 'service', service: svc.service, ...(svc.region ? { region: svc.region } : {}), label: t };
  if (SERVICES.has(t.toLowerCase())) return { kind: 'service', service: t.toLowerCase(), label: t };
  return { kind: 'name', name: t.toLowerCase(), label: t };
}

function ruleText(
  r:
    | string
    | {
        rule: number | '*';
        action: string;
        protocol?: string | number;
        ports?: string | number;
        cidr: string;
      },
): string {
  if (typeof r === 'string') return r;
  return `${r.rule} ${r.action} ${r.protocol ?? 'all'}${r.ports !== undefined ? ` ${r.ports}` : ''} ${r.cidr}`;
}

function sgText(
  r:
    | string
    | {
        protocol?: string | number;
        ports?: string | number;
        from?: string | string[];
        to?: string | string[];
      },
): string {
  if (typeof r === 'string') return r;
  const peers = r.from ?? r.to ?? [];
  return `${r.protocol ?? 'all'}${r.ports !== undefined ? ` ${r.ports}` : ''} ${Array.isArray(peers) ? peers.join(',') : peers}`;
}

function routeText(r: string | { destination: string; target: string; state?: string }): string {
  return typeof r === 'string'
    ? r
    : `${r.destination} -> ${r.target}${r.state === 'blackhole' ? ' blackhole' : ''}`;
}

/** Puts a validated topology document into the model; what a one-line rule cannot say becomes a warning. */
export function applyDoc(doc: TopologyDoc, c: ApplyContext): void {
  const { b } = c;
  const ref = (r: string) =>
    /^[a-z]+-[0-9a-f]{8,17}$/i.test(r) || /^(subnet|rtb|acl|sg|vpc|nat|igw|pcx|vpce|tgw|eni)-/i.test(r)
      ? { id: r }
      : { name: r };
  const vpcByRef = new Map<string, Vpc>();
  (doc.vpcs ?? []).forEach((v, vi) => {
    const at: PathKey = ['vpcs', vi];
    const vpc = b.vpc(
      { ...(v.id ? { id: v.id } : {}), ...(v.name ? { name: v.name } : {}) },
      c.srcAt(at, `VPC ${v.name ?? v.id}`),
    );
    for (const k of [v.id, v.name]) if (k) vpcByRef.set(k.toLowerCase(), vpc);
    for (const cidr of [...(v.cidrs ?? []), ...(v.cidr ? [v.cidr] : [])]) {
      const p = parseCidr(cidr)!;
      if (!vpc.cidrs.some((x) => x.cidr.text === p.text))
        vpc.cidrs.push({ cidr: p, src: c.srcAt([...at, 'cidrs'], `${vpc.name ?? vpc.id} ${p.text}`) });
    }
    if (v.region) {
      if (!isRegion(v.region)) c.warn([...at, 'region'], `"${v.region}" is not a Region name like us-east-1`);
      else vpc.region = v.region;
    }
    if (v.dnsSupport !== undefined) vpc.dnsSupport = v.dnsSupport;
    if (v.dnsHostnames !== undefined) vpc.dnsHostnames = v.dnsHostnames;
    if (v.internetGateway) {
      const g = b.igw(
        ref(v.internetGateway),
        c.srcAt([...at, 'internetGateway'], `${v.internetGateway} attached to ${vpc.name ?? vpc.id}`),
      );
      if (!g.vpcs.includes(vpc.key)) g.vpcs.push(vpc.key);
    }
    (v.routeTables ?? []).forEach((t, ti) => {
      const tat = [...at, 'routeTables', ti];
      const table = b.routeTable(
        { ...(t.id ? { id: t.id } : {}), ...(t.name ? { name: t.name } : {}) },
        c.srcAt(tat, `route table ${t.id ?? t.name}`),
      );
      table.vpc = vpc.key;
      if (t.main !== undefined) table.main = t.main;
      table.complete = true;
      t.routes.forEach((r, ri) => {
        const text = routeText(r);
        const parsed = parseRoute(text, c.srcAt([...tat, 'routes', ri], text));
        if ('error' in parsed) c.warn([...tat, 'routes', ri], parsed.error);
        else table.routes.push(parsed.ok);
      });
      if (!table.routes.some((r) => r.target.kind === 'local')) {
        for (const vc of vpc.cidrs)
          table.routes.push({ cidr: vc.cidr, target: { kind: 'local', id: 'local' }, src: vc.src });
      }
      for (const s of t.subnets ?? []) {
        const sub = b.subnet(ref(s));
        sub.routeTable = table.key;
        sub.vpc ??= vpc.key;
        if (!table.subnets.includes(sub.key)) table.subnets.push(sub.key);
      }
    });
    (v.subnets ?? []).forEach((s, si) => {
      const sat = [...at, 'subnets', si];
      const sub = b.subnet(
        { ...(s.id ? { id: s.id } : {}), ...(s.name ? { name: s.name } : {}) },
        c.srcAt(sat, `subnet ${s.id ?? s.name}${s.cidr ? ` ${s.cidr}` : ''}`),
      );
      sub.vpc = vpc.key;
      if (s.cidr) sub.cidr = parseCidr(s.cidr)!;
      if (s.az) sub.az = s.az;
      if (s.public !== undefined) sub.roleHint = s.public ? 'public' : 'private';
      if (s.routeTable) {
        const t = b.routeTable(ref(s.routeTable));
        sub.routeTable = t.key;
        if (!t.subnets.includes(sub.key)) t.subnets.push(sub.key);
        t.vpc ??= vpc.key;
      }
      if (s.nacl) {
        const n = b.nacl(ref(s.nacl));
        sub.nacl = n.key;
        if (!n.subnets.includes(sub.key)) n.subnets.push(sub.key);
      }
    });
    (v.nacls ?? []).forEach((n, ni) => {
      const nat = [...at, 'nacls', ni];
      const nacl = b.nacl(
        { ...(n.id ? { id: n.id } : {}), ...(n.name ? { name: n.name ?? n.id } : {}) },
        c.srcAt(nat, `NACL ${n.id ?? n.name}`),
      );
      nacl.vpc = vpc.key;
      if (n.default) {
        nacl.isDefault = true;
        // a default NACL as AWS creates it: rule 100 allows everything both ways
        if (!n.inbound && !n.outbound) {
          const src = c.srcAt(nat, 'default NACL: 100 allow all');
          for (const egress of [false, true])
            nacl.entries.push({ number: 100, egress, action: 'allow', protocol: -1, cidr: ANY_IPV4, src });
          nacl.completeIn = true;
          nacl.completeOut = true;
        }
      }
      for (const s of n.subnets ?? []) {
        const sub = b.subnet(ref(s));
        sub.nacl = nacl.key;
        if (!nacl.subnets.includes(sub.key)) nacl.subnets.push(sub.key);
      }
      for (const [dir, list] of [
        ['inbound', n.inbound],
        ['outbound', n.outbound],
      ] as const) {
        if (!list) continue;
        const egress = dir === 'outbound';
        list.forEach((r, ri) => {
          const text = ruleText(r);
          const parsed = parseNaclEntry(text, egress, c.srcAt([...nat, dir, ri], `${dir} ${text}`));
          if ('error' in parsed) c.warn([...nat, dir, ri], parsed.error);
          else nacl.entries.push(parsed.ok as NaclEntry);
        });
        if (egress) nacl.completeOut = true;
        else nacl.completeIn = true;
      }
    });
    (v.securityGroups ?? []).forEach((g, gi) => {
      const gat = [...at, 'securityGroups', gi];
      const sg = b.sg(
        { ...(g.id ? { id: g.id } : {}), ...(g.name ? { name: g.name } : {}) },
        c.srcAt(gat, `SG ${g.id ?? g.name}`),
      );
      sg.vpc = vpc.key;
      for (const [dir, list] of [
        ['inbound', g.inbound],
        ['outbound', g.outbound],
      ] as const) {
        if (!list) continue;
        list.forEach((r, ri) => {
          const text = sgText(r);
          const parsed = parseSgRule(
            text,
            (k) => b.sg(ref(k)).key,
            c.srcAt([...gat, dir, ri], `${sg.id ?? sg.name} ${dir} ${text}`),
          );
          if ('error' in parsed) c.warn([...gat, dir, ri], parsed.error);
          else (dir === 'inbound' ? sg.ingress : sg.egress).push(parsed.ok);
        });
        if (dir === 'inbound') sg.ingressComplete = true;
        else sg.egressComplete = true;
      }
    });
    (v.endpoints ?? []).forEach((e, ei) => {
      const eat = [...at, 'endpoints', ei];
      const svc = parseServiceName(e.service) ?? { service: e.service.toLowerCase() };
      const ep = b.endpoint(
        e.id ? { id: e.id } : { name: `${svc.service} endpoint` },
        c.srcAt(eat, `${e.id ?? ''} ${svc.service} ${e.type} endpoint`.trim()),
      );
      ep.vpc = vpc.key;
      ep.service = svc.service;
      const region = svc.region ?? e.region ?? vpc.region;
      if (region) ep.serviceRegion = region;
      ep.type = /^gateway$/i.test(e.type) ? 'Gateway' : 'Interface';
      for (const t of e.routeTables ?? []) ep.routeTables.push(b.routeTable(ref(t)).key);
      for (const s of e.subnets ?? []) ep.subnets.push(b.subnet(ref(s)).key);
      for (const g of e.securityGroups ?? []) ep.sgs.push(b.sg(ref(g)).key);
      if (e.privateDns !== undefined) ep.privateDns = e.privateDns;
    });
    (v.natGateways ?? []).forEach((n, ni) => {
      const nat = b.nat({ id: n.id }, c.srcAt([...at, 'natGateways', ni], `${n.id} in ${n.subnet}`));
      nat.vpc = vpc.key;
      nat.subnet = b.subnet(ref(n.subnet)).key;
      if (n.state) nat.state = n.state;
      nat.connectivity = n.private ? 'private' : 'public';
    });
    (v.hosts ?? []).forEach((h, hi) => {
      const w = b.workload(
        { ...(h.id ? { id: h.id } : {}), ...(h.name ? { name: h.name } : {}) },
        h.kind,
        c.srcAt([...at, 'hosts', hi], `${h.name ?? h.id}${h.ip ? ` ${h.ip}` : ''}`),
      );
      w.vpc = vpc.key;
      if (h.ip) w.privateIps.push(h.ip);
      if (h.publicIp !== undefined) w.publicIp = h.publicIp;
      if (h.kind === 'lambda') w.publicIp = null;
      for (const s of [...(h.subnet ? [h.subnet] : []), ...(h.subnets ?? [])])
        w.subnets.push(b.subnet(ref(s)).key);
      for (const g of h.securityGroups ?? []) w.sgs.push(b.sg(ref(g)).key);
      if (h.az) w.az = h.az;
    });
  });
  (doc.peerings ?? []).forEach((p, pi) => {
    const at: PathKey = ['peerings', pi];
    const [x, y] = p.between.map((r) => vpcByRef.get(r.toLowerCase()) ?? b.vpc(ref(r)));
    const src = c.srcAt(at, `${p.id ?? 'peering'} ${p.between.join(' <-> ')} ${p.status}`);
    const pcx = b.peering(p.id ? { id: p.id } : { name: p.between.join('-') }, src);
    pcx.requester = x!.key;
    pcx.accepter = y!.key;
    pcx.status = p.status;
    pcx.statusSrc = src;
    if (p.requested && !Number.isNaN(Date.parse(p.requested)))
      pcx.requested = new Date(Date.parse(p.requested));
  });
  (doc.transitGateways ?? []).forEach((g, gi) => {
    (g.attachments ?? []).forEach((a, ai) => {
      const at = ['transitGateways', gi, 'attachments', ai];
      const att = b.tgwAttachment({ id: a.id }, c.srcAt(at, `${a.id} for ${a.vpc}`));
      if (g.id) att.tgw = g.id;
      att.vpc = (vpcByRef.get(a.vpc.toLowerCase()) ?? b.vpc(ref(a.vpc))).key;
      for (const s of a.subnets ?? []) att.subnets.push(b.subnet(ref(s)).key);
      for (const z of a.azs ?? []) att.azs.push(z);
      if (a.routeTable) {
        const t = b.tgwRouteTable({ id: a.routeTable });
        att.routeTable = t.key;
        if (!t.associations.includes(att.key)) t.associations.push(att.key);
      }
    });
    (g.routeTables ?? []).forEach((t, ti) => {
      const at = ['transitGateways', gi, 'routeTables', ti];
      const table = b.tgwRouteTable({ id: t.id }, c.srcAt(at, `TGW route table ${t.id}`));
      table.complete = true;
      t.routes.forEach((r, ri) => {
        const text = routeText(r);
        const m = /^\s*(\S+)\s*(?:->|→|\bvia\b|:)?\s*(\S+)\s*(blackhole)?\s*$/i.exec(text);
        const cidr = m ? parseCidr(m[1]!) : undefined;
        if (!m || !cidr) {
          c.warn(
            [...at, 'routes', ri],
            `"${text}" is not a TGW route: write "<cidr> -> <attachment>" or "<cidr> -> blackhole"`,
          );
          return;
        }
        const black = /blackhole/i.test(m[2]!) || !!m[3];
        const att = black ? undefined : b.tgwAttachment({ id: m[2]! });
        table.routes.push({
          cidr,
          ...(att ? { attachment: att.key } : {}),
          state: black ? 'blackhole' : 'active',
          src: c.srcAt([...at, 'routes', ri], text),
        });
      });
    });
  });
  (doc.hostedZones ?? []).forEach((z, zi) => {
    const zone = b.hostedZone(
      { name: z.name },
      z.name,
      c.srcAt(['hostedZones', zi], `private hosted zone ${z.name}`),
    );
    zone.complete = true;
    for (const v of z.vpcs) zone.vpcs.push((vpcByRef.get(v.toLowerCase()) ?? b.vpc(ref(v))).key);
  });
  const paths = [
    ...(doc.path ? [{ p: doc.path, at: ['path'] as PathKey }] : []),
    ...(doc.paths ?? []).map((p, i) => ({ p, at: ['paths', i] as PathKey })),
  ];
  for (const { p, at } of paths) {
    const src = c.srcAt(at, `path ${p.from} -> ${p.to}${p.port !== undefined ? `:${p.port}` : ''}`);
    b.model.intents.push({
      from: placeOf(p.from),
      to: placeOf(p.to),
      ...(p.port !== undefined ? { port: p.port } : {}),
      protocol: p.protocol === 'udp' ? 17 : p.protocol === 'icmp' ? 1 : 6,
      src,
      origin: 'config',
    });
    const sym: Partial<Record<string, SymptomKind>> = {
      timeout: 'timeout',
      refused: 'refused',
      '403': 'access-denied',
      nxdomain: 'nxdomain',
      'large-transfers-hang': 'large-transfer-hang',
    };
    const k = p.symptom ? sym[p.symptom] : undefined;
    if (k) b.model.symptoms.push({ kind: k, src });
  }
  for (const v of b.all('vpc')) addSrc(v, v.src[0] ?? c.srcAt([], 'topology'));
}
