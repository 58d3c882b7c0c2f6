import { addSrc } from '../../model/builder.js';
import type { Endpoint } from '../../model/types.js';
import { parseCidr } from '../../net/ipv4.js';
import { parseServiceName } from '../../net/regions.js';
import { regionMentions, serviceMentions } from './mentions.js';
import type { Extractor, Sentence } from './sentence.js';

const GW = /\bgateway(?:\s+type)?\b|\btype\s*(?:=|:)?\s*"?gateway"?/i;
const IF = /\binterface(?:\s+type)?\b|\bprivatelink\b|\btype\s*(?:=|:)?\s*"?interface"?/i;
const ENDPOINT = /\b(?:vpc\s+)?endpoints?\b|\bvpce\b|\bvpce-|\bprivatelink\b|aws_vpc_endpoint/i;

function endpointFor(x: Sentence, service: string, type?: Endpoint['type'], at?: number): Endpoint {
  // the endpoint ID written next to this service, not another one in the same sentence
  const ids = x.ids.filter((i) => i.kind === 'vpce');
  const sameClause = (i: { index: number }) =>
    at !== undefined &&
    Math.abs(i.index - at) <= 45 &&
    !/[.;]\s/.test(x.s.slice(Math.min(i.index, at), Math.max(i.index, at)));
  const id = (at === undefined ? ids[0] : ids.find(sameClause))?.id;
  if (id) return x.b.endpoint({ id });
  const found = x.b.all('vpce').find((e) => e.service === service && (!type || !e.type || e.type === type));
  return found ?? x.b.endpoint({ name: `${service} endpoint` });
}

