import type { TextLine } from '../../../analysis-context.js';
import type { ModelBuilder } from '../../model/builder.js';
import type { PlaceRef } from '../../model/types.js';
import { cidrContains } from '../../net/ipv4.js';
import { regionOfAz } from '../../net/regions.js';
import { cidrHasIp } from '../../reason/lookup.js';
import { portMention, regionMentions, serviceMentions } from './mentions.js';
import { fixTypos, normalize } from './normalize.js';
import { readCdk } from './read-cdk.js';
import { readCli } from './read-cli.js';
import { readConsoleTables } from './read-console-tables.js';
import { readDns } from './read-dns.js';
import { readEndpoints, readHcl } from './read-endpoints.js';
import { readNacls, readSecurityGroups } from './read-filters.js';
import { readGateways, readOnprem, readWorkloads } from './read-gateways-workloads.js';
import { readIntents } from './read-intents.js';
import { readPeering } from './read-peering.js';
import { readRoutes } from './read-routes.js';
import { readSgLinks } from './read-sg-links.js';
import { readSymptoms } from './read-symptoms.js';
import { applyTerraform, findTerraformBlocks } from './read-terraform.js';
import { readTgw } from './read-tgw.js';
import { readSubnets, readVpcs } from './read-vpcs-subnets.js';
import { STOP } from './refs.js';
import { type Extractor, makeSentence } from './sentence.js';
import { State } from './state.js';

/** In order: things first (VPCs, subnets…), then what connects them, then what the user saw. */
const EXTRACTORS: readonly Extractor[] = [
  readConsoleTables,
  readCli,
  readVpcs,
  readSubnets,
  readPeering,
  readTgw,
  readGateways,
  readWorkloads,
  readSgLinks,
  readOnprem,
  readRoutes,
  readEndpoints,
  readSecurityGroups,
  readNacls,
  readDns,
  readSymptoms,
];

/** What someone else claims ("someone said \"lambda can't reach the internet\"") is a question, not a symptom. */
function dropReportedSpeech(s: string): string {
  return s.replace(
    /\b(said|thinks?|claims?|told\s+(?:me|us)|reckons?)\s*(?:that\s*)?:?\s*"[^"]*"/gi,
    '$1 (…)',
  );
}

/** Run once every line has been read: they refer to things named anywhere in the text. */
const SECOND_PASS: readonly Extractor[] = [readVpcs, readSubnets, readWorkloads, readIntents];

/**
 * Reads short English as people write it in chat: names or IDs, CIDRs, "peered with", route lines,
 * SG and NACL rules, endpoints, and the symptom. Unknown stays unknown: a sentence that says nothing
 * about a route table leaves its routes unknown, not empty.
 */
