import type { TextLine } from '../../../analysis-context.js';
import type { InputWarning } from '../../../report/schema.js';
import type { ModelBuilder } from '../../model/builder.js';
import type { Source } from '../../model/types.js';
import { cidrContains, parseCidr } from '../../net/ipv4.js';
import { isRegion } from '../../net/regions.js';
import { kindOfId } from '../../net/resource-ids.js';
import { applyDoc } from '../document/apply-doc.js';
import { pathText } from '../document/read-topology-document.js';
import { validateDoc } from '../document/validate-doc.js';
import {
  type CompactLine,
  isAz,
  isCidr,
  isIp,
  isName,
  isService,
  list,
  onOff,
  splitCompact,
} from './compact-line.js';

type Obj = Record<string, unknown>;
type PathKey = (string | number)[];

/** What one line says, as a piece of the topology document; a string is why it is not the notation. */
type Piece =
  | { vpc: Obj }
  | { inVpc: string | undefined; cidr?: string; list: string; item: Obj }
  | { top: 'peerings' | 'hostedZones' | 'paths'; item: Obj }
  | { tgw: string | undefined; list: 'attachments' | 'routeTables'; item: Obj };

const set = (o: Obj, k: string, v: unknown) => {
  if (v !== undefined && !(Array.isArray(v) && v.length === 0)) o[k] = v;
};

/** The id and name from the first one or two words: `app-a`, `subnet-0a…`, `app-a subnet-0a…` */
function idName(words: string[], kind: string | undefined, o: Obj): boolean {
  const w = words.shift();
  if (!w || !isName(w)) return false;
  if (kind && kindOfId(w) === kind) o.id = w;
  else o.name = w;
  if (o.name && words[0] && kind && kindOfId(words[0]) === kind) o.id = words.shift();
  return true;
}

