import { addSrc } from '../../model/builder.js';
import { describeNaclEntry } from '../../model/describe-rule.js';
import type { Nacl, NaclEntry, SecurityGroup, SgPeer, SgRule, Workload } from '../../model/types.js';
import { type Cidr, parseCidr } from '../../net/ipv4.js';
import { icmpTypeCodeIn, type PortRange, parsePortRange, parseProtocol } from '../../net/protocol.js';
import { isRegion } from '../../net/regions.js';
import { PORT_WORDS, regionMentions } from './mentions.js';
import { readSgClauses } from './read-sg-clauses.js';
import { clean, isNameToken, vpcByPrefix } from './refs.js';
import type { Extractor, Sentence } from './sentence.js';

const ANY = parseCidr('0.0.0.0/0')!;

/** "tcp 5432", "ports 80 and 443", "all traffic", "https", "1024-65535" → protocol and port ranges. */
export function parseWhat(what: string): { protocol: number; ranges: (PortRange | undefined)[] } | undefined {
  const w = what
    .toLowerCase()
    .replace(
      /\b(inbound|outbound|ingress|egress|traffic on|traffic|connections?|only|just|port|ports|on|the|rule|rules|for)\b/g,
      ' ',
    )
    .trim();
  if (
    /^(all|everything|any|all\s+tcp\s+and\s+udp)?\s*$/.test(w) ||
    (/\ball\b|\beverything\b/.test(w) && !/\d/.test(w))
  ) {
    return { protocol: /\btcp\b/.test(w) ? 6 : /\budp\b/.test(w) ? 17 : -1, ranges: [undefined] };
  }
  const protocol = /\budp\b/.test(w) ? 17 : /\bicmp\b|\bping\b/.test(w) ? 1 : 6;
  const ranges: PortRange[] = [];
  for (const m of w.matchAll(/(\d{1,5})\s*(?:-|–|to|:)\s*(\d{1,5})|(\d{1,5})/g)) {
    const r = m[3] !== undefined ? parsePortRange(m[3]) : parsePortRange(`${m[1]}-${m[2]}`);
    if (r) ranges.push(r);
  }
  if (ranges.length === 0) for (const [re, p] of PORT_WORDS) if (re.test(w)) ranges.push({ from: p, to: p });
  if (protocol === 1) return { protocol, ranges: [undefined] };
  return ranges.length ? { protocol, ranges } : undefined;
}

