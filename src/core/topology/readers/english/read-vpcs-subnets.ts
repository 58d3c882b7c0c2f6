import { addSrc } from '../../model/builder.js';
import type { Subnet, Vpc } from '../../model/types.js';
import { parseCidr } from '../../net/ipv4.js';
import { isRegion } from '../../net/regions.js';
import { azMentions, regionMentions } from './mentions.js';
import { clean, isNameToken, roleOfName, SUBNET_NAME } from './refs.js';
import type { Extractor, Sentence } from './sentence.js';

const VPC_NAME_BEFORE = /(?:^|[\s(,;])([A-Za-z0-9][\w-]*)\s+vpc(?![\w-])/gi;
const VPC_NAME_AFTER = /\bvpc(?![\w-])\s+([A-Za-z0-9][\w-]*)/gi;
const DNS_ATTR =
  /(enable[_ ]?dns[_ ]?(hostnames|support)|dns (hostnames|resolution|support))\s*(?:is\s+|=\s*|:\s*|are\s+)?(true|false|on|off|enabled|disabled|yes|no)/gi;

function addCidr(v: Vpc, text: string, x: Sentence): void {
  const c = parseCidr(text);
  if (!c || v.cidrs.some((k) => k.cidr.text === c.text)) return;
  v.cidrs.push({ cidr: c, src: x.src });
}

/** Masked CIDRs in `s` from `from` up to the next anchor (another VPC or a subnet word), within `max` chars. */
function cidrsAfter(
  x: Sentence,
  from: number,
  max: number,
  subnetStop = true,
): { text: string; index: number }[] {
  const window = x.s.slice(from, from + max);
  let stop = window.length;
  const m = (
    subnetStop
      ? /\bsubnets?\b|\bsubnet-|\bvpc\b|\bvpc-|<->|\bpeer|\band\s+(?:vpc\s+)?[A-Z]\b/i
      : /\bvpc\b|\bvpc-|<->|\bpeer/i
  ).exec(window.slice(1));
  if (m) stop = m.index + 1;
  return x.cidrs.filter((c) => c.masked && c.index >= from && c.index < from + stop);
}

function vpcAnchor(x: Sentence, v: Vpc, end: number): void {
  addSrc(v, x.src);
  x.hit = true;
  x.st.lastVpc = v;
  for (const c of cidrsAfter(x, end, 60)) {
    const cidr = parseCidr(c.text);
    const rest = x.s.slice(c.index + c.text.length, c.index + c.text.length + 25);
    if (
      /^\s*(?:->|via\b|=>|\bto\s+(?:the\s+)?(?:igw|nat|pcx|tgw|vpce|local|peering|internet))/i.test(rest) ||
      /^\s*local\b/i.test(rest)
    )
      continue;
    if (cidr && cidr.bits <= 22 && cidr.bits >= 8) addCidr(v, c.text, x);
  }
  const after = x.s.slice(end, end + 60);
  const sec =
    /secondary(?:\s+cidr)?(?:\s+block)?\s*(?:of\s+|is\s+|:\s*|=\s*)?(\d+\.\d+\.\d+\.\d+\/\d+)/i.exec(
      x.s.slice(end),
    );
  if (sec) addCidr(v, sec[1]!, x);
  // "vpc-0a… (10.70.0.0/16) in us-east-1", "VPC B (eu-west-1)"
  const reg = /^\s*(?:\([^)]*\)\s*)?(?:in\s+|\(\s*|,\s*)([a-z]{2}(?:-gov)?-[a-z]+-\d)\b/i.exec(after)?.[1];
  if (reg && !v.region) v.region = reg;
}

/** VPCs: `vpc-…` IDs, "VPC A", "app VPC", with the CIDR blocks and Region that follow them. */
export const readVpcs: Extractor = (x) => {
  const seen = new Set<Vpc>();
  for (const m of x.ids.filter((i) => i.kind === 'vpc')) {
    const before = x.s.slice(0, m.index);
    const nm =
      /([A-Za-z0-9][\w-]*)(?:\s+vpc\s*[(=:]?|\s*[(=:])\s*$/i.exec(before)?.[1] ??
      /\b(?:vpc|the)\s+([A-Za-z0-9][\w-]*)\s*\(\s*$/i.exec(before)?.[1];
    const after = /^\s*\(\s*([A-Za-z][\w-]*)\s*\)/.exec(x.s.slice(m.index + m.id.length))?.[1];
    // "grafana (vpc-mon 10.5.0.0/16, 10.5.3.20)": a host and where it is, not the VPC's name
    const inParen = /^[^)]*/.exec(x.s.slice(m.index))?.[0] ?? '';
    const hostInside = /\(\s*$/.test(before) && /\b\d{1,3}(?:\.\d{1,3}){3}(?![\d./])/.test(inParen);
    const name = [hostInside ? undefined : nm, after].find(
      (n) =>
        isNameToken(n) &&
        !/^(?:vpc|values?|name|names|filters?|ids?|key|resource-id|vpc-id|vpc-ids)$/i.test(n!),
    );
    const v = x.b.vpc({ id: m.id, ...(name ? { name: clean(name) } : {}) });
    seen.add(v);
    vpcAnchor(x, v, m.index + m.id.length);
    // "(new vpc 10.82.0.0/16, vpc-0d5f…)": the block just before the ID
    const pre = /(\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2})\s*,\s*$/.exec(before)?.[1];
    const pc = pre ? parseCidr(pre) : undefined;
    if (
      pc &&
      pc.bits <= 22 &&
      /\bvpc\b[^,;)]*$/i.test(before.slice(0, before.length - (pre?.length ?? 0) - 2))
    )
      addCidr(v, pre!, x);
    // "main vpc (… vpc-…)" in us-west-2
    const lead = /(?:^|[\s,(])([a-z]{2}(?:-gov)?-[a-z]+-\d)\s*\([^)]*$/i.exec(
      x.s.slice(Math.max(0, m.index - 60), m.index),
    )?.[1];
    if (lead && !v.region) v.region = lead;
  }
  for (const re of [VPC_NAME_AFTER, VPC_NAME_BEFORE]) {
    for (const m of x.s.matchAll(re)) {
      const name = clean(m[1]!);
      // "the Tokyo VPC 10.80.0.0/16" (Tokyo read as ap-northeast-1): a VPC known by its Region
      if (isRegion(name.toLowerCase())) {
        const tail = x.s.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 8);
        if (/^\s*[(=:]?\s*vpc-/i.test(tail)) continue;
        const v = x.b.find('vpc', name) ?? x.b.vpc({ name: name.toLowerCase() });
        v.region ??= name.toLowerCase();
        if (seen.has(v)) continue;
        seen.add(v);
        vpcAnchor(x, v, (m.index ?? 0) + m[0].length);
        continue;
      }
      const adjective =
        /^(main|new|old|prod|production|staging|dev|shared|core|hub|spoke|legacy|central)$/i.test(name);
      if ((!isNameToken(name) && !adjective) || /^vpc-/i.test(name) || /^(vpc|vpcs)$/i.test(name)) continue;
      if (
        re === VPC_NAME_BEFORE &&
        /^(each|every|peer|the|a|an|same|other|one|this|that|both|two|your|our|my|default|whole|entire)$/i.test(
          name,
        )
      )
        continue;
      // "app VPC vpc-0a…" / "VPC app (vpc-0a…)": the ID loop above already named it
      const tail = x.s.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 8);
      if (/^\s*[(=:]?\s*vpc-/i.test(tail)) continue;
      // "(new vpc 10.82.0.0/16, vpc-0d5f…)": the ID that follows names this VPC
      const tail40 = x.s.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 40);
      if (/^\s*\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}\s*,\s*vpc-[0-9a-f]{8}/i.test(tail40)) continue;
      const existing = x.b.find('vpc', name);
      const v =
        existing ??
        (re === VPC_NAME_AFTER || /\d|-|^[A-Z]/.test(name) || x.cidrs.length ? x.b.vpc({ name }) : undefined);
      if (!v || seen.has(v)) continue;
      seen.add(v);
      vpcAnchor(x, v, (m.index ?? 0) + m[0].length);
    }
  }
  // "ours is 10.0.0.0/16, theirs is 10.0.128.0/20": the two sides of a peering by whose they are
  for (const m of x.s.matchAll(
    /\b(ours|theirs|mine|(?:our|their|my)\s+(?:vpc|side|cidr|range))\s*(?:is|=|:)\s*(\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2})/gi,
  )) {
    const c = parseCidr(m[2]!);
    if (!c || c.bits < 8 || c.bits > 28) continue;
    const ours = /^(?:our|ours|my|mine)\b/i.test(m[1]!);
    const v = x.b.find('vpc', ours ? 'ours' : 'theirs') ?? x.b.vpc({ name: ours ? 'our VPC' : 'their VPC' });
    v.aliases.add(ours ? 'ours' : 'theirs');
    if (!v.cidrs.some((k) => k.cidr.text === c.text)) v.cidrs.push({ cidr: c, src: x.src });
    seen.add(v);
    addSrc(v, x.src);
    x.hit = true;
  }
  // "analytics 10.12.0.0/16, core 10.13.0.0/16": known VPC names followed by a block
  for (const v of x.b.all('vpc')) {
    for (const n of [v.name, ...v.aliases].filter(
      (a): a is string => !!a && a.length >= 2 && !/^vpc-[0-9a-f]{8,}$/i.test(a),
    )) {
      const esc = n.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');
      const m = new RegExp(
        `(?:^|[\\s,;(])${esc}(?:'s)?\\s*(?:vpc\\s*)?(?:is\\s+|=\\s*|:\\s*|\\(\\s*)?(\\d{1,3}(?:\\.\\d{1,3}){3}\\/\\d{1,2})`,
        'i',
      ).exec(x.s);
      const c = m ? parseCidr(m[1]!) : undefined;
      if (c && c.bits <= 22 && c.bits >= 8 && !v.cidrs.some((k) => k.cidr.text === c.text)) {
        const rest = x.s.slice((m!.index ?? 0) + m![0].length, (m!.index ?? 0) + m![0].length + 12);
        if (/^\s*(?:->|via\b|local\b)/i.test(rest)) continue;
        v.cidrs.push({ cidr: c, src: x.src });
        addSrc(v, x.src);
        x.hit = true;
      }
    }
  }
  // "our default vpc vpc-0e…", "both sides are in their DEFAULT vpc"
  if (/\bdefault\s+vpcs?\b/i.test(x.s)) {
    const all =
      /\b(?:both|all)\b[^.]{0,40}\bdefault\s+vpcs?\b|\bdefault\s+vpcs?\b[^.]{0,20}\b(?:both|on\s+both\s+sides)\b/i.test(
        x.s,
      );
    for (const m of x.ids.filter((i) => i.kind === 'vpc')) {
      const near = x.s.slice(Math.max(0, m.index - 25), m.index);
      if (all || /\bdefault\s+vpc\s*\(?\s*$/i.test(near)) x.b.vpc({ id: m.id }).isDefault ??= x.src;
    }
    if (all) x.st.allDefault = x.src;
    x.hit = true;
  }
  // DNS attributes of the VPC being talked about
  for (const m of x.s.matchAll(DNS_ATTR)) {
    const v =
      [...seen][0] ??
      x.st.lastVpc ??
      (x.b.all('vpc').length === 1 ? x.b.all('vpc')[0] : x.b.vpc({ name: 'the VPC' }));
    if (!v) continue;
    const on = /^(true|on|enabled|yes)$/i.test(m[4]!);
    const what = (m[2] ?? m[3] ?? '').toLowerCase();
    if (what.startsWith('hostname')) v.dnsHostnames = on;
    else v.dnsSupport = on;
    v.src.push({ ...x.src, text: `${x.src.text}` });
    x.hit = true;
  }
  const region = regionMentions(x.s)[0];
  if (region && !x.st.region) x.st.region = region.region;
};

/** Between a subnet's name and its CIDR only joining words may stand: not a NACL rule's `inbound 90 deny tcp`. */
function onlyJoiners(between: string): boolean {
  const t = between.replace(/\b[a-z]{2}-[a-z]+-\d[a-z]?\b/gi, ' ');
  return /^[\s(=:,\-–]*(?:(?:cidr|block|range|is|with|subnet|of|az|in)\b[\s(=:,]*)*$/i.test(t);
}

function subnetAnchor(x: Sentence, s: Subnet, start: number, end: number): void {
  addSrc(s, x.src);
  x.hit = true;
  x.st.lastSubnet = s;
  if (!s.cidr) {
    // "public-1a 10.20.0.0/24 (subnet-…)", "subnet-… (10.31.2.0/24)", "10.0.1.0/24 (subnet-…)"
    const near = x.cidrs.filter(
      (c) =>
        !/^\s*(?:->|via\b|=>|local\b)/i.test(
          x.s.slice(c.index + c.text.length, c.index + c.text.length + 12),
        ) &&
        c.masked &&
        ((c.index >= end && c.index - end < 30 && onlyJoiners(x.s.slice(end, c.index))) ||
          (c.index < start && start - (c.index + c.text.length) < 6)),
    );
    const c = near.map((n) => parseCidr(n.text)).find((k) => k && k.bits >= 16);
    if (c) s.cidr = c;
  }
  const az = azMentions(x.s.slice(end, end + 40))[0];
  if (az && !s.az) s.az = az.az;
  const role =
    roleOfName(s.name) ??
    roleOfName(/\b(public|private)\s+subnet/i.exec(x.s.slice(Math.max(0, start - 20), end + 20))?.[1]);
  if (role && !s.roleHint) s.roleHint = role;
}

/** Subnets: `subnet-…` IDs and names like `public-1a`, `private-app-1b`, with CIDR, AZ and role. */
export const readSubnets: Extractor = (x) => {
  const seen = new Set<Subnet>();
  // "the private subnets are on rtb-0e6f…", "db subnets use rtb-0123…": subnets named by role, and their table
  for (const m of x.s.matchAll(
    /\b(?:the\s+|our\s+|all\s+)?([A-Za-z][\w-]*)\s+subnets?\s+(?:use|uses|are\s+on|is\s+on|are\s+using|(?:are|is)\s+(?:explicitly\s+|actually\s+|still\s+)?associated\s+with|(?:are|is)\s+attached\s+to|point\s+to|sit\s+on|go\s+through)\s+(?:the\s+)?(?:route\s+table\s+|rtb\s+)?(rtb-[\w-]+)\b/gi,
  )) {
    const word = m[1]!.toLowerCase();
    if (/^(?:the|these|those|both|all|my|our|other|same|new|some)$/.test(word)) continue;
    const name = `${word} subnets`;
    const sn =
      x.b.find('subnet', name) ?? x.b.find('subnet', `${word} subnet`) ?? x.b.subnet({ name }, x.src);
    for (const a of [name, `${word} subnet`]) sn.aliases.add(a);
    if (/^(?:private|isolated|priv)$/.test(word)) sn.roleHint ??= 'private';
    if (/^(?:public|pub)$/.test(word)) sn.roleHint ??= 'public';
    const t = x.b.routeTable({ id: m[2]! });
    // "… rtb-… which only has 10.2.0.0/16 local": that table's whole list
    const rest = x.s.slice((m.index ?? 0) + m[0].length);
    const onlyLocal =
      /^\s*,?\s*(?:which|that)\s+(?:only\s+)?has\s+(?:just\s+|only\s+)?(?:the\s+)?(?:(\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2})\s+)?local(?:\s+route)?(?:\s+only)?\b/i.exec(
        rest,
      );
    if (onlyLocal && !t.routes.length) {
      const c = onlyLocal[1] ? parseCidr(onlyLocal[1]) : undefined;
      t.routes.push({ ...(c ? { cidr: c } : {}), target: { kind: 'local', id: 'local' }, src: x.src });
      t.complete = true;
    }
    sn.routeTable = t.key;
    if (!t.subnets.includes(sn.key)) t.subnets.push(sn.key);
    seen.add(sn);
    x.st.lastSubnet = sn;
    x.hit = true;
  }
  // "the private boxes (10.0.10.0/24)": hosts named by the range they sit in, which is their subnet
  for (const m of x.s.matchAll(
    /\b(private|public|isolated|app|web|db|data|batch|worker|build)\s+(?:boxes|instances|hosts|servers|nodes|vms|machines|ec2s)\s*\(\s*(\d{1,3}(?:\.\d{1,3}){3}\/(?:1[6-9]|2\d))\s*\)/gi,
  )) {
    const c = parseCidr(m[2]!);
    if (!c || x.b.all('subnet').some((k) => k.cidr?.text === c.text)) continue;
    const name = `${m[1]!.toLowerCase()} subnet`;
    const sn = x.b.find('subnet', name) ?? x.b.subnet({ name }, x.src);
    sn.cidr ??= c;
    if (/^(private|isolated)$/i.test(m[1]!)) sn.roleHint ??= 'private';
    if (/^public$/i.test(m[1]!)) sn.roleHint ??= 'public';
    seen.add(sn);
    x.st.lastSubnet = sn;
    x.hit = true;
  }
  for (const m of x.ids.filter((i) => i.kind === 'subnet')) {
    const before = x.s.slice(0, m.index);
    const nm =
      /([A-Za-z0-9][\w-]*)\s*(?:\d+\.\d+\.\d+\.\d+\/\d+\s*)?[(=:]\s*$/.exec(before)?.[1] ??
      /([A-Za-z0-9][\w-]*)\s+(?:is\s+|=\s*)$/.exec(before)?.[1];
    const after = /^\s*\(\s*([A-Za-z][\w-]*)\s*[,)]/.exec(x.s.slice(m.index + m.id.length))?.[1];
    const name = [nm, after].find(
      (n) =>
        isNameToken(n) &&
        !/^(subnet|in|into|is|values?|name|filters?|ids?|subnet-ids?|key)$/i.test(n!) &&
        !/^(vpc|rtb|sg|acl)-/i.test(n!),
    );
    const s = x.b.subnet({ id: m.id, ...(name ? { name: clean(name) } : {}) });
    seen.add(s);
    subnetAnchor(x, s, m.index - (name ? name.length + 2 : 0), m.index + m.id.length);
  }
  // "web-private-a/b": two subnets
  for (const m of x.s.matchAll(/\b((?:[a-z0-9]+-)+)([a-z0-9])\/([a-z0-9])\b/gi)) {
    if (!/(public|private|priv|pub|subnet|app|db|data|web)/i.test(m[1]!)) continue;
    for (const suffix of [m[2]!, m[3]!]) {
      const s = x.b.find('subnet', `${m[1]}${suffix}`) ?? x.b.subnet({ name: `${m[1]}${suffix}` });
      if (seen.has(s)) continue;
      seen.add(s);
      subnetAnchor(x, s, m.index ?? 0, (m.index ?? 0) + m[0].length);
    }
  }
  for (const m of x.s.matchAll(SUBNET_NAME)) {
    const name = m[1]!;
    if (!/-/.test(name) || /^(subnet|vpc|rtb|sg|acl|nat|igw|pcx|vpce|tgw|eni|pl)-/i.test(name)) continue;
    if (
      !/(public|private|priv|pub|isolated|subnet|app|db|data|web|lambda|tgw|mgmt|dmz)/i.test(name) &&
      !x.b.find('subnet', name)
    )
      continue;
    const idx = m.index ?? 0;
    const next = x.s.slice(idx + name.length, idx + name.length + 25);
    const existing = x.b.find('subnet', name);
    const hasCidr = /^\s*[(=:]?\s*\d+\.\d+\.\d+\.\d+\/\d+/.test(next);
    // "reports-db (10.20.3.15)": a host with its address, not a subnet
    if (!existing && /^\s*[(=:]?\s*\d+\.\d+\.\d+\.\d+(?![\d./])/.test(next)) continue;
    const saysSubnet = /\bsubnets?\b/i.test(x.s) || /^(public|private|priv|pub)-/i.test(name);
    if (!existing && !hasCidr && !saysSubnet) continue;
    if (/^[\w-]*(vpc)$/i.test(name)) continue;
    const s = existing ?? x.b.subnet({ name });
    if (seen.has(s)) continue;
    seen.add(s);
    subnetAnchor(x, s, idx, idx + name.length);
  }
  // "new analytics-c subnet (10.110.64.0/20, subnet-0f2b…)": a name, then its block and ID
  for (const m of x.s.matchAll(
    /\b([A-Za-z][\w-]*)\s+subnet\s*\(\s*(\d+\.\d+\.\d+\.\d+\/\d+)(?:\s*,\s*(subnet-[0-9a-f]{8,17}))?\s*\)/gi,
  )) {
    if (!isNameToken(m[1]) || /^(public|private|isolated|new|old|same|the|a|one|each)$/i.test(m[1]!))
      continue;
    const cidr = parseCidr(m[2]!);
    if (!cidr) continue;
    const s = x.b.subnet({ name: clean(m[1]!), ...(m[3] ? { id: m[3] } : {}) });
    s.cidr ??= cidr;
    seen.add(s);
    subnetAnchor(x, s, m.index ?? 0, (m.index ?? 0) + m[0].length);
  }
  // "subnet X 10.0.1.0/24" / "X subnet (10.0.1.0/24)" / "private subnets 10.0.1.0/24 and 10.0.2.0/24"
  for (const m of x.s.matchAll(
    /\b(?:(public|private|isolated|app|db|data|web)\s+)?subnets?\s+(?:([A-Za-z][\w-]*)\s+)?\(?((?:\d+\.\d+\.\d+\.\d+\/\d+(?:\s*(?:,|and|&)\s*)?)+)/gi,
  )) {
    const role = roleOfName(m[1]);
    const nm = m[2] && isNameToken(m[2]) ? m[2] : undefined;
    // "(10.0.0.0/8 -> tgw-…)": a route, not the subnets' block
    const after = x.s.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 12);
    if (/^\s*(?:->|via\b|=>|local\b)/i.test(after)) continue;
    for (const c of m[3]!.match(/\d+\.\d+\.\d+\.\d+\/\d+/g) ?? []) {
      const cidr = parseCidr(c);
      if (!cidr || cidr.bits < 16) continue;
      const s = nm
        ? x.b.subnet({ name: nm })
        : ([...x.b.all('subnet')].find((k) => k.cidr?.text === cidr.text) ??
          x.b.subnet({ name: `${m[1] ? `${m[1].toLowerCase()} ` : ''}subnet ${cidr.text}` }));
      if (!s.cidr) s.cidr = cidr;
      if (role && !s.roleHint) s.roleHint = role;
      addSrc(s, x.src);
      x.st.lastSubnet = s;
      x.hit = true;
    }
  }
  // "the private subnet" / "a public subnet" with one known subnet of that role
  const roleMention = /\b(public|private)\s+subnets?\b/i.exec(x.s);
  if (roleMention && seen.size === 0) {
    const role = roleMention[1]!.toLowerCase() as 'public' | 'private';
    const cands = x.b.all('subnet').filter((s) => s.roleHint === role);
    if (cands.length >= 1) x.st.lastSubnet = cands[0];
  }
};