export function readEnglish(lines: readonly TextLine[], b: ModelBuilder, now: Date = new Date(0)): void {
  const st = new State();
  const hcl = readHcl(lines, (line) => makeSentence('', '', line, b, st, now));
  for (const l of readCdk(lines, b)) hcl.add(l);
  for (const l of lines) if (hcl.has(l.line)) b.model.readLines.add(l.line);
  // Terraform resources for rules, routes and peerings: read in order with the prose around them
  // ("db subnet nacl rules:" names the NACL the aws_network_acl_rule blocks below it fill)
  const rest = lines.filter((l) => !hcl.has(l.line));
  const blocks = findTerraformBlocks(rest);
  const tf = new Map(blocks.map((k) => [k.headLine, k]));
  for (const k of blocks)
    for (const l of rest.slice(k.start, k.next)) {
      hcl.add(l.line);
      b.model.readLines.add(l.line);
    }
  // each line's text as the passes read it, worked out once
  const cleaned = new Map<TextLine, string>();
  const clean = (l: TextLine) => {
    let s = cleaned.get(l);
    if (s === undefined) {
      s = dropReportedSpeech(fixTypos(normalize(l.text)));
      cleaned.set(l, s);
    }
    return s;
  };
  for (const l of lines) {
    const blk = tf.get(l.line);
    if (blk) {
      applyTerraform(blk, makeSentence(l.text, l.text.trim(), l.line, b, st, now));
      continue;
    }
    if (hcl.has(l.line)) continue;
    const s = clean(l);
    if (!s) continue;
    const x = makeSentence(l.text, s, l.line, b, st, now);
    for (const ex of EXTRACTORS) ex(x);
    st.prevText = s;
    st.prevLine = l.line;
    for (const m of serviceMentions(s))
      if (!b.model.services.some((k) => k.service === m.service))
        b.model.services.push({ service: m.service, src: x.src });
    for (const r of regionMentions(s))
      if (!b.model.regions.some((k) => k.region === r.region))
        b.model.regions.push({ region: r.region, src: x.src });
    if (x.hit) {
      b.model.readLines.add(l.line);
      b.model.readers.add('english');
    }
  }
  // second pass: paths, now that every thing the text names is known ("they can't reach clickhouse in the
  // warehouse vpc" comes before "clickhouse 10.41.6.30" and "warehouse vpc 10.41.0.0/16")
  const st2 = new State();
  st2.region = st.region;
  st2.ports = st.ports;
  for (const l of lines) {
    if (hcl.has(l.line)) continue;
    const s = clean(l);
    if (!s) continue;
    const x = makeSentence(l.text, s, l.line, b, st2, now);
    for (const ex of SECOND_PASS) ex(x);
    if (x.hit) {
      b.model.readLines.add(l.line);
      b.model.readers.add('english');
    }
  }
  finish(b, st);
}

