import { addSrc } from '../../model/builder.js';
import { describeNaclEntry, describeSgRule } from '../../model/describe-rule.js';
import type { NaclEntry, RouteTargetKind, SecurityGroup, SgPeer, SgRule, Source } from '../../model/types.js';
import { parseCidr } from '../../net/ipv4.js';
import { parsePortRange, parseProtocol } from '../../net/protocol.js';
import { isRegion } from '../../net/regions.js';
import { regionMentions } from './mentions.js';
import { normalize } from './normalize.js';
import type { Sentence } from './sentence.js';

/** The resources people paste from their Terraform when a rule, a route or a peering is in question. */
const TYPES = [
  'aws_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
  'aws_network_acl_rule',
  'aws_network_acl',
  'aws_route',
  'aws_vpc_peering_connection',
  'aws_nat_gateway',
] as const;
type TfType = (typeof TYPES)[number];

interface Attr {
  value: string;
  line: number;
  /** a trailing `# …` comment: people note there what an ID is ("# app sg in us-east-1") */
  comment?: string;
}

/** One `resource "type" "label" { … }` block: its top-level attributes and its nested blocks. */
export interface TfBlock {
  type: TfType;
  label: string;
  /** index of the head line and of the line after the block, in the lines given */
  start: number;
  next: number;
  headLine: number;
  attrs: Map<string, Attr>;
  nested: { type: string; attrs: Map<string, Attr>; line: number }[];
}

const HEAD = new RegExp(`^\\s*resource\\s+"(${TYPES.join('|')})"\\s+"([\\w-]+)"\\s*\\{\\s*$`);

/** Finds the Terraform resource blocks among the lines (a block ends where its braces balance). */
export function findTerraformBlocks(lines: readonly { line: number; text: string }[]): TfBlock[] {
  const out: TfBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = HEAD.exec(lines[i]!.text);
    if (!head) continue;
    const attrs = new Map<string, Attr>();
    const nested: TfBlock['nested'] = [];
    let depth = 1;
    let j = i + 1;
    for (; j < lines.length && depth > 0; j++) {
      const raw = lines[j]!.text;
      const comment = /\s(?:#|\/\/)\s*(.*)$/.exec(raw)?.[1];
      const t = raw.replace(/\s+#.*$|\s+\/\/.*$/, '');
      const open = /^\s*([a-z_]+)\s*\{\s*$/.exec(t);
      if (open && depth === 1) {
        nested.push({ type: open[1]!, attrs: new Map(), line: lines[j]!.line });
        depth++;
        continue;
      }
      const a = /^\s*([a-z_0-9]+)\s*=\s*(.+?)\s*$/.exec(t);
      const attr = a ? { value: a[2]!, line: lines[j]!.line, ...(comment ? { comment } : {}) } : undefined;
      if (a && attr && depth === 1) attrs.set(a[1]!, attr);
      else if (a && attr && depth === 2 && nested.length) nested[nested.length - 1]!.attrs.set(a[1]!, attr);
      depth += (t.match(/\{/g) ?? []).length - (t.match(/\}/g) ?? []).length;
    }
    out.push({
      type: head[1] as TfType,
      label: head[2]!,
      start: i,
      next: j,
      headLine: lines[i]!.line,
      attrs,
      nested,
    });
    i = j - 1;
  }
  return out;
}

/** A value as given: `"sg-0abc"` → id, `aws_security_group.alb.id` → the resource labelled `alb`. */
interface TfRef {
  id?: string;
  name?: string;
}

function refOf(value: string | undefined): TfRef | undefined {
  if (!value) return undefined;
  const q = /^"([^"]+)"$/.exec(value.trim());
  if (q) return /^[a-z]+(?:-[a-z]+)?-[0-9a-f]{8,17}$/.test(q[1]!) ? { id: q[1]! } : { name: q[1]! };
  const r = /^(?:data\.)?aws_[a-z_]+\.([\w-]+)(?:\[[^\]]*\])?\.(?:id|arn)$/.exec(value.trim());
  if (r) return { name: r[1]!.replace(/_/g, '-') };
  return undefined;
}

function refsOf(value: string | undefined): TfRef[] {
  if (!value) return [];
  const inner = /^\[(.*)\]$/.exec(value.trim())?.[1] ?? value;
  return inner
    .split(',')
    .map((p) => refOf(p.trim()))
    .filter((r): r is TfRef => r !== undefined);
}

const str = (attrs: Map<string, Attr>, k: string) =>
  /^"([^"]*)"$/.exec(attrs.get(k)?.value.trim() ?? '')?.[1];
const bare = (attrs: Map<string, Attr>, k: string) =>
  (attrs.get(k)?.value.trim() ?? '').replace(/^"([^"]*)"$/, '$1') || undefined;
