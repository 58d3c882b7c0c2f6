import type { Finding } from '../../report/schema.js';
import { createRouteFix } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import type { Route, RouteTable } from '../model/types.js';
import { idFor, label } from '../reason/lookup.js';
import { forwardRoute, peeringById, returnRoute, routeText } from '../reason/path-facts.js';
import { subjectOf } from './path-subject.js';
import type { Rule } from './rule.js';

/**
 * The replacement for a gone target, of the same kind so the command takes the right flag (an instance
 * route is re-created on its network interface, which is what AWS stores for it).
 */
const NEW_TARGET: Partial<Record<Route['target']['kind'], string>> = {
  pcx: '<NEW_PCX_ID>',
  nat: '<NEW_NAT_GATEWAY_ID>',
  tgw: '<NEW_TGW_ID>',
  vgw: '<NEW_VGW_ID>',
  igw: '<NEW_IGW_ID>',
  eigw: '<NEW_EIGW_ID>',
  vpce: '<NEW_VPCE_ID>',
  eni: '<NEW_ENI_ID>',
  instance: '<NEW_ENI_ID>',
};

/** A route whose target is gone: state blackhole, or a NAT gateway the input shows deleted/failed. */
export function isBlackhole(model: Parameters<Rule>[0]['model'], r: Route): boolean {
  if (r.state === 'blackhole') return true;
  if (r.target.kind === 'nat' && r.target.id) {
    const n = model.nats.get(r.target.id.toLowerCase());
    if (n?.state === 'deleted' || n?.state === 'failed' || n?.state === 'deleting') return true;
  }
  return false;
}

/** ROUTE_BLACKHOLE: the matching route's target is gone or inactive. */
export const routeBlackhole: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  const seen = new Set<string>();
  const report = (t: RouteTable, r: Route, onPath: boolean, path?: Parameters<typeof subjectOf>[0]) => {
    const key = `${t.key}|${r.cidr?.text ?? r.prefixList}`;
    if (seen.has(key)) return;
    seen.add(key);
    const target = r.target.id ?? r.target.kind;
    const nat =
      r.target.kind === 'nat' && r.target.id ? model.nats.get(r.target.id.toLowerCase()) : undefined;
    const why =
      r.target.kind === 'pcx'
        ? 'the peering connection is not active (pending, expired, rejected or deleted)'
        : r.target.kind === 'nat'
          ? `the NAT gateway ${nat?.state ? `is ${nat.state}` : 'was deleted or failed'}`
          : r.target.kind === 'eni' || r.target.kind === 'instance'
            ? 'the instance or network interface it pointed to is stopped, terminated or detached'
            : r.target.kind === 'igw'
              ? 'the internet gateway was detached or deleted'
              : 'its target no longer exists';
    out.push(
      makeFinding({
        code: 'ROUTE_BLACKHOLE',
        severity: onPath ? 'error' : 'warning',
        title: `${label(t)}: ${r.cidr?.text ?? r.prefixList} -> ${target} is a blackhole`,
        explanation: `The route ${routeText(r)} in ${label(t)} is in state blackhole because ${why}. Routes are not removed when their target goes away, and traffic that matches a blackhole route is dropped${onPath ? '; this is the route your traffic matches' : ''}.`,
        evidence: [
          ev(r.src, 'blackhole route'),
          ev(t.src[0]),
          ...(nat ? ev(nat.src[0], `state ${nat.state}`) : []),
        ],
        fixes: [
          createRouteFix(
            `Point ${r.cidr?.text ?? 'the route'} at a live target (a new NAT gateway, an active peering…), or delete it`,
            idFor(t, 'route table'),
            r.cidr?.text ?? '<CIDR>',
            NEW_TARGET[r.target.kind] ?? '<NEW_GATEWAY_ID>',
            true,
          ),
        ],
        ...(path
          ? { subject: subjectOf(path, [t.id, r.target.id]) }
          : { subject: { resourceIds: [t.id, r.target.id].filter((s): s is string => !!s) } }),
      }),
    );
  };
  for (const path of ctx.paths) {
    for (const [check, dir] of [
      ['route-fwd', forwardRoute],
      ['route-ret', returnRoute],
    ] as const) {
      if (!path.checks.has(check)) continue;
      const { choice, match } = dir(model, path);
      if (choice.table && match?.route && isBlackhole(model, match.route))
        report(choice.table, match.route, true, path);
    }
  }
  // blackholes the paths do not touch still deserve a word; one on a peering between a path's two VPCs is on it
  for (const t of model.routeTables.values()) {
    for (const r of t.routes) {
      if (!isBlackhole(model, r)) continue;
      const pcx = r.target.kind === 'pcx' ? peeringById(model, r.target.id) : undefined;
      const between =
        pcx &&
        ctx.paths.some((p) => {
          const ends = [p.from.vpc?.key, p.to.vpc?.key];
          return ends.includes(pcx.requester) && ends.includes(pcx.accepter);
        });
      report(t, r, ctx.paths.length === 0 || !!between);
    }
  }
  return out;
};
