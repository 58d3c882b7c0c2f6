import { portLabel } from '../../flowdiag/ports.js';
import type { Finding } from '../../report/schema.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import type { Nacl } from '../model/types.js';
import { type Cidr, cidrContains, cidrContainsIp, formatIp, parseCidr } from '../net/ipv4.js';
import { EPHEMERAL, formatRange, protocolName } from '../net/protocol.js';
import { idFor, label, naclOf, routeTableOf } from '../reason/lookup.js';
import {
  ECHO_REQUEST,
  entriesOf,
  entryName,
  evalNacl,
  evalNaclRange,
  isNonPublicRange,
  PUBLIC_INTERNET,
  peerCidr,
  type RangeVerdict,
} from '../reason/nacl-eval.js';
import { forwardRoute, returnRoute } from '../reason/path-facts.js';
import type { Place } from '../reason/place.js';
import { hasReplies } from '../reason/replies.js';
import { lookupCidr } from '../reason/route-lookup.js';
import { serviceReach } from '../reason/service-path.js';
import { evalSgs } from '../reason/sg-eval.js';
import { type NaclSide, naclForSide, placeVpcKey, sgsForSide } from '../reason/sides.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Gap, Path, RuleContext } from './rule.js';

type V = 'allow' | 'deny' | 'unknown';

/** "UDP 514 (syslog)" */
function portLabelOf(path: Path): string {
  return `${protocolName(path.protocol).toUpperCase()} ${path.port === undefined ? '' : portLabel(path.port)}`.trim();
}

/** Every control on a VPC-to-VPC path, as far as the input shows. */
function assess(ctx: RuleContext, path: Path): { parts: Record<string, V>; notes: string[] } {
  const { model } = ctx;
  const parts: Record<string, V> = {};
  const notes: string[] = [];
  const same = path.from.vpc && path.to.vpc && path.from.vpc.key === path.to.vpc.key;
  // a review of security groups alone, with no VPC or route table in sight: one VPC, joined by its local route
  const sgOnly =
    ctx.model.symptoms.length === 0 &&
    !path.from.vpc &&
    !path.to.vpc &&
    model.vpcs.size === 0 &&
    model.routeTables.size === 0 &&
    model.peerings.size === 0;
  if (same) parts.routes = 'allow';
  else if (sgOnly) {
    parts.routes = 'allow';
    notes.push('no VPC or route table was shown: taken to be one VPC, whose local route joins them');
  } else {
    const f = forwardRoute(model, path).match?.route;
    const r = returnRoute(model, path).match?.route;
    parts.routes = f && r && f.state !== 'blackhole' && r.state !== 'blackhole' ? 'allow' : 'unknown';
  }
  const sgsAllAllowed = model.claims.some((c) => c.kind === 'sg-allows-all');
  const to = sgsForSide(model, path, 'to');
  const from = sgsForSide(model, path, 'from');
  if (to.sgs) {
    parts.sgIn = evalSgs(to.sgs, false, {
      ...(placeVpcKey(model, path.from) ? { peerVpc: placeVpcKey(model, path.from)! } : {}),
      protocol: path.protocol,
      ...(path.port !== undefined ? { port: path.port } : {}),
      ...(path.from.addr || path.from.kind === 'internet' ? { peer: peerCidr(path.from) } : {}),
      ...(from.sgs ? { peerSgs: from.sgs.map((g) => g.key) } : {}),
    }).verdict;
  } else parts.sgIn = sgsAllAllowed ? 'allow' : 'unknown';
  if (from.sgs && ctx.model.symptoms.length === 0)
    notes.push(
      `the replies need no inbound rule in ${from.sgs.map((g) => label(g)).join(', ')}: security groups are stateful, so an inbound 1024-65535 rule would only widen what can reach ${path.from.label}`,
    );
  if (from.sgs) {
    parts.sgOut = evalSgs(from.sgs, true, {
      ...(placeVpcKey(model, path.to) ? { peerVpc: placeVpcKey(model, path.to)! } : {}),
      protocol: path.protocol,
      ...(path.port !== undefined ? { port: path.port } : {}),
      peer: peerCidr(path.to),
      ...(to.sgs ? { peerSgs: to.sgs.map((g) => g.key) } : {}),
    }).verdict;
  } else {
    parts.sgOut = 'allow';
    notes.push("the source's security group egress was not shown (new groups allow all outbound)");
  }
  const sameSubnet = path.from.subnet && path.from.subnet === path.to.subnet;
  for (const [name, side, egress] of [
    ['naclOut', 'from', true],
    ['naclIn', 'to', false],
  ] as const) {
    if (sameSubnet) {
      parts[name] = 'allow';
      continue;
    }
    const ns = naclForSide(model, path, side);
    if (ns.allowAll) parts[name] = 'allow';
    else if (ns.nacl)
      parts[name] = evalNacl(ns.nacl, egress, {
        peer: peerCidr(egress ? path.to : path.from),
        protocol: path.protocol,
        ...(path.port !== undefined ? { port: path.port } : {}),
        ...(path.protocol === 1 ? { icmpType: ECHO_REQUEST } : {}),
      }).verdict;
    else parts[name] = 'unknown';
  }
  return { parts, notes };
}