/** A rule peer as written: a CIDR, an IP, an SG ID or name, "anywhere", "the VPC". */
function parsePeer(x: Sentence, raw: string): SgPeer[] {
  const out: SgPeer[] = [];
  for (const c of raw.match(/\d+\.\d+\.\d+\.\d+(?:\/\d+)?/g) ?? []) {
    const cidr = parseCidr(c);
    if (cidr) out.push({ kind: 'cidr', cidr });
  }
  if (/\b0\/0\b|anywhere|everywhere|the world|\bany\s*ip|internet\b/i.test(raw) && !out.length)
    out.push({ kind: 'cidr', cidr: ANY });
  for (const m of raw.matchAll(/\bsg-[\w-]+/gi)) out.push({ kind: 'sg', group: x.b.sg({ id: m[0] }).key });
  for (const m of raw.matchAll(/\bpl-[\w-]+/gi)) out.push({ kind: 'pl', id: m[0] });
  if (out.length === 0) {
    const nm = /\b(?:the\s+)?([A-Za-z][\w-]*)(?:'s)?\s+(?:sg|security\s+group)\b/i.exec(raw)?.[1];
    if (nm && isNameToken(nm)) out.push({ kind: 'sg', group: sgByName(x, nm).key });
    else if (/\b(?:the\s+)?vpc(?:\s+cidr)?\b/i.test(raw)) {
      const v = x.st.lastVpc ?? x.b.all('vpc')[0] ?? x.b.vpc({ name: 'the VPC' });
      for (const c of v.cidrs) out.push({ kind: 'cidr', cidr: c.cidr });
      if (!v.cidrs.length) out.push({ kind: 'vpc', vpc: v.key });
    } else if (/\bself\b|\bitself\b|\bsame\s+(?:sg|security group)\b/i.test(raw)) {
      out.push({ kind: 'sg', group: 'self' });
    }
  }
  return out;
}

function sgByName(x: Sentence, name: string): SecurityGroup {
  const n = clean(name);
  return x.b.find('sg', n) ?? x.b.find('sg', `${n} sg`) ?? x.b.sg({ name: `${n} sg` });
}

function workloadNamed(x: Sentence, name: string): Workload | undefined {
  const n = clean(name).toLowerCase();
  return (
    x.b.find('workload', n) ??
    x.b.all('workload').find((w) => [...w.aliases].some((a) => a.split(/\s+/).includes(n)))
  );
}

/** Attaches an SG to a workload the sentence names ("SG on the api box", "the db's security group"). */
function sgOfWorkload(x: Sentence, w: Workload): SecurityGroup {
  const existing = w.sgs.map((k) => x.b.all('sg').find((g) => g.key === k)).find(Boolean);
  if (existing) return existing;
  const g = x.b.sg({ name: `sg of ${w.name ?? w.id ?? 'it'}` });
  w.sgs.push(g.key);
  return g;
}

/** The SG a sentence is about. */
export function subjectSg(x: Sentence, upTo: number): SecurityGroup | undefined {
  const head = x.s.slice(0, upTo);
  const ids = x.ids.filter((i) => i.kind === 'sg' && i.index < upTo);
  // the group the sentence is about, not one its rules name ("22 from sg-bastion")
  const subjects = ids.filter(
    (i) => !/\b(?:from|to)\s+$/i.test(x.s.slice(Math.max(0, i.index - 6), i.index)),
  );
  if (subjects.length) return x.b.sg({ id: subjects[subjects.length - 1]!.id });
  const named0 = /\b(?:the\s+)?([A-Za-z][\w-]*)\s+(?:sg|security\s+group)\b/i.exec(head);
  if (ids.length && !(named0 && isNameToken(named0[1]))) return x.b.sg({ id: ids[ids.length - 1]!.id });
  const on =
    /\b(?:sg|security\s+group)s?\s+(?:on|of|for|attached\s+to)\s+(?:the\s+)?([\w.-]+(?:\s+(?:box|host|server|instance|instances|lambda|function|db|database|endpoint|alb|nlb))?)/i.exec(
      head,
    );
  const poss =
    /\b(?:the\s+)?([\w.-]+(?:\s+(?:box|host|server|instance|instances))?)'s\s+(?:sg|security\s+group)/i.exec(
      head,
    );
  const named = /\b(?:the\s+)?([A-Za-z][\w-]*)\s+(?:sg|security\s+group)\b/i.exec(head);
  const who = on?.[1] ?? poss?.[1];
  if (who) {
    if (/endpoint/i.test(who)) {
      const e = x.b.all('vpce').slice(-1)[0];
      if (e) {
        const g = e.sgs.length ? x.b.all('sg').find((k) => k.key === e.sgs[0]) : undefined;
        if (g) return g;
        const ng = x.b.sg({ name: `sg of ${e.id ?? e.name}` });
        e.sgs.push(ng.key);
        return ng;
      }
    }
    const w =
      workloadNamed(x, who.replace(/\s+(box|host|server|instance|instances)$/i, '')) ?? workloadNamed(x, who);
    if (w) return sgOfWorkload(x, w);
    if (/\s(box|host|server|instance|instances)$/i.test(who))
      return sgOfWorkload(x, x.b.workload({ name: who }, 'ec2'));
    if (/\b(db|database|rds|postgres|mysql|aurora)\b/i.test(who))
      return sgOfWorkload(x, x.b.workload({ name: 'db' }, 'rds'));
    if (/\blambda|function/i.test(who))
      return sgOfWorkload(
        x,
        x.b.all('workload').find((w2) => w2.kind === 'lambda') ?? x.b.workload({ name: 'lambda' }, 'lambda'),
      );
    return sgByName(x, who.split(/\s+/)[0]!);
  }
  if (
    named &&
    isNameToken(named[1]) &&
    !/^(the|same|default|new|this|that|its|their|my|our)$/i.test(named[1]!)
  ) {
    const n = named[1]!;
    if (/^(endpoint|vpce)$/i.test(n)) return subjectSgFor(x, 'endpoint');
    const w = workloadNamed(x, n);
    if (w) return sgOfWorkload(x, w);
    if (/^(db|database|rds|postgres|mysql|aurora)$/i.test(n))
      return sgOfWorkload(
        x,
        x.b.all('workload').find((k) => k.kind === 'rds') ?? x.b.workload({ name: 'db' }, 'rds'),
      );
    if (/^(lambda|function)$/i.test(n))
      return sgOfWorkload(
        x,
        x.b.all('workload').find((k) => k.kind === 'lambda') ?? x.b.workload({ name: 'lambda' }, 'lambda'),
      );
    return sgByName(x, n);
  }
  if (/\b(?:sg|security\s+group)s?\b/i.test(head))
    return x.st.lastSg ?? (x.st.lastWorkload ? sgOfWorkload(x, x.st.lastWorkload) : undefined);
  return undefined;
}

function subjectSgFor(x: Sentence, what: 'endpoint'): SecurityGroup | undefined {
  if (what === 'endpoint') {
    const e = x.b.all('vpce').slice(-1)[0];
    if (!e) return x.b.sg({ name: 'endpoint sg' });
    const g = e.sgs.length ? x.b.all('sg').find((k) => k.key === e.sgs[0]) : undefined;
    if (g) return g;
    const ng = x.b.sg({ name: `sg of ${e.id ?? e.name}` });
    e.sgs.push(ng.key);
    return ng;
  }
  return undefined;
}

function addRule(g: SecurityGroup, egress: boolean, r: SgRule): void {
  const list = egress ? g.egress : g.ingress;
  if (
    !list.some(
      (o) =>
        o.protocol === r.protocol &&
        o.ports?.from === r.ports?.from &&
        o.ports?.to === r.ports?.to &&
        JSON.stringify(o.peers) === JSON.stringify(r.peers),
    )
  )
    list.push(r);
}