function piece(c: CompactLine): Piece | string {
  const w = [...c.words];
  const o: Obj = {};
  const vpc = c.opts.get('vpc');
  switch (c.keyword) {
    case 'vpc': {
      if (!idName(w, 'vpc', o)) return 'a VPC needs a name or vpc-… ID';
      const cidrs: string[] = [];
      for (const x of w) {
        if (isCidr(x)) cidrs.push(...x.split(','));
        else if (isRegion(x)) o.region = x;
        else if (!o.id && kindOfId(x) === 'vpc') o.id = x;
        else return `"${x}" is not a CIDR block or a Region`;
      }
      set(o, 'cidrs', cidrs);
      set(o, 'region', c.opts.get('region') ?? o.region);
      set(o, 'dnsSupport', onOff(c.opts.get('dns-support') ?? c.opts.get('dns')));
      set(o, 'dnsHostnames', onOff(c.opts.get('dns-hostnames') ?? c.opts.get('dns')));
      set(o, 'internetGateway', c.opts.get('igw'));
      if (!cidrs.length && !c.marked) return 'a VPC line needs a CIDR block';
      return { vpc: o };
    }
    case 'subnet': {
      if (!idName(w, 'subnet', o)) return 'a subnet needs a name or subnet-… ID';
      for (const x of w) {
        if (isCidr(x) && !o.cidr) o.cidr = x;
        else if (isAz(x)) o.az = x;
        else return `"${x}" is not a CIDR block or an Availability Zone`;
      }
      set(o, 'cidr', c.opts.get('cidr') ?? o.cidr);
      set(o, 'az', c.opts.get('az') ?? o.az);
      set(o, 'routeTable', c.opts.get('rt'));
      set(o, 'nacl', c.opts.get('nacl'));
      if (c.flags.has('public')) o.public = true;
      if (c.flags.has('private')) o.public = false;
      return { inVpc: vpc, ...(o.cidr ? { cidr: o.cidr as string } : {}), list: 'subnets', item: o };
    }
    case 'rt': {
      if (!idName(w, 'rtb', o) || w.length)
        return 'write "rt <name or rtb-…> vpc=… routes: <cidr> -> <target>; …"';
      if (c.flags.has('main')) o.main = true;
      set(o, 'subnets', list(c.opts.get('subnets')));
      const routes = c.sections.get('routes');
      if (!routes) return 'a route table line needs "routes:"';
      o.routes = routes;
      return { inVpc: vpc, list: 'routeTables', item: o };
    }
    case 'nacl': {
      if (!idName(w, 'acl', o) || w.length)
        return 'write "nacl <name or acl-…> vpc=… subnets=… in: <n> allow|deny <proto> [ports] <cidr>; … out: …"';
      if (c.flags.has('default')) o.default = true;
      set(o, 'subnets', list(c.opts.get('subnets')));
      set(o, 'inbound', c.sections.get('in'));
      set(o, 'outbound', c.sections.get('out'));
      if (!o.inbound && !o.outbound && !o.default) return 'a NACL line needs "in:" or "out:" entries';
      return { inVpc: vpc, list: 'nacls', item: o };
    }
    case 'sg': {
      if (!idName(w, 'sg', o) || w.length)
        return 'write "sg <name or sg-…> vpc=… in: <proto> [ports] <source>; … out: …"';
      set(o, 'inbound', c.sections.get('in'));
      set(o, 'outbound', c.sections.get('out'));
      if (!o.inbound && !o.outbound) return 'a security group line needs "in:" or "out:" rules';
      return { inVpc: vpc, list: 'securityGroups', item: o };
    }
    case 'pcx': {
      if (w[0] && kindOfId(w[0]) === 'pcx') o.id = w.shift();
      const arrow = w.indexOf('<->');
      if (arrow !== 1 || w.length !== 3)
        return 'write "pcx <pcx-…> <vpc> <-> <vpc> [active|pending-acceptance|…]"';
      o.between = [w[0], w[2]];
      const status = [...c.flags][0] ?? c.opts.get('status');
      set(o, 'status', status);
      set(o, 'requested', c.opts.get('requested'));
      return { top: 'peerings', item: o };
    }
    case 'vpce': {
      if (w[0] && kindOfId(w[0]) === 'vpce') o.id = w.shift();
      const svc = c.opts.get('service') ?? w.shift();
      if (!svc || !isService(svc) || w.length)
        return 'write "vpce [vpce-…] <service> gateway|interface vpc=…"';
      o.service = svc;
      const type = c.flags.has('gateway')
        ? 'gateway'
        : c.flags.has('interface')
          ? 'interface'
          : c.opts.get('type');
      if (!type) return 'say whether the endpoint is gateway or interface';
      o.type = type;
      set(o, 'routeTables', list(c.opts.get('rts') ?? c.opts.get('route-tables')));
      set(o, 'subnets', list(c.opts.get('subnets')));
      set(o, 'securityGroups', list(c.opts.get('sgs')));
      set(o, 'privateDns', onOff(c.opts.get('private-dns')));
      set(o, 'region', c.opts.get('region'));
      return { inVpc: vpc, list: 'endpoints', item: o };
    }
    case 'nat': {
      const id = w.shift();
      if (!id || kindOfId(id) !== 'nat' || w.length) return 'write "nat <nat-…> subnet=…"';
      const subnet = c.opts.get('subnet');
      if (!subnet) return 'say which subnet the NAT gateway is in (subnet=…)';
      Object.assign(o, { id, subnet });
      set(o, 'state', c.opts.get('state'));
      if (c.flags.has('private')) o.private = true;
      return { inVpc: vpc, list: 'natGateways', item: o };
    }
    case 'igw': {
      const id = w.shift();
      if (!id || kindOfId(id) !== 'igw' || w.length || !vpc) return 'write "igw <igw-…> vpc=…"';
      return { vpc: { ...(kindOfId(vpc) === 'vpc' ? { id: vpc } : { name: vpc }), internetGateway: id } };
    }
    case 'host':
    case 'lambda': {
      if (!idName(w, 'instance', o)) return 'a host needs a name or i-… ID';
      for (const x of w) {
        if (isIp(x) && !o.ip) o.ip = x;
        else return `"${x}" is not an IP address`;
      }
      set(o, 'ip', c.opts.get('ip') ?? o.ip);
      if (c.keyword === 'lambda') o.kind = 'lambda';
      else set(o, 'kind', c.opts.get('kind') ?? (/^rds\b/i.test(c.words[0] ?? '') ? 'rds' : undefined));
      set(o, 'subnet', c.opts.get('subnet'));
      set(o, 'subnets', list(c.opts.get('subnets')));
      set(o, 'securityGroups', list(c.opts.get('sgs')));
      set(o, 'az', c.opts.get('az'));
      const pub = c.opts.get('public-ip');
      if (pub !== undefined) o.publicIp = /^(none|no|false|-)$/i.test(pub) ? null : pub;
      return { inVpc: vpc, ...(o.ip ? { cidr: `${o.ip}/32` } : {}), list: 'hosts', item: o };
    }
    case 'tgw-attach': {
      const id = w.shift();
      if (!id || kindOfId(id) !== 'tgw-attach' || w.length || !vpc)
        return 'write "tgw-attach <tgw-attach-…> vpc=… subnets=… azs=… rt=<tgw-rtb-…>"';
      Object.assign(o, { id, vpc });
      set(o, 'subnets', list(c.opts.get('subnets')));
      set(o, 'azs', list(c.opts.get('azs')));
      set(o, 'routeTable', c.opts.get('rt'));
      return { tgw: c.opts.get('tgw'), list: 'attachments', item: o };
    }
    case 'tgw-rt': {
      const id = w.shift();
      const routes = c.sections.get('routes');
      if (!id || kindOfId(id) !== 'tgw-rtb' || w.length || !routes)
        return 'write "tgw-rt <tgw-rtb-…> routes: <cidr> -> <tgw-attach-…>; …"';
      return { tgw: c.opts.get('tgw'), list: 'routeTables', item: { id, routes } };
    }
    case 'phz': {
      const name = w.shift();
      const vpcs = list(c.opts.get('vpcs'));
      if (!name || !/\./.test(name) || w.length || !vpcs.length) return 'write "phz <zone name> vpcs=a,b"';
      return { top: 'hostedZones', item: { name, vpcs } };
    }
    case 'path': {
      const arrow = w.indexOf('->');
      if (arrow !== 1 || w.length !== 3)
        return 'write "path <from> -> <to>[:port[/udp]] [tcp|udp|icmp] [timeout|refused|403|nxdomain|large-transfers-hang]"';
      let to = w[2]!;
      // `10.0.20.10:514`, `collector:514/udp`
      const port = /^(.*):(\d{1,5})(?:\/(tcp|udp))?$/i.exec(to);
      if (port) to = port[1]!;
      o.from = w[0];
      o.to = to;
      const p = c.opts.get('port') ?? port?.[2];
      if (p !== undefined) o.port = Number(p);
      const proto =
        ['tcp', 'udp', 'icmp'].find((x) => c.flags.has(x)) ??
        c.opts.get('protocol') ??
        port?.[3]?.toLowerCase();
      set(o, 'protocol', proto);
      const sym =
        ['timeout', 'refused', '403', 'nxdomain', 'large-transfers-hang'].find((x) => c.flags.has(x)) ??
        c.opts.get('symptom');
      set(o, 'symptom', sym);
      return { top: 'paths', item: o };
    }
  }
}

