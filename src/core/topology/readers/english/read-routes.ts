import { addSrc } from '../../model/builder.js';
import type { Route, RouteTable, RouteTargetKind, Vpc } from '../../model/types.js';
import { parseCidr } from '../../net/ipv4.js';
import { kindOfId } from '../../net/resource-ids.js';
import { TARGET_KIND } from '../compact/parse-items.js';
import { clean, isNameToken, vpcByPrefix, vpcIn } from './refs.js';
import { type Extractor, makeSentence, type Sentence } from './sentence.js';

const DEST = String.raw`(\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}|0\/0|pl-[\w-]+|(?:the\s+)?default(?:\s+route)?)`;
const SEP = String.raw`\s*(?:->|=>|:|=|\bvia\b|\bto\b|\bat\b|\binto\b|\bpoints?\s+(?:to|at)\b|\bpointing\s+(?:to|at)\b|\bpointed\s+(?:to|at)\b|\btargets?\b|\bgoes\s+(?:to|via|through|out)\b|\bthrough\b|\bout\s+(?:the|to)\b|\bis\b)\s*(?:the\s+|an?\s+|our\s+|its\s+)?`;
const TARGET = String.raw`(local|igw-[\w-]+|nat-[\w-]+|pcx-[\w-]+|tgw-(?!attach|rtb)[\w-]+|vpce-[\w-]+|eni-[\w-]+|i-[0-9a-f]{8,17}|vgw-[\w-]+|eigw-[\w-]+|igw\b|internet\s+gateway|nat(?:\s+gateway|\s+gw|gw)?\b|(?:[\w-]+\s+)?peering(?:\s+connection)?|pcx\b|tgw\b|transit\s+gateway|vgw\b|vpn(?:\s+gateway)?|blackhole|nat\s+instance|firewall)`;
const ROUTE = new RegExp(`${DEST}${SEP}${TARGET}`, 'gi');
const LOCAL = /(\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2})\s+(?:is\s+|->\s*|:\s*)?local\b/gi;
const TABLE_PHRASE =
  /\b(?:(main)\s+(?:route\s+table|rtb|rt)\b|route\s+table\s+(?!is\b|has\b|for\b|of\b|in\b|on\b|with\b|looks\b|shows\b)([A-Za-z0-9][\w-]*)|([A-Za-z0-9][\w-]*)(?:'s)?\s+(?:route\s+table|rtb|rt)\b|\brtb\s+([A-Za-z0-9][\w-]*))/i;
const NO_ROUTE =
  /\b(?:no|without|missing(?:\s+the)?|lacks?(?:\s+a)?|doesn't\s+have\s+(?:a|any)|does\s+not\s+have\s+(?:a|any)|there'?s\s+no|nothing\s+for|isn't\s+a|not\s+a)\s+(?:return\s+)?(?:route|routes|entry)?\s*(?:back\s+)?(?:to|for|toward|towards)?\s*([\w./-]+(?:\s+vpc)?)?/gi;

/** Targets named by what they are ("the nat gateway"), not by ID. */
const GENERIC_TARGETS: [RegExp, RouteTargetKind][] = [
  [/^(igw|internet gateway)$/, 'igw'],
  [/^(nat|nat gateway|nat gw|natgw)$/, 'nat'],
  [/^nat instance$/, 'instance'],
  [/^(peering|peering connection|pcx)$/, 'pcx'],
  [/^(tgw|transit gateway)$/, 'tgw'],
  [/^(vgw|vpn|vpn gateway)$/, 'vgw'],
  [/^firewall$/, 'vpce'],
];

function targetOf(x: Sentence, raw: string, vpc?: Vpc): { kind: RouteTargetKind; id?: string } {
  const t = raw.toLowerCase().replace(/\s+/g, ' ');
  if (t === 'local') return { kind: 'local', id: 'local' };
  if (t === 'blackhole') return { kind: 'unknown' };
  const k = kindOfId(raw);
  const kind = k ? TARGET_KIND[k] : undefined;
  if (kind && /-[0-9a-z]/i.test(raw)) return { kind, id: raw };
  // "the dev-shared peering": the peering of those VPCs, or of that name
  const qual = /^([\w-]+)\s+peering(?:\s+connection)?$/.exec(t)?.[1];
  if (qual && !/^(?:the|a|vpc|our|that|this|same)$/.test(qual)) {
    const words = qual.split(/[-_]/);
    const hit = x.b.all('pcx').filter((p) => {
      if (p.aliases.has(qual)) return true;
      const names = [p.requester, p.accepter].map((k) => x.b.all('vpc').find((v) => v.key === k));
      return names.every((v) => v && words.some((w) => v.aliases.has(w) || v.name?.toLowerCase() === w));
    });
    if (hit.length === 1) return { kind: 'pcx', ...(hit[0]!.id ? { id: hit[0]!.id } : { id: hit[0]!.key }) };
  }
  const unqualified = t.replace(/^[\w-]+\s+(?=peering)/, '');
  for (const [re, kind] of GENERIC_TARGETS) {
    if (!re.test(unqualified)) continue;
    // the one such thing the input knows of, in this VPC if it can tell
    const id = knownId(x, kind, vpc);
    return { kind, ...(id ? { id } : {}) };
  }
  return { kind: 'unknown', id: raw };
}

function knownId(x: Sentence, kind: RouteTargetKind, vpc?: Vpc): string | undefined {
  const pick = <T extends { id?: string; vpc?: string; vpcs?: string[] }>(all: T[]): string | undefined => {
    const inVpc = vpc
      ? all.filter((e) => e.vpc === vpc.key || e.vpcs?.includes(vpc.key) || (!e.vpc && !e.vpcs?.length))
      : all;
    return inVpc.length === 1 ? inVpc[0]!.id : undefined;
  };
  if (kind === 'igw') return pick(x.b.all('igw'));
  if (kind === 'nat') return pick(x.b.all('nat'));
  if (kind === 'pcx') return pick(x.b.all('pcx'));
  if (kind === 'tgw')
    return x.b
      .all('tgw-attach')
      .map((a) => a.tgw)
      .find(Boolean);
  return undefined;
}

/** The VPC a sentence's routes belong to: "on the shared side", "app side", "in VPC B". */
function sideVpc(x: Sentence): Vpc | undefined {
  const side =
    /\b(?:on\s+the\s+|in\s+the\s+|the\s+)?([A-Za-z0-9][\w-]*)(?:'s)?\s+side\b/i.exec(x.s)?.[1] ??
    /\bin\s+(?:vpc\s+)?([A-Z])\b(?!\w)/.exec(x.s)?.[1];
  if (side && isNameToken(side)) {
    const exact = x.b.find('vpc', side);
    if (exact) return exact;
    const pre = x.b.all('vpc').find((v) => [...v.aliases].some((a) => a.startsWith(side.toLowerCase())));
    if (pre) return pre;
  }
  return undefined;
}

/**
 * The route table a sentence talks about; null when the pasted config already shows that side's tables.
 * `create`: the sentence lists routes, so a table it names may be made; otherwise only found.
 */
/** The main route table of the VPC the sentence is about (made when the input has not shown it). */
function mainTableOf(x: Sentence): RouteTable {
  const vpc = sideVpc(x) ?? x.st.lastVpc;
  const main = x.b.all('rtb').find((t) => t.main && (!vpc || t.vpc === vpc.key));
  if (main) return main;
  const t = x.b.routeTable({ name: `main route table${vpc ? ` of ${vpc.name ?? vpc.id}` : ''}` });
  t.main = true;
  if (vpc) t.vpc = vpc.key;
  return t;
}

function tableIn(x: Sentence, routesAt: number, create = true): RouteTable | undefined | null {
  const ids = x.ids.filter((i) => i.kind === 'rtb');
  const before = ids.filter((i) => i.index <= routesAt);
  // "added 10.1.0.0/16 -> pcx-… to the main route table, but the subnets use rtb-…": the main table
  const mainAfter =
    !before.length &&
    /^[^,;]*?\b(?:to|in|on|into)\s+(?:the\s+)?main\s+(?:route\s+table|rtb|rt)\b/i.test(x.s.slice(routesAt));
  if (mainAfter) return mainTableOf(x);
  const id = (before[before.length - 1] ?? ids[0])?.id;
  if (id) {
    const t = x.b.routeTable({ id });
    // "the main route table (rtb-0a1c…)"
    const idx = x.s.indexOf(id);
    if (/\bmain\s+(?:route\s+table|rtb|rt)\s*\(?\s*$/i.test(x.s.slice(0, idx))) t.main = true;
    // "reporting rtb-private": the VPC named just before the table
    const qual = /([\w-]+)\s+$/.exec(x.s.slice(0, idx))?.[1];
    const owner = qual ? (x.b.find('vpc', qual) ?? vpcByPrefix(x, qual)) : undefined;
    if (owner && !t.vpc) t.vpc = owner.key;
    return t;
  }
  // "k8s node subnets rtb: …": a table named by several words at the start of the line
  const lead = /^\s*(?:-\s+)?((?:[\w-]+\s+){1,3}[\w-]+)\s+(?:route\s+table|rtb|rt)\s*:/i.exec(x.s);
  if (lead && !/\bmain\b/i.test(lead[1]!) && lead[1]!.split(/\s+/).some((w) => !isNameToken(w))) {
    const words = lead[1]!.split(/\s+/);
    const owner = words.map((w) => x.b.find('vpc', w) ?? vpcByPrefix(x, w)).find(Boolean);
    const t = x.b.find('rtb', lead[1]!) ?? x.b.routeTable({ name: lead[1]!.toLowerCase() });
    if (owner && !t.vpc) t.vpc = owner.key;
    return t;
  }
  const p = TABLE_PHRASE.exec(x.s);
  if (p) {
    if (p[1]) return mainTableOf(x);
    const name = clean(p[2] ?? p[3] ?? p[4] ?? '');
    // "a's rtb": a VPC known by a short name ("vpc-a" answers to "a") names its table too
    if (
      isNameToken(name) ||
      /^(private|public)$/i.test(name) ||
      ((name as string).length <= 2 && x.b.find('vpc', name as string))
    ) {
      // "the dev private rtb": a VPC name just before the table's name
      const esc = name.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');
      const qual = new RegExp(`\\b([\\w-]+)\\s+${esc}\\s+(?:route\\s+table|rtb|rt)\\b`, 'i').exec(x.s)?.[1];
      const qualVpc = qual ? (x.b.find('vpc', qual) ?? vpcByPrefix(x, qual)) : undefined;
      const vpc = sideVpc(x) ?? qualVpc;
      const full = vpc && /^(private|public)$/i.test(name) ? `${vpc.name ?? vpc.id} ${name}` : name;
      const t = x.b.find('rtb', full) ?? x.b.routeTable({ name: full });
      const owner = vpc ?? x.b.find('vpc', name);
      if (owner && !t.vpc) t.vpc = owner.key;
      return t;
    }
  }
  // "that subnet's route table", "the subnet's rt"
  const subnetTable = /\bsubnet'?s\s+(?:route\s+table|rtb|rt)\b/i.test(x.s) && x.st.lastSubnet?.routeTable;
  if (subnetTable) return x.b.all('rtb').find((t) => t.key === subnetTable);
  // the VPC the sentence is about: "on the shared side", or the first VPC it names before the routes
  const named = x.b
    .all('vpc')
    .filter(
      (v) => v.src.some((s) => s.lines.includes(x.line)) || v.cidrs.some((c) => c.src.lines.includes(x.line)),
    );
  const vpc =
    sideVpc(x) ??
    // the VPC named last before the routes ("… the logging vpc … dev vpc rtb has 10.0.0.0/8 -> tgw")
    named
      .map((v) => ({
        v,
        at: Math.max(...[v.name, v.id].map((n) => (n ? lastWordAt(x.s.slice(0, routesAt), n) : -1))),
      }))
      .filter((k) => k.at >= 0)
      .sort((a, b) => b.at - a.at)[0]?.v ??
    (named.length === 1 ? named[0] : undefined);
  if (vpc) {
    const cfg = x.b.all('rtb').filter((t) => t.vpc === vpc.key && t.src.some((s) => s.kind === 'config'));
    if (cfg.length) return null; // the pasted config says what the tables hold
    const mine = x.b.all('rtb').filter((t) => t.vpc === vpc.key);
    if (mine.length === 1) return mine[0];
    if (!create) return undefined;
    return Object.assign(x.b.routeTable({ name: `${vpc.name ?? vpc.id} route table` }), { vpc: vpc.key });
  }
  if (x.st.listingTable) return x.st.listingTable;
  return undefined;
}

function pushRoute(t: RouteTable, r: Route): void {
  const same = t.routes.find((o) => (o.cidr?.text ?? o.prefixList) === (r.cidr?.text ?? r.prefixList));
  if (same) {
    if (r.target.id && !same.target.id) same.target = r.target;
    if (r.state) same.state = r.state;
    return;
  }
  t.routes.push(r);
}

/** Route lines: "10.2.0.0/16 -> pcx-…", "0.0.0.0/0 via nat-…", "pl-… → vpce-…", "10.0.0.0/16 local". */
export const readRoutes: Extractor = (x) => {
  if (consoleTable(x)) return;
  if (perSubnetSegments(x)) return;
  const found: { index: number; route: Route }[] = [];
  // "priv-a -> rtb-0c4d…, priv-b -> rtb-0d5e…; both have …": each subnet and its table
  const pairs: RouteTable[] = [];
  for (const m of x.s.matchAll(/\b([A-Za-z][\w-]*)\s*(?:->|→|=>|\buses\b|\bis\s+on\b|:)\s*(rtb-[\w-]+)/gi)) {
    // a known subnet, or a subnet-like name ("app-a") that names nothing else
    const s =
      x.b.find('subnet', m[1]!) ??
      (/^[a-z][a-z0-9]*-[a-z0-9-]+$/i.test(m[1]!) &&
      !/^(?:vpc|rtb|sg|acl|nat|igw|pcx|vpce|tgw|eni|subnet)-/i.test(m[1]!) &&
      !x.b.find('vpc', m[1]!) &&
      !x.b.find('workload', m[1]!)
        ? x.b.subnet({ name: m[1]! }, x.src)
        : undefined);
    if (!s) continue;
    const t = x.b.routeTable({ id: m[2]! });
    if (s.routeTable !== t.key) {
      const old = s.routeTable ? x.b.all('rtb').find((k) => k.key === s.routeTable) : undefined;
      if (old) old.subnets = old.subnets.filter((k) => k !== s.key);
      s.routeTable = t.key;
    }
    if (!t.subnets.includes(s.key)) t.subnets.push(s.key);
    if (!t.vpc && s.vpc) t.vpc = s.vpc;
    addSrc(t, x.src);
    pairs.push(t);
    x.hit = true;
  }
  for (const m of x.s.matchAll(ROUTE)) {
    const destRaw = m[1]!.toLowerCase();
    const cidr =
      destRaw === '0/0' || destRaw.includes('default') ? parseCidr('0.0.0.0/0') : parseCidr(destRaw);
    const pl = destRaw.startsWith('pl-') ? m[1] : undefined;
    if (!cidr && !pl) continue;
    // "allows 443 from 10.0.0.0/16" is not a route; neither is "10.0.1.5 to 10.0.2.9"
    const pre = x.s.slice(Math.max(0, (m.index ?? 0) - 12), m.index).toLowerCase();
    if (/\b(from|allows?|allow|deny|source|src)\s*$/.test(pre)) continue;
    // "warehouse vpc 10.41.0.0/16 via pcx-…" describes a VPC and its peering, not a route
    if (/\bvpc\s*\(?\s*$|<->\s*$/.test(pre) && /<->|\bpeer/i.test(x.s)) continue;
    const tRaw = m[2]!;
    const tail = x.s.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 30);
    const blackhole =
      /^\s*\(?\s*(?:is\s+|state\s*:?\s*|status\s*:?\s*)?blackhole/i.test(tail) || /^blackhole$/i.test(tRaw);
    found.push({
      index: m.index ?? 0,
      route: {
        ...(cidr ? { cidr } : {}),
        ...(pl ? { prefixList: pl } : {}),
        target: targetOf(x, tRaw, x.st.lastVpc),
        ...(blackhole
          ? { state: 'blackhole' as const }
          : /^\s*\(?\s*active/i.test(tail)
            ? { state: 'active' as const }
            : {}),
        src: { ...x.src },
      },
    });
  }
  for (const m of x.s.matchAll(LOCAL)) {
    const cidr = parseCidr(m[1]!);
    if (cidr && !found.some((f) => f.route.cidr?.text === cidr.text))
      found.push({
        index: m.index ?? 0,
        route: { cidr, target: { kind: 'local', id: 'local' }, src: { ...x.src } },
      });
  }
  // a table header on its own line: "rtb-private:" / "route table rtb-0abc (main):"
  const header =
    /^(?:route\s+table\s+)?(rtb-[\w-]+|[\w-]+\s+route\s+table|main\s+route\s+table)\s*(?:\((main)\))?\s*:?\s*$/i.exec(
      x.s,
    );
  if (header && found.length === 0) {
    const t = tableIn(x, x.s.length) ?? undefined;
    if (t) {
      if (header[2]) t.main = true;
      x.st.listingTable = t;
      x.st.lastTable = t;
      addSrc(t, x.src);
      x.hit = true;
    }
    return;
  }
  const ti = found.length ? tableIn(x, found[0]!.index) : tableIn(x, x.s.length, false);
  if (ti === null) return;
  const t = ti ?? (found.length ? (subnetTableBefore(x, found[0]!.index) ?? x.st.lastTable) : undefined);
  // "rtb-ops-db (db subnets): …": the subnets that use it
  const users = /\brtb-[\w-]+\s*\(\s*(?:the\s+)?([A-Za-z][\w-]*)\s+subnets?\b/i.exec(x.s)?.[1];
  if (t && users && isNameToken(users)) {
    const s = x.b.find('subnet', `${users} subnets`) ?? x.b.subnet({ name: `${users} subnets` });
    s.routeTable ??= t.key;
    if (!t.subnets.includes(s.key)) t.subnets.push(s.key);
    if (t.vpc) s.vpc ??= t.vpc;
  }
  if (found.length === 0) {
    if (!t) x.st.listingTable = undefined;
    if (t) {
      associate(x, t);
      x.st.lastTable = t;
    }
    const says = /\broute|\brtb\b|\brt\b|\broute\s*table/i.test(x.s);
    if (ONLY_LOCAL.test(x.s)) {
      const subnetHead = subnetTableBefore(x, x.s.search(ONLY_LOCAL));
      if (onlyLocal(x, t ?? subnetHead ?? (says ? fallbackTable(x) : undefined))) return;
    }
    noRoutes(x, t ?? (says && NO_ROUTE_WORD.test(x.s) ? fallbackTable(x) : undefined));
    return;
  }
  // "… in the public subnet, the private subnets 0.0.0.0/0 -> nat": the subnets named just before the routes
  const roleBefore = [
    ...x.s
      .slice(Math.max(0, found[0]!.index - 40), found[0]!.index)
      .matchAll(/\b(private|public)\s+subnets?\b/gi),
  ]
    .pop()?.[1]
    ?.toLowerCase() as 'private' | 'public' | undefined;
  if (!t && roleBefore && x.st.lastSubnet?.roleHint !== roleBefore) {
    const cands = x.b.all('subnet').filter((k) => k.roleHint === roleBefore);
    const s = cands[0] ?? x.b.subnet({ name: `${roleBefore} subnet` });
    s.roleHint ??= roleBefore;
    x.st.lastSubnet = s;
  }
  const table =
    t ??
    (x.st.lastVpc && !x.st.lastSubnet
      ? Object.assign(x.b.routeTable({ name: `${x.st.lastVpc.name ?? x.st.lastVpc.id} route table` }), {
          vpc: x.st.lastVpc.key,
        })
      : undefined) ??
    x.b.routeTable({
      name: x.st.lastSubnet
        ? `route table of ${x.st.lastSubnet.name ?? x.st.lastSubnet.id}`
        : 'the route table',
    });
  if (!t && x.st.lastSubnet && !x.st.lastSubnet.routeTable) {
    x.st.lastSubnet.routeTable = table.key;
    if (!table.subnets.includes(x.st.lastSubnet.key)) table.subnets.push(x.st.lastSubnet.key);
  }
  // "both have …": the routes are in every table the line paired with a subnet
  const targets =
    pairs.length >= 2 && /\b(?:both|all|each|every)\b/i.test(x.s) ? [...new Set(pairs)] : [table];
  for (const tt of targets) {
    addSrc(tt, x.src);
    for (const f of found) pushRoute(tt, f.route);
    if (
      found.some((f) => f.route.target.kind === 'local') ||
      /\b(only|just)\b/i.test(x.s) ||
      (found.length >= 2 && /:/.test(x.s))
    )
      tt.complete = true;
  }
  if (/\s(main)\b|\(main\)/i.test(x.s) && /\bmain\b/i.test(x.s.slice(0, found[0]!.index))) table.main = true;
  if (!pairs.length) associate(x, table);
  x.st.lastTable = table;
  x.hit = true;
  noRoutes(x, table);
};

const NO_ROUTE_WORD = /\b(?:no|without|missing|lacks?|doesn't\s+have|nothing\s+for)\b[^.;]{0,30}\broutes?\b/i;
const ONLY_LOCAL =
  /\b(?:only|just)\s+(?:has\s+|have\s+|got\s+)?(?:the\s+|a\s+)?local(?:\s+route)?\b|\b(?:has|have|with)\s+(?:only|just)\s+(?:the\s+|a\s+)?local\b|\bnothing\s+but\s+(?:the\s+)?local\b|\blocal\s+(?:route\s+)?only\b|\blocal\b[^.;]{0,25}\bnothing\s+else\b|\b(?:only|just)\s+(?:the\s+)?(?:default\s+)?local\s+route\b/i;

/**
 * "its route table just has the local route (10.40.0.0/16)", "only local", "nothing but local": the
 * table holds the local route and nothing else. With the block said, that is the whole table; without
 * it, at least there is no default route.
 */
function onlyLocal(x: Sentence, t: RouteTable | undefined): boolean {
  if (!t || !ONLY_LOCAL.test(x.s)) return false;
  const c =
    /\blocal(?:\s+route)?\s*\(?\s*(\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2})/i.exec(x.s)?.[1] ??
    /(\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2})\s*\)?\s*(?:->\s*|is\s+|:\s*)?local\b/i.exec(x.s)?.[1];
  const cidr = c ? parseCidr(c) : undefined;
  if (cidr) {
    pushRoute(t, { cidr, target: { kind: 'local', id: 'local' }, src: { ...x.src } });
    t.complete = true;
  } else {
    const any = parseCidr('0.0.0.0/0')!;
    if (!t.noRouteFor?.some((k) => k.text === any.text)) t.noRouteFor = [...(t.noRouteFor ?? []), any];
  }
  addSrc(t, x.src);
  x.st.lastTable = t;
  x.hit = true;
  return true;
}

/** The table a sentence means when it names none: the one talked about, or the subnet's being talked about. */
function fallbackTable(x: Sentence): RouteTable {
  if (x.st.lastTable) return x.st.lastTable;
  const s = x.st.lastSubnet;
  if (s) {
    const own = s.routeTable ? x.b.all('rtb').find((k) => k.key === s.routeTable) : undefined;
    if (own) return own;
    const t = x.b.routeTable({ name: `route table of ${s.name ?? s.id}` });
    s.routeTable = t.key;
    if (!t.subnets.includes(s.key)) t.subnets.push(s.key);
    if (s.vpc) t.vpc ??= s.vpc;
    return t;
  }
  const v = x.st.lastVpc;
  if (v) return Object.assign(x.b.routeTable({ name: `${v.name ?? v.id} route table` }), { vpc: v.key });
  return x.b.routeTable({ name: 'the route table' });
}

const SEGMENT_HEAD =
  /(?:^|[,;]\s*|\.\s+)((?:[a-z0-9]+-)*(?:priv|private|pub|public|app|db|data|web|isolated|protected|subnet)(?:-[a-z0-9]+)*|subnet-[0-9a-f]{8,17})\s*(?:\([^)]*\)\s*)?:\s+/gi;

/**
 * "priv-a: 0.0.0.0/0 -> nat-…, priv-b: just local": one line, a table per subnet. Each "<subnet>: …"
 * part is read on its own, so its routes go to that subnet's table.
 */
function perSubnetSegments(x: Sentence): boolean {
  if (x.st.inSegment || /\baws\s+[a-z0-9]+\s+[a-z-]+/.test(x.s)) return false;
  const heads = [...x.s.matchAll(SEGMENT_HEAD)];
  if (heads.length < 2) return false;
  x.st.inSegment = true;
  try {
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i]!;
      const start = (h.index ?? 0) + h[0].length - h[0].trimStart().length;
      const end = i + 1 < heads.length ? (heads[i + 1]!.index ?? x.s.length) : x.s.length;
      const text = x.s.slice(start, end).replace(/^[,;.\s]+/, '');
      const name = h[1]!;
      if (!x.b.find('subnet', name)) x.b.subnet(/^subnet-/i.test(name) ? { id: name } : { name }, x.src);
      const sub = makeSentence(x.raw, text, x.line, x.b, x.st, x.now);
      sub.src = x.src;
      readRoutes(sub);
      if (sub.hit) x.hit = true;
    }
  } finally {
    x.st.inSegment = false;
  }
  return true;
}

/**
 * "the other private subnets (private-app) … they have 0.0.0.0/0 -> nat-…": routes after a subnet the
 * line names are that subnet's table, not the table talked about before.
 */
function subnetTableBefore(x: Sentence, at: number): RouteTable | undefined {
  const head = x.s.slice(0, at).toLowerCase();
  const named = x.b
    .all('subnet')
    .filter((s) => [s.id, s.name].some((n) => n && n.length >= 3 && lastWordAt(head, n) >= 0));
  if (named.length !== 1) return undefined;
  const s = named[0]!;
  const own = s.routeTable ? x.b.all('rtb').find((k) => k.key === s.routeTable) : undefined;
  if (own) return own;
  const t = x.b.routeTable({ name: `route table of ${s.name ?? s.id}` });
  s.routeTable = t.key;
  if (!t.subnets.includes(s.key)) t.subnets.push(s.key);
  if (s.vpc) t.vpc ??= s.vpc;
  return t;
}

/** Where the word `w` last occurs in `s` (whole word, any case), or -1. */
function lastWordAt(s: string, w: string): number {
  const esc = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let at = -1;
  for (const m of s.matchAll(new RegExp(`(?<![\\w-])${esc}(?![\\w-])`, 'gi'))) at = m.index ?? at;
  return at;
}

/**
 * A route table copied from the console: a `Destination Target Status Propagated` header, then one
 * route per row ("0.0.0.0/0  eni-0b3d…  Blackhole  No").
 */
function consoleTable(x: Sentence): boolean {
  if (/^\s*Destination\s+Target\s+Status\b/i.test(x.s)) {
    x.st.routeColumns = true;
    const t = tableIn(x, x.s.length, false) ?? x.st.lastTable ?? x.b.routeTable({ name: 'the route table' });
    if (t) {
      x.st.listingTable = t;
      x.st.lastTable = t;
      addSrc(t, x.src);
    }
    x.hit = true;
    return true;
  }
  if (!x.st.routeColumns) return false;
  const row = /^\s*(\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}|pl-[\w-]+)\s+(\S+)\s+(Active|Blackhole)\b/i.exec(x.s);
  if (!row) {
    x.st.routeColumns = false;
    return false;
  }
  const t = x.st.listingTable ?? x.st.lastTable ?? x.b.routeTable({ name: 'the route table' });
  const cidr = row[1]!.startsWith('pl-') ? undefined : parseCidr(row[1]!);
  pushRoute(t, {
    ...(cidr ? { cidr } : { prefixList: row[1]! }),
    target: targetOf(x, row[2]!, x.st.lastVpc),
    state: /blackhole/i.test(row[3]!) ? 'blackhole' : 'active',
    src: { ...x.src },
  });
  t.complete = true;
  addSrc(t, x.src);
  x.hit = true;
  return true;
}

/** "both on rtb-private", "uses rtb-…", "associated with rtb-…", "route table rtb-…" next to subnets. */
function associate(x: Sentence, t: RouteTable): void {
  if (!/\b(on|uses?|using|associated|attached|route\s+table|rtb|rt)\b/i.test(x.s)) return;
  // "lambda-a/b route table": both subnets
  const text = x.s.replace(/\b((?:[a-z0-9]+-)+)([a-z0-9])\/([a-z0-9])\b/gi, '$1$2 $1$3');
  const subnets = x.b
    .all('subnet')
    .filter(
      (s) =>
        s.src.some((src) => src.lines.includes(x.line)) ||
        x.ids.some((i) => i.kind === 'subnet' && s.aliases.has(i.id.toLowerCase())) ||
        (s.name !== undefined &&
          s.name.length >= 3 &&
          /-/.test(s.name) &&
          new RegExp(`(?:^|[\\s(,])${s.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[\\s),:])`, 'i').test(
            text,
          )),
    );
  const tIdx = x.ids.find((i) => i.kind === 'rtb')?.index ?? x.s.search(/route\s+table|\brtb\b/i);
  for (const s of subnets) {
    // the subnet must be named before the table ("public-1a … route table rtb-public")
    const named = [s.id, s.name]
      .filter(Boolean)
      .map((n) => x.s.indexOf(n!))
      .filter((i) => i >= 0);
    if (named.length && tIdx >= 0 && Math.min(...named) > tIdx) continue;
    if (s.routeTable && s.routeTable !== t.key) {
      const other = x.b.all('rtb').find((k) => k.key === s.routeTable);
      if (other?.src.some((src) => src.kind === 'config')) continue;
    }
    s.routeTable = t.key;
    if (!t.subnets.includes(s.key)) t.subnets.push(s.key);
    if (!t.vpc && s.vpc) t.vpc = s.vpc;
  }
}

/** "no route back to 10.10.0.0/16", "nothing for VPC C", "no 0.0.0.0/0", "no default route". */
function noRoutes(x: Sentence, t: RouteTable | undefined): void {
  if (!/\b(no|without|missing|lacks?|doesn't|does not|nothing|isn't)\b/i.test(x.s)) return;
  for (const m of x.s.matchAll(NO_ROUTE)) {
    const after = x.s.slice(m.index ?? 0, (m.index ?? 0) + m[0].length + 40);
    if (!/\broutes?\b|\bentry\b|\bnothing\s+for\b|0\.0\.0\.0\/0|default/i.test(after)) continue;
    const table = t ?? x.st.lastTable;
    if (!table) continue;
    const cidrs: string[] = [...(after.match(/\d+\.\d+\.\d+\.\d+\/\d+/g) ?? [])];
    if (/0\.0\.0\.0\/0|default\s+route|internet|\bnat\b|\bigw\b/i.test(after)) cidrs.push('0.0.0.0/0');
    const vpc = m[1] ? vpcIn(x, m[1], false) : undefined;
    if (vpc) for (const c of vpc.cidrs) cidrs.push(c.cidr.text);
    if (/\bback\b|\breturn\b/i.test(after)) table.noReturnRoute = true;
    for (const c of cidrs) {
      const cidr = parseCidr(c);
      if (
        cidr &&
        !table.noRouteFor?.some((k) => k.text === cidr.text) &&
        !table.routes.some((r) => r.cidr?.text === cidr.text)
      ) {
        table.noRouteFor = [...(table.noRouteFor ?? []), cidr];
      }
    }
    if (cidrs.length || table.noReturnRoute) {
      addSrc(table, x.src);
      x.hit = true;
    }
  }
}