// the peer ends at punctuation, a clause word or a bracket
const ALLOW =
  /\b(only\s+)?(?:allows?|allowing|permits?|opens?|accepts?|lets?\s+in|has\s+(?:an?\s+)?(?:inbound|outbound|ingress|egress)?\s*rule\s+for)\s+(?:(inbound|outbound|ingress|egress)\s+)?(.{1,60}?)\s+(from|to)\s+([^,;]+?)(?=$|[,;)]|\s+(?:and|but|so|while|which|can't|cannot|to)\s+(?!\d)|\s+\(|\.(?:\s|$))/gi;

/** Security group rules as people type them. */
export const readSecurityGroups: Extractor = (x) => {
  if (sgListing(x)) return;
  readSgClauses(x, { parseWhat, parsePeer, subjectSg, addRule });
  if (!/\bsg\b|\bsg-|security\s+groups?|\bsgs\b|\begress\b|\binbound\b|\boutbound\b|\bingress\b/i.test(x.s))
    return;
  let any = false;
  for (const m of x.s.matchAll(ALLOW)) {
    const idx = m.index ?? 0;
    const g = subjectSg(x, idx);
    if (!g) continue;
    const dirWord = (m[2] ?? '').toLowerCase();
    const prep = m[4]!.toLowerCase();
    const before = x.s.slice(Math.max(0, idx - 30), idx).toLowerCase();
    const egress =
      dirWord === 'outbound' ||
      dirWord === 'egress' ||
      (dirWord === '' &&
        (prep === 'to' || /\b(outbound|egress)\b/.test(before)) &&
        !/\b(inbound|ingress)\b/.test(before));
    const what = parseWhat(m[3]!);
    if (!what) continue;
    const peers = parsePeer(x, m[5]!).map(
      (p): SgPeer => (p.kind === 'sg' && p.group === 'self' ? { ...p, group: g.key } : p),
    );
    if (peers.length === 0) continue;
    for (const r of what.ranges)
      addRule(g, egress, { protocol: what.protocol, ...(r ? { ports: r } : {}), peers, src: x.src });
    const only =
      m[1] ||
      /\bonly\b/i.test(m[5]!) ||
      /^\s*(?:only|and\s+nothing\s+else|,?\s*nothing\s+else)\b/i.test(x.s.slice(idx + m[0].length));
    if (only && egress) g.egressComplete = true;
    else if (only) g.ingressComplete = true;
    addSrc(g, x.src);
    x.st.lastSg = g;
    any = true;
  }
  // "our app SG (sg-0a1c…)", "db SG (sg-0b2d…)": the group's name
  for (const m of x.s.matchAll(
    /\b([A-Za-z][\w-]*)\s+(?:sg|security\s+group)\s*\(\s*(sg-[0-9a-f]{8,17})\s*\)/gi,
  )) {
    if (!isNameToken(m[1]) || /^(the|our|my|new|old|this|that|same|default)$/i.test(m[1]!)) continue;
    const g = x.b.sg({ id: m[2]!, name: `${clean(m[1]!).toLowerCase()} sg` });
    const w = workloadNamed(x, m[1]!);
    if (w && !w.sgs.includes(g.key)) w.sgs.push(g.key);
    any = true;
  }
  // "sg-app (sg-0b5d…)": a name-like ID and the real one are the same group
  for (const m of x.s.matchAll(/\b(sg-[a-z][\w-]*|[a-z][\w-]*[-_]sg)\s*\(\s*(sg-[0-9a-f]{8,17})\s*\)/gi)) {
    x.b.sg({ id: m[2]!, name: m[1]! });
    any = true;
  }
  // "sg-0f9b… inbound 3306 from sg-0c1e…", "sg-x egress: 443 to 0.0.0.0/0"
  for (const m of x.s.matchAll(
    /\b(sg-[\w-]+|[A-Za-z][\w-]*\s+(?:sg|security\s+group))\s*\)?\s*(?:\([^)]*\))?\s*:?\s*(inbound|ingress|outbound|egress)\s*(?:rules?)?\s*:?\s*(.{1,40}?)\s+(?:(from|to)\s+|(?=(?:\d{1,3}\.){3}\d{1,3}\/\d|sg-|pl-))([^,;]+?)(?=$|[,;)]|\s+\(|\.(?:\s|$))/gi,
  )) {
    const nm = /^([A-Za-z][\w-]*)\s+(?:sg|security\s+group)$/i.exec(m[1]!)?.[1];
    if (nm && (!isNameToken(nm) || /^(the|our|my|this|that|same|default|new|old)$/i.test(nm))) continue;
    const g = nm
      ? workloadNamed(x, nm)?.sgs.length
        ? sgOfWorkload(x, workloadNamed(x, nm)!)
        : sgByName(x, nm)
      : x.b.sg({ id: m[1]! });
    const egress = /^(outbound|egress)$/i.test(m[2]!);
    const what = parseWhat(m[3]!);
    const peers = parsePeer(x, m[5]!);
    if (!what || peers.length === 0) continue;
    for (const r of what.ranges)
      addRule(g, egress, { protocol: what.protocol, ...(r ? { ports: r } : {}), peers, src: x.src });
    // more rules in the same list: ", tcp 9300 from 10.120.0.0/16"
    let rest = x.s.slice((m.index ?? 0) + m[0].length);
    for (let k = 0; k < 10; k++) {
      const more =
        /^\s*(?:,|;|\band\b)\s*(?:and\s+)?((?:tcp|udp|icmp|all|any)?\s*[\w-]{0,12}?\s*\d[\d-]*|all(?:\s+traffic)?|icmp)\s+(?:(?:from|to)\s+|(?=(?:\d{1,3}\.){3}\d{1,3}\/\d|sg-|pl-))([^,;]+?)(?=$|[,;)]|\s+\(|\.(?:\s|$))/i.exec(
          rest,
        );
      if (!more) break;
      const w2 = parseWhat(more[1]!);
      const p2 = parsePeer(x, more[2]!);
      if (w2 && p2.length)
        for (const r of w2.ranges)
          addRule(g, egress, { protocol: w2.protocol, ...(r ? { ports: r } : {}), peers: p2, src: x.src });
      rest = rest.slice(more[0].length);
    }
    // "only", or the rules listed after "inbound:": the whole list
    const listed =
      /\b(?:inbound|ingress|outbound|egress)\s*(?:rules?)?\s*:/i.test(m[0]) ||
      /^sg-[\w-]+\s*(?:\([^)]*\))?\s*:/i.test(m[0]);
    if ((/\bonly\b/i.test(m[0]) || listed) && egress) g.egressComplete = true;
    else if (/\bonly\b/i.test(m[0]) || listed) g.ingressComplete = true;
    addSrc(g, x.src);
    x.st.lastSg = g;
    any = true;
  }
  // "mysql on the main side: sg-0f9b…": the group of a workload in a VPC
  for (const m of x.s.matchAll(
    /\b([A-Za-z][\w-]*)\s+(?:on|in)\s+(?:the\s+)?([\w-]+)\s+(?:side|vpc)\s*:\s*(sg-[\w-]+)/gi,
  )) {
    const v = x.b.find('vpc', m[2]!) ?? vpcByPrefix(x, m[2]!);
    const w =
      workloadNamed(x, m[1]!) ??
      x.b.workload({ name: m[1]! }, /mysql|postgres|db|rds|aurora/i.test(m[1]!) ? 'rds' : 'ec2', x.src);
    const g = x.b.sg({ id: m[3]! });
    if (!w.sgs.includes(g.key)) w.sgs.push(g.key);
    if (v) {
      w.vpc ??= v.key;
      g.vpc ??= v.key;
    }
    x.st.lastWorkload = w;
    any = true;
  }
  // "api tasks: sg-app", "worker pods = sg-worker (sg-0e5a…)": a workload and its group
  for (const m of x.s.matchAll(
    /^\s*(?:the\s+)?([A-Za-z][\w-]*)\s+(tasks?|instances?|pods?|nodes?|service|functions?|lambdas?|boxes|box|hosts?|servers?|containers?)\s*(?::|=|->)\s*(sg-[\w-]+)(?:\s*\(\s*(sg-[0-9a-f]{8,17})\s*\))?/gi,
  )) {
    if (!isNameToken(m[1]!)) continue;
    const kind = /lambda|function/i.test(m[2]!)
      ? 'lambda'
      : /task|container|service/i.test(m[2]!)
        ? 'ecs'
        : 'ec2';
    const w = workloadNamed(x, m[1]!) ?? x.b.workload({ name: m[1]! }, kind, x.src);
    const g = m[4] ? x.b.sg({ id: m[4], name: m[3]! }) : x.b.sg({ id: m[3]! });
    if (!w.sgs.includes(g.key)) w.sgs.push(g.key);
    addSrc(w, x.src);
    x.st.lastWorkload = w;
    any = true;
  }
  // "new reporting tasks in us-west-2 have sg-0a2c…"
  for (const m of x.s.matchAll(
    /\b((?:[\w-]+\s+){0,3}(?:tasks?|instances?|pods?|nodes?|boxes|servers?|functions?|lambdas?|containers?|workers?|hosts?))\s+(?:in\s+([\w-]+)\s+)?(?:have|has|use|uses|run\s+with|carry|carries|get|got)\s+(sg-[\w-]+)/gi,
  )) {
    const name = m[1]!.replace(/^(?:the|our|my|new|old|all)\s+/i, '').trim();
    const w =
      workloadNamed(x, name) ??
      x.b.workload(
        { name },
        /lambda|function/i.test(name) ? 'lambda' : /task|container/i.test(name) ? 'ecs' : 'ec2',
        x.src,
      );
    const g = x.b.sg({ id: m[3]! });
    if (!w.sgs.includes(g.key)) w.sgs.push(g.key);
    const where = m[2];
    const v = where
      ? isRegion(where)
        ? x.b.all('vpc').find((k) => k.region === where)
        : (x.b.find('vpc', where) ?? vpcByPrefix(x, where))
      : undefined;
    if (v) {
      w.vpc ??= v.key;
      g.vpc ??= v.key;
    }
    any = true;
  }
  // "sg-0d… is in vpc-0b…", "sg-0d… in the reporting vpc"
  for (const m of x.s.matchAll(
    /\b(sg-[\w-]+)\s+(?:\([^)]*\)\s+)?(?:is\s+|lives\s+|belongs\s+)?(?:in|to)\s+(?:the\s+)?(vpc-[\w-]+|[\w-]+\s+vpc)\b/gi,
  )) {
    const g = x.b.sg({ id: m[1]! });
    const v = /^vpc-/i.test(m[2]!) ? x.b.vpc({ id: m[2]! }) : x.b.find('vpc', m[2]!.replace(/\s+vpc$/i, ''));
    if (v) {
      g.vpc = v.key;
      addSrc(g, x.src);
      any = true;
    }
  }
  // "SG outbound all traffic 0.0.0.0/0", "egress is all traffic to 0.0.0.0/0", "outbound: all"
  const allOut =
    /\b(?:outbound|egress)\b[^.;]{0,25}?\b(?:all(?:\s+traffic)?|everything|anything|open|wide open|default)\b/i.exec(
      x.s,
    );
  // not a numbered NACL entry ("outbound: 100 allow all 0.0.0.0/0"): SG rules have no numbers
  const naclEntry = /\b(?:outbound|egress)\b(?:\s+rules?)?\s*:?\s*\d+\s+(?:allow|deny)\b/i.test(x.s);
  if (allOut && !naclEntry && !/\bno\s+(?:outbound|egress)/i.test(x.s)) {
    const g =
      subjectSg(x, allOut.index) ?? (x.st.lastWorkload ? sgOfWorkload(x, x.st.lastWorkload) : undefined);
    if (g) {
      addRule(g, true, { protocol: -1, peers: [{ kind: 'cidr', cidr: ANY }], src: x.src });
      addSrc(g, x.src);
      any = true;
    }
  }
  const noOut =
    /\bno\s+(?:outbound|egress)\s+rules?\b|\b(?:outbound|egress)\s+(?:rules?\s+)?(?:is\s+|are\s+)?(?:empty|removed|deleted|none)\b|allowAllOutbound\s*[:=]\s*false|allow_all_outbound\s*=\s*false/i.exec(
      x.s,
    );
  if (noOut) {
    const g = subjectSg(x, noOut.index) ?? x.st.lastSg;
    if (g) {
      g.egress = g.egress.filter((r) => r.src.lines[0] !== x.line);
      g.egressComplete = true;
      addSrc(g, x.src);
      any = true;
    }
  }
  const noIn =
    /\bno\s+(?:inbound|ingress)\s+rules?\b|\b(?:inbound|ingress)\s+(?:rules?\s+)?(?:is\s+|are\s+)?(?:empty|none)\b/i.exec(
      x.s,
    );
  if (noIn) {
    const g = subjectSg(x, noIn.index) ?? x.st.lastSg;
    if (g) {
      g.ingressComplete = true;
      addSrc(g, x.src);
      any = true;
    }
  }
  // "sg-0d… (the app SG in us-west-2)", "sg-0c… which is the us-west-2 worker SG", "eu-central-1 cache SG
  // sg-0b…", "the redis SG in eu-central-1": the Region the group is in
  const REG = String.raw`([a-z]{2}(?:-gov)?-[a-z]+-\d)`;
  const placed = new Set<string>();
  for (const m of x.ids.filter((i) => i.kind === 'sg')) {
    const after = x.s.slice(m.index + m.id.length, m.index + m.id.length + 70);
    const before = x.s.slice(Math.max(0, m.index - 50), m.index);
    const r =
      regionMentions(/^\s*\(([^)]*)\)/.exec(after)?.[1] ?? '')[0]?.region ??
      new RegExp(
        `^\\s*(?:,\\s*|\\s+)(?:which\\s+is\\s+|that'?s\\s+|is\\s+|=\\s*|lives\\s+)?(?:in\\s+)?(?:the\\s+)?${REG}\\b`,
        'i',
      ).exec(after)?.[1] ??
      new RegExp(
        `^\\s*(?:,\\s*|\\s+)(?:which\\s+is|that'?s|=)\\s+(?:the\\s+|our\\s+)?${REG}\\s+(?:[\\w-]+\\s+){0,2}(?:sg|security\\s+group)\\b`,
        'i',
      ).exec(after)?.[1] ??
      new RegExp(`${REG}\\s+(?:[\\w-]+\\s+){0,2}(?:sg|security\\s+group)s?\\s*[(:=]?\\s*$`, 'i').exec(
        before,
      )?.[1];
    if (!r) continue;
    const g = x.b.sg({ id: m.id });
    g.region ??= r;
    placed.add(m.id.toLowerCase());
    any = true;
  }
  for (const m of x.s.matchAll(
    new RegExp(
      `\\b(?:${REG}\\s+((?:[A-Za-z][\\w-]*\\s+){0,2}?)(?:sg|security\\s+group)\\b(?!\\s*[(:=]?\\s*sg-)|((?:[A-Za-z][\\w-]*\\s+){1,2}?)(?:sg|security\\s+group)\\s+(?:is\\s+|lives\\s+)?in\\s+(?:the\\s+)?${REG}\\b)`,
      'gi',
    ),
  )) {
    const region = m[1] ?? m[4]!;
    // already placed by its ID ("(the app SG in us-west-2)" after "from sg-0d…")
    const idBefore = x.ids.filter((i) => i.kind === 'sg' && i.index < (m.index ?? 0)).pop();
    if (
      idBefore &&
      placed.has(idBefore.id.toLowerCase()) &&
      /^[^;.]*$/.test(x.s.slice(idBefore.index, m.index))
    )
      continue;
    const who = (m[2] ?? m[3] ?? '').trim().split(/\s+/).pop();
    if (!who || !isNameToken(who) || /^(the|that|this|app'?s)$/i.test(who)) continue;
    const g = subjectSg(x, (m.index ?? 0) + m[0].length) ?? sgByName(x, who);
    g.region ??= region;
    any = true;
  }
  // "security group allows everything" / "SGs are wide open"
  if (
    /\b(?:sgs?|security\s+groups?)\b[^.;]{0,30}\b(?:allows?\s+(?:everything|all(?:\s+traffic)?)(?!\s+(?:from|to)\s)|(?:is|are)\s+(?:wide\s+)?open|allow\s+all)\b/i.test(
      x.s,
    )
  ) {
    x.b.model.claims.push({ kind: 'sg-allows-all', src: x.src });
    any = true;
  }
  // "uses the default SG" (inbound only from itself)
  const def =
    /\b(?:uses?|has|with|on)\s+(?:the\s+)?(?:vpc'?s\s+)?default\s+(?:sg|security\s+group)\b(?:\s*\(\s*(sg-[\w-]+)\s*\))?/i.exec(
      x.s,
    ) ??
    /\b(?:sg|security\s+group)\s+(?:as|is|was|set\s+to|on)\s+(?:the\s+)?(?:vpc'?s\s+)?default(?:\s+one|\s+sg|\s+group)?\b(?:\s*\(\s*(sg-[\w-]+)\s*\))?/i.exec(
      x.s,
    );
  if (def) {
    const g = def[1] ? x.b.sg({ id: def[1], name: 'default' }, x.src) : x.b.sg({ name: 'default' }, x.src);
    if (!g.ingress.length) {
      g.ingress.push({ protocol: -1, peers: [{ kind: 'sg', group: g.key }], src: x.src });
      g.egress.push({ protocol: -1, peers: [{ kind: 'cidr', cidr: ANY }], src: x.src });
      g.ingressComplete = true;
      g.egressComplete = true;
    }
    // the endpoints this sentence (or the last one) made: all of them get it
    const eps =
      /endpoint/i.test(x.s) || x.b.all('vpce').some((k) => k.src.some((s) => s.lines.includes(x.line)))
        ? x.b.all('vpce').filter((k) => k.src.some((s) => s.lines.includes(x.line)))
        : [];
    const e = eps[0] ?? (/endpoint/i.test(x.s) ? x.b.all('vpce').slice(-1)[0] : undefined);
    for (const k of eps.length ? eps : e ? [e] : [])
      if (!k.sgs.includes(g.key)) k.sgs.push(g.key);
      else if (x.st.lastWorkload && !x.st.lastWorkload.sgs.includes(g.key) && !e)
        x.st.lastWorkload.sgs.push(g.key);
    any = true;
  }
  if (any) x.hit = true;
};

const NACL_LINE = /^(?:rule\s*#?\s*)?(\d{1,5}|\*)\s*[:.)-]?\s+(.*\b(?:allow|deny)\b.*)$/i;

/**
 * SG rules listed one per line under a header: "task SG egress (sg-0e2a…):" or "IpPermissionsEgress:",
 * then "- tcp 443 -> sg-0f3b…", "- tcp 5432 -> sg-0a4c… (rds)", "- all 0.0.0.0/0".
 */
function sgListing(x: Sentence): boolean {
  const head =
    /^\s*(?:(?:the\s+)?([A-Za-z][\w-]*)\s+)?(?:sg|security\s+group)\s+(egress|outbound|ingress|inbound)(?:\s+rules?)?\s*\(\s*(sg-[\w-]+)\s*\)\s*:?\s*$/i.exec(
      x.s,
    ) ??
    /^\s*(sg-[\w-]+)\s*(?:\([^)]*\))?\s+(egress|outbound|ingress|inbound)(?:\s+rules?)?\s*:\s*$/i.exec(x.s);
  // "opensearch node SG (sg-0a2b…) inbound:"
  const head2 =
    /^\s*(?:the\s+)?((?:[A-Za-z][\w-]*\s+){0,2}?[A-Za-z][\w-]*)\s+(?:sg|security\s+group)\s*\(\s*(sg-[\w-]+)\s*\)\s*(egress|outbound|ingress|inbound)(?:\s+rules?)?\s*:?\s*$/i.exec(
      x.s,
    );
  if (head || head2) {
    const id = head2 ? head2[2]! : head!.length === 4 ? head![3]! : head![1]!;
    const who = head2 ? head2[1]!.split(/\s+/)[0] : head!.length === 4 ? head![1] : undefined;
    const dirWord = head2 ? head2[3]! : head![2]!;
    const g = x.b.sg({ id }, x.src);
    x.st.lastSg = g;
    x.st.sgDir = /^(egress|outbound)$/i.test(dirWord) ? 'out' : 'in';
    if (who && isNameToken(who)) {
      const w =
        workloadNamed(x, who) ??
        x.b.workload(
          { name: who },
          /task|container|service|ecs/i.test(who) ? 'ecs' : /lambda|function/i.test(who) ? 'lambda' : 'ec2',
          x.src,
        );
      if (!w.sgs.includes(g.key)) w.sgs.push(g.key);
      x.st.lastWorkload = w;
    }
    x.hit = true;
    return true;
  }
  if (/^\s*(IpPermissionsEgress|IpPermissions)\s*:\s*$/.test(x.s)) {
    x.st.sgDir = /Egress/.test(x.s) ? 'out' : 'in';
    x.hit = true;
    return true;
  }
  const item =
    /^\s*(?:-\s*)?(tcp|udp|icmp|all|-1)\s+(?:(\d{1,5}(?:\s*-\s*\d{1,5})?)\s+)?(->|=>|to|<-|from)?\s*(sg-[\w-]+|pl-[\w-]+|\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2})\b/i.exec(
      x.s,
    );
  const g = x.st.lastSg;
  if (!item || !g || !x.st.sgDir) return false;
  const egress = item[3] ? /->|=>|to/i.test(item[3]) : x.st.sgDir === 'out';
  const what = parseWhat(`${item[1]}${item[2] ? ` ${item[2].replace(/\s+/g, '')}` : ''}`);
  const peers = parsePeer(x, item[4]!);
  if (!what || !peers.length) return false;
  for (const r of what.ranges)
    addRule(g, egress, { protocol: what.protocol, ...(r ? { ports: r } : {}), peers, src: x.src });
  // a listing under a header is the whole list
  if (egress) g.egressComplete = true;
  else g.ingressComplete = true;
  addSrc(g, x.src);
  x.hit = true;
  return true;
}