function finish(b: ModelBuilder, st: State): void {
  const m = b.model;
  // a VPC pasted by ID with no CIDR, whose table's local route is the block of a VPC the text named
  for (const t of b.all('rtb')) {
    const v = t.vpc ? m.vpcs.get(b.resolveKey(t.vpc)) : undefined;
    const local = t.routes.find((r) => r.target.kind === 'local' && r.cidr)?.cidr;
    if (!v?.id || v.cidrs.length || !local) continue;
    const named = b.all('vpc').filter((k) => !k.id && k.cidrs.some((c) => c.cidr.text === local.text));
    if (named.length === 1 && named[0]!.name) b.vpc({ id: v.id, name: named[0]!.name });
  }
  // "ci rtb:" above a pasted describe-route-tables (or in the same VPC as the one pasted): one table
  for (const named of b.all('rtb')) {
    if (named.id || named.routes.length || !named.name) continue;
    const at = Math.max(...named.src.flatMap((s) => s.lines), 0);
    const vpc = named.vpc ? b.resolveKey(named.vpc) : undefined;
    const pasted = b
      .all('rtb')
      .filter(
        (t) =>
          t.id &&
          !t.name &&
          (at
            ? t.src.some((s) => s.kind === 'config' && s.lines.some((l) => l > at && l - at <= 2))
            : vpc !== undefined && t.vpc !== undefined && b.resolveKey(t.vpc) === vpc),
      );
    if (pasted.length === 1) b.routeTable({ id: pasted[0]!.id!, name: named.name });
  }
  const vpcs = b.all('vpc');
  const region = st.region ?? m.regions[0]?.region;
  // a table's local route is its VPC's CIDR: place tables (and give VPCs their blocks) from it
  for (const t of b.all('rtb')) {
    const local = t.routes.find((r) => r.target.kind === 'local' && r.cidr);
    if (!local?.cidr) continue;
    const owner =
      (t.vpc ? m.vpcs.get(t.vpc) : undefined) ??
      b.all('vpc').find((v) => v.cidrs.some((c) => c.cidr.text === local.cidr!.text)) ??
      (b.all('vpc').length === 1 && !b.all('vpc')[0]!.cidrs.length ? b.all('vpc')[0] : undefined);
    const vpc = owner ?? b.vpc({ name: `VPC ${local.cidr.text}` });
    t.vpc ??= vpc.key;
    if (!vpc.cidrs.some((c) => c.cidr.text === local.cidr!.text))
      vpc.cidrs.push({ cidr: local.cidr, src: local.src });
  }
  // a lone VPC owns what the text did not place
  if (vpcs.length === 1) {
    const v = vpcs[0]!;
    if (!v.region && region) v.region = region;
    for (const s of b.all('subnet')) s.vpc ??= v.key;
    for (const t of b.all('rtb')) t.vpc ??= v.key;
    for (const n of b.all('nat')) n.vpc ??= v.key;
    for (const e of b.all('vpce')) e.vpc ??= v.key;
    for (const g of b.all('igw')) if (!g.vpcs.length) g.vpcs.push(v.key);
  }
  // a group placed in a Region ("the app SG in us-west-2") is in that Region's one VPC
  for (const g of b.all('sg')) {
    if (g.vpc || !g.region) continue;
    const inRegion = b.all('vpc').filter((v) => v.region === g.region);
    if (inRegion.length === 1) g.vpc = inRegion[0]!.key;
  }
  // "people in the office (10.200.0.0/16)" read as a VPC, when the range is the on-prem one: it is on-prem
  for (const v of b.all('vpc')) {
    // "vpc-a has the vpn to the office (192.168.0.0/16)": the office range is not a block of vpc-a
    if (v.cidrs.length > 1)
      v.cidrs = v.cidrs.filter((c) => !m.onprem.some((o) => o.cidr.text === c.cidr.text));
    if (v.id || !v.cidrs.length) continue;
    if (!v.cidrs.every((c) => m.onprem.some((o) => o.cidr.text === c.cidr.text))) continue;
    if (b.all('subnet').some((s) => s.vpc === v.key) || b.all('rtb').some((t) => t.vpc === v.key)) continue;
    for (const i of m.intents)
      for (const end of ['from', 'to'] as const) {
        const ref = i[end];
        if (ref?.kind === 'entity' && ref.key === v.key)
          i[end] = { kind: 'onprem', ...(ref.label ? { label: ref.label } : {}) };
      }
    m.vpcs.delete(v.key);
  }
  const allVpcs = b.all('vpc');
  if (st.allDefault) for (const v of allVpcs) v.isDefault ??= st.allDefault;
  for (const v of allVpcs) if (!v.region && region && allVpcs.length === 1) v.region = region;
  // AZ from names like public-1a when the Region is known
  for (const s of b.all('subnet')) {
    if (s.az || !s.name) continue;
    const v = s.vpc ? m.vpcs.get(s.vpc) : undefined;
    const r = v?.region ?? region;
    const mm = /(\d)([a-f])$/.exec(s.name);
    if (r && mm && r.endsWith(mm[1]!)) s.az = `${r}${mm[2]}`;
  }
  for (const w of b.all('workload')) if (w.az && !region) st.region = regionOfAz(w.az);
  // "@subject" / "@private": the thing the message is about
  const resolve = (ref: PlaceRef | undefined, other: PlaceRef | undefined): PlaceRef | undefined => {
    if (ref?.kind !== 'name' || !ref.name.startsWith('@')) return ref;
    const otherKey = other?.kind === 'entity' ? other.key : undefined;
    const otherName = other?.kind === 'name' ? other.name.toLowerCase() : undefined;
    const otherIp = other?.kind === 'ip' ? other.ip : undefined;
    const outward = other?.kind === 'internet' || other?.kind === 'service';
    const work = b
      .all('workload')
      .filter(
        (w) =>
          w.key !== otherKey &&
          !(otherName && w.aliases.has(otherName)) &&
          w.kind !== 'rds' &&
          w.kind !== 'elb' &&
          !(otherIp && w.privateIps.includes(otherIp)),
      );
    const privSubnets = b.all('subnet').filter((s) => s.roleHint === 'private');
    if (ref.name === '@private') {
      const w = work.find((k) => k.subnets.some((sk) => privSubnets.some((p) => p.key === sk)));
      if (w) return { kind: 'entity', key: w.key, label: ref.label };
      if (privSubnets[0]) return { kind: 'entity', key: privSubnets[0].key, label: ref.label };
    }
    if (work[0]) return { kind: 'entity', key: work[0].key, label: ref.label };
    const subnets = b.all('subnet');
    // the destination's VPC, to prefer a source elsewhere
    const otherVpc =
      otherIp !== undefined
        ? b.all('vpc').find((v) => v.cidrs.some((c) => cidrHasIp(c.cidr, otherIp)))
        : otherKey
          ? b
              .all('vpc')
              .find(
                (v) =>
                  v.key === otherKey || b.all('workload').some((w) => w.key === otherKey && w.vpc === v.key),
              )
          : undefined;
    const elsewhere = otherVpc
      ? subnets.filter((sn) => sn.cidr && !otherVpc.cidrs.some((c) => cidrContains(c.cidr, sn.cidr!)))
      : [];
    const s =
      (elsewhere.length === 1 ? elsewhere[0] : undefined) ??
      (outward ? privSubnets[0] : undefined) ??
      (subnets.length === 1 ? subnets[0] : undefined) ??
      privSubnets[0];
    if (s) return { kind: 'entity', key: s.key, label: ref.label };
    // several VPCs and nothing smaller: the one the message starts with, if it is not the destination's
    const first = b.all('vpc').find((v) => v !== otherVpc && v.key !== otherKey);
    if (first) return { kind: 'entity', key: first.key, label: ref.label };
    // no place at all but one route table with routes ("the app route table: …"): the source sits behind it
    const tables = b.all('rtb').filter((t) => t.routes.length);
    if (tables.length === 1 && !subnets.length) {
      const t = tables[0]!;
      const sn = b.subnet({ name: `subnet of ${ref.label ?? t.name ?? t.id ?? 'the source'}` });
      sn.routeTable = t.key;
      if (t.vpc) sn.vpc = t.vpc;
      t.subnets.push(sn.key);
      return { kind: 'entity', key: sn.key, label: ref.label };
    }
    return ref;
  };
  // failing health checks with a load balancer and targets named, but no path said: LB -> target
  const lb = b.all('workload').find((w) => w.kind === 'elb');
  const sick = m.symptoms.find((s) => s.kind === 'unhealthy');
  if (lb && sick && !m.intents.some((i) => i.from?.kind === 'entity' && i.from.key === lb.key)) {
    const target = b
      .all('workload')
      .find(
        (w) => w !== lb && (w.kind === 'ec2' || w.kind === 'ecs' || w.kind === 'eks' || w.kind === 'other'),
      );
    const port = portMention(sick.src.text) ?? st.ports[0] ?? target?.port;
    if (target)
      m.intents.push({
        from: { kind: 'entity', key: lb.key, label: lb.name ?? 'the load balancer' },
        to: { kind: 'entity', key: target.key },
        ...(port ? { port } : {}),
        protocol: 6,
        src: sick.src,
        origin: 'text',
      });
  }
  // "the new invoice-worker ecs service" is the "worker" the text gave groups to
  for (const i of m.intents) {
    if (i.from?.kind !== 'name' || i.from.name.startsWith('@')) continue;
    const tokens = (i.from.label ?? i.from.name)
      .toLowerCase()
      .split(/[\s`'"]+/)
      .filter((t) => t && !STOP.has(t));
    const hits = b
      .all('workload')
      .filter((w) =>
        [...w.aliases].some((a) =>
          tokens.some((t) => t === a || t.split('-').includes(a) || t.endsWith(`-${a}`)),
        ),
      );
    if (hits.length === 1)
      i.from = { kind: 'entity', key: hits[0]!.key, ...(i.from.label ? { label: i.from.label } : {}) };
  }
  const known = (ref: PlaceRef | undefined): boolean => {
    if (ref?.kind !== 'name' || ref.name.startsWith('@')) return true;
    const n = ref.name.toLowerCase();
    return (
      ref.within !== undefined ||
      b.all('workload').some((w) => w.aliases.has(n)) ||
      b.all('subnet').some((s) => s.aliases.has(n)) ||
      b.all('vpc').some((v) => v.aliases.has(n))
    );
  };
  // "sg-redis" on the redis box, "app-sg" for app: a group named after a workload that shows none
  const bare = (n: string) => n.toLowerCase().replace(/^sg[-_ ]+|[-_ ]+sg$/g, '');
  const DB_WORDS = new Set(['db', 'rds', 'database', 'postgres', 'mysql', 'aurora']);
  // a group Terraform labels "app" (aws_security_group.app) is the app's, as "sg-app" or "app-sg" would be
  const tfLabelled = (g: { src: { text: string }[] }) => g.src.some((s) => s.text.startsWith('resource "'));
  const sgNamed = (name: string, kind?: string) =>
    b.all('sg').filter(
      (g) =>
        (tfLabelled(g) && g.aliases.has(name)) ||
        [g.name, g.id].some((n) => {
          if (!n || !/^sg[-_ ]|[-_ ]sg$/i.test(n)) return false;
          const s = bare(n);
          return (
            s === name ||
            (s.length >= 2 && (name.endsWith(`-${s}`) || name.startsWith(`${s}-`))) ||
            (kind === 'rds' && DB_WORDS.has(s))
          );
        }),
    );
  // "the db" lives in "db subnets"
  for (const w of b.all('workload')) {
    if (w.subnets.length || w.vpc || !w.name) continue;
    const n = w.name.toLowerCase();
    const named = new RegExp(`^${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[- ]subnets?$`, 'i');
    const s = b.all('subnet').filter((k) => k.name && named.test(k.name));
    if (s.length === 1) w.subnets.push(s[0]!.key);
  }
  for (const w of b.all('workload')) {
    if (w.sgs.length) continue;
    const gs = [...new Set([...w.aliases].flatMap((a) => sgNamed(a.toLowerCase(), w.kind)))];
    if (gs.length === 1) w.sgs.push(gs[0]!.key);
  }
  for (const i of m.intents) {
    // "app -> redis" with an sg-app: app is the hosts that carry it (either end)
    for (const end of ['from', 'to'] as const) {
      const ref = i[end];
      if (ref?.kind !== 'name' || ref.name.startsWith('@') || known(ref)) continue;
      const gs = sgNamed(ref.name.toLowerCase());
      if (gs.length !== 1) continue;
      const w = b.workload({ name: ref.name }, 'ec2');
      if (!w.sgs.includes(gs[0]!.key)) w.sgs.push(gs[0]!.key);
      if (ref.within) w.vpc ??= ref.within;
      i[end] = { kind: 'entity', key: w.key, ...(ref.label ? { label: ref.label } : {}) };
    }
    // "the database 10.2.3.4" with a db the text gave groups but no address: that is its address
    for (const end of ['from', 'to'] as const) {
      const ref = i[end];
      if (ref?.kind !== 'ip' || !ref.label || b.all('workload').some((w) => w.privateIps.includes(ref.ip)))
        continue;
      const words = ref.label
        .toLowerCase()
        .split(/[\s,()]+/)
        .filter(Boolean);
      const dbWord = words.some((w) => DB_WORDS.has(w));
      const cands = b
        .all('workload')
        .filter(
          (w) =>
            w.privateIps.length === 0 &&
            w.kind !== 'lambda' &&
            ([...w.aliases].some((a) => words.includes(a)) || (dbWord && w.kind === 'rds')),
        );
      if (cands.length === 1) cands[0]!.privateIps.push(ref.ip);
    }
  }
  // "users on the internet can't load https://shop.example.com": the site is the one server the text shows
  const servers = b.all('workload').filter((w) => w.kind !== 'lambda' && w.kind !== 'elb');
  for (const i of m.intents)
    if (i.from?.kind === 'internet' && i.to?.kind === 'internet' && servers.length === 1)
      i.to = { kind: 'entity', key: servers[0]!.key, ...(i.to.label ? { label: i.to.label } : {}) };
  for (const i of m.intents) {
    // a source the text names but never describes: the network the message is about
    if (i.from && !known(i.from))
      i.from = {
        kind: 'name',
        name: '@subject',
        ...(i.from.kind === 'name' && i.from.label ? { label: i.from.label } : {}),
      };
    const from = resolve(i.from, i.to);
    if (from) i.from = from;
    const to = resolve(i.to, i.from);
    if (to) i.to = to;
  }
}