function naclVerdict(n: NaclSide, egress: boolean, peer: Cidr, protocol: number, port?: number): V {
  if (n.allowAll) return 'allow';
  if (!n.nacl) return 'unknown';
  if (port !== undefined) return evalNacl(n.nacl, egress, { peer, protocol, port }).verdict;
  // the reply to an ephemeral port: every port the client may have used
  const vs = evalNaclRange(n.nacl, egress, peer, protocol, EPHEMERAL.linux).map((r) => r.verdict);
  return vs.includes('deny') ? 'deny' : vs.every((v) => v === 'allow') ? 'allow' : 'unknown';
}

/** A request whose port was not given, on a NACL where the port decides: which ports pass, by which rules. */
interface PortQuestion {
  nacl: Nacl;
  allowed: RangeVerdict[];
  denied: RangeVerdict[];
}

/**
 * The request check when the port may be unknown. With a port, the entry it matches; without one, no
 * port is invented: every port of the protocol is judged, and when some pass and some are dropped the
 * port decides it, which is a question for the user (which port?), not a verdict.
 */
function requestVerdict(
  n: NaclSide,
  peer: Cidr,
  protocol: number,
  port: number | undefined,
): { v: V; question?: PortQuestion } {
  if (n.allowAll) return { v: 'allow' };
  if (!n.nacl) return { v: 'unknown' };
  if (port !== undefined || (protocol !== 6 && protocol !== 17))
    return { v: evalNacl(n.nacl, true, { peer, protocol, ...(port !== undefined ? { port } : {}) }).verdict };
  const ranges = evalNaclRange(n.nacl, true, peer, protocol, { from: 0, to: 65535 });
  const allowed = ranges.filter((r) => r.verdict === 'allow');
  const denied = ranges.filter((r) => r.verdict === 'deny');
  if (allowed.length === ranges.length) return { v: 'allow' };
  if (denied.length === ranges.length) return { v: 'deny' };
  return {
    v: 'unknown',
    ...(allowed.length && denied.length ? { question: { nacl: n.nacl, allowed, denied } } : {}),
  };
}

/** The port question: which ports the NACL lets out, which rule drops the rest, and what to tell vpcdiag. */
function portGap(path: Path, q: PortQuestion, peer: Cidr): Gap {
  const where = peer === PUBLIC_INTERNET ? 'the internet' : peer.text;
  const proto = protocolName(path.protocol).toUpperCase();
  const names = (rs: RangeVerdict[]) => [...new Set(rs.map((r) => entryName(r.entry)))].join(', ');
  const ports = q.allowed.map((r) => formatRange(r.range)).join(', ');
  const allowEntry = q.allowed.find((r) => r.entry)?.entry;
  return {
    hypothesis: `the request goes to a port ${label(q.nacl)} does not let out: it allows ${proto} to ${where} only on ${ports} (${names(q.allowed)}), and ${names(q.denied)} drops every other port`,
    ask: `which port ${path.from.label} connects to (443 for HTTPS, 80 for HTTP…): say it, or paste the path with it ("${path.from.ip ?? path.from.label} -> ${path.to.ip ?? path.to.label}:443")`,
    order: 9,
    ...(allowEntry ? { src: allowEntry.src } : {}),
  };
}