/** Network ACL rules: "100 ALLOW TCP 443 0.0.0.0/0", "* DENY ALL", "inbound:" headers, "NACLs are default". */
export const readNacls: Extractor = (x) => {
  const naclId = x.ids.find((i) => i.kind === 'acl')?.id;
  if (
    /\bnacls?\b|network\s+acls?|\bacl\b/i.test(x.s) &&
    /\b(?:are|is)\s+(?:the\s+|all\s+)?defaults?\b|\bdefault\s+(?:nacls?|network\s+acls?)\b|\bnacls?\s+(?:allow|allows)\s+(?:all|everything)\b|\bnacls?\s+(?:are|is)\s+(?:wide\s+)?open\b|\bdefault\s+allow[\s-]all\b|\bnacls?\s+(?:are\s+)?fine\b|\bnacls?\s*[:=-]?\s*(?:is\s+|are\s+)?(?:the\s+)?default\b/i.test(
      x.s,
    ) &&
    !/\bnot\s+(?:the\s+)?default/i.test(x.s)
  ) {
    if (!naclId) {
      x.b.model.claims.push({ kind: 'nacl-default', src: x.src });
      for (const v of x.b.all('vpc')) v.naclsDefault ??= x.src;
      x.hit = true;
      return;
    }
  }
  const mentions = /\b(?:nacls?|network\s+acls?)\b|\bsubnets?(?:'s)?\s+acls?\b/i.test(x.s);
  const known = x.b.all('acl');
  const lineSubnets = x.b.all('subnet').filter((s) => s.src.some((src) => src.lines.includes(x.line)));
  // the NACL this line is about: its ID, the NACL of the subnets it names, or the one being listed
  // "grafana subnet nacl outbound:": the NACL of the subnet a named host is in
  const hostSubnet = /\b([A-Za-z][\w-]*)(?:'s)?\s+subnets?(?:'s)?\s+(?:nacl|network\s+acl|acl)\b/i.exec(
    x.s,
  )?.[1];
  const host = hostSubnet ? workloadNamed(x, hostSubnet) : undefined;
  if (host && !naclId && !lineSubnets.length) {
    const s =
      x.b.all('subnet').find((k) => k.key === host.subnets[0]) ??
      x.b.subnet({ name: `${hostSubnet} subnet` });
    if (!host.subnets.includes(s.key)) host.subnets.unshift(s.key);
    lineSubnets.push(s);
  }
  const pick = (): Nacl => {
    if (naclId) {
      const n = x.b.nacl({ id: naclId }, x.src);
      // "db subnet 10.5.2.0/24 (subnet-…) NACL acl-… inbound:": that subnet's NACL
      const only = lineSubnets.length === 1 ? lineSubnets[0]! : undefined;
      if (only && !only.nacl && x.ids.filter((i) => i.kind === 'acl').length === 1) {
        only.nacl = n.key;
        if (!n.subnets.includes(only.key)) n.subnets.push(only.key);
      }
      return n;
    }
    if (mentions && lineSubnets.length) {
      const s0 = lineSubnets[0]!;
      const n =
        (s0.nacl ? known.find((k) => k.key === s0.nacl) : undefined) ??
        x.b.nacl({ name: `NACL of ${s0.name ?? s0.id}` }, x.src);
      for (const s of lineSubnets) {
        s.nacl = n.key;
        if (!n.subnets.includes(s.key)) n.subnets.push(s.key);
      }
      return n;
    }
    return x.st.lastNacl ?? (known.length === 1 ? known[0]! : x.b.nacl({ name: 'the NACL' }, x.src));
  };
  if (naclId || (mentions && (lineSubnets.length || x.st.lastNacl || known.length === 1)))
    x.st.lastNacl = pick();
  // "batch subnet nacl: …" with nothing called batch yet: remember whose subnet it is
  const hinted = hostSubnet && !host && !lineSubnets.length ? hostSubnet.toLowerCase() : undefined;
  if (hinted && !/^(?:the|this|that|each|every|same|our|my|its|private|public)$/.test(hinted)) {
    const n = x.st.lastNacl ?? pick();
    x.st.lastNacl = n;
    n.subnetHint ??= hinted;
  }
  // direction headers anywhere in the line: "outbound rules: 100 allow …", "inbound: …"
  const segs: { text: string; dir?: 'in' | 'out' }[] = [];
  let dir = x.st.naclDir;
  let last = 0;
  for (const h of x.s.matchAll(
    /\b(inbound|ingress|outbound|egress)(?:\s+rules?)?\s*(?::|-|=)?\s*(?=rule\b|\d|\*|$)/gi,
  )) {
    segs.push({ text: x.s.slice(last, h.index), ...(dir ? { dir } : {}) });
    dir = /^(in|ingress)/i.test(h[1]!) ? 'in' : 'out';
    last = (h.index ?? 0) + h[0].length;
  }
  segs.push({ text: x.s.slice(last), ...(dir ? { dir } : {}) });
  if (segs.length > 1 && segs[segs.length - 1]!.text.trim() === '') {
    // a header line: the rules follow on the next lines
    x.st.naclDir = dir;
    x.st.sgDir = dir;
    if (mentions || naclId) x.hit = true;
  }
  for (const seg of segs) {
    for (const part of seg.text.split(
      /\s*[;|]\s*|,\s+(?=(?:rule\s*)?(?:\d{1,5}|\*)\s+(?:allow|deny))|\.\s+(?=(?:rule\s*)?(?:\d{1,5}|\*)\s)|\s+(?:then|and\s+then|followed\s+by)\s+(?=(?:rule\s*)?(?:\d{1,5}|\*)\s)/i,
    )) {
      const m = NACL_LINE.exec(part.trim());
      if (!m) continue;
      const entry = parseNaclRule(x, m[1]!, m[2]!, seg.dir);
      if (!entry) continue;
      const n = x.st.lastNacl ?? pick();
      x.st.lastNacl = n;
      if (!n.entries.some((e) => e.egress === entry.egress && e.number === entry.number))
        n.entries.push(entry);
      if (entry.egress) n.completeOut = true;
      else n.completeIn = true;
      addSrc(n, x.src);
      x.hit = true;
    }
  }
};

function parseNaclRule(x: Sentence, num: string, rest: string, dir?: 'in' | 'out'): NaclEntry | undefined {
  const r = rest.toLowerCase();
  const action = /\bdeny\b/.test(r) ? 'deny' : 'allow';
  let egress: boolean | undefined;
  if (/\b(outbound|egress|out)\b/.test(r) || /\bto\s+\d/.test(r)) egress = true;
  else if (/\b(inbound|ingress|in)\b/.test(r) || /\bfrom\s+\d/.test(r)) egress = false;
  else if (dir ?? x.st.naclDir) egress = (dir ?? x.st.naclDir) === 'out';
  if (egress === undefined) egress = false;
  const cidrText =
    /\d+\.\d+\.\d+\.\d+(?:\/\d+)?/.exec(rest)?.[0] ??
    (/\b0\/0\b|anywhere/.test(r) ? '0.0.0.0/0' : /\ball\b|\*/.test(r) ? '0.0.0.0/0' : undefined);
  const cidr: Cidr | undefined = cidrText ? parseCidr(cidrText) : undefined;
  if (!cidr) return undefined;
  const noCidr = r.replace(/\d+\.\d+\.\d+\.\d+(?:\/\d+)?/g, ' ').replace(/\(\d+\)/g, ' ');
  let protocol = parseProtocol(/\b(tcp|udp|icmp|all|any|-1)\b/.exec(noCidr)?.[1]) ?? -1;
  if (/\ball\s+traffic\b/.test(noCidr)) protocol = -1;
  if (
    /\b(https|http|ssh|rdp|postgres(?:ql)?|mysql)\b/.test(noCidr) &&
    protocol === -1 &&
    !/\ball\b/.test(noCidr)
  )
    protocol = 6;
  const pm = /(?:^|\s)(\d{1,5}(?:\s*-\s*\d{1,5})?)(?=\s|$)/.exec(
    noCidr.replace(/\b(tcp|udp)\s*\(\d+\)/g, ' '),
  );
  let ports = pm ? parsePortRange(pm[1]!.replace(/\s/g, '')) : undefined;
  if (!ports && protocol === 6)
    for (const [re, p] of PORT_WORDS) if (re.test(noCidr)) ports = { from: p, to: p };
  const number = num === '*' ? 32767 : Number(num);
  const ported = ports && (protocol === 6 || protocol === 17) ? ports : undefined;
  const icmp = protocol === 1 ? icmpTypeCodeIn(noCidr) : undefined;
  const label = describeNaclEntry({
    number,
    egress,
    action,
    protocol,
    ports: ported,
    cidr,
    ...(icmp ? { icmp } : {}),
  });
  return {
    number,
    egress,
    action,
    protocol,
    ...(ported ? { ports: ported } : {}),
    ...(icmp ? { icmp } : {}),
    cidr,
    src: { ...x.src, text: x.src.text.length < 60 ? x.src.text : label },
  };
}