/**
 * Reads the compact notation (see the README): lines such as `subnet app-a 10.0.1.0/24 vpc=app rt=rt-app`
 * or `sg sg-db vpc=data in: tcp 5432 10.0.0.0/16`. A line is read as notation only when all of it
 * parses, and only when the text uses the notation's own syntax (an option or a section) somewhere;
 * everything else is left to the English reader.
 */
export function readCompact(
  lines: readonly TextLine[],
  b: ModelBuilder,
): { used: Set<number>; warnings: InputWarning[] } {
  const used = new Set<number>();
  const warnings: InputWarning[] = [];
  const parsed: { line: TextLine; c: CompactLine; p: Piece }[] = [];
  for (const l of lines) {
    const c = splitCompact(l.text);
    if (!c) continue;
    const p = piece(c);
    if (typeof p === 'string') {
      if (c.marked)
        warnings.push({
          code: 'compact-line',
          line: l.line,
          message: `line ${l.line}: ${p}; read as prose instead`,
        });
      continue;
    }
    parsed.push({ line: l, c, p });
  }
  if (!parsed.some((x) => x.c.marked)) return { used, warnings };

  // assemble the topology document, remembering which line each part came from
  const doc: { vpcs: Obj[]; peerings: Obj[]; transitGateways: Obj[]; hostedZones: Obj[]; paths: Obj[] } = {
    vpcs: [],
    peerings: [],
    transitGateways: [],
    hostedZones: [],
    paths: [],
  };
  const lineOf = new Map<string, number>();
  const mark = (path: PathKey, line: number) => lineOf.set(path.join('.'), line);
  const vpcIndex = (ref: string, line: number): number => {
    const r = ref.toLowerCase();
    let i = doc.vpcs.findIndex(
      (v) => String(v.id ?? '').toLowerCase() === r || String(v.name ?? '').toLowerCase() === r,
    );
    if (i < 0) {
      doc.vpcs.push(kindOfId(ref) === 'vpc' ? { id: ref } : { name: ref });
      i = doc.vpcs.length - 1;
      mark(['vpcs', i], line);
    }
    return i;
  };
  for (const { p, line } of parsed) {
    if (!('vpc' in p)) continue;
    const ref = String(p.vpc.id ?? p.vpc.name);
    const i = vpcIndex(ref, line.line);
    const v = doc.vpcs[i]!;
    for (const [k, x] of Object.entries(p.vpc)) {
      if (k === 'cidrs') v.cidrs = [...((v.cidrs as string[]) ?? []), ...(x as string[])];
      else v[k] = x;
    }
    mark(['vpcs', i], line.line);
    used.add(line.line);
  }
  // the VPC of a line that does not say: from its CIDR, or from what it names or what names it
  // (`subnet app-a rt=rt-app` puts rt-app where app-a is)
  const placed = new Map<string, number>();
  const keysOf = (o: Obj) =>
    [o.id, o.name].filter((k): k is string => typeof k === 'string').map((k) => k.toLowerCase());
  const refsOf = (o: Obj) =>
    [o.routeTable, o.nacl, o.subnet, o.subnets, o.securityGroups, o.routeTables]
      .flat()
      .filter((k): k is string => typeof k === 'string')
      .map((k) => k.toLowerCase());
  const pending = parsed.filter((x) => 'inVpc' in x.p);
  const vpcFor = (
    p: Extract<Piece, { inVpc: unknown }>,
    line: number,
    guess: boolean,
  ): number | undefined => {
    if (p.inVpc) return vpcIndex(p.inVpc, line);
    const cidr = p.cidr ? parseCidr(p.cidr) : undefined;
    if (cidr) {
      const holders = doc.vpcs
        .map((v, k) => ({
          k,
          inside: ((v.cidrs as string[]) ?? []).some((x) => {
            const o = parseCidr(x);
            return o !== undefined && cidrContains(o, cidr);
          }),
        }))
        .filter((x) => x.inside);
      if (holders.length === 1) return holders[0]!.k;
    }
    for (const r of refsOf(p.item)) if (placed.has(r)) return placed.get(r);
    for (const q of pending)
      if ('inVpc' in q.p && refsOf(q.p.item).some((r) => keysOf(p.item).includes(r))) {
        const k = keysOf(q.p.item)
          .map((x) => placed.get(x))
          .find((x) => x !== undefined);
        if (k !== undefined) return k;
      }
    return guess && doc.vpcs.length === 1 ? 0 : undefined;
  };
  const order: typeof pending = [];
  const placedAt = new Map<Piece, number>();
  for (let progress = true, guess = false; order.length < pending.length; ) {
    progress = false;
    for (const x of pending) {
      if (order.includes(x) || !('inVpc' in x.p)) continue;
      const k = vpcFor(x.p, x.line.line, guess);
      if (k === undefined) continue;
      for (const key of keysOf(x.p.item)) placed.set(key, k);
      placedAt.set(x.p, k);
      order.push(x);
      progress = true;
    }
    if (!progress && guess) break;
    guess = !progress;
  }
  for (const { p, line } of pending) {
    if (!('inVpc' in p)) continue;
    const i = placedAt.get(p);
    if (i === undefined) {
      warnings.push({
        code: 'compact-line',
        line: line.line,
        message: `line ${line.line}: say which VPC this is in (vpc=…); not read`,
      });
      used.add(line.line);
      continue;
    }
    const v = doc.vpcs[i]!;
    const arr = ((v[p.list] as Obj[] | undefined) ?? []) as Obj[];
    v[p.list] = arr;
    arr.push(p.item);
    mark(['vpcs', i, p.list, arr.length - 1], line.line);
    used.add(line.line);
  }
  for (const { p, line } of parsed) {
    if ('top' in p) {
      doc[p.top].push(p.item);
      mark([p.top, doc[p.top].length - 1], line.line);
      used.add(line.line);
    } else if ('tgw' in p) {
      let gi = doc.transitGateways.findIndex((g) => (g.id ?? undefined) === p.tgw);
      if (gi < 0) {
        doc.transitGateways.push(p.tgw ? { id: p.tgw } : {});
        gi = doc.transitGateways.length - 1;
      }
      const g = doc.transitGateways[gi]!;
      const arr = ((g[p.list] as Obj[] | undefined) ?? []) as Obj[];
      g[p.list] = arr;
      arr.push(p.item);
      mark(['transitGateways', gi, p.list, arr.length - 1], line.line);
      used.add(line.line);
    }
  }

  const first = [...used][0] ?? lines[0]?.line ?? 1;
  const lineAt = (path: PathKey): number => {
    for (let n = path.length; n > 0; n--) {
      const l = lineOf.get(path.slice(0, n).join('.'));
      if (l !== undefined) return l;
    }
    return first;
  };
  const textOf = new Map(lines.map((l) => [l.line, l.text.trim()]));
  const warn = (path: PathKey, message: string) => {
    const line = lineAt(path);
    warnings.push({
      code: 'compact-line',
      line,
      message: `line ${line}: ${message} (${pathText(path).replace(/^topology\./, '')})`,
    });
  };
  const plain = Object.fromEntries(Object.entries(doc).filter(([, v]) => v.length > 0));
  const valid = validateDoc(plain, warn);
  if (!valid) return { used: new Set(), warnings };
  const srcAt = (path: PathKey, text: string): Source => {
    const line = lineAt(path);
    return { kind: 'config', lines: [line], text: textOf.get(line) ?? text };
  };
  applyDoc(valid, { b, srcAt, warn });
  b.model.readers.add('compact');
  for (const l of used) b.model.readLines.add(l);
  return { used, warnings };
}
