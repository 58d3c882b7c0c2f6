import type { Intent, Model, Peering, Route, RouteTable, Subnet } from '../model/types.js';
import { type Cidr, cidrsOverlap } from '../net/ipv4.js';
import { ALL_CHECKS, type Check, type Path } from '../rules/rule.js';
import { label, subnetsOfVpc } from './lookup.js';
import { otherSide, peeringById } from './path-facts.js';
import type { Place } from './place.js';

/**
 * Paths that a route into a peering stands for, when the route cannot be meant for the peer itself:
 * its destination is a third VPC's block (the peering would have to be transitive), the whole internet,
 * an on-premises range or an AWS prefix list (the peer's gateways are not for its peers). Such a route
 * is a fault whatever path the user names, so the peering rules check it even when no path was said.
 * A route whose destination lies in the peer's own blocks, or in blocks the input does not place, is
 * left alone.
 */
export function routePaths(model: Model): Path[] {
  const out: Path[] = [];
  for (const t of model.routeTables.values()) {
    if (!t.vpc) continue;
    for (const r of t.routes) {
      if (r.target.kind !== 'pcx' || r.state === 'blackhole') continue;
      const pcx = peeringById(model, r.target.id);
      const peerKey = pcx ? otherSide(pcx, t.vpc) : undefined;
      if (!pcx || !peerKey) continue;
      const peerBlocks = blocksOf(model, pcx, peerKey);
      if (peerBlocks.length === 0) continue;
      if (r.cidr && r.cidr.bits > 0 && peerBlocks.some((c) => cidrsOverlap(c, r.cidr!))) continue;
      const to = destination(model, r, t.vpc, peerKey);
      if (!to) continue;
      const from = fromTable(model, t);
      const intent: Intent = {
        from: { kind: 'entity', key: t.vpc },
        ...(to.vpc ? { to: { kind: 'entity', key: to.vpc.key } } : {}),
        protocol: -1,
        src: r.src,
        origin: 'config',
      };
      out.push({ intent, from, to, protocol: -1, checks: new Set<Check>(ALL_CHECKS) });
    }
  }
  return out;
}

function blocksOf(model: Model, p: Peering, vpcKey: string): Cidr[] {
  const v = model.vpcs.get(vpcKey);
  const own = v?.cidrs.map((c) => c.cidr) ?? [];
  const side = p.requester === vpcKey ? p.requesterCidrs : p.accepterCidrs;
  return [...own, ...side.filter((c) => !own.some((o) => o.text === c.text))];
}

function destination(model: Model, r: Route, from: string, peer: string): Place | undefined {
  if (r.prefixList) {
    const ep = [...model.endpoints.values()].find((e) => e.type === 'Gateway' && e.service);
    return { kind: 'service', label: r.prefixList, service: ep?.service ?? 's3' };
  }
  const d = r.cidr;
  if (!d) return undefined;
  if (d.bits === 0) return { kind: 'internet', label: 'the internet', addr: d };
  const third = [...model.vpcs.values()].find(
    (v) => v.key !== from && v.key !== peer && v.cidrs.some((c) => cidrsOverlap(c.cidr, d)),
  );
  if (third) {
    const subnets = subnetsOfVpc(model, third.key);
    return {
      kind: 'vpc',
      label: label(third),
      addr: d,
      vpc: third,
      ...(subnets.length === 1 ? { subnet: subnets[0] } : {}),
    };
  }
  const onprem = model.onprem.find((o) => cidrsOverlap(o.cidr, d));
  if (onprem) return { kind: 'onprem', label: onprem.cidr.text, addr: d };
  return undefined;
}

/** The source side of a route: a subnet that uses the table, or the table itself standing for one. */
function fromTable(model: Model, t: RouteTable): Place {
  const vpc = model.vpcs.get(t.vpc!)!;
  const users = [...model.subnets.values()].filter(
    (s) => s.routeTable === t.key || t.subnets.includes(s.key),
  );
  const subnet: Subnet = users[0] ?? {
    key: `route-table-users:${t.key}`,
    aliases: new Set(),
    src: t.src,
    vpc: vpc.key,
    routeTable: t.key,
    name: `subnets using ${label(t)}`,
  };
  return {
    kind: 'vpc',
    label: users[0] ? label(users[0]) : label(vpc),
    ...(subnet.cidr ? { addr: subnet.cidr } : vpc.cidrs[0] ? { addr: vpc.cidrs[0].cidr } : {}),
    subnet,
    vpc,
  };
}
