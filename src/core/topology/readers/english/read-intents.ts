import type { Intent, PlaceRef } from '../../model/types.js';
import { isPublicIp, parseCidr, parseIp } from '../../net/ipv4.js';
import {
  portMention,
  protocolMention,
  qualifiedPortMention,
  regionMentions,
  serviceMentions,
} from './mentions.js';
import { clean, isNameToken } from './refs.js';
import type { Extractor, Sentence } from './sentence.js';
import { withoutWorksClauses, worksClauses } from './works-clauses.js';

const INTERNET =
  /\b(?:the\s+)?(?:internet|the\s+web|outside\s+world|public\s+internet|pypi(?:\.org)?|github(?:\.com)?|docker\s*hub|npm(?:js)?|registry\.npmjs\.org|google(?:\.com)?|apt\s+repos?|yum\s+repos?|os\s+updates|external\s+apis?|(?:third|3rd)[- ]party\s+(?:apis?|services?)|checkip(?:\.amazonaws\.com)?|ifconfig\.me|stripe|twilio|slack\s+api)\b/i;
const ONPREM =
  /\b(?:on[- ]?prem(?:ises)?|(?:our\s+|the\s+)?office|data\s?cent(?:er|re)|\bdc\b|corporate(?:\s+network)?|corp\s+network|vpn\s+(?:clients?|users?)|our\s+network|branch)\b/i;
const LEAD =
  /^(?:so|but|and|now|then|also|still|however|when|while|because|since|that|the\s+problem\s+is|problem\s+is|issue\s+is|hi|hey|hello|help|please|pls|ok|okay|basically|why|how\s+come|i\s+think|it\s+seems|apparently|and\s+yet|yet)\b[\s,:]*/i;

/** The text after the last `,` or `;` that is not inside parentheses. */
function lastClause(s: string): string {
  let depth = 0;
  let cut = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if ((c === ',' || c === ';') && depth === 0) cut = i + 1;
  }
  return s.slice(cut);
}