const strs = (attrs: Map<string, Attr>, k: string) =>
  [...(attrs.get(k)?.value ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]!);

function blockSrc(blk: TfBlock, lines: number[] = []): Source {
  const all = [blk.headLine, ...lines].filter((l, i, a) => a.indexOf(l) === i);
  return { kind: 'config', lines: all.slice(0, 12), text: `resource "${blk.type}" "${blk.label}"` };
}

function portsOf(protocol: number, attrs: Map<string, Attr>): { from: number; to: number } | undefined {
  if (protocol !== 6 && protocol !== 17) return undefined;
  const from = Number(bare(attrs, 'from_port'));
  const to = Number(bare(attrs, 'to_port') ?? from);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return undefined;
  if (from === 0 && (to === 0 || to === 65535)) return undefined;
  return parsePortRange(`${from}-${to}`) ?? { from, to };
}

function sgFor(x: Sentence, ref: TfRef | undefined, fallback?: SecurityGroup): SecurityGroup {
  if (ref?.id) return x.b.sg({ id: ref.id });
  if (ref?.name) return x.b.find('sg', ref.name) ?? fallback ?? x.b.sg({ name: ref.name });
  return fallback ?? x.b.sg({ name: 'the security group' });
}

function sgRule(x: Sentence, attrs: Map<string, Attr>, src: Source, proto: string): SgRule {
  const protocol = parseProtocol(bare(attrs, proto) ?? '-1') ?? -1;
  const ports = portsOf(protocol, attrs);
  const peers: SgPeer[] = [];
  for (const c of [...strs(attrs, 'cidr_blocks'), ...strs(attrs, 'cidr_ipv4')]) {
    const cidr = parseCidr(c);
    if (cidr) peers.push({ kind: 'cidr', cidr });
  }
  for (const k of ['security_groups', 'source_security_group_id', 'referenced_security_group_id']) {
    const region = regionMentions(normalize(attrs.get(k)?.comment ?? ''))[0]?.region;
    for (const r of refsOf(attrs.get(k)?.value)) {
      const g = sgFor(x, r);
      if (region) g.region ??= region;
      peers.push({ kind: 'sg', group: g.key });
    }
  }
  for (const p of [...strs(attrs, 'prefix_list_ids'), ...strs(attrs, 'prefix_list_id')])
    if (p.startsWith('pl-')) peers.push({ kind: 'pl', id: p });
  if (bare(attrs, 'self') === 'true') peers.push({ kind: 'sg', group: '@self' });
  return { protocol, ...(ports ? { ports } : {}), peers, src };
}

function addSgRule(x: Sentence, g: SecurityGroup, egress: boolean, r: SgRule): void {
  for (const p of r.peers) if (p.kind === 'sg' && p.group === '@self') p.group = g.key;
  r.src.text = `${g.id ?? g.name ?? 'SG'} ${egress ? 'outbound' : 'inbound'} ${describeSgRule(r, (k) => x.b.find('sg', k)?.id ?? k)}`;
  (egress ? g.egress : g.ingress).push(r);
}

/** `aws_security_group` with inline `ingress`/`egress` blocks (they are the whole set for that direction). */
function readSecurityGroup(blk: TfBlock, x: Sentence): void {
  const name = str(blk.attrs, 'name') ?? blk.label.replace(/_/g, '-');
  // "the db sg:" just before the block is the group the block defines
  const recent =
    x.st.lastSg?.src.some((s) => s.lines.some((l) => blk.headLine - l <= 2 && l < blk.headLine)) ||
    /\b(?:sg|security\s+groups?)\b/i.test(x.st.prevText ?? '');
  const g =
    x.b.find('sg', name) ??
    x.b.find('sg', blk.label) ??
    (recent && x.st.lastSg && !x.st.lastSg.ingress.length && !x.st.lastSg.egress.length
      ? x.st.lastSg
      : undefined) ??
    x.b.sg({ name }, blockSrc(blk));
  for (const a of [name, blk.label, blk.label.replace(/_/g, '-')]) g.aliases.add(a.toLowerCase());
  addSrc(g, blockSrc(blk));
  const vpc = refOf(blk.attrs.get('vpc_id')?.value);
  if (vpc) g.vpc = x.b.vpc(vpc).key;
  const dirs = { ingress: false, egress: false };
  for (const n of blk.nested) {
    if (n.type !== 'ingress' && n.type !== 'egress') continue;
    const src = blockSrc(blk, [n.line, ...[...n.attrs.values()].map((a) => a.line)]);
    addSgRule(x, g, n.type === 'egress', sgRule(x, n.attrs, src, 'protocol'));
    dirs[n.type] = true;
  }
  if (dirs.ingress) g.ingressComplete = true;
  if (dirs.egress) g.egressComplete = true;
  x.st.lastSg = g;
}

