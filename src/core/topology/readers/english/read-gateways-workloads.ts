import { addSrc } from '../../model/builder.js';
import type { NatGateway, Subnet, Workload, WorkloadKind } from '../../model/types.js';
import { parseCidr, parseIp } from '../../net/ipv4.js';
import { azMentions } from './mentions.js';
import { clean, isNameToken, STOP, subnetIn, vpcByPrefix as vpcByPrefixB } from './refs.js';
import type { Extractor, Sentence } from './sentence.js';

const IN_SUBNET =
  /\b(?:is|are|sits?|lives?|runs?|placed|deployed|put|created|launched|located|sitting|living|running)?\s*(?:in|inside|into|on)\s+(?:the\s+|a\s+|an\s+)?((?:subnet-[\w-]+)|(?:[\w-]+\s+subnets?)|(?:subnets?\s+[\w-]+)|(?:[a-z0-9]+-)*(?:public|private|priv|pub|isolated|app|db|data|web|lambda|tgw|shared)(?:-[a-z0-9]+)+)/i;

function subnetAfter(x: Sentence, from: number): Subnet | undefined {
  const m = IN_SUBNET.exec(x.s.slice(from));
  if (!m) return undefined;
  const phrase = m[1]!;
  const s = subnetIn(x, phrase, false);
  if (s) return s;
  const role = /\b(public|private)\b/i.exec(phrase)?.[1]?.toLowerCase() as 'public' | 'private' | undefined;
  if (role) {
    const cands = x.b.all('subnet').filter((k) => k.roleHint === role);
    if (cands.length >= 1) return cands[0];
    const sub = x.b.subnet({ name: `${role} subnet` });
    sub.roleHint = role;
    return sub;
  }
  if (/-/.test(phrase) && !/\s/.test(phrase)) return x.b.subnet({ name: phrase });
  return undefined;
}

/** An address a host can have: not 0.0.0.0 ("bind 0.0.0.0"), loopback, broadcast or link-local. */
function isHostIp(ip: string): boolean {
  const n = parseIp(ip);
  if (n === undefined || n === 0) return false;
  return !/^(?:127\.|0\.|255\.|169\.254\.)/.test(ip);
}

function place(w: Workload, s: Subnet | undefined): void {
  if (s && !w.subnets.includes(s.key)) w.subnets.unshift(s.key);
}