/** A phrase naming one end of a path → a reference resolved once the whole text is read. */
export function placeRef(
  x: Sentence,
  raw: string,
): { ref: PlaceRef; port?: number; protocol?: 6 | 17 } | undefined {
  let p = (raw.split(/[.;!?]\s+|,\s+(?:and|but|so)\s+/).pop() ?? raw)
    .trim()
    .replace(/^["'(]+|["').,:;!?]+$/g, '')
    .trim();
  while (LEAD.test(p)) p = p.replace(LEAD, '');
  p = p.replace(/^(?:the|an?|our|my|their|its|some|all|any|every)\s+/i, '').trim();
  if (!p) return undefined;
  // "b on 443", "db on port 5432": the place, and the port said after it
  const onPort = /^(.+?)\s+on\s+(?:tcp\s+|udp\s+)?(?:port\s+)?(\d{2,5})$/i.exec(p);
  if (onPort && !/\d+\.\d+\.\d+\.\d+/.test(onPort[1]!)) {
    const inner = placeRef(x, onPort[1]!);
    if (inner && inner.ref.kind !== 'name') return { ...inner, port: inner.port ?? Number(onPort[2]) };
  }
  // a clause, not a name: "we also put the S3 gateway endpoint there and …"
  if (p.split(/\s+/).length > 8 && !/\d+\.\d+\.\d+\.\d+/.test(p)) return undefined;
  // `10.0.20.10:514`, `10.0.20.10:514/udp`; not a block (`10.0.20.0/24`)
  const ipm = /(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?!\d|\/\d)(?::(\d{1,5})\b)?/.exec(p);
  if (ipm && parseIp(ipm[1]!) !== undefined) {
    const inVpc = /\bin\s+(?:the\s+)?((?:vpc[\s-]+)?[\w-]+(?:\s+vpc)?)\s*$/i.exec(p)?.[1];
    const v = inVpc ? x.b.find('vpc', inVpc.replace(/^vpc[\s-]+|\s+vpc$/gi, '')) : undefined;
    if (v && !x.b.all('workload').some((w) => w.privateIps.includes(ipm[1]!))) {
      const w = x.b.workload({ name: ipm[1]! }, 'other');
      w.privateIps.push(ipm[1]!);
      w.vpc = v.key;
    }
    const name = p
      .replace(/\s*\([^)]*\d{1,3}(?:\.\d{1,3}){3}[^)]*(?:\)|$)\s*/, ' ')
      .replace(/\(?\s*\d{1,3}(?:\.\d{1,3}){3}(?::\d+(?:\/(?:tcp|udp)\b)?)?\s*\)?/i, ' ')
      .replace(/\s+(?:on\s+)?(?:tcp\s+|udp\s+)?port\s+\d+\b.*$/i, '')
      .replace(/\s+(?:in|at|on)\s+[\w-]+\s*$/i, '')
      .replace(/\s+(?:at|on|@|is|=)\s*$/i, '')
      .trim();
    const q = qualifiedPortMention(p);
    return {
      ref: { kind: 'ip', ip: ipm[1]!, label: name || ipm[1]! },
      ...(ipm[2] ? { port: Number(ipm[2]) } : {}),
      ...(q ? { protocol: q.protocol } : {}),
    };
  }
  // a block ("clients 10.0.5.0/24"): the subnet with that CIDR
  const block = /(\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2})/.exec(p)?.[1];
  const bc = block ? parseCidr(block) : undefined;
  const vpcBlock = bc ? x.b.all('vpc').find((v) => v.cidrs.some((c) => c.cidr.text === bc.text)) : undefined;
  if (vpcBlock) return { ref: { kind: 'entity', key: vpcBlock.key, label: p } };
  // "billing (10.21.0.0/16)": a /16 or larger block is a VPC's
  if (bc && bc.bits > 0 && bc.bits <= 16) {
    const nm = clean(
      p
        .replace(block!, '')
        .replace(/[()]/g, '')
        .replace(/\s+(?:via|over|through)\s+\S+.*$/i, '')
        .trim(),
    );
    const v =
      x.b.all('vpc').find((k) => k.cidrs.some((c) => c.cidr.text === bc.text)) ??
      (nm && isNameToken(nm.split(/\s+/)[0])
        ? x.b.vpc({ name: nm.replace(/\s+vpc$/i, '') })
        : x.b.vpc({ name: `VPC ${bc.text}` }));
    if (!v.cidrs.some((c) => c.cidr.text === bc.text)) v.cidrs.push({ cidr: bc, src: x.src });
    return { ref: { kind: 'entity', key: v.key, label: p } };
  }
  if (bc && bc.bits > 0 && !/\bvpc\b/i.test(p)) {
    const s =
      x.b.all('subnet').find((k) => k.cidr?.text === bc.text) ??
      x.b.subnet({
        name: p.replace(block!, '').trim()
          ? `${p.replace(block!, '').replace(/[()]/g, '').trim()} ${bc.text}`
          : bc.text,
      });
    s.cidr ??= bc;
    return { ref: { kind: 'entity', key: s.key, label: p } };
  }
  const id = /\b(i-[0-9a-f]{8,17}|subnet-[\w-]+|vpc-[\w-]+)\b/i.exec(p)?.[1];
  if (id) {
    const k = id.toLowerCase();
    const e = k.startsWith('i-')
      ? x.b.workload({ id }, 'ec2')
      : k.startsWith('subnet-')
        ? x.b.subnet({ id })
        : x.b.vpc({ id });
    return { ref: { kind: 'entity', key: e.key, label: p.replace(/\s*\([^)]*\)\s*/g, ' ').trim() || p } };
  }
  const host = /\b((?:[\w-]+\.)+[a-z]{2,})(?::(\d+))?\b/i.exec(p);
  if (host && /amazonaws\.com$/i.test(host[1]!) && !/\.rds\.amazonaws\.com$/i.test(host[1]!)) {
    const svc = serviceMentions(host[1]!)[0]?.service;
    if (svc) {
      const region = regionMentions(host[1]!)[0]?.region ?? x.st.region;
      if (svc !== 'checkip')
        return {
          ref: {
            kind: 'service',
            service: svc,
            host: host[1]!,
            ...(region ? { region } : {}),
            label: host[1]!,
          },
        };
    }
  }
  if (ONPREM.test(p)) return { ref: { kind: 'onprem', label: p } };
  // "users on the internet", "customers": clients out on the internet
  if (
    /^(?:(?:users|clients|customers|visitors|people|everyone|anyone)\s+(?:on|from)\s+(?:the\s+)?(?:internet|outside|web)|(?:the\s+)?internet\s+(?:users|clients)|public\s+users)$/i.test(
      p,
    )
  )
    return { ref: { kind: 'internet', label: p } };
  // "ssh from home", "from my laptop": a client out on the internet
  if (
    /^(?:my\s+|our\s+)?(?:home|house|laptop|home\s+(?:pc|network|wifi|connection)|local\s+machine|workstation)$/i.test(
      p,
    )
  )
    return { ref: { kind: 'internet', label: p } };
  // "the spokes", "spoke vpcs", "the other vpcs": VPCs the text does not name one by one
  if (
    /^(?:other\s+)?(?:spokes?|spoke\s+vpcs?|other\s+vpcs?|peer\s+vpcs?|peered\s+vpcs?|workload\s+vpcs?|member\s+vpcs?)$/i.test(
      p,
    )
  ) {
    const v = x.b.find('vpc', 'spokes') ?? x.b.vpc({ name: 'spokes' });
    return { ref: { kind: 'entity', key: v.key, label: p } };
  }
  // "instances in B", "the boxes in private-a": the place they are in
  const inPlace =
    /^(?:[\w-]+\s+){0,2}?(?:instances?|boxes|box|hosts?|servers?|vms?|machines?|pods?|nodes?|tasks?|containers?|workloads?|things|stuff|everything|nothing|anything|nobody|no\s*one|every(?:one|body)|users|people|clients|ec2s?|apps?)\s+(?:in|on|inside|from)\s+(?:the\s+)?(.+)$/i.exec(
      p,
    );
  if (inPlace) {
    const r = placeRef(x, inPlace[1]!);
    if (r && r.ref.kind !== 'name') return r;
  }
  // a known workload, subnet or VPC by name ("app instances (sg-0new…)" is "app instances")
  p = p.replace(/\s*\([^)]*\)?\s*$/, '').trim() || p;
  const words = p.split(/\s+/).map(clean).filter(Boolean);
  // "clickhouse in the warehouse vpc": the thing, resolved once the whole text is read, inside that VPC
  const thingIn = /^([A-Za-z][\w.-]*)\s+(?:in|on|inside)\s+(?:the\s+)?(.+)$/i.exec(p);
  // a known thing placed in a VPC the input had not tied it to yet
  const knownThing = thingIn ? x.b.find('workload', thingIn[1]!) : undefined;
  if (knownThing && !knownThing.vpc && !knownThing.subnets.length) {
    const inner = placeRef(x, thingIn![2]!);
    const v =
      inner?.ref.kind === 'entity'
        ? x.b.all('vpc').find((k) => k.key === (inner.ref as { key: string }).key)
        : undefined;
    if (v) knownThing.vpc = v.key;
  }
  if (
    thingIn &&
    !knownThing &&
    !/^(?:instances?|boxes|box|hosts?|servers?|vms?|machines?|pods?|nodes?|tasks?|containers?|things|stuff|everything|apps?)$/i.test(
      thingIn[1]!,
    )
  ) {
    const inner = placeRef(x, thingIn[2]!);
    if (
      inner?.ref.kind === 'entity' &&
      x.b.all('vpc').some((v) => v.key === (inner.ref as { key: string }).key)
    ) {
      return { ref: { kind: 'name', name: thingIn[1]!.toLowerCase(), label: p, within: inner.ref.key } };
    }
  }
  for (const cand of [p, ...words]) {
    const w = x.b.find('workload', cand);
    if (w) return { ref: { kind: 'entity', key: w.key, label: p } };
  }
  const svc = serviceMentions(p)[0];
  if (svc && !/\b(?:db|database|rds)\b/i.test(p)) {
    const region = regionMentions(p)[0]?.region ?? x.st.region;
    return {
      ref: {
        kind: 'service',
        service: svc.service === 'ecr' ? 'ecr.dkr' : svc.service,
        ...(region && /\bin\s+[a-z]{2}-/i.test(p) ? { region } : {}),
        label: p,
      },
    };
  }
  if (
    INTERNET.test(p) ||
    (host &&
      !/\.(internal|local|corp|lan|intra)$/i.test(host[1]!) &&
      !/rds\.amazonaws/i.test(host[1]!) &&
      !x.b.find('workload', host[1]!))
  ) {
    return { ref: { kind: 'internet', label: p }, ...(/^https:/i.test(raw) ? { port: 443 } : {}) };
  }
  for (const cand of [p, ...words]) {
    const s = x.b.find('subnet', cand);
    if (s) return { ref: { kind: 'entity', key: s.key, label: p } };
  }
  // "the app subnets": the subnets of the route table (or NACL) of that name
  const group = /^([\w-]+)\s+subnets?$/i.exec(p)?.[1];
  if (group) {
    const t = x.b.find('rtb', group) ?? x.b.find('acl', group);
    const sk = t?.subnets[0];
    if (sk) return { ref: { kind: 'entity', key: sk, label: p } };
  }
  const vpcName = /\bvpc[\s-]+([\w-]+)|([\w-]+)\s+vpc\b/i.exec(p);
  const vn = vpcName ? (vpcName[1] ?? vpcName[2])! : words.length <= 2 ? words[0]! : undefined;
  if (vn) {
    const v =
      x.b.find('vpc', vn) ??
      x.b
        .all('vpc')
        .find((k) =>
          [...k.aliases].some((a) => a === vn.toLowerCase() || a.startsWith(`${vn.toLowerCase()}-`)),
        );
    if (v) return { ref: { kind: 'entity', key: v.key, label: p } };
  }
  if (/\b(?:db|database|rds|aurora|postgres(?:ql)?|mysql|redis|elasticache)\b/i.test(p)) {
    const kind = /redis|elasticache/i.test(p) ? 'other' : 'rds';
    const w =
      x.b.all('workload').find((k) => k.kind === kind) ??
      x.b.workload({ name: kind === 'rds' ? 'db' : 'redis' }, kind);
    return { ref: { kind: 'entity', key: w.key, label: p } };
  }
  if (/\blambdas?\b|\bfunctions?\b/i.test(p)) {
    const w =
      x.b.all('workload').find((k) => k.kind === 'lambda') ?? x.b.workload({ name: 'lambda' }, 'lambda');
    return { ref: { kind: 'entity', key: w.key, label: p } };
  }
  // "nodes in 1c", "us-east-1c": the subnet in that AZ
  const az = /^(?:(?:az|zone)\s+)?((?:[a-z]{2}-[a-z]+-)?\d[a-f])$/i.exec(p)?.[1]?.toLowerCase();
  if (az) {
    const inAz = x.b
      .all('subnet')
      .filter(
        (sn) => (sn.az ?? '').toLowerCase().endsWith(az) || (sn.name ?? '').toLowerCase().endsWith(`-${az}`),
      );
    if (inAz.length >= 1) return { ref: { kind: 'entity', key: inAz[0]!.key, label: p } };
  }
  // the one EC2 host name: ip-10-52-40-17(.ec2.internal)
  const hostIp = /^ip-(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})\b/i.exec(p);
  if (hostIp) return { ref: { kind: 'ip', ip: hostIp.slice(1, 5).join('.'), label: p } };
  // "the app" with subnets app-a / app-b: the first of them
  const stem = /^([a-z][\w]*)(?:\s+(?:subnets?|boxes|instances|servers|tier|layer|nodes|fleet))?$/i
    .exec(p)?.[1]
    ?.toLowerCase();
  if (stem && stem.length >= 2) {
    const named = x.b
      .all('subnet')
      .filter(
        (sn) =>
          (sn.name ?? '').toLowerCase().startsWith(`${stem}-`) ||
          (sn.name ?? '').toLowerCase().startsWith(`${stem}_`),
      );
    if (named.length >= 1 && !x.b.find('workload', stem) && !x.b.find('vpc', stem))
      return { ref: { kind: 'entity', key: named[0]!.key, label: p } };
  }
  // "jobs there": the subnet named last before the phrase
  if (/^(?:[\w-]+\s+){0,2}(?:there|in\s+it)$/i.test(p)) {
    const at = x.s.indexOf(raw.trim());
    const before = at > 0 ? x.s.slice(0, at) : '';
    let best: { key: string; i: number } | undefined;
    for (const s of x.b.all('subnet'))
      for (const n of [s.id, s.name, s.cidr?.text]) {
        const i = n ? before.lastIndexOf(n) : -1;
        if (i >= 0 && (!best || i > best.i)) best = { key: s.key, i };
      }
    if (best) return { ref: { kind: 'entity', key: best.key, label: p } };
  }
  if (/^(?:that|this|same|our|my)?\s*subnet$/i.test(p) && x.st.lastSubnet)
    return { ref: { kind: 'entity', key: x.st.lastSubnet.key, label: p } };
  if (/\bprivate\b/i.test(p) && /\b(?:instances?|boxes|hosts|servers|subnets?|ec2|machines|nodes)\b/i.test(p))
    return { ref: { kind: 'name', name: '@private', label: p } };
  if (
    /^(?:it|box|instance|server|host|machine|ec2|vm|node|app|service|container|task|pod|instances|boxes|servers)$/i.test(
      p,
    ) ||
    /^(?:this|that|new)\s+(?:box|instance|server|host)$/i.test(p)
  ) {
    return {
      ref: x.st.lastWorkload
        ? { kind: 'entity', key: x.st.lastWorkload.key, label: p }
        : { kind: 'name', name: '@subject', label: p },
    };
  }
  if (/^[\w-]+$/.test(p) && words.length === 1 && p.length <= 40)
    return { ref: { kind: 'name', name: p.toLowerCase(), label: p } };
  // "the shared services", "the payments api": a thing the input does not describe further
  if (
    !/\b(?:instances?|boxes|box|hosts?|servers?|vms?|machines?|pods?|nodes?|tasks?|containers?|subnets?|it|they|them|everything|nothing|attachments?|tgw|peering|vpc|route|table|nat|gateway|endpoint)\b/i.test(
      p,
    ) &&
    words.length <= 4 &&
    words.every((w) => /^[\w-]+$/.test(w)) &&
    !words.some((w) => /^(?:is|are|was|can|can't|does|doesn't|and|but|when|if|it|they|we|i)$/i.test(w))
  ) {
    return { ref: { kind: 'name', name: p.toLowerCase(), label: p } };
  }
  return undefined;
}

