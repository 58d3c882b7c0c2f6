import type { Finding } from '../../report/schema.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { ANY_IPV4 } from '../net/ipv4.js';
import { evalNacl } from '../reason/nacl-eval.js';
import { forwardRoute, returnRoute } from '../reason/path-facts.js';
import { evalSgs } from '../reason/sg-eval.js';
import { naclForSide, placeVpcKey, sgsForSide } from '../reason/sides.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Path, RuleContext } from './rule.js';

type V = 'allow' | 'deny' | 'unknown';

/** Every control on a VPC-to-VPC path, as far as the input shows. */
function assess(ctx: RuleContext, path: Path): { parts: Record<string, V>; notes: string[] } {
  const { model } = ctx;
  const parts: Record<string, V> = {};
  const notes: string[] = [];
  const same = path.from.vpc && path.to.vpc && path.from.vpc.key === path.to.vpc.key;
  if (same) parts.routes = 'allow';
  else {
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
      ...(path.from.addr ? { peer: path.from.addr } : {}),
      ...(from.sgs ? { peerSgs: from.sgs.map((g) => g.key) } : {}),
    }).verdict;
  } else parts.sgIn = sgsAllAllowed ? 'allow' : 'unknown';
  if (from.sgs) {
    parts.sgOut = evalSgs(from.sgs, true, {
      ...(placeVpcKey(model, path.to) ? { peerVpc: placeVpcKey(model, path.to)! } : {}),
      protocol: path.protocol,
      ...(path.port !== undefined ? { port: path.port } : {}),
      peer: path.to.addr ?? ANY_IPV4,
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
        peer: (egress ? path.to.addr : path.from.addr) ?? ANY_IPV4,
        protocol: path.protocol,
        ...(path.port !== undefined ? { port: path.port } : {}),
      }).verdict;
    else parts[name] = 'unknown';
  }
  return { parts, notes };
}

/** NETWORK_PATH_OK: nothing on the path blocks it (or the host answered with a reset): look at the host. */
export function networkPathOk(ctx: RuleContext, found: readonly Finding[]): Finding[] {
  if (found.some((f) => f.severity === 'error')) return [];
  const refused = ctx.model.symptoms.find((s) => s.kind === 'refused');
  const out: Finding[] = [];
  for (const path of ctx.paths) {
    if (path.flow || path.to.kind !== 'vpc' || path.from.kind !== 'vpc') continue;
    const { parts, notes } = assess(ctx, path);
    const allKnown = Object.values(parts).every((v) => v === 'allow');
    if (!allKnown && !refused) continue;
    if (Object.values(parts).includes('deny')) continue;
    out.push(
      makeFinding({
        code: 'NETWORK_PATH_OK',
        severity: 'info',
        title: refused
          ? `"Connection refused" means the network path to ${path.to.label} works: nothing listens on that port`
          : `The network allows ${describePath(path).replace(/^from /, '')}`,
        explanation: refused
          ? `Security groups and network ACLs drop packets silently, which shows up as a timeout. "Connection refused" is a TCP reset sent by ${path.to.label}'s host itself: the request got through routing, NACLs and security groups, and nothing was listening on port ${path.port ?? 'that port'} (or a host firewall rejected it). Check that the service is running and bound to the right address (0.0.0.0, not 127.0.0.1), and the port it listens on.`
          : `Routing, network ACLs and security groups all allow traffic ${describePath(path)}${notes.length ? ` (${notes.join('; ')})` : ''}. If it still fails, look at the host (is the service listening, a host firewall), DNS (does the name resolve to this address), TLS, or the application.`,
        evidence: [
          ...(refused ? ev(refused.src, 'the host answered with a reset') : []),
          ev(path.intent.src, 'the path'),
        ],
        fixes: [
          {
            summary: `On ${path.to.label}, check what listens on port ${path.port ?? '<PORT>'}`,
            commands: [
              `sudo ss -ltnp | grep ':${path.port ?? '<PORT>'}'`,
              `nc -vz ${path.to.ip ?? '<HOST>'} ${path.port ?? '<PORT>'}   # from the client`,
            ],
          },
        ],
        subject: subjectOf(path),
      }),
    );
    break;
  }
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