/** `aws_security_group_rule` and the newer `aws_vpc_security_group_{ingress,egress}_rule`: one rule each. */
function readSgRule(blk: TfBlock, x: Sentence): void {
  const g = sgFor(x, refOf(blk.attrs.get('security_group_id')?.value), x.st.lastSg);
  const egress =
    blk.type === 'aws_vpc_security_group_egress_rule' ||
    (blk.type === 'aws_security_group_rule' && str(blk.attrs, 'type') === 'egress');
  const src = blockSrc(
    blk,
    [...blk.attrs.values()].map((a) => a.line),
  );
  addSgRule(
    x,
    g,
    egress,
    sgRule(x, blk.attrs, src, blk.type === 'aws_security_group_rule' ? 'protocol' : 'ip_protocol'),
  );
  addSrc(g, src);
}

/** `aws_network_acl_rule`: one numbered entry; the rules pasted for a direction are taken as its whole list. */
function readNaclRule(blk: TfBlock, x: Sentence): void {
  const ref = refOf(blk.attrs.get('network_acl_id')?.value);
  const n =
    (ref?.id ? x.b.nacl({ id: ref.id }) : undefined) ??
    (ref?.name ? x.b.find('acl', ref.name) : undefined) ??
    x.st.lastNacl ??
    x.b.nacl(ref?.name ? { name: ref.name } : { name: 'the NACL' });
  if (ref?.name) n.aliases.add(ref.name.toLowerCase());
  const entry = naclEntry(
    blk.attrs,
    blockSrc(
      blk,
      [...blk.attrs.values()].map((a) => a.line),
    ),
  );
  if (!entry) return;
  if (!n.entries.some((e) => e.egress === entry.egress && e.number === entry.number)) n.entries.push(entry);
  if (entry.egress) n.completeOut = true;
  else n.completeIn = true;
  addSrc(n, entry.src);
  x.st.lastNacl = n;
}

/** `aws_network_acl` with inline `ingress`/`egress` blocks. */
function readNacl(blk: TfBlock, x: Sentence): void {
  const n = x.b.find('acl', blk.label) ?? x.st.lastNacl ?? x.b.nacl({ name: blk.label.replace(/_/g, '-') });
  n.aliases.add(blk.label.toLowerCase());
  for (const nb of blk.nested) {
    if (nb.type !== 'ingress' && nb.type !== 'egress') continue;
    const attrs = new Map(nb.attrs);
    attrs.set('egress', { value: String(nb.type === 'egress'), line: nb.line });
    if (!attrs.has('rule_number') && attrs.has('rule_no')) attrs.set('rule_number', attrs.get('rule_no')!);
    if (!attrs.has('rule_action') && attrs.has('action')) attrs.set('rule_action', attrs.get('action')!);
    const entry = naclEntry(attrs, blockSrc(blk, [nb.line, ...[...nb.attrs.values()].map((a) => a.line)]));
    if (!entry) continue;
    n.entries.push(entry);
    if (entry.egress) n.completeOut = true;
    else n.completeIn = true;
  }
  addSrc(n, blockSrc(blk));
  x.st.lastNacl = n;
}

function naclEntry(attrs: Map<string, Attr>, src: Source): NaclEntry | undefined {
  const number = Number(bare(attrs, 'rule_number'));
  const cidr = parseCidr(str(attrs, 'cidr_block') ?? '');
  const action = bare(attrs, 'rule_action')?.toLowerCase();
  if (!Number.isInteger(number) || !cidr || (action !== 'allow' && action !== 'deny')) return undefined;
  const egress = bare(attrs, 'egress') === 'true';
  const protocol = parseProtocol(bare(attrs, 'protocol') ?? '-1') ?? -1;
  const ports = portsOf(protocol, attrs);
  const icmpType = Number(bare(attrs, 'icmp_type') ?? Number.NaN);
  const icmpCode = Number(bare(attrs, 'icmp_code') ?? -1);
  const icmp =
    protocol === 1 && Number.isInteger(icmpType)
      ? { type: icmpType, code: Number.isInteger(icmpCode) ? icmpCode : -1 }
      : undefined;
  src.text = describeNaclEntry({ number, egress, action, protocol, ports, cidr, ...(icmp ? { icmp } : {}) });
  return {
    number,
    egress,
    action,
    protocol,
    ...(ports ? { ports } : {}),
    ...(icmp ? { icmp } : {}),
    cidr,
    src,
  };
}

const TARGETS: [string, RouteTargetKind][] = [
  ['nat_gateway_id', 'nat'],
  ['transit_gateway_id', 'tgw'],
  ['vpc_peering_connection_id', 'pcx'],
  ['vpc_endpoint_id', 'vpce'],
  ['network_interface_id', 'eni'],
  ['egress_only_gateway_id', 'eigw'],
  ['gateway_id', 'igw'],
];