/** Every control on a path from on-premises (or the internet) into a VPC, for every kind of client. */
function assessInbound(ctx: RuleContext, path: Path): { parts: Record<string, V>; notes: string[] } {
  const { model } = ctx;
  const parts: Record<string, V> = {};
  const notes: string[] = [];
  let peer = peerCidr(path.from);
  const n0 = naclForSide(model, path, 'to').nacl;
  // "deny 192.168.99.0/24 (guest wifi)" inside the clients' 192.168.0.0/16: judge the rest of the range
  const carved = n0
    ? n0.entries.filter(
        (e) =>
          e.action === 'deny' &&
          e.number < 32767 &&
          e.cidr.bits > peer.bits &&
          cidrContains(peer, e.cidr) &&
          !(peer === PUBLIC_INTERNET && isNonPublicRange(e.cidr)),
      )
    : [];
  if (carved.length) {
    const size = 2 ** (32 - peer.bits);
    const cand = [1, Math.floor(size / 2) + 1, size - 2]
      .map((k) => (peer.base + k) >>> 0)
      .find((ip) => !carved.some((e) => cidrContainsIp(e.cidr, ip)));
    if (cand !== undefined) {
      notes.push(`apart from ${carved.map((e) => `${e.cidr.text} (denied by ${entryName(e)})`).join(', ')}`);
      peer = parseCidr(`${formatIp(cand)}/32`)!;
    }
  }
  if (ctx.model.symptoms.length === 0 && model.routeTables.size === 0) {
    parts.routes = 'allow';
    notes.push(`routing from ${path.from.label} was not shown`);
  } else parts.routes = 'unknown';
  const n = naclForSide(model, path, 'to');
  parts.naclIn = naclVerdict(n, false, peer, path.protocol, path.port);
  if (!hasReplies(path)) notes.push(`${portLabelOf(path)} never replies: no rule for replies is needed`);
  else if (n.nacl && (path.protocol === 6 || path.protocol === 17)) {
    // the replies go back to whatever port each client picked: Linux, Windows and macOS, NAT and ELB
    const verdicts = [EPHEMERAL.linux, EPHEMERAL.windows, EPHEMERAL.aws].map((range) => ({
      range,
      vs: evalNaclRange(n.nacl!, true, peer, path.protocol, range),
    }));
    const bad = verdicts.filter((x) => x.vs.some((v) => v.verdict !== 'allow'));
    parts.naclOut = bad.some((x) => x.vs.some((v) => v.verdict === 'deny'))
      ? 'deny'
      : bad.length
        ? 'unknown'
        : 'allow';
    if (parts.naclOut === 'allow') {
      const rules = [...new Set(verdicts.flatMap((x) => x.vs.map((v) => entryName(v.entry))))].join(', ');
      notes.push(
        `replies to every client port range (Linux 32768-60999, Windows and macOS 49152-65535, NAT and ELB 1024-65535) leave by ${rules}`,
      );
    }
    const order = entriesOf(n.nacl, false).filter((e) => e.action === 'deny' && e.number < 32767);
    if (order.length)
      notes.push(
        `${order.map((e) => entryName(e)).join(', ')} ${order.length === 1 ? 'is' : 'are'} numbered before the allow rules, so ${order.length === 1 ? 'it takes' : 'they take'} effect`,
      );
  } else parts.naclOut = n.allowAll ? 'allow' : 'unknown';
  const to = sgsForSide(model, path, 'to');
  if (to.sgs)
    parts.sgIn = evalSgs(to.sgs, false, {
      protocol: path.protocol,
      ...(path.port !== undefined ? { port: path.port } : {}),
      peer,
    }).verdict;
  else parts.sgIn = 'unknown';
  return { parts, notes };
}