/** VPC endpoints in prose: "S3 gateway endpoint on rtb-a", "interface endpoint for SQS, private DNS off". */
export const readEndpoints: Extractor = (x) => {
  if (!ENDPOINT.test(x.s) && !/does not match service type|endpoint type/i.test(x.s)) return;
  const none =
    /\b(?:no|without(?:\s+an?)?|don't\s+have\s+(?:an?|any)|there\s+(?:is|are)\s+no)\s+(?:vpc\s+)?(?:(s3|dynamodb|gateway|interface)\s+)?endpoints?\b/i.exec(
      x.s,
    );
  if (none) {
    x.b.model.claims.push({
      kind: 'no-endpoint',
      ...(none[1] ? { detail: none[1].toLowerCase() } : {}),
      src: x.src,
    });
    x.hit = true;
    if (
      !/\bvpce-|\b(?:created|added|have|has|with)\s+(?:an?\s+)?(?:s3|dynamodb|interface|gateway)?\s*endpoint/i.test(
        x.s.replace(none[0], ''),
      )
    )
      return;
  }
  const services = serviceMentions(x.s).filter(
    (m) => !/^ecr$/.test(m.service) || !/ecr\.(api|dkr)/i.test(x.s),
  );
  const region = regionMentions(x.s)[0]?.region ?? x.st.region;
  // the API's answer when a gateway endpoint is asked for an interface-only service
  if (/endpoint type \(gateway\) does not match service type \(interface\)/i.test(x.s)) {
    const svc = /com\.amazonaws\.[\w-]+\.([\w.-]+)/i.exec(x.s)?.[1] ?? services[0]?.service;
    if (svc) {
      const e = endpointFor(x, svc, 'Gateway');
      e.service = svc;
      e.type = 'Gateway';
      addSrc(e, x.src);
    }
    x.hit = true;
    return;
  }
  const type: Endpoint['type'] | undefined =
    GW.test(x.s) &&
    !/gateway\s+load\s+balancer/i.test(x.s) &&
    !/\bnat\s+gateway|internet\s+gateway|transit\s+gateway/i.test(x.s.replace(/gateway\s+endpoint/gi, ''))
      ? 'Gateway'
      : IF.test(x.s)
        ? 'Interface'
        : undefined;
  // the type word nearest each service ("interface endpoints for ssm, logs … and the S3 gateway endpoint")
  const typeWords = [...x.s.matchAll(/\b(gateway|interface|privatelink)\b(?!\s+load\s+balancer)/gi)]
    .filter(
      (w) =>
        !/\b(?:nat|internet|transit|customer|vpn|api|local|carrier)\s*$/i.test(
          x.s.slice(Math.max(0, (w.index ?? 0) - 12), w.index),
        ),
    )
    .map((w) => ({
      index: w.index ?? 0,
      type: (/gateway/i.test(w[1]!) ? 'Gateway' : 'Interface') as Endpoint['type'],
    }));
  const typeFor = (at: number): Endpoint['type'] | undefined => {
    let best: { d: number; type: Endpoint['type'] } | undefined;
    for (const w of typeWords) {
      const d = Math.abs(w.index - at);
      if (d <= 40 && (!best || d < best.d)) best = { d, type: w.type };
    }
    return best?.type ?? (typeWords.length === 1 ? typeWords[0]!.type : undefined);
  };
  const typeOf = new Map<Endpoint, Endpoint['type']>();
  const vpceIds = x.ids.filter((i) => i.kind === 'vpce');
  const targets: Endpoint[] = [];
  const named = services.filter((m) => m.service !== 'ecr' || !/ecr\.(api|dkr)/i.test(x.s));
  if (named.length === 0 && vpceIds.length) {
    for (const v of vpceIds) {
      // the one endpoint the text described without its ID is this one
      const unnamed = x.b.all('vpce').filter((k) => !k.id);
      const known = x.b.find('vpce', v.id);
      targets.push(
        !known && unnamed.length === 1
          ? x.b.endpoint({ id: v.id, name: unnamed[0]!.name ?? '' })
          : x.b.endpoint({ id: v.id }),
      );
    }
  }
  for (const m of named) {
    if (!ENDPOINT.test(x.s) && !type) continue;
    // "ECR" alone: both ecr.api and ecr.dkr
    const svcs = m.service === 'ecr' ? ['ecr.api', 'ecr.dkr'] : [m.service];
    for (const svc of svcs) {
      const e =
        vpceIds.length === 1 && named.length === 1 && svcs.length === 1
          ? x.b.endpoint({ id: vpceIds[0]!.id })
          : endpointFor(x, svc, typeFor(m.index) ?? type, m.index);
      e.service ??= svc;
      if (region && !e.serviceRegion) e.serviceRegion = region;
      const t = typeFor(m.index);
      if (t) typeOf.set(e, t);
      targets.push(e);
    }
  }
  if (targets.length === 0) {
    // "the endpoint …" follow-ups
    if (/\bthe\s+(?:vpc\s+)?endpoint\b/i.test(x.s) && x.b.all('vpce').length)
      targets.push(x.b.all('vpce').slice(-1)[0]!);
    else return;
  }
  for (const e of targets) {
    const idAt = e.id ? x.s.indexOf(e.id) : -1;
    const t =
      typeOf.get(e) ??
      (idAt >= 0 ? typeFor(idAt) : typeOf.size === 0 && typeWords.length ? typeWords[0]!.type : undefined);
    if (t) e.type = t;
    if (
      !e.type &&
      (e.service === 's3' || e.service === 'dynamodb') &&
      /\broute\s+tables?\b|\brtb-/i.test(x.s)
    )
      e.type = 'Gateway';
    const attempt =
      /\b(?:tried|trying|try|attempt(?:ed|ing)?|want(?:ed)?|wanna|can't|cannot|won't|fails?\s+to|unable\s+to)\b[^.]{0,20}\bprivate\s+dns/i.test(
        x.s,
      ) || /enabling\s+private\s+dns\s+requires/i.test(x.s);
    if (attempt) e.privateDns = false;
    else if (
      /private\s+dns(?:\s+names?)?(?:\s+(?:enabled|setting))?\s*(?:is\s+|=\s*|:\s*)?(?:off|disabled|false|not\s+enabled|unchecked)|without\s+private\s+dns|no\s+private\s+dns|private_dns_enabled\s*=\s*false/i.test(
        x.s,
      )
    )
      e.privateDns = false;
    else if (
      /private\s+dns(?:\s+names?)?(?:\s+(?:enabled|setting))?\s*(?:is\s+|=\s*|:\s*)?(?:on|enabled|true|checked)|with\s+private\s+dns|private_dns_enabled\s*=\s*true/i.test(
        x.s,
      )
    )
      e.privateDns = true;
    // route tables belong to gateway endpoints only
    const gatewayish = e.type === 'Gateway' || (!e.type && (e.service === 's3' || e.service === 'dynamodb'));
    for (const r of gatewayish ? x.ids.filter((i) => i.kind === 'rtb') : []) {
      const t = x.b.routeTable({ id: r.id });
      if (!e.routeTables.includes(t.key)) e.routeTables.push(t.key);
    }
    const tableName0 =
      /\b(?:associated\s+with|on|attached\s+to|added\s+to|in)\s+(?:the\s+)?([\w-]+)\s+(?:route\s+table|rtb|rt)\b/i.exec(
        x.s,
      )?.[1];
    const tableName =
      tableName0 && !/^(?:its|their|our|that|this|the)$/i.test(tableName0) ? tableName0 : undefined;
    if (tableName) {
      const t =
        x.b.find('rtb', tableName) ??
        x.b.all('rtb').find((k) => [...k.aliases].some((a) => a.includes(tableName.toLowerCase())));
      if (t && !e.routeTables.includes(t.key)) e.routeTables.push(t.key);
    }
    // "s3 gateway endpoint attached to its route table": the table of the thing the sentence is about
    if (
      gatewayish &&
      !tableName &&
      !x.ids.some((i) => i.kind === 'rtb') &&
      /\b(?:associated\s+with|on|attached\s+to|added\s+to|in)\s+(?:its|their|the|our|that|this)\s+(?:private\s+)?(?:subnet'?s?\s+)?(?:route\s+tables?|rtbs?|rt)\b/i.test(
        x.s,
      )
    ) {
      const w = x.st.lastWorkload;
      let sub =
        x.st.lastSubnet ??
        (w?.subnets[0] ? x.b.all('subnet').find((k) => k.key === w.subnets[0]) : undefined);
      if (!sub && w) {
        sub = x.b.subnet({ name: `subnet of ${w.name ?? w.id ?? 'it'}` });
        if (/\bprivate\s+subnets?\b/i.test(x.s)) sub.roleHint ??= 'private';
        w.subnets.push(sub.key);
      }
      if (sub) {
        const t =
          (sub.routeTable ? x.b.all('rtb').find((k) => k.key === sub.routeTable) : undefined) ??
          x.b.routeTable({ name: `route table of ${sub.name ?? sub.id}` });
        sub.routeTable = t.key;
        if (!t.subnets.includes(sub.key)) t.subnets.push(sub.key);
        if (!e.routeTables.includes(t.key)) e.routeTables.push(t.key);
      }
    }
    for (const s of x.ids.filter((i) => i.kind === 'subnet')) {
      const sub = x.b.subnet({ id: s.id });
      if (e.type !== 'Gateway' && !e.subnets.includes(sub.key)) e.subnets.push(sub.key);
    }
    // "endpoint SG sg-…", "SG on the endpoints: sg-…", "endpoints use sg-…"
    for (const m of x.s.matchAll(
      /\bendpoints?(?:'s)?\s+(?:sg|security\s+group)s?\s*(?:is\s+|=\s*|:\s*)?(sg-[\w-]+)|\b(?:sg|security\s+group)s?\s+(?:on|of|for)\s+(?:the\s+)?(?:vpc\s+)?endpoints?\s*(?:is\s+|=\s*|:\s*)?(sg-[\w-]+)|\bendpoints?\s+(?:use|uses|has|have|with)\s+(?:security\s+group\s+|sg\s+)?(sg-[\w-]+)/gi,
    )) {
      const sg = x.b.sg({ id: (m[1] ?? m[2] ?? m[3])! });
      if (!e.sgs.includes(sg.key)) e.sgs.push(sg.key);
    }
    // "interface endpoint vpce-…, attached sg-… (no inbound rules)": the one group the sentence names, not a rule's peer
    if (e.type !== 'Gateway' && !e.sgs.length) {
      const own = x.ids.filter(
        (i) =>
          i.kind === 'sg' &&
          !/\b(?:from|to|allows?|and)\s+$/i.test(x.s.slice(Math.max(0, i.index - 8), i.index)),
      );
      if (own.length === 1 && x.ids.filter((i) => i.kind === 'sg').length === 1)
        e.sgs.push(x.b.sg({ id: own[0]!.id }).key);
    }
    if (x.st.lastVpc && !e.vpc) e.vpc = x.st.lastVpc.key;
    if (
      /\bendpoint\s+policy\b/i.test(x.s) &&
      /\b(only|restrict|limited|allows?\s+only|specific|custom|deny)\b/i.test(x.s)
    ) {
      x.b.model.claims.push({ kind: 'endpoint-policy-restricted', about: e.key, src: x.src });
    }
    addSrc(e, x.src);
  }
  x.hit = true;
};

/** Terraform `resource "aws_vpc_endpoint" …` blocks (and `aws_vpc` DNS flags), one attribute per line. */
export function readHcl(
  lines: readonly { line: number; text: string }[],
  x0: (line: number) => Sentence,
): Set<number> {
  const used = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const head = /resource\s+"(aws_vpc_endpoint|aws_vpc|aws_subnet)"\s+"([\w-]+)"\s*\{/.exec(lines[i]!.text);
    if (!head) continue;
    const attrs = new Map<string, { value: string; line: number }>();
    let j = i + 1;
    let depth = 1;
    for (; j < lines.length && depth > 0; j++) {
      const t = lines[j]!.text;
      depth += (t.match(/\{/g) ?? []).length - (t.match(/\}/g) ?? []).length;
      const a = /^\s*([a-z_]+)\s*=\s*(.+?)\s*$/.exec(t);
      if (a && depth === 1) attrs.set(a[1]!, { value: a[2]!, line: lines[j]!.line });
    }
    const x = x0(lines[i]!.line);
    const str = (k: string) => /"([^"]*)"/.exec(attrs.get(k)?.value ?? '')?.[1];
    const list = (k: string) => [...(attrs.get(k)?.value ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    const srcLines = [lines[i]!.line, ...[...attrs.values()].map((a) => a.line)];
    const src = {
      kind: 'config' as const,
      lines: srcLines.slice(0, 12),
      text: `resource "${head[1]}" "${head[2]}"`,
    };
    if (head[1] === 'aws_vpc_endpoint') {
      const sn = parseServiceName(str('service_name') ?? '');
      const e = x.b.endpoint({ name: `terraform ${head[2]}` }, src);
      if (sn) {
        e.service = sn.service;
        if (sn.region) e.serviceRegion = sn.region;
      }
      const type = str('vpc_endpoint_type');
      // the provider's default type is Gateway
      e.type =
        type === 'Interface'
          ? 'Interface'
          : type === 'GatewayLoadBalancer'
            ? 'GatewayLoadBalancer'
            : 'Gateway';
      const vpc = str('vpc_id');
      if (vpc?.startsWith('vpc-')) e.vpc = x.b.vpc({ id: vpc }).key;
      for (const r of list('route_table_ids'))
        if (r.startsWith('rtb-')) e.routeTables.push(x.b.routeTable({ id: r }).key);
      for (const s of list('subnet_ids'))
        if (s.startsWith('subnet-')) e.subnets.push(x.b.subnet({ id: s }).key);
      for (const g of list('security_group_ids')) if (g.startsWith('sg-')) e.sgs.push(x.b.sg({ id: g }).key);
      const pd = attrs.get('private_dns_enabled')?.value;
      if (pd === 'true' || pd === 'false') e.privateDns = pd === 'true';
    } else if (head[1] === 'aws_vpc') {
      const v = x.b.vpc({ name: head[2]! }, src);
      const c = str('cidr_block');
      if (c) {
        const cidr = parseCidr(c);
        if (cidr && !v.cidrs.some((k) => k.cidr.text === cidr.text)) v.cidrs.push({ cidr, src });
      }
      const h = attrs.get('enable_dns_hostnames')?.value;
      if (h === 'true' || h === 'false') v.dnsHostnames = h === 'true';
      const s = attrs.get('enable_dns_support')?.value;
      if (s === 'true' || s === 'false') v.dnsSupport = s === 'true';
    } else if (head[1] === 'aws_subnet') {
      const s = x.b.subnet({ name: head[2]! }, src);
      const c = str('cidr_block');
      if (c) s.cidr = parseCidr(c) ?? s.cidr;
      const map = attrs.get('map_public_ip_on_launch')?.value;
      if (map === 'true' || map === 'false') s.mapPublicIp = map === 'true';
      const az = str('availability_zone');
      if (az) s.az = az;
    }
    for (let k = i; k < j; k++) used.add(lines[k]!.line);
    x.b.model.readers.add('document');
    i = j - 1;
  }
  return used;
}