function subjectRef(x: Sentence): PlaceRef {
  if (x.st.promptIp) return { kind: 'ip', ip: x.st.promptIp };
  if (x.st.lastWorkload && x.st.lastWorkload.kind !== 'rds')
    return { kind: 'entity', key: x.st.lastWorkload.key };
  return { kind: 'name', name: '@subject' };
}

/**
 * The transport of the failing traffic a sentence describes: what its destination says
 * (`10.0.20.10:514/udp`), else a `udp`/`tcp` the sentence uses outside the clauses that say something
 * works, else ICMP for a ping with no port; TCP when it says nothing.
 */
function protocolOf(x: Sentence, to: { ref: PlaceRef; protocol?: 6 | 17 }, port: number | undefined): number {
  if (to.ref.kind === 'service') return 6;
  if (to.protocol) return to.protocol;
  const failing = withoutWorksClauses(x.s);
  const said = protocolMention(failing, port);
  if (said) return said;
  if (port === undefined && /\bping(?:s|ed|ing)?\b/i.test(failing)) return 1;
  return 6;
}

function add(
  x: Sentence,
  from: PlaceRef | undefined,
  to: { ref: PlaceRef; port?: number; protocol?: 6 | 17 } | undefined,
  port?: number,
): void {
  if (!to) return;
  x.st.lastDestination = to.ref;
  const toIp = to.ref.kind === 'ip' ? to.ref.ip : undefined;
  // an error line restating a path already described ("curl: Failed to connect to 10.30.4.20 port 8443")
  if (
    !from &&
    x.b.model.intents.some(
      (i) =>
        !i.works &&
        (JSON.stringify(i.to) === JSON.stringify(to.ref) ||
          (toIp && i.to?.kind === 'ip' && i.to.ip === toIp)),
    )
  )
    return;
  let f = from ?? subjectRef(x);
  if (
    f.kind === 'entity' &&
    toIp &&
    x.b.all('workload').some((w) => w.key === (f as { key: string }).key && w.privateIps.includes(toIp))
  )
    f = { kind: 'name', name: '@subject' };
  const p =
    to.port ??
    port ??
    (to.ref.kind === 'service' ? 443 : undefined) ??
    (to.ref.kind === 'entity'
      ? x.b.all('workload').find((w) => w.key === (to.ref as { key: string }).key)?.port
      : undefined);
  const intent: Intent = {
    from: f,
    to: to.ref,
    ...(p !== undefined ? { port: p } : {}),
    protocol: protocolOf(x, to, p),
    src: x.src,
    origin: 'text',
  };
  if (JSON.stringify(intent.from) === JSON.stringify(intent.to)) return;
  // "session manager can't reach the instances": the agent on the instance calls the service
  if (intent.from?.kind === 'service' && intent.to?.kind !== 'service' && intent.to) {
    const svc = intent.from;
    intent.from = intent.to;
    intent.to = svc;
    intent.port = 443;
  }
  x.b.model.intents.push(intent);
  x.hit = true;
}