/** Every control on a path from a VPC to an AWS service (gateway or interface endpoint, or a public route). */
function assessService(ctx: RuleContext, path: Path): { parts: Record<string, V>; notes: string[] } {
  const { model } = ctx;
  const parts: Record<string, V> = {};
  const notes: string[] = [];
  const reach = serviceReach(model, path);
  const port = path.port ?? 443;
  if (reach?.kind === 'gateway-endpoint') {
    const e = reach.endpoint;
    const regionOk = !e?.serviceRegion || !path.to.serviceRegion || e.serviceRegion === path.to.serviceRegion;
    parts.routes =
      e && e.service === path.to.service && regionOk && reach.route.state !== 'blackhole'
        ? 'allow'
        : 'unknown';
    if (parts.routes === 'allow')
      notes.push(
        `${path.to.service} traffic takes ${label(e!)} by the prefix-list route in ${label(reach.table)}`,
      );
  } else if (reach?.kind === 'interface-endpoint') parts.routes = reach.dns === 'on' ? 'allow' : 'unknown';
  else if (
    reach?.kind === 'public' &&
    reach.route &&
    (reach.route.target.kind === 'nat' || reach.route.target.kind === 'igw')
  )
    parts.routes = 'allow';
  else parts.routes = 'unknown';
  const peer = peerCidr(path.to);
  const from = sgsForSide(model, path, 'from');
  if (from.sgs) parts.sgOut = evalSgs(from.sgs, true, { protocol: 6, port, peer }).verdict;
  else {
    parts.sgOut = 'allow';
    notes.push("the source's security group egress was not shown (new groups allow all outbound)");
  }
  const n = naclForSide(model, path, 'from');
  parts.naclOut = naclVerdict(n, true, peer, 6, port);
  parts.naclIn = naclVerdict(n, false, peer, 6);
  return { parts, notes };
}

/** Every control on a path from a VPC to an internet address (through an IGW or a NAT gateway). */
function assessInternet(
  ctx: RuleContext,
  path: Path,
): { parts: Record<string, V>; notes: string[]; questions: Record<string, Gap> } {
  const { model } = ctx;
  const parts: Record<string, V> = {};
  const notes: string[] = [];
  const dest = peerCidr(path.to);
  const route = forwardRoute(model, path).match?.route;
  const tcpish = path.protocol === 6 || path.protocol === 17;
  const port = path.port;
  const fromNacl = naclForSide(model, path, 'from');
  // a control whose verdict hangs on the port the user did not give: the question to ask instead
  const questions: Record<string, Gap> = {};
  const req = requestVerdict(fromNacl, dest, path.protocol, port);
  parts.naclOut = req.v;
  if (req.question) questions.naclOut = portGap(path, req.question, dest);
  const replies = hasReplies(path);
  if (replies) parts.naclIn = tcpish ? naclVerdict(fromNacl, false, dest, path.protocol) : 'unknown';
  else notes.push(`${portLabelOf(path)} never replies: no rule for replies is needed`);
  if (!route || route.state === 'blackhole') parts.routes = 'unknown';
  else if (route.target.kind === 'igw') {
    const ip = path.from.workload?.publicIp;
    parts.routes = typeof ip === 'string' ? 'allow' : ip === null ? 'deny' : 'unknown';
  } else if (route.target.kind === 'nat') {
    const nat = [...model.nats.values()].find((n) => n.id === route.target.id);
    const sub = nat?.subnet ? model.subnets.get(nat.subnet) : undefined;
    const table = sub ? routeTableOf(model, sub, nat?.vpc).table : undefined;
    const out = table ? lookupCidr(table, dest).route : undefined;
    parts.routes = out?.target.kind === 'igw' && out.state !== 'blackhole' ? 'allow' : 'unknown';
    if (parts.routes === 'allow')
      notes.push(
        `${path.from.workload?.kind === 'lambda' ? "a Lambda function's ENIs never have public IPs, and need none: " : ''}${route.target.id ?? 'the NAT gateway'} in ${sub ? label(sub) : 'a public subnet'} sends it on to ${out!.target.id ?? 'the internet gateway'} from its own address`,
      );
    // the NAT gateway's own subnet filters the request and the reply too
    const n = sub ? naclOf(model, sub, nat?.vpc) : undefined;
    const side: NaclSide = n?.nacl ? { nacl: n.nacl } : n?.defaultAllowAll ? { allowAll: true } : {};
    const natReq = requestVerdict(side, dest, path.protocol, port);
    parts.natNaclOut = natReq.v;
    if (natReq.question) questions.natNaclOut = portGap(path, natReq.question, dest);
    if (replies)
      parts.natNaclIn = tcpish ? naclVerdict(side, false, dest, path.protocol, undefined) : 'unknown';
  } else parts.routes = 'unknown';
  const from = sgsForSide(model, path, 'from');
  if (from.sgs)
    parts.sgOut = evalSgs(from.sgs, true, {
      protocol: path.protocol,
      ...(port !== undefined ? { port } : {}),
      peer: dest,
    }).verdict;
  else {
    parts.sgOut = 'allow';
    notes.push("the source's security group egress was not shown (new groups allow all outbound)");
  }
  return { parts, notes, questions };
}