/** `aws_route`: one route of a table (the table's other routes stay unknown). */
function readRoute(blk: TfBlock, x: Sentence): void {
  const ref = refOf(blk.attrs.get('route_table_id')?.value);
  // "routes for the app route table, from our tf:" just above: the table the blocks are routes of
  const last = x.st.lastTable;
  const recent =
    last &&
    !last.id &&
    !last.routes.length &&
    /\b(?:route\s+table|rtb|rt|routes)\b/i.test(x.st.prevText ?? '');
  const t =
    (ref?.id && recent && !x.b.find('rtb', ref.id)
      ? x.b.routeTable({ id: ref.id, ...(last.name ? { name: last.name } : {}) })
      : undefined) ??
    (ref?.id ? x.b.routeTable({ id: ref.id }) : undefined) ??
    (ref?.name ? x.b.find('rtb', ref.name) : undefined) ??
    x.st.lastTable ??
    x.b.routeTable({ name: ref?.name ?? 'the route table' });
  if (ref?.name) t.aliases.add(ref.name.toLowerCase());
  const cidr = parseCidr(str(blk.attrs, 'destination_cidr_block') ?? '');
  const pl = str(blk.attrs, 'destination_prefix_list_id');
  if (!cidr && !pl) return;
  let target: { kind: RouteTargetKind; id?: string } = { kind: 'unknown' };
  for (const [k, kind] of TARGETS) {
    const r = refOf(blk.attrs.get(k)?.value);
    if (!r) continue;
    const id = r.id;
    const real: RouteTargetKind =
      kind === 'igw' && id?.startsWith('vgw-') ? 'vgw' : kind === 'igw' && id === 'local' ? 'local' : kind;
    target = { kind: real, ...(id ? { id } : {}) };
    break;
  }
  const src = blockSrc(
    blk,
    [...blk.attrs.values()].map((a) => a.line),
  );
  t.routes.push({ ...(cidr ? { cidr } : {}), ...(pl ? { prefixList: pl } : {}), target, src });
  addSrc(t, src);
  x.st.lastTable = t;
}

/** `aws_vpc_peering_connection`: the two VPCs (by ID or resource name) and, with auto_accept, an active peering. */
function readPeeringConnection(blk: TfBlock, x: Sentence): void {
  const a = refOf(blk.attrs.get('vpc_id')?.value);
  const b = refOf(blk.attrs.get('peer_vpc_id')?.value);
  if (!a || !b) return;
  const src = blockSrc(
    blk,
    [...blk.attrs.values()].map((l) => l.line),
  );
  const va = x.b.vpc(a);
  const vb = x.b.vpc(b);
  const p = x.b.peering({ name: blk.label.replace(/_/g, '-') }, src);
  p.requester = va.key;
  p.accepter = vb.key;
  const region = str(blk.attrs, 'peer_region');
  if (region && isRegion(region)) p.accepterRegion = region;
  if (bare(blk.attrs, 'auto_accept') === 'true') {
    p.status = 'active';
    p.statusSrc = src;
  }
}

/** `aws_nat_gateway`: the subnet it sits in. */
function readNatGateway(blk: TfBlock, x: Sentence): void {
  const src = blockSrc(
    blk,
    [...blk.attrs.values()].map((l) => l.line),
  );
  const n = x.b.nat({ name: blk.label.replace(/_/g, '-') }, src);
  n.aliases.add(`aws_nat_gateway.${blk.label}`.toLowerCase());
  const s = refOf(blk.attrs.get('subnet_id')?.value);
  if (s) {
    const sub = x.b.subnet(s);
    n.subnet = sub.key;
    if (s.name && /private/i.test(s.name)) sub.roleHint ??= 'private';
    if (s.name && /public/i.test(s.name)) sub.roleHint ??= 'public';
  }
  if (str(blk.attrs, 'connectivity_type') === 'private') n.connectivity = 'private';
}

/** Reads one block into the model, with the sentence state of the prose around it. */
export function applyTerraform(blk: TfBlock, x: Sentence): void {
  switch (blk.type) {
    case 'aws_security_group':
      readSecurityGroup(blk, x);
      break;
    case 'aws_security_group_rule':
    case 'aws_vpc_security_group_ingress_rule':
    case 'aws_vpc_security_group_egress_rule':
      readSgRule(blk, x);
      break;
    case 'aws_network_acl_rule':
      readNaclRule(blk, x);
      break;
    case 'aws_network_acl':
      readNacl(blk, x);
      break;
    case 'aws_route':
      readRoute(blk, x);
      break;
    case 'aws_vpc_peering_connection':
      readPeeringConnection(blk, x);
      break;
    case 'aws_nat_gateway':
      readNatGateway(blk, x);
      break;
  }
  x.b.model.readers.add('document');
  x.hit = true;
}