const VERBS = String.raw`(?:reach|load|open(?!\s+a\s+connection)|browse\s+to|visit|connect(?:ing)?(?:\s+to)?|talk(?:ing)?\s+to|access|hit|ping|get\s+(?:out\s+)?to|get\s+out\b|ssh\s+(?:in)?to|rdp\s+(?:in)?to|resolve|see|curl|call|pull\s+(?:images?\s+)?from|download\s+from|upload\s+to|send\s+(?:messages?\s+)?to|(?:send|ship|forward|stream)\s+(?:[\w-]+\s+){1,2}?(?:(?:over|via)\s+(?:tcp|udp)\s+)?to|send\s+(?:\w+\s+){0,2}?(?:via|through|over)|push\s+(?:\w+\s+)?to|post\s+to|mount|scrape|sync\s+to|write\s+to|read\s+from|query|use|open\s+a\s+connection\s+to|establish\s+a\s+connection\s+to|get\s+a\s+connection\s+to|make\s+it\s+to|route\s+to)`;
const NEG = String.raw`(?:can't|couldn't|unable\s+to|fails?\s+to|failing\s+to|failed\s+to|won't|doesn't|does\s+not|didn't|no\s+longer|isn't\s+able\s+to|not\s+able\s+to|never)`;
// "cannot reach grafana on i-… port 3000 from the vpn clients": no subject before the verb
const CANT0 = new RegExp(
  `(^|[.;!?]\\s+)()(?:i|we|you|they|still)?\\s*${NEG}\\s+(?:\\w+\\s+)?${VERBS}\\s+(.+?)(?=$|[,;!?]|\\.\\s|\\s+(?:over|via|anymore|any\\s+more|at\\s+all|since|after|because|but|and\\s+(?!\\d)|though|even|when|from|just|,|\\())`,
  'i',
);
const CANT = new RegExp(
  `(^|.*?[\\s(])((?:[\\w./:-]+\\s+){0,5}?[\\w./:()-]+)\\s+${NEG}\\s+(?:\\w+\\s+)?${VERBS}\\s+(.+?)(?=$|[,;!?]|\\.\\s|\\s+(?:on\\s+(?!port\\b)|over|via|anymore|any\\s+more|at\\s+all|since|after|because|but|and\\s+(?!\\d)|though|even|when|from|just|though|either|as\\s+well|,|\\())`,
  'i',
);
const FROM_TO =
  /\bfrom\s+(?:an?\s+|the\s+|my\s+|our\s+)?(.+?)\s+(?:to|->)\s+(?:the\s+|an?\s+)?(.+?)(?=$|[,;!?]|\.\s|\s+(?:on|over|via|port|times?|fails?|is|are|doesn't|does|can't|won't|hangs?|just|and|but|gets?|returns?|results?|works?|nothing|=|->)\b|:)/i;
const ARROW =
  /(?:^|[:;,]\s+|\.\s+)\s*([^\d\s:;,.][^>:;,]{0,40}?)\s+->\s+(.{1,60}?)\s*(?::|,|-|=)?\s*(?:times?\s*out|timeout|timed\s*out|hangs?|fails?|refused|403|broken|nothing|✗|❌|no\s+response|doesn't\s+work|not\s+working|can't\s+connect)/i;
const UNREACH =
  /(.+?)\s+(?:is|are)\s+(?:not\s+reachable|unreachable|not\s+accessible)\s+from\s+(.+?)(?=$|[,;!?]|\.(?!\d)|\s+(?:on|over|via|but|and)\b)/i;
const NEEDS =
  /(.+?)\s+(?:needs?\s+to|needs?|has\s+to|have\s+to|must|should\s+be\s+able\s+to|wants?\s+to|is\s+supposed\s+to)\s+(?:reach|access|talk\s+to|get\s+to|call|use|pull\s+from|hit|read\s+from|write\s+to)?\s*(?:the\s+)?((?:[\w.-]+\s+){0,2}?(?:s3|sqs|sns|dynamodb|dynamo|secrets\s?manager|ssm|ecr|kms|sts|internet|bucket)\b|(?:an?\s+)?(?:3rd|third)[\s-]party\s+(?:api|service|endpoint|site)s?(?:\s+on\s+the\s+internet)?(?:\s+in\s+[a-z]{2}-[a-z]+-\d)?)/i;
const NO_INET =
  /(?:^|[\s,])((?:[\w-]+\s+){0,3}?(?:instances?|boxes|box|hosts?|servers?|lambdas?|functions?|tasks?|pods?|nodes?|subnets?|vms?|machines?|ec2|it|they))\s+(?:has|have|got|with|get)\s+no\s+(?:internet|outbound|egress)(?:\s+access)?/i;
const TOOL_HANG =
  /\b(pip3?\s+install|yum(?:\s+\w+)?|dnf(?:\s+\w+)?|apt(?:-get)?(?:\s+\w+)?|npm\s+install|docker\s+pull|git\s+clone|curl\s+(?:-\S+\s+)*https?:\/\/\S+|wget\s+\S+)\b[^.]*?\b(?:hangs?|hanging|times?\s*out|timed\s+out|fails?|dies|stuck|just\s+sits|never\s+finishes)/i;
const ERRORS: [RegExp, (m: RegExpExecArray) => [string, number | undefined]][] = [
  [/Failed to connect to ([\w.:-]+?) port (\d+)/i, (m) => [m[1]!, Number(m[2])]],
  [/connect to host ([\w.-]+) port (\d+)/i, (m) => [m[1]!, Number(m[2])]],
  [/connection to server at "[^"]*" \((\d+\.\d+\.\d+\.\d+)\), port (\d+)/i, (m) => [m[1]!, Number(m[2])]],
  [/connection to server at "(\d+\.\d+\.\d+\.\d+)",? port (\d+)/i, (m) => [m[1]!, Number(m[2])]],
  [
    /could not connect to server[^"]*"([\w.-]+)"[^\d]*(?:port (\d+))?/i,
    (m) => [m[1]!, m[2] ? Number(m[2]) : undefined],
  ],
  [/dial tcp (\d+\.\d+\.\d+\.\d+):(\d+)/i, (m) => [m[1]!, Number(m[2])]],
  // Node: `connect ETIMEDOUT 10.3.41.9:5432`; nc: `connect to 10.0.0.5 port 5432 (tcp) failed`
  [
    /\bconnect (?:ETIMEDOUT|ECONNREFUSED|EHOSTUNREACH|ENETUNREACH) (\d+\.\d+\.\d+\.\d+):(\d+)/i,
    (m) => [m[1]!, Number(m[2])],
  ],
  [/\bconnect to (\d+\.\d+\.\d+\.\d+) port (\d+)/i, (m) => [m[1]!, Number(m[2])]],
  // fluent-bit: `no upstream connections available to 10.60.3.14:24224`
  [/\bno upstream connections available to (\d+\.\d+\.\d+\.\d+):(\d+)/i, (m) => [m[1]!, Number(m[2])]],
  [
    /Can't connect to (?:MySQL )?server on '([\w.-]+?)(?::(\d+))?'/i,
    (m) => [m[1]!, m[2] ? Number(m[2]) : 3306],
  ],
  [/\bTrying (\d+\.\d+\.\d+\.\d+)(?::(\d+))?/i, (m) => [m[1]!, m[2] ? Number(m[2]) : undefined]],
  [
    /(?:connect\s+timeout|could\s+not\s+connect|read\s+timeout)\s+on\s+endpoint\s+url:?\s*"?(https?:\/\/[^/"\s]+)/i,
    (m) => [m[1]!, 443],
  ],
  [
    /\b(?:timed\s+out|timeout|refused|unreachable|no\s+route\s+to\s+host)\b[^\d]{0,25}(\d+\.\d+\.\d+\.\d+):(\d{1,5})\b/i,
    (m) => [m[1]!, Number(m[2])],
  ],
  [
    /(?:\s-h\s*|--host[=\s]+|--endpoint-url[=\s]+https?:\/\/)(\d+\.\d+\.\d+\.\d+|[\w-]+(?:\.[\w-]+)+)(?:[^\n]*?(?:\s-p\s*|--port[=\s]+|:)(\d{2,5}))?/i,
    (m) => [m[1]!, m[2] ? Number(m[2]) : undefined],
  ],
  [
    /\b(?:telnet|nc(?:\s+-\w+)*)\s+(\d+\.\d+\.\d+\.\d+|[\w.-]+\.[a-z]{2,})\s+(\d+)/i,
    (m) => [m[1]!, Number(m[2])],
  ],
  [
    /(\d+\.\d+\.\d+\.\d+):(\d+): (?:connect: )?(?:connection refused|i\/o timeout|operation timed out)/i,
    (m) => [m[1]!, Number(m[2])],
  ],
  [
    /\b(?:curl|wget|http|httpie)\s+(?:-\S+(?:\s+(?!-|https?:)[^\s:/]+)?\s+)*(https?:\/\/[\w.-]+(?::\d+)?)/i,
    (m) => [m[1]!, Number(/:(\d+)$/.exec(m[1]!)?.[1] ?? (/^https/i.test(m[1]!) ? 443 : 80))],
  ],
];

const FAIL_WORD = String.raw`(?:ETIMEDOUT|ECONNREFUSED|EHOSTUNREACH|ECONNRESET|(?:connect(?:ion)?\s+)?time[ -]?outs?|timed?\s+out|times?\s+out|timing\s+out|hangs?|hanging|hung|stalls?|fails?|failing|failed|errors?|refused|(?:connection\s+)?resets?|403s?|access\s*denied|5\d\d)`;
const FAIL_TO = new RegExp(
  String.raw`(?:^|[.;!?]\s+|,\s*)(?:but\s+|and\s+|now\s+|then\s+)?((?:[\w./:-]+\s+){0,4}?[\w./:()-]+)?\s*(?:still\s+|just\s+|now\s+|keeps?\s+|always\s+)?(?:get(?:s|ting)?\s+|got\s+|see(?:s|ing)?\s+|throw(?:s|ing)?\s+|hit(?:s|ting)?\s+|return(?:s|ing)?\s+)?(?:an?\s+|the\s+)?${FAIL_WORD}\s+(?:errors?\s+)?(?:when\s+|while\s+|on\s+)?(connecting|talking|trying\s+to\s+(?:connect|reach|talk|call|hit|get)|calling|reaching|hitting|sending|posting|uploading|writing|reading|querying|going|getting)?\s*(to|into|towards|from)\s+(?:the\s+)?(.+?)(?=$|[,;!?]|\.\s|\s+(?:over|via|since|after|because|but|and\s+(?!\d)|though|even|when|just|from|anymore|every|each)\b|\s+\()`,
  'i',
);

const WANT = new RegExp(
  String.raw`\b(?:i|we|you)?\s*(?:want|need|needs|wanted|trying\s+to\s+(?:get|make|let)|try\s+to\s+(?:get|make|let)|expect|expected|would\s+like)\s+(?:for\s+)?(?:the\s+)?((?:[\w./:-]+\s+){0,3}?[\w./:-]+)\s+to\s+(?:be\s+able\s+to\s+)?${VERBS}\s+(?:the\s+)?(.+?)(?=$|[,;!?]|\.\s|\s+(?:through|via|over|across|but|and|so|because|since|from)\b)`,
  'i',
);

/** "nothing in workloads can get out", "no pod in B can reach the db" */
const NONE_RE = new RegExp(
  `\\b(?:nothing|no\\s+(?:instances?|box(?:es)?|hosts?|servers?|pods?|nodes?|tasks?|one|vms?))\\s+(?:in|on|inside|from)\\s+(?:the\\s+)?(.+?)\\s+can\\s+(?:\\w+\\s+)?${VERBS}\\s*(.*?)(?=$|[,;!?(]|\\.\\s)`,
  'i',
);

/** "box in priv-b can't apt-get update", "we can't pip install anything": the internet */
const TOOLNEG_RE = new RegExp(
  `(?:^|[.;!?]\\s+|,\\s*)((?:[\\w./:()-]+\\s+){0,5}?[\\w./:()-]+)?\\s*${NEG}\\s+(?:even\\s+)?(?:do\\s+(?:an?\\s+)?)?(apt(?:-get)?|yum|dnf|pip3?|npm|yarn|docker\\s+pull|git\\s+clone|go\\s+get|download\\s+(?:packages|updates|anything)|install\\s+(?:packages|anything)|update\\s+packages|pull\\s+(?:images?|packages))\\b`,
  'i',
);

/** "only some nodes can reach the shared services" */
const CAN_RE = new RegExp(
  `(?:^|[.;!?]\\s+|,\\s*)(?:only\\s+)?(?:some\\s+(?:of\\s+)?)?((?:[\\w-]+\\s+){0,4}?[\\w-]+)\\s+can\\s+(?:still\\s+)?${VERBS}\\s+(.+?)(?=$|[,;!?(]|\\.\\s|\\s+(?:over|via|through|just|fine|ok|but)\\b)`,
  'i',
);

const FAIL_WORD_RE = new RegExp(FAIL_WORD, 'i');

/**
 * "ping to the db times out, ssh works fine": the traffic a clause says works, between the ends of the
 * path the sentence is about (or the address the clause names), kept as an intent that `works`.
 */
function readWorks(x: Sentence, before: number): void {
  const clauses = worksClauses(x.s);
  if (!clauses.length) return;
  // a path whose destination is said, not "it"
  const said = (i: Intent) =>
    !i.works &&
    i.origin === 'text' &&
    i.to !== undefined &&
    !(
      i.to.kind === 'name' &&
      (i.to.name === '@subject' || /^(?:it|them|that|this)$/i.test(i.to.label ?? i.to.name))
    );
  const mine = x.b.model.intents.slice(before).filter((i) => !i.works);
  const last = mine.find(said) ?? x.b.model.intents.findLast(said);
  const end = (t: string | undefined) =>
    t
      ? placeRef(
          x,
          t.replace(/\s+(?:though|too|as\s+well|fine|ok|okay|now|again|just\s+fine|no\s+problem)+\s*$/i, ''),
        )?.ref
      : undefined;
  for (const c of clauses) {
    const port = portMention(c);
    const ping = /\bping(?:s|ed|ing)?\b/i.test(c);
    if (port === undefined && !ping) continue;
    const protocol = protocolMention(c, port) ?? (port === undefined ? 1 : 6);
    // the ends the clause names ("ssh works from the office"), else those of the path talked about
    const ip = x.cidrs.find((m) => !m.masked && c.includes(m.text))?.text;
    const fromSaid = end(/\bfrom\s+(.+)$/i.exec(c)?.[1]);
    const toSaid = ip ? placeRef(x, ip)?.ref : undefined;
    const from = fromSaid ?? last?.from;
    const to = toSaid ?? last?.to;
    if (!to || !from) continue;
    // the very traffic this sentence says fails, with no end of its own: not a statement about another path
    if (!fromSaid && !toSaid && mine.some((i) => i.port === port && (i.protocol ?? 6) === protocol)) continue;
    x.b.model.intents.push({
      from: structuredClone(from),
      to: structuredClone(to),
      ...(port !== undefined ? { port } : {}),
      protocol,
      works: true,
      src: x.src,
      origin: 'text',
    });
    x.hit = true;
  }
}

/** The path the user cares about: "A can't reach C", "from X to Y", curl/psql errors, "needs S3". */
export const readIntents: Extractor = (x) => {
  const before = x.b.model.intents.length;
  readFailing(x);
  readWorks(x, before);
};

const readFailing: Extractor = (x) => {
  // "nobody in b can reach the office": a negative subject is a failing path from that place
  const s = x.s.replace(
    /\b(?:nobody|no\s*one|none\s+of\s+(?:the\s+|our\s+)?(?:boxes|instances|hosts|servers|users|people|clients|pods|nodes|tasks))\s+((?:in|on|from)\s+(?:the\s+)?[\w-]+(?:\s+vpc)?)\s+can\s+/gi,
    "everything $1 can't ",
  );
  if (
    /\b(?:allows?|allowing|deny|denies|permits?)\b/i.test(s) &&
    !/\bcan't|timeout|time[sd]? out|fails?\b|\bhang(?:s|ing)?\b|\bhung\b|\bunreachable\b|doesn't\s+work/i.test(
      s,
    )
  )
    return;
  // "ping to the db times out, ssh works fine": the port of the traffic that works is not this one's
  const port = portMention(withoutWorksClauses(s));
  for (const [re, get] of ERRORS) {
    const m = re.exec(s);
    if (!m) continue;
    let [target, p] = get(m);
    // `Post "https://ssm.eu-west-2.amazonaws.com/": dial tcp 10.2.1.87:443`: the service is the destination
    const svcHost = /https?:\/\/((?:[\w-]+\.)*[\w-]+\.amazonaws\.com)/i.exec(s)?.[1];
    if (
      svcHost &&
      !/\.rds\.amazonaws|\.elb\.amazonaws|\.cache\.amazonaws/i.test(svcHost) &&
      parseIp(target) !== undefined
    )
      target = `https://${svcHost}`;
    const host = target.replace(/^https?:\/\//, '').replace(/:\d+$/, '');
    const to = placeRef(
      x,
      host.includes('.') && !/^\d/.test(host) && !/amazonaws|rds/.test(host) && parseIp(host) === undefined
        ? x.b.find('workload', host)
          ? host
          : `https://${host}`
        : host,
    );
    if (to && to.ref.kind === 'ip') {
      const n = parseIp(to.ref.ip);
      if (
        n !== undefined &&
        isPublicIp(n) &&
        !x.b.all('workload').some((w) => w.privateIps.includes(to.ref.kind === 'ip' ? to.ref.ip : ''))
      )
        to.ref = { kind: 'internet', label: host };
    }
    // "Can't connect to MySQL server on '10.80.14.9'": the mysql the text talks about has that address
    const ipTo = to?.ref.kind === 'ip' ? to.ref.ip : undefined;
    const kindWord =
      /\b(mysql|mariadb|postgres(?:ql)?|psql|redis|mongo(?:db)?|clickhouse|opensearch|elasticsearch|kafka)\b/i
        .exec(s)?.[1]
        ?.toLowerCase();
    if (ipTo && kindWord && !x.b.all('workload').some((w) => w.privateIps.includes(ipTo))) {
      const cand = x.b
        .all('workload')
        .filter(
          (w) => w.privateIps.length === 0 && [...w.aliases].some((a) => a.includes(kindWord.slice(0, 5))),
        );
      if (cand.length === 1) cand[0]!.privateIps.push(ipTo);
    }
    // "analytics gets `curl: …`", "from the app box: psql …"
    const before = s.slice(0, m.index ?? 0);
    const who =
      /(?:^|[\s,;:])(?:from\s+(?:the\s+)?([\w.-]+(?:\s+(?:box|host|server|instance))?)|([\w.-]+)\s+(?:gets|got|returns|says|shows|sees|errors?\s+with))\s*[:,]?\s*(?:[\w-]+:\s*(?:\(\d+\)\s*)?)?$/i.exec(
        before,
      );
    const whoRef = who ? placeRef(x, (who[1] ?? who[2])!) : undefined;
    add(x, whoRef && whoRef.ref.kind !== 'name' ? whoRef.ref : undefined, to, p ?? port);
    return;
  }
  // "instances in subnet-… don't appear in fleet manager", "SSM agent offline", "TargetNotConnected":
  // the agent on the instance cannot reach the Systems Manager endpoints
  const ssm =
    /^(.*?)\b(?:don't|doesn't|do\s+not|does\s+not|never|not|aren't|isn't|won't|stopped|no\s+longer)\s+(?:\w+\s+)?(?:show(?:ing)?\s+up|appear(?:ing)?|register(?:ing|ed)?|listed|visible|connect(?:ing)?|come\s+online|online)\b[^.]*\b(?:fleet\s+manager|systems\s+manager|ssm|session\s+manager|managed\s+(?:nodes?|instances?))\b/i.exec(
      s,
    ) ??
    /^(.*?)\b(?:ssm\s+agent|amazon-ssm-agent)\b[^.]*\b(?:offline|can't\s+connect|connection\s+(?:lost|failed|timed?\s*out)|not\s+connected|timeout|timed\s+out)\b|^(.*?)\bTargetNotConnected\b/i.exec(
      s,
    );
  if (ssm) {
    const who = (ssm[1] ?? ssm[2] ?? '').trim().replace(/[,:;]+$/, '');
    const from = who ? placeRef(x, who) : undefined;
    add(
      x,
      from && from.ref.kind !== 'service' && from.ref.kind !== 'internet' ? from.ref : undefined,
      { ref: { kind: 'service', service: 'ssm', ...(x.st.region ? { region: x.st.region } : {}) } },
      443,
    );
    return;
  }
  // "kibana (vpc-obs 10.90.0.0/16, 10.90.4.11) -> elastic in the search vpc (…) over tgw-…, times out"
  const a =
    ARROW.exec(s) ??
    (() => {
      const m = ARROW.exec(s.replace(/\s*\([^()]*\)/g, ''));
      if (m) m[2] = m[2]!.replace(/\s+(?:over|via|through)\s+\S+$/i, '');
      return m;
    })();
  const routeLike =
    a &&
    /(?:\d+\.\d+\.\d+\.\d+\/\d+|\bpl-[\w-]+)$/.test(a[1]!.trim()) &&
    /^(?:igw|nat|pcx|tgw|vpce|eni|vgw|local|the\s+(?:nat|igw|tgw|peering))\b/i.test(a[2]!.trim());
  if (a && !/^\d/.test(a[1]!.trim()) && !routeLike) {
    const from = placeRef(x, a[1]!);
    const to = placeRef(x, a[2]!);
    if (from && to) {
      add(x, from.ref, to, to.port ?? port);
      return;
    }
  }
  // "i want X to talk to Z through Y", "we need the api to reach the db"
  const want = WANT.exec(s);
  if (want) {
    const from = placeRef(x, want[1]!);
    const to = placeRef(x, want[2]!);
    if (from && to) {
      add(x, from.ref, to, to.port ?? port);
      return;
    }
  }
  const ft0 =
    /\b(?:moved|migrated|moving|migrating|copied|copying|switched|upgraded|changed|removed|deleted|took|taken)\b[^.]{0,30}\bfrom\b/i.test(
      s,
    )
      ? null
      : FROM_TO.exec(s);
  // "from" and "to" in one clause: not across "and pointed …" or a sentence of its own
  const ft =
    ft0 &&
    !/\s(?:and|but|so|then)\s|[;]/i.test(ft0[1]!.replace(/\([^)]*\)/g, '')) &&
    ft0[1]!.split(/\s+/).length <= 8
      ? ft0
      : null;
  if (
    ft &&
    !/\b(?:allows?|deny|route|peered|peering|traffic)\s*$/i.test(
      s.slice(Math.max(0, ft.index - 25), ft.index),
    )
  ) {
    const from = placeRef(x, ft[1]!);
    const to = placeRef(x, ft[2]!);
    if (from && to) {
      add(x, from.ref, to, to.port ?? port);
      return;
    }
  }
  // "nothing in workloads can get out", "no pod in B can reach the db"
  const none = NONE_RE.exec(s);
  const nonePriv = none
    ? undefined
    : /\bnothing\s+(private|public)\s+can\s+(?:\w+\s+)?(?:reach|get\s+to|access)\s+(?:the\s+)?internet/i.exec(
        s,
      );
  if (nonePriv) {
    add(
      x,
      {
        kind: 'name',
        name: nonePriv[1]!.toLowerCase() === 'private' ? '@private' : '@subject',
        label: `${nonePriv[1]} subnets`,
      },
      { ref: { kind: 'internet' } },
      443,
    );
    return;
  }
  if (none) {
    const from = placeRef(x, none[1]!);
    const toText = none[2]!.trim();
    const to = toText ? placeRef(x, toText) : undefined;
    add(x, from?.ref, to ?? { ref: { kind: 'internet' } }, to?.port ?? port ?? 443);
    return;
  }
  // "box in priv-b can't apt-get update", "we can't pip install anything": the internet
  const toolNeg = TOOLNEG_RE.exec(s);
  if (toolNeg && !/amazonaws\.com/i.test(s)) {
    const who = toolNeg[1]?.trim();
    const from = who && !/^(?:i|we|you|they|it|still)$/i.test(who) ? placeRef(x, who) : undefined;
    add(
      x,
      from && from.ref.kind !== 'service' && from.ref.kind !== 'internet' ? from.ref : undefined,
      { ref: { kind: 'internet', label: toolNeg[2]! } },
      443,
    );
    return;
  }
  // "the replica table in us-west-2 times out", "that bucket is in eu-west-1": the service in that Region
  for (const m of s.matchAll(
    /\b(?:the\s+|that\s+|this\s+)?(?:[\w-]+\s+)?(bucket|table|replica|queue|stream)s?\s+(?:is\s+|lives\s+|sits\s+)?in\s+([a-z]{2}-[a-z]+-\d)\b([^.;]{0,30})/gi,
  )) {
    const svc = { bucket: 's3', table: 'dynamodb', replica: 'dynamodb', queue: 'sqs', stream: 'kinesis' }[
      m[1]!.toLowerCase() as 'bucket'
    ];
    const region = m[2]!.toLowerCase();
    const prior = x.b.model.intents.filter((i) => i.to?.kind === 'service' && i.to.service === svc);
    const failWord = FAIL_WORD_RE.test(m[3]!);
    const fails = failWord || /\b(?:is|lives|sits)\s+in\b/i.test(m[0]);
    if (!fails || (!prior.length && !failWord)) continue;
    if (prior.some((i) => i.to?.kind === 'service' && i.to.region === region)) continue;
    const from = prior[prior.length - 1]?.from;
    add(x, from, { ref: { kind: 'service', service: svc, region, label: `${m[1]} in ${region}` } }, 443);
    return;
  }
  // "batch jobs (10.11.2.0/24) connecting out to postgres 10.11.30.4:5432 just hang"
  const connecting =
    /(?:^|[.;!?]\s+|,\s*)((?:[\w./:()-]+\s+){0,5}?[\w./:()-]+)\s+(?:connecting|talking|trying\s+to\s+(?:connect|talk))\s+(?:out\s+)?to\s+(.+?)\s+(?:just\s+|all\s+|still\s+)?(?:hangs?|hang|time\s*out|times\s+out|timing\s+out|fail|fails|get\s+timeouts?)\b/i.exec(
      s,
    );
  if (connecting) {
    const from = placeRef(x, connecting[1]!);
    const to = placeRef(x, connecting[2]!);
    if (from && to) {
      add(x, from.ref, to, to.port ?? port);
      return;
    }
  }
  // "uploads from on-prem just time out": the source after "from", the service the text is about
  const actsFrom =
    /\b(?:uploads?|downloads?|requests?|calls?|connections?|traffic|pulls?|pushes|writes?|reads?|queries|backups?|syncs?)\s+from\s+(?:the\s+|our\s+)?((?:[\w.-]+\s+){0,2}?[\w.-]+)\s+(?:just\s+|all\s+|still\s+)?(?:time\s*out|times?\s+out|timing\s+out|timed\s+out|hangs?|fail|are\s+failing|don't\s+work)\b/i.exec(
      s,
    );
  if (actsFrom) {
    const from = placeRef(x, actsFrom[1]!);
    const named = serviceMentions(s).map((k) => k.service);
    const known = [...new Set(x.b.model.services.map((k) => k.service))];
    const svc = named.length === 1 ? named[0] : known.length === 1 ? known[0] : undefined;
    if (from && from.ref.kind !== 'service' && svc) {
      add(x, from.ref, { ref: { kind: 'service', service: svc } }, 443);
      return;
    }
  }
  // "our site on the web box 10.0.1.20 times out for everyone": clients on the internet -> that host
  const forAll =
    /\b(?:the\s+|our\s+)?((?:[\w.-]+\s+){0,5}?[\w.-]+)\s+(?:times?\s+out|timed\s+out|hangs?|is\s+(?:down|unreachable)|(?:doesn't|won't)\s+load|can't\s+be\s+reached)\s+for\s+(?:everyone|everybody|all\s+(?:users|customers|visitors)|users|customers|visitors|people\s+outside|the\s+internet)\b/i.exec(
      s,
    );
  if (forAll) {
    const what = forAll[1]!.replace(
      /^(?:site|website|web\s*site|app|api|page|service)\s+(?:on|at)\s+(?:the\s+)?/i,
      '',
    );
    const to = placeRef(x, what);
    if (to && to.ref.kind !== 'internet' && to.ref.kind !== 'service') {
      add(x, { kind: 'internet', label: 'clients on the internet' }, to, to.port ?? port ?? 443);
      return;
    }
  }
  const c = CANT.exec(s) ?? CANT0.exec(s);
  if (c) {
    // "… can't reach Y from Z": the source comes after
    const after = s.slice((c.index ?? 0) + c[0].length);
    const fromAfter =
      /^\s*,?\s*from\s+(?:the\s+|our\s+|my\s+)?(.+?)(?=$|[,;!?]|\.(?!\d)|\s+(?:on|over|via|and|but|since|after|times?|just)\b)/i.exec(
        after,
      )?.[1];
    let subject = c[2];
    // "batch worker i-… (10.5.1.20, sg-…) can't reach": the words before the parenthesis too
    if (subject?.includes(')') && !subject.includes('(')) {
      const end = (c.index ?? 0) + c[1]!.length + subject.length;
      const open = s.lastIndexOf('(', end);
      const lead = open >= 0 ? /((?:[\w./:-]+\s+){0,4}[\w./:-]+)\s*$/.exec(s.slice(0, open)) : null;
      if (open >= 0) subject = `${lead?.[1] ?? ''} ${s.slice(open, end)}`.trim();
    }
    const fromRef = fromAfter ? placeRef(x, fromAfter) : subject ? placeRef(x, subject) : undefined;
    const to = placeRef(x, c[3]!);
    if (to) {
      add(x, fromRef?.ref, to, to.port ?? port);
      return;
    }
  }
  // "tasks get ETIMEDOUT connecting to the rds endpoint", "web still times out to 10.6.3.14:443",
  // "jobs hang when talking to the db": the failure word first, then where it was going
  const failTo = FAIL_TO.exec(s);
  if (failTo) {
    const there = placeRef(x, failTo[4]!);
    const subj = failTo[1]?.trim();
    const here =
      subj && !/^(?:i|we|you|it|they|this|that|everything|nothing|still|just|now)$/i.test(subj)
        ? placeRef(x, subj)
        : undefined;
    // "the db times out from the workers": the clients are the ones after "from" (but "the app gets
    // errors from the api": the api answers)
    const reversed =
      /^from$/i.test(failTo[3]!) &&
      !failTo[2] &&
      !/\b(?:get|gets|getting|got|see|sees|seeing|throws?|throwing|hits?|hitting|returns?|returning|errors?|403s?|5\d\d|denied)\b/i.test(
        failTo[0],
      ) &&
      here !== undefined &&
      there !== undefined;
    const to = reversed ? here : there;
    const from = reversed ? there : here;
    if (to && !(to.ref.kind === 'name' && /^(?:it|them|that|this)$/i.test(to.ref.name))) {
      add(x, from && from.ref.kind !== 'service' ? from.ref : undefined, to, to.port ?? port);
      return;
    }
  }
  // "the billing lambda calls payments-api on 8080 directly and gets connect timeouts"
  const callsPort =
    /(?:^|[.;!?]\s+|,\s*)((?:[\w./:()-]+\s+){0,5}?[\w./:()-]+)\s+(?:calls?|hits?|quer(?:y|ies)|talks?\s+to|connects?\s+to|reaches|sends?\s+\w+\s+to|posts?\s+to|polls?|scrapes?)\s+(?:the\s+)?((?:[\w.-]+\s+){0,3}?[\w.-]+)\s+(?:on|at|via)\s+(?:port\s+|tcp\s*\/?\s*)?(\d{2,5})\b/i.exec(
      s,
    );
  if (callsPort && FAIL_WORD_RE.test(s.slice((callsPort.index ?? 0) + callsPort[0].length))) {
    const to = placeRef(x, callsPort[2]!);
    const from = placeRef(x, callsPort[1]!);
    if (to) {
      add(x, from && from.ref.kind !== 'service' ? from.ref : undefined, to, Number(callsPort[3]));
      return;
    }
  }
  // "only some nodes can reach the shared services": remember where, for "nodes in 1c time out"
  const can = CAN_RE.exec(s);
  if (can) {
    const to = placeRef(x, can[2]!);
    if (to) x.st.lastDestination = to.ref;
  }
  // "nodes in 1c time out", "the ones in 1c fail": the destination said before
  const fails =
    /(?:^|[,;.]\s*|\bbut\s+)((?:the\s+)?(?:[\w-]+\s+){0,2}?(?:nodes?|pods?|instances?|boxes|hosts?|servers?|tasks?|ones|workers?|lambdas?|clients?)\s+(?:in|on|from)\s+[\w-]+)\s+(?:all\s+)?(?:time\s*out|times\s*out|timing\s*out|hang|hangs|fail|fails|can't|cannot|don't|do\s+not)\b/i.exec(
      s,
    );
  if (fails && x.st.lastDestination) {
    const from = placeRef(x, fails[1]!);
    if (from) {
      add(x, from.ref, { ref: x.st.lastDestination }, port);
      return;
    }
  }
  const u = UNREACH.exec(s);
  if (u) {
    const to = placeRef(x, u[1]!);
    const from = placeRef(x, u[2]!);
    if (to && from) {
      add(x, from.ref, to, to.port ?? port);
      return;
    }
  }
  // "the db needs to push a nightly dump to the reporting sftp 10.31.8.20:22 and it times out"
  const ni2 =
    /(?:^|[.;!?]\s+)(?:the\s+|our\s+)?([\w-]+(?:\s+[\w-]+)?)\s+(?:needs?\s+to|has\s+to|must|tries\s+to|is\s+trying\s+to|wants?\s+to)\s+\w+(?:\s+[\w-]+){0,5}?\s+(?:to|at|on)\s+(?:the\s+)?((?:[\w-]+\s+){0,3}?\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?)/i.exec(
      s,
    );
  if (ni2) {
    const to = placeRef(x, ni2[2]!);
    const from = placeRef(x, ni2[1]!);
    if (to && from) {
      add(x, from.ref, to, to.port ?? port);
      return;
    }
  }
  const n = NEEDS.exec(s);
  if (n) {
    const to = placeRef(x, n[2]!);
    const from = placeRef(x, lastClause(n[1]!));
    if (to && (to.ref.kind === 'service' || to.ref.kind === 'internet')) {
      add(
        x,
        from && from.ref.kind !== 'service' && from.ref.kind !== 'internet' ? from.ref : undefined,
        to,
        to.port ?? port,
      );
      return;
    }
  }
  const ni =
    NO_INET.exec(s) ??
    (/\bno internet\b|can't get out to the internet|no outbound internet/i.test(s)
      ? ([s, 'it'] as unknown as RegExpExecArray)
      : null);
  if (ni) {
    const from = placeRef(x, ni[1]!);
    add(x, from?.ref, { ref: { kind: 'internet' } }, 443);
    return;
  }
  const t = TOOL_HANG.exec(s);
  if (t) {
    const url = /https?:\/\/([\w.-]+)/i.exec(t[1]!)?.[1];
    const svc = url ? serviceMentions(url)[0]?.service : undefined;
    add(
      x,
      undefined,
      svc && url && /amazonaws/.test(url)
        ? { ref: { kind: 'service', service: svc, host: url } }
        : { ref: { kind: 'internet', label: url ?? t[1]! } },
      443,
    );
    return;
  }
  // "the app does ~40k dynamodb req/s", "the workers make lots of s3 calls"
  const uses =
    /\b(?:the\s+|our\s+)?([\w-]+(?:\s+(?:boxes|instances|servers|tasks|pods|workers|service|app|fleet))?)\s+(?:does|do|makes?|sends?|issues?|pushes|reads?|writes?|hits?|calls?|uses?|hammer(?:s|ing)?|pound(?:s|ing)?|hitting|calling|reading|writing|using|talking\s+to|talks\s+to|polls?|polling|streams?|streaming|uploads?|uploading)\b[^.]{0,30}?\b(s3|dynamodb|dynamo|ddb|sqs|sns|kinesis)\b/i.exec(
      s,
    );
  if (uses && !/^(?:it|this|that|which|who|nobody|nothing)$/i.test(uses[1]!)) {
    const svc = /dynamo|ddb/i.test(uses[2]!) ? 'dynamodb' : uses[2]!.toLowerCase();
    const from = placeRef(x, uses[1]!);
    add(
      x,
      from && from.ref.kind !== 'service' && from.ref.kind !== 'internet' ? from.ref : undefined,
      { ref: { kind: 'service', service: svc } },
      443,
    );
    return;
  }
  // "dynamodb from the app subnets still goes through the nat"
  const via =
    /\b(s3|dynamodb|dynamo|sqs|sns|ecr|kms|sts|secrets\s?manager)\b[^.]{0,40}?\bfrom\s+(?:the\s+)?([\w -]+?)\s+(?:still\s+)?(?:goes|going|go|is\s+going|routes?|flows?|leaves?|exits?)\s+(?:through|via|out|over)\b/i.exec(
      s,
    );
  if (via) {
    const svc = serviceMentions(via[1]!)[0]?.service ?? via[1]!.toLowerCase();
    const from = placeRef(x, via[2]!);
    add(x, from?.ref, { ref: { kind: 'service', service: svc } }, 443);
    return;
  }
  // "the etl boxes push 4TB/day to s3", "we read from dynamodb": a path to the service
  const moves =
    /\b(?:push(?:es|ing)?|send(?:s|ing)?|upload(?:s|ing)?|write(?:s|ing)?|cop(?:y|ies|ying)|sync(?:s|ing)?|read(?:s|ing)?|pull(?:s|ing)?|download(?:s|ing)?|stream(?:s|ing)?|ship(?:s|ping)?|dump(?:s|ing)?|back(?:s|ing)?\s+up)\b[^.;]{0,40}?\b(?:to|from|into)\s+(?:the\s+)?(s3|dynamodb|dynamo|sqs|a\s+bucket|the\s+bucket|buckets?)\b/i.exec(
      s,
    );
  if (moves) {
    const svc = /dynamo/i.test(moves[1]!) ? 'dynamodb' : /sqs/i.test(moves[1]!) ? 'sqs' : 's3';
    const region = regionMentions(
      s.slice((moves.index ?? 0) + moves[0].length, (moves.index ?? 0) + moves[0].length + 30),
    )[0]?.region;
    add(x, undefined, { ref: { kind: 'service', service: svc, ...(region ? { region } : {}) } }, 443);
    return;
  }
  // "calls an api on 10.2.2.20:443 … times out", "queries the db at 10.0.3.3"
  const callsOn =
    /\b(?:calls?|hits?|quer(?:y|ies)|talks?\s+to|connects?\s+to|requests?|reaches?)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:on|at)\s+(\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?)[^.]{0,60}?\b(?:time[sd]?\s*out|timeout|hangs?|fails?|refused)/i.exec(
      s,
    );
  if (callsOn) {
    const to = placeRef(x, callsOn[1]!);
    if (to) {
      add(x, undefined, to, to.port ?? port);
      return;
    }
  }
  // "calls to api.stripe.com time out", "requests to 10.2.3.4 hang"
  const callsTo =
    /\b(?:calls?|requests?|connections?|traffic|uploads?|downloads?|queries|api\s+calls?|http\s+calls?|webhooks?|curls?|wget|pings?|ssh|psql|mysql|redis-cli|mongosh|nc|telnet|grpc|rdp|scp|rsync|kafka|producers?|consumers?|syslog|dns|ntp|snmp|statsd|radius|logs|metrics|packets|datagrams)(?:\s+(?:over|via)\s+(?:tcp|udp)|\s*\([^)]{0,20}\))?\s+(?:to|into|towards)\s+(?:the\s+)?((?:our|my|their|your)\s+[\w.:/-]+|[\w.:/-]+)[^.]{0,40}?\b(?:time[sd]?\s*out|timeout|hangs?|hanging|fail|fails|failing|403|refused|never\s+return)/i.exec(
      s,
    );
  if (callsTo) {
    const to = placeRef(x, callsTo[1]!);
    // "partner needs to POST webhooks to our box": the caller is outside
    const outsider =
      /\b(?:partners?|customers?|clients?\s+on\s+the\s+internet|third[- ]part(?:y|ies)|vendors?|users?\s+on\s+the\s+internet|github|stripe|webhooks?\s+from)\b/i.test(
        s.slice(0, callsTo.index ?? 0),
      );
    if (to && outsider && to.ref.kind !== 'internet' && to.ref.kind !== 'service') {
      add(x, { kind: 'internet', label: 'the internet' }, to, to.port ?? port);
      return;
    }
    if (to) {
      add(x, undefined, to, to.port ?? port ?? (to.ref.kind === 'internet' ? 443 : undefined));
      return;
    }
  }
  // "calls to SQS time out", "S3 uploads hang", "aws s3 ls hangs", "CannotPullContainerError"
  const svcHang =
    /\b(?:calls?|requests?|api\s+calls?|connections?|uploads?|downloads?|traffic|aws\s+([a-z0-9-]+)\s+\S+)\s+(?:to\s+)?(?:the\s+)?([\w.-]+)?[^.]{0,30}?\b(?:time[sd]?\s*out|timeout|hangs?|hanging|fail|fails|403|access\s*denied|forbidden)/i.exec(
      s,
    );
  const svc = serviceMentions(s)[0];
  if (
    svc &&
    (svcHang || /CannotPullContainerError|403|AccessDenied|timed out|time[sd]? out|hangs?/i.test(s))
  ) {
    const region = /\bbucket\b|\bin\s+[a-z]{2}-/i.test(s) ? regionMentions(s)[0]?.region : undefined;
    add(
      x,
      undefined,
      {
        ref: {
          kind: 'service',
          service: svc.service === 'ecr' ? 'ecr.dkr' : svc.service,
          ...(region ? { region } : {}),
        },
      },
      443,
    );
    if (svc.service.startsWith('ecr') || /CannotPullContainerError/i.test(s))
      add(x, undefined, { ref: { kind: 'service', service: 's3' } }, 443);
  }
  // a public host name or address next to a timeout: the internet
  if (
    /time[sd]?\s*out|timeout|hangs?|can't\s+(?:reach|download|connect)|cannot\s+(?:reach|download|connect)/i.test(
      s,
    )
  ) {
    const host = /\b((?:[a-z0-9-]+\.)+(?:com|org|io|net|dev|co|cloud|app|sh))\b/i.exec(s)?.[1];
    if (host && !/amazonaws\.com$/i.test(host) && !x.b.find('workload', host)) {
      add(x, undefined, { ref: { kind: 'internet', label: host } }, 443);
    }
  }
};