const subnetId = (p: Place) => (p.subnet ? idFor(p.subnet, 'subnet ID') : `<subnet ID of ${p.label}>`);

/** A filter for the route tables or NACLs of these places' subnets: one command (Values takes a list). */
const subnetFilter = (...places: Place[]) =>
  `Name=association.subnet-id,Values=${[...new Set(places.map(subnetId))].join(',')}`;

/** What to ask for each control the input leaves open. */
function gapsOf(path: Path, parts: Record<string, V>): Gap[] {
  const out: Gap[] = [];
  const what = describePath(path);
  const sgIds = (p: Place) =>
    p.sgs?.length ? p.sgs.map((g) => idFor(g, 'SG ID')).join(' ') : `<SG IDs of ${p.label}>`;
  for (const [part, v] of Object.entries(parts)) {
    if (v !== 'unknown') continue;
    switch (part) {
      case 'routes':
        out.push({
          hypothesis: `a route table on the way has no route for traffic ${what} (or none back)`,
          ask: `aws ec2 describe-route-tables --filters ${path.to.kind === 'vpc' ? subnetFilter(path.from, path.to) : subnetFilter(path.from)}`,
          order: 20,
        });
        break;
      case 'sgIn':
        out.push({
          hypothesis: `the security group of ${path.to.label} does not allow ${path.from.label}`,
          ask: `aws ec2 describe-security-groups --group-ids ${sgIds(path.to)}`,
          order: 21,
        });
        break;
      case 'sgOut':
        out.push({
          hypothesis: `the security group of ${path.from.label} does not allow it out`,
          ask: `aws ec2 describe-security-groups --group-ids ${sgIds(path.from)}`,
          order: 22,
        });
        break;
      case 'naclOut':
      case 'naclIn': {
        const side = part === 'naclOut' ? path.from : path.to.kind === 'vpc' ? path.to : path.from;
        out.push({
          hypothesis: `the network ACL of ${side.subnet ? label(side.subnet) : `${side.label}'s subnet`} drops the request or the reply (ephemeral ports)`,
          ask: `aws ec2 describe-network-acls --filters ${subnetFilter(side)}`,
          order: 23,
        });
        break;
      }
      case 'natNaclOut':
      case 'natNaclIn':
        out.push({
          hypothesis: "the network ACL of the NAT gateway's subnet drops the request or the reply",
          ask: 'aws ec2 describe-nat-gateways --query "NatGateways[].SubnetId", then aws ec2 describe-network-acls --filters Name=association.subnet-id,Values=<that subnet>',
          order: 24,
        });
        break;
    }
  }
  return out;
}