/** NAT gateways, internet gateways, and the "no NAT" / "no IGW" statements. */
export const readGateways: Extractor = (x) => {
  const natIds = x.ids.filter((i) => i.kind === 'nat');
  const saysNat = /\bnat(?:\s+gateway|\s+gw|gw)?\b/i.test(x.s);
  if (
    /\b(?:no|without(?:\s+a)?|don't\s+have\s+(?:a|any)|there'?s\s+no|never\s+(?:added|created|made|built)\s+an?|we\s+never\s+(?:added|created|made|built)\s+an?)\s+nat(?:\s+gateways?|\s*-?\s*gws?|\s+instances?)?\b(?!\s+(?:once|after|when|if|anymore|once))/i.test(
      x.s,
    ) &&
    !/\bno\s+nat\b[^.]*\b(once|after|when)\b/i.test(x.s)
  ) {
    x.b.model.claims.push({ kind: 'no-nat', src: x.src });
    x.hit = true;
  }
  if (/\b(?:no|without(?:\s+an?)?|there'?s\s+no)\s+(?:igw|internet\s+gateway)\b/i.test(x.s)) {
    x.b.model.claims.push({ kind: 'no-igw', src: x.src });
    x.hit = true;
  }
  const nats: NatGateway[] = natIds.map((i) => x.b.nat({ id: i.id }, x.src));
  if (
    nats.length === 0 &&
    saysNat &&
    /\b(?:is|sits?|lives?|placed|deployed|put|created|launched|located)\s+(?:in|into|inside)\b/i.test(x.s)
  ) {
    const known = x.b.all('nat');
    nats.push(known.length === 1 ? known[0]! : x.b.nat({ name: 'the NAT gateway' }, x.src));
  }
  for (const n of nats) {
    const at = x.s.search(new RegExp(n.id ? n.id.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&') : 'nat', 'i'));
    // "the nat is in subnet-… (private-1a). private-1a's rtb: 0.0.0.0/0 -> nat-…": the place said before the ID
    const placed =
      nats.length === 1
        ? /\b(?:the\s+)?nat(?:\s*gw|\s+gateway)?\s+(?:is|sits?|lives?|was\s+(?:put|placed|created|deployed|launched))\s+in\b/i.exec(
            x.s,
          )
        : null;
    const s =
      subnetAfter(x, Math.max(0, at)) ??
      (placed ? subnetAfter(x, (placed.index ?? 0) + placed[0].length - 2) : undefined);
    if (s && /\b(?:is|sits?|lives?|placed|deployed|put|created|launched|located|in)\b/i.test(x.s))
      n.subnet = s.key;
    if (/\bprivate\s+(?:connectivity|nat)\b/i.test(x.s)) n.connectivity = 'private';
    else if (/\bpublic\s+connectivity\b|\bpublic\s+nat\b/i.test(x.s)) n.connectivity = 'public';
    const st =
      /\b(?:state|status)\s*:?\s*(available|pending|deleted|deleting|failed)\b|\b(deleted|failed)\b/i.exec(
        x.s,
      );
    if (st) n.state = (st[1] ?? st[2])!.toLowerCase();
    const eip = /\b(?:eip|elastic ip|public ip)\s*:?\s*(\d+\.\d+\.\d+\.\d+)/i.exec(x.s);
    if (eip) n.publicIp = eip[1]!;
    if (x.st.lastVpc && !n.vpc) n.vpc = x.st.lastVpc.key;
    addSrc(n, x.src);
    x.hit = true;
  }
  for (const i of x.ids.filter((k) => k.kind === 'igw')) {
    const g = x.b.igw({ id: i.id }, x.src);
    const v = x.st.lastVpc;
    if (v && !g.vpcs.includes(v.key) && !/\bdetached\b/i.test(x.s)) g.vpcs.push(v.key);
    x.hit = true;
  }
};

const NAMED_IP =
  /(?:^|[\s,;:(])(?:the\s+|an?\s+|our\s+|my\s+)?([A-Za-z][\w-]*(?:\s+(?:box|host|server|instance|vm|node|pod|task|container|api|db|service|app|worker))?)\s*(?:\(|\/|@|\bat\b|=|:|\s(?:ip|address|private\s+ip|is|has\s+ip|with\s+ip)\b\s*:?)\s*(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?\)?/gi;
const IP_NAMED = /(\d{1,3}(?:\.\d{1,3}){3})\s*\(\s*([A-Za-z][\w -]{1,30}?)\s*\)/g;
const KIND_WORDS: [RegExp, WorkloadKind][] = [
  [/\blambdas?\b|\bfunction\b/i, 'lambda'],
  [/\brds\b|\baurora\b|\bdatabase\b|\bdb\b|\bpostgres(?:ql)?\b|\bmysql\b/i, 'rds'],
  [/\b(?:alb|nlb|elb|load\s+balancer)\b/i, 'elb'],
  [/\b(?:ecs|fargate|task)\b/i, 'ecs'],
  [/\beks\b|\bpods?\b|\bnodes?\b/i, 'eks'],
];

export function kindOfName(n: string): WorkloadKind {
  for (const [re, k] of KIND_WORDS) if (re.test(n)) return k;
  return 'ec2';
}

/** Instances, boxes with addresses, Lambda functions, databases: where they are and their public IPs. */
export const readWorkloads: Extractor = (x) => {
  // nslookup/dig output lines name the resolver, not a workload
  if (/^(?:server|address|name|non-authoritative answer)\s*:/i.test(x.s) || /\bIN\s+A\s+\d/.test(x.s)) return;
  const touched: Workload[] = [];
  // "failing node: ip-10-52-40-17.ec2.internal": a host name that is an address
  for (const m of x.s.matchAll(
    /\b(?:(failing|broken|bad|one|the|a)\s+)?([\w-]+)\s*[:=]?\s*ip-(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})\.(?:ec2|compute|[a-z]{2}-[a-z]+-\d\.compute)\.internal\b/gi,
  )) {
    const ip = m.slice(3, 7).join('.');
    if (x.b.all('workload').some((w) => w.privateIps.includes(ip))) continue;
    const name = /^(node|pod|host|instance|box|server|worker)$/i.test(m[2]!)
      ? `${m[1] ? `${m[1]} ` : ''}${m[2]}`
      : m[2]!;
    const w = x.b.workload({ name: name.trim() }, kindOfName(name), x.src);
    w.privateIps.push(ip);
    touched.push(w);
  }
  const prompt = /[\w-]+@ip-(\d+)-(\d+)-(\d+)-(\d+)\b/.exec(x.s);
  if (prompt) {
    x.st.promptIp = prompt.slice(1, 5).join('.');
    x.hit = true;
  }
  for (const i of x.ids.filter((k) => k.kind === 'instance')) {
    const after = x.s.slice(i.index + i.id.length, i.index + i.id.length + 30);
    const ip =
      /^\s*(?:\/|\(|,|at|=|:|with\s+ip)?\s*(\d{1,3}(?:\.\d{1,3}){3})(?!\/)/.exec(after)?.[1] ??
      /(\d{1,3}(?:\.\d{1,3}){3})\s*\(\s*$/.exec(x.s.slice(Math.max(0, i.index - 20), i.index))?.[1];
    // "the collector 10.0.20.10 on 514" then "the collector i-… (10.0.20.10)": one host, now with its ID
    const holder = ip
      ? x.b.all('workload').find((k) => !k.id && k.name && k.privateIps.includes(ip))
      : undefined;
    const w = x.b.workload(holder?.name ? { id: i.id, name: holder.name } : { id: i.id }, 'ec2', x.src);
    if (ip && parseIp(ip) !== undefined && !w.privateIps.includes(ip)) w.privateIps.push(ip);
    place(w, subnetAfter(x, i.index));
    touched.push(w);
  }
  for (const m of x.s.matchAll(NAMED_IP)) {
    const name = clean(m[1]!);
    const ip = m[2]!;
    const placeFirst = x.b.find('vpc', name) ?? x.b.find('subnet', name);
    if (
      (!placeFirst && !isNameToken(name.split(/\s+/)[0])) ||
      STOP.has(name.toLowerCase()) ||
      /^(vpc|subnet|sg|rtb|nat|igw|pcx|i|eni|cidr|ip|address|host|server|at|to|from|connecting|trying|via|peer|source|destination|dst|src)$/i.test(
        name,
      )
    ) {
      if (!/^(host|server)$/i.test(name) && !placeFirst) continue;
    }
    if (/^(vpc|subnet|rtb|sg|acl|nat|igw|pcx|vpce|tgw|eni|pl)-/i.test(name)) continue;
    const isPlace = (n: string) =>
      !!(
        x.b.find('vpc', n) ||
        x.b.find('subnet', n) ||
        x.b.all('vpc').some((v) => [...v.aliases].some((a) => a.startsWith(`${n.toLowerCase()}-`)))
      );
    let wname = name;
    if (isPlace(name)) {
      // "the internal api in shared (10.30.4.20)": the thing before "in <VPC>"
      const before = x.s.slice(0, m.index ?? 0);
      const thing = /(?:the\s+|an?\s+)?((?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*)\s+(?:in|on|at)\s*$/i.exec(
        before,
      )?.[1];
      if (!thing || !isNameToken(thing.split(/\s+/).pop())) continue;
      // the noun before "in <VPC>": "jenkins", "the postgres replica", "internal api"
      const tail = thing.replace(/^(?:to|from|the|an?)\s+/i, '').split(/\s+/);
      const generic = /^(?:box|host|server|instance|replica|api|db|service|node|worker|app)$/i;
      wname =
        tail.length > 1 && generic.test(tail[tail.length - 1]!)
          ? tail.slice(-2).join(' ')
          : tail[tail.length - 1]!;
    }
    const inVpc = x.b.find('vpc', name);
    const inSubnet = x.b.find('subnet', name);
    if (/\/\d/.test(x.s.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 3))) continue;
    const w = x.b.find('workload', wname) ?? x.b.workload({ name: wname }, kindOfName(wname), x.src);
    if (!w.privateIps.includes(ip) && parseIp(ip) !== undefined) w.privateIps.push(ip);
    if (m[3] && !w.port) w.port = Number(m[3]);
    if (inVpc && !w.vpc) w.vpc = inVpc.key;
    if (inSubnet) place(w, inSubnet);
    touched.push(w);
  }
  // "app listens on 8080 on 10.4.2.15", "the api runs on port 3000 at 10.0.3.3"
  for (const m of x.s.matchAll(
    /\b(?:the\s+)?([A-Za-z][\w-]*)\s+(?:listens|is\s+listening|runs|serves)\s+on\s+(?:port\s+)?(\d{2,5})\s+(?:on|at)\s+(\d{1,3}(?:\.\d{1,3}){3})(?![\d/])/gi,
  )) {
    const name = clean(m[1]!);
    if (!isNameToken(name) || STOP.has(name.toLowerCase())) continue;
    const w = x.b.find('workload', name) ?? x.b.workload({ name }, kindOfName(name), x.src);
    if (!w.privateIps.includes(m[3]!)) w.privateIps.push(m[3]!);
    w.port ??= Number(m[2]);
    touched.push(w);
  }
  // "alb target group health checks fail": the load balancer is a thing of the path
  const lbWord =
    /\b(alb|nlb|elb|load\s+balancer)\b[^.]{0,30}\b(?:health\s*checks?|target\s+group|targets?\s+(?:are\s+)?unhealthy)/i.exec(
      x.s,
    );
  if (lbWord && !x.b.all('workload').some((k) => k.kind === 'elb')) {
    const lb = x.b.workload({ name: lbWord[1]!.toLowerCase() }, 'elb', x.src);
    x.hit = true;
    addSrc(lb, x.src);
  }
  // "worker instance 10.3.1.9", "build box 10.0.4.4"
  for (const m of x.s.matchAll(
    /\b([A-Za-z][\w-]*\s+(?:box|host|server|instance|vm|node|worker|machine))\s+(\d{1,3}(?:\.\d{1,3}){3})(?![\d/])(?:\s*\(\s*(subnet-[\w-]+)\s*\))?/gi,
  )) {
    let name = clean(m[1]!);
    if (/^(?:my|our|the|a|an|this|that|one)\s/i.test(name)) name = name.split(/\s+/)[1]!;
    else if (!isNameToken(name.split(/\s+/)[0]) && !/^(?:web|app|api|db)$/i.test(name.split(/\s+/)[0]!))
      continue;
    const w =
      x.b.all('workload').find((k) => k.privateIps.includes(m[2]!)) ??
      x.b.find('workload', name) ??
      x.b.workload({ name }, kindOfName(name), x.src);
    if (!w.privateIps.includes(m[2]!)) w.privateIps.push(m[2]!);
    if (m[3]) place(w, x.b.subnet({ id: m[3] }));
    touched.push(w);
  }
  // "clickhouse 10.41.6.30, sg allows …": a name, its address, then a break
  for (const m of x.s.matchAll(
    /(?:^|[\s,;(])([A-Za-z][\w-]{2,})\s+(\d{1,3}(?:\.\d{1,3}){3})(?![\d/.:])\s*(?=[,;)]|$|\s+(?:and|has|is|with|in|on)\b)/gi,
  )) {
    const name = m[1]!;
    if (
      !isNameToken(name) ||
      /^(?:to|from|at|on|via|ip|address|host|server|is|and|the|curl|ping|ssh|telnet|nc|trying|dst|src|source|destination|gateway|nameserver|server|reach|hit|call|calls|connect|connecting|access|talk|query|resolve|resolves|see|use|uses|get|gets|got|hits|reaches|pinging|curling|returns|answers|times|out|eip|elastic|public|private|addr|nat|dns|resolver|endpoint)$/i.test(
        name,
      )
    )
      continue;
    if (x.b.find('vpc', name) || x.b.find('subnet', name) || vpcByPrefixB(x, name)) continue;
    if (!isHostIp(m[2]!)) continue;
    const w =
      x.b.all('workload').find((k) => k.privateIps.includes(m[2]!)) ??
      x.b.find('workload', name) ??
      x.b.workload({ name }, kindOfName(name), x.src);
    if (!w.privateIps.includes(m[2]!)) w.privateIps.push(m[2]!);
    touched.push(w);
  }
  // "web 10.0.1.10 (sg-0a…)", "db 10.0.3.3 (subnet-…)"
  for (const m of x.s.matchAll(
    /\b([A-Za-z][\w-]*)\s+(\d{1,3}(?:\.\d{1,3}){3})\s*\(\s*((?:sg|subnet|i)-[\w-]+)\s*\)/gi,
  )) {
    if (!isNameToken(m[1]) && !/^(?:web|app|api|db)$/i.test(m[1]!)) continue;
    const id = m[3]!;
    const w =
      x.b.all('workload').find((k) => k.privateIps.includes(m[2]!)) ??
      (id.startsWith('i-')
        ? x.b.workload({ id, name: m[1]! }, 'ec2', x.src)
        : (x.b.find('workload', m[1]!) ?? x.b.workload({ name: m[1]! }, kindOfName(m[1]!), x.src)));
    if (!w.privateIps.includes(m[2]!)) w.privateIps.push(m[2]!);
    if (id.startsWith('sg-')) {
      const g = x.b.sg({ id });
      if (!w.sgs.includes(g.key)) w.sgs.push(g.key);
    } else if (id.startsWith('subnet-')) place(w, x.b.subnet({ id }));
    touched.push(w);
  }
  for (const m of x.s.matchAll(IP_NAMED)) {
    const name = clean(m[2]!);
    if (!isHostIp(m[1]!)) continue;
    if (/^(?:sg|subnet|vpc|rtb|acl|i|eni|nat|igw|pcx|vpce|tgw)-/i.test(name)) continue;
    if (!isNameToken(name.split(/\s+/)[0]) || x.b.find('vpc', name) || x.b.find('subnet', name)) continue;
    const w = x.b.find('workload', name) ?? x.b.workload({ name }, kindOfName(name), x.src);
    if (!w.privateIps.includes(m[1]!)) w.privateIps.push(m[1]!);
    touched.push(w);
  }
  // "grafana (vpc-mon 10.5.0.0/16, 10.5.3.20)", "prometheus in the k8s vpc (10.6.0.0/16, 10.6.1.9:9090)"
  for (const m of x.s.matchAll(
    /\b([A-Za-z][\w-]*)\s*(?:\(\s*(vpc-[\w-]+)|\s(?:in|inside|on)\s+(?:the\s+)?([\w-]+)\s+vpc\s*\()[^)]*?\b(\d{1,3}(?:\.\d{1,3}){3})(?![\d./])(?::(\d{1,5}))?[^)]*\)/gi,
  )) {
    const name = m[1]!;
    if (!isNameToken(name) || !isHostIp(m[4]!) || x.b.find('vpc', name)) continue;
    const v = m[2] ? x.b.vpc({ id: m[2] }) : (x.b.find('vpc', m[3]!) ?? vpcByPrefixB(x, m[3]!));
    const w =
      x.b.all('workload').find((k) => k.privateIps.includes(m[4]!)) ??
      x.b.find('workload', name) ??
      x.b.workload({ name }, kindOfName(name), x.src);
    if (!w.privateIps.includes(m[4]!)) w.privateIps.push(m[4]!);
    if (v) w.vpc ??= v.key;
    if (m[5]) w.port ??= Number(m[5]);
    touched.push(w);
  }
  // "the failing logstash nodes are 10.70.9.31 and 10.70.9.40": a group of hosts and their addresses
  const are =
    /\b(?:the\s+)?(?:failing\s+|broken\s+|new\s+|old\s+|working\s+|affected\s+)?([A-Za-z][\w-]*)\s+(?:nodes|hosts|boxes|instances|servers|pods|tasks|workers|clients|vms)\s+(?:are|=|:)\s+((?:\d{1,3}(?:\.\d{1,3}){3}(?:\s*(?:,|and|&)\s*)?)+)/i.exec(
      x.s,
    );
  if (are && isNameToken(are[1]) && !x.b.find('vpc', are[1]!) && !x.b.find('subnet', are[1]!)) {
    const w = x.b.find('workload', are[1]!) ?? x.b.workload({ name: are[1]! }, kindOfName(are[1]!), x.src);
    // the failing ones first: they are the path to check
    const ips = are[2]!.match(/\d{1,3}(?:\.\d{1,3}){3}/g) ?? [];
    if (/\b(?:failing|broken|affected)\b/i.test(are[0]))
      w.privateIps.unshift(...ips.filter((ip) => !w.privateIps.includes(ip)));
    else w.privateIps.push(...ips.filter((ip) => !w.privateIps.includes(ip)));
    touched.push(w);
  }
  // "batch worker i-… (10.5.1.20, sg-0aaa…)": the groups named next to a host's address
  for (const m of x.s.matchAll(/\(([^()]*\b(\d{1,3}(?:\.\d{1,3}){3})\b[^()]*)\)/g)) {
    const ids = m[1]!.match(/\bsg-[\w-]+/g);
    const w = ids ? x.b.all('workload').find((k) => k.privateIps.includes(m[2]!)) : undefined;
    if (!w || !ids) continue;
    for (const id of ids) {
      const g = x.b.sg({ id });
      if (!w.sgs.includes(g.key)) w.sgs.push(g.key);
    }
    if (!touched.includes(w)) touched.push(w);
  }
  // "reports-db (10.20.3.15) in subnet db-a": the subnet right after a host's address
  for (const w of touched) {
    for (const ip of w.privateIps) {
      const at = x.s.indexOf(ip);
      if (at < 0) continue;
      const after = x.s.slice(at + ip.length);
      const lead = /^\s*\)?\s*,?\s*(?:which\s+is\s+|is\s+|sits\s+)?(?=(?:in|inside)\s)/i.exec(after);
      if (!lead) continue;
      const s = subnetAfter(x, at + ip.length + lead[0].length);
      if (s && IN_SUBNET.exec(after.slice(lead[0].length))?.index === 0) place(w, s);
    }
  }
  // "ALB nodes are 10.40.0.87 and 10.40.1.142", "the NLB (10.0.1.20)"
  const lbIps =
    /\b(?:alb|nlb|elb|load\s+balancer)(?:'s)?\s*(?:nodes?|enis?|ips?|addresses|private\s+ips?)?\s*(?:are|is|at|=|:|\()\s*((?:\d{1,3}(?:\.\d{1,3}){3}(?:\s*(?:,|and|&|\/)\s*)?)+)/i.exec(
      x.s,
    );
  if (lbIps) {
    const lb =
      x.b.all('workload').find((k) => k.kind === 'elb') ??
      x.b.workload({ name: 'load balancer' }, 'elb', x.src);
    for (const ip of lbIps[1]!.match(/\d{1,3}(?:\.\d{1,3}){3}/g) ?? [])
      if (!lb.privateIps.includes(ip)) lb.privateIps.push(ip);
    addSrc(lb, x.src);
    x.hit = true;
  }
  // databases by their endpoint names: orders-prod.c9x….rds.amazonaws.com (10.12.21.14), port 5432
  const rds =
    /\b([\w-]+)\.[\w.-]*\.rds\.amazonaws\.com\b(?:["'\s)]*\(?\s*(\d{1,3}(?:\.\d{1,3}){3})\)?)?(?:[^\d]{0,12}port\s+(\d+))?/i.exec(
      x.s,
    );
  if (rds) {
    const w =
      x.b.all('workload').find((k) => k.kind === 'rds') ?? x.b.workload({ name: rds[1]! }, 'rds', x.src);
    w.aliases.add(rds[1]!.toLowerCase());
    if (rds[2] && !w.privateIps.includes(rds[2])) w.privateIps.push(rds[2]);
    if (rds[3]) w.port = Number(rds[3]);
    touched.push(w);
  }
  // Lambda functions (not the `aws lambda get-function-configuration` command line)
  if (
    !/^\s*(?:[$#>]\s*)?aws\s+lambda\b/i.test(x.s) &&
    /\blambdas?\b|\bfunctions?\b(?=.*\blambda\b)|\bvpc\s+lambda\b/i.test(x.s)
  ) {
    const named =
      /\blambda(?:\s+function)?\s+[`'"]?([a-z][\w-]{2,})/i.exec(x.s)?.[1] ??
      /\b([a-z][\w-]{2,})\s+lambda\b/i.exec(x.s)?.[1];
    const name =
      named &&
      isNameToken(named) &&
      !/^(in|is|the|our|my|a|function|functions|can|can't|cant|has|runs|times|calls|and|vpcconfig|vpc|config|configuration|subnets?|sgs?|needs|has|uses|role|env|timeout|layer|layers)$/i.test(
        named,
      )
        ? named
        : undefined;
    const existing = x.b.all('workload').filter((w) => w.kind === 'lambda');
    const w = name
      ? x.b.workload({ name }, 'lambda', x.src)
      : (existing[0] ?? x.b.workload({ name: 'lambda' }, 'lambda', x.src));
    w.publicIp = null;
    const at = x.s.search(/lambda/i);
    const s = subnetAfter(x, Math.max(0, at));
    if (s) place(w, s);
    for (const id of x.ids.filter((k) => k.kind === 'subnet')) place(w, x.b.subnet({ id: id.id }));
    addSrc(w, x.src);
    touched.push(w);
  }
  // "app instances (sg-0new…)", "web box i-… has sg-…", "sg-0new… is on it"
  for (const m of x.s.matchAll(
    /\b([A-Za-z][\w-]*(?:\s+(?:instances?|box|boxes|hosts?|servers?|nodes?|tasks?|pods?|app|api|workers?))?)\s*\(\s*(sg-[\w-]+)\s*\)/gi,
  )) {
    if (!isNameToken(m[1]!.split(/\s+/)[0]) && !/\s/.test(m[1]!)) continue;
    if (
      /^(?:sg|security|group|the|db|database|egress|ingress|inbound|outbound|rules?)$/i.test(m[1]!) ||
      /\b(?:sg|security group)\b/i.test(m[1]!)
    )
      continue;
    const w = x.b.find('workload', m[1]!) ?? x.b.workload({ name: m[1]! }, kindOfName(m[1]!), x.src);
    const g = x.b.sg({ id: m[2]! });
    if (!w.sgs.includes(g.key)) w.sgs.push(g.key);
    touched.push(w);
  }
  const onIt =
    /\b(sg-[\w-]+)\s+(?:is\s+)?(?:on|attached\s+to)\s+(?:it|them|the\s+(?:box|instance|instances|server|servers|host))\b|\b(?:it|they|which|instances?|boxes|hosts?|servers?|nodes?|tasks?|pods?|functions?|lambdas?)\s+(?:has|have|carr(?:y|ies)|uses?|are\s+in|run\s+with)\s+(sg-[\w-]+)|\b(?:with|has|using|uses)\s+(?:security\s+group\s+|sg\s+)?(sg-[\w-]+)/i.exec(
      x.s,
    );
  const carrier = touched[touched.length - 1] ?? x.st.lastWorkload;
  if (onIt && carrier) {
    const g = x.b.sg({ id: (onIt[1] ?? onIt[2] ?? onIt[3])! });
    if (!carrier.sgs.includes(g.key)) carrier.sgs.push(g.key);
    touched.push(carrier);
  }
  // "X is in <subnet>", "the api box lives in shared-private-a (subnet-…)"
  const lives =
    /\b(?:the\s+|an?\s+)?([\w-]+(?:\s+(?:box|host|server|instance|api|db))?)\s+(?:is|are|sits|lives|runs|was\s+launched|got\s+launched)\s+(?:in|into|inside|on)\s+/i.exec(
      x.s,
    );
  if (lives && !/\bnat\b|\bvpc\b|\bsubnet\b|\bendpoint\b|\bigw\b/i.test(lives[1]!)) {
    const who = clean(lives[1]!)
      .toLowerCase()
      .replace(/\s+(box|host|server|instance)$/, '');
    const w =
      x.b.find('workload', clean(lives[1]!)) ??
      x.b.all('workload').find((k) => [...k.aliases].some((a) => a.split(/\s+/).includes(who)));
    const s = subnetAfter(x, lives.index ?? 0);
    if (w && s) {
      place(w, s);
      touched.push(w);
    }
  }
  // "launched i-… into public-1b"
  // public IPs
  const noPub =
    /\b(?:no|without(?:\s+an?)?|doesn't\s+have\s+(?:an?|any)|hasn't\s+got\s+an?|missing(?:\s+an?)?)\s+(?:public\s+ip(?:v4)?(?:\s+address)?|eip|elastic\s+ip)\b|publicipaddress\s*[:=]?\s*(?:none|null|""|-)|public\s+ip(?:v4)?\s*(?:address)?\s*[:=]?\s*(?:none|null|-|n\/a)\b/i.test(
      x.s,
    );
  const pub =
    /\b(?:public\s+ip(?:v4)?|eip|elastic\s+ip)\s*(?:is\s+|:|=|of)?\s*(\d{1,3}(?:\.\d{1,3}){3})/i.exec(x.s);
  const target =
    touched.find((w) => w.kind !== 'lambda') ?? (touched.length === 0 ? x.st.lastWorkload : undefined);
  if (target && noPub) target.publicIp = null;
  else if (target && pub && target.kind !== 'lambda') target.publicIp = pub[1]!;
  else if (target && /\bhas\s+an?\s+(?:eip|elastic\s+ip|public\s+ip)\b/i.test(x.s))
    target.publicIp = target.publicIp ?? 'yes';
  const az = azMentions(x.s)[0];
  if (
    az &&
    touched.length === 1 &&
    !touched[0]!.az &&
    /\b(?:in|runs?|sits?|lives?)\s+(?:in\s+)?[a-z]{2}-[a-z]+-\d[a-f]\b/i.test(x.s)
  )
    touched[0]!.az = az.az;
  if (touched.length) {
    x.st.lastWorkload = touched[touched.length - 1];
    x.hit = true;
  }
};

const ONPREM_CIDR =
  /\b(?:on[- ]?prem(?:ises)?|office|data\s?cent(?:er|re)|\bdc\b|corporate|corp|branch|remote\s+site|home\s+network)\b[^.;]{0,40}?(\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2})|(\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2})\s*\(?\s*(?:is\s+)?(?:the\s+|our\s+)?(?:on[- ]?prem|office|data\s?cent(?:er|re)|corporate)/gi;

/** On-premises ranges: "on-prem network is 192.168.0.0/16", "172.16.0.0/12 (office)". */
export const readOnprem: Extractor = (x) => {
  for (const m of x.s.matchAll(ONPREM_CIDR)) {
    const cidr = parseCidr((m[1] ?? m[2])!);
    if (!cidr || x.b.model.onprem.some((o) => o.cidr.text === cidr.text)) continue;
    x.b.model.onprem.push({ cidr, src: x.src });
    x.hit = true;
  }
};