/** NETWORK_PATH_OK: nothing on the path blocks it (or the host answered with a reset): look at the host. */
export function networkPathOk(ctx: RuleContext, found: readonly Finding[]): Finding[] {
  if (found.some((f) => f.severity === 'error')) return [];
  // the records already show the path working: saying it again from the config adds nothing
  if (ctx.flowFindings.some((f) => f.code === 'NETWORK_PATH_OK')) return [];
  const refused = ctx.model.symptoms.find((s) => s.kind === 'refused');
  const out: Finding[] = [];
  const unsettled: Gap[] = [];
  for (const path of ctx.paths) {
    if (path.flow) continue;
    const inbound = (path.from.kind === 'onprem' || path.from.kind === 'internet') && path.to.kind === 'vpc';
    if (path.from.kind !== 'vpc' && !inbound) continue;
    if (path.to.kind !== 'vpc' && path.to.kind !== 'internet' && path.to.kind !== 'service') continue;
    const {
      parts,
      notes,
      questions = {},
    }: { parts: Record<string, V>; notes: string[]; questions?: Record<string, Gap> } = inbound
      ? assessInbound(ctx, path)
      : path.to.kind === 'internet'
        ? assessInternet(ctx, path)
        : path.to.kind === 'service'
          ? assessService(ctx, path)
          : assess(ctx, path);
    // with nothing reported broken ("anything I missed?"), controls not shown are noted, not asked for
    const review = ctx.model.symptoms.length === 0 && parts.routes === 'allow';
    const open = Object.entries(parts)
      .filter(([, v]) => v === 'unknown')
      .map(([k]) => k);
    if (review && open.length) {
      if (open.some((k) => /nacl/i.test(k)))
        notes.push('network ACLs were not shown (a default NACL allows everything)');
      if (open.includes('sgOut'))
        notes.push("the source's security group was not shown (groups allow all outbound unless changed)");
      if (open.includes('sgIn'))
        notes.push(
          `the security group of ${path.to.label} was not shown: it must allow ${protocolName(path.protocol).toUpperCase()} ${path.port ?? ''} from ${path.from.addr?.text ?? path.from.label}`.replace(
            /\s+/g,
            ' ',
          ),
        );
    }
    const allKnown =
      Object.values(parts).every((v) => v === 'allow') || (review && !Object.values(parts).includes('deny'));
    if (!allKnown && !refused) {
      if (!Object.values(parts).includes('deny')) {
        // a NACL shown whole, whose verdict hangs on the port: ask for the port, not for the NACL again
        const rest = Object.fromEntries(Object.entries(parts).filter(([k]) => !questions[k]));
        unsettled.push(...Object.values(questions), ...gapsOf(path, rest));
      }
      continue;
    }
    if (Object.values(parts).includes('deny')) continue;
    out.push(
      makeFinding({
        code: 'NETWORK_PATH_OK',
        severity: 'info',
        title: refused
          ? `"Connection refused" means the network path to ${path.to.label} works: nothing listens on that port`
          : `The network allows ${describePath(path).replace(/^from /, '')}`,
        explanation: refused
          ? `Security groups and network ACLs drop packets silently, which shows up as a timeout. "Connection refused" is ${path.protocol === 17 ? `an ICMP "port unreachable" sent by ${path.to.label}'s host itself (UDP has no reset)` : `a TCP reset sent by ${path.to.label}'s host itself`}: the request got through routing, NACLs and security groups, and nothing was listening on port ${path.port ?? 'that port'} (or a host firewall rejected it). Check that the service is running and bound to the right address (0.0.0.0, not 127.0.0.1), and the port it listens on.`
          : `${open.length ? 'Nothing shown blocks' : 'Routing, network ACLs and security groups all allow'} traffic ${describePath(path)}${notes.length ? ` (${notes.join('; ')})` : ''}. ${
              path.to.kind === 'service'
                ? 'If calls still fail, look at IAM and the resource policies (a 403), and at DNS.'
                : 'If it still fails, look at the host (is the service listening, a host firewall), DNS (does the name resolve to this address), TLS, or the application.'
            }`,
        evidence: [
          ...(refused
            ? ev(
                refused.src,
                path.protocol === 17
                  ? 'the host answered port unreachable'
                  : 'the host answered with a reset',
              )
            : []),
          ev(path.intent.src, 'the path'),
        ],
        fixes:
          (path.to.kind === 'vpc' && ctx.model.symptoms.length > 0) || refused
            ? [
                {
                  summary: `On ${path.to.label}, check what listens on port ${path.port ?? '<PORT>'}`,
                  commands:
                    path.protocol === 17
                      ? [
                          `sudo ss -lunp | grep ':${path.port ?? '<PORT>'}'`,
                          // UDP has no handshake: a reply, if the service answers, shows the datagram got there
                          `echo test | nc -u -w1 ${path.to.ip ?? '<HOST>'} ${path.port ?? '<PORT>'}   # from the client; a reply shows it got there`,
                        ]
                      : [
                          `sudo ss -ltnp | grep ':${path.port ?? '<PORT>'}'`,
                          `nc -vz ${path.to.ip ?? '<HOST>'} ${path.port ?? '<PORT>'}   # from the client`,
                        ],
                },
              ]
            : [],
        subject: subjectOf(path),
      }),
    );
    break;
  }
  // nothing blocks what is known, but not all of it is known: ask for exactly the missing controls
  if (out.length === 0) for (const g of unsettled) ctx.gap(g);
  if (out.length === 0 && refused && ctx.paths.length === 0) {
    out.push(
      makeFinding({
        code: 'NETWORK_PATH_OK',
        severity: 'info',
        title: '"Connection refused" means the network path works: nothing listens on that port',
        explanation:
          'Security groups and network ACLs drop packets silently (a timeout). "Connection refused" is a TCP reset from the destination host: the packet got through, and no process listens on that port, or a host firewall rejects it.',
        evidence: ev(refused.src, 'the host answered with a reset'),
        fixes: [
          {
            summary: 'Check the service on the destination host',
            commands: ["sudo ss -ltnp | grep ':<PORT>'"],
          },
        ],
      }),
    );
  }
  return out;
}
