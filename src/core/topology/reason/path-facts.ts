import type { Model, Peering, Route, RouteTable } from '../model/types.js';
import { ANY_IPV4, type Cidr, cidrsOverlap } from '../net/ipv4.js';
import type { Path } from '../rules/rule.js';
import { routeTableOf, type TableChoice, vpcKeyOfSubnet } from './lookup.js';
import type { Place } from './place.js';
import { lookupCidr, lookupService, type RouteMatch } from './route-lookup.js';

/** The table a place's traffic leaves by. */
export function tableOfPlace(model: Model, p: Place): TableChoice {
  if (p.kind !== 'vpc') return { how: 'unknown' };
  return routeTableOf(
    model,
    p.subnet,
    p.vpc?.key ?? (p.subnet ? vpcKeyOfSubnet(model, p.subnet) : undefined),
  );
}

/** The forward route from `from` toward `to` (a VPC address, the internet, or a service). */
export function forwardRoute(model: Model, path: Path): { choice: TableChoice; match?: RouteMatch } {
  const choice = tableOfPlace(model, path.from);
  if (!choice.table) return { choice };
  const to = path.to;
  if (to.kind === 'service' && to.service) {
    return { choice, match: lookupService(model, choice.table, to.service, to.addr ?? ANY_IPV4) };
  }
  if (to.addr) return { choice, match: lookupCidr(choice.table, to.addr) };
  if (to.kind === 'internet') return { choice, match: lookupCidr(choice.table, ANY_IPV4) };
  return { choice };
}

/** The route the destination uses to send replies back to the source. */
export function returnRoute(model: Model, path: Path): { choice: TableChoice; match?: RouteMatch } {
  const choice = tableOfPlace(model, path.to);
  if (!choice.table || !path.from.addr) return { choice };
  return { choice, match: lookupCidr(choice.table, path.from.addr, true) };
}

/** Peering connections between two VPCs (any state). */
export function peeringsBetween(model: Model, a: string | undefined, b: string | undefined): Peering[] {
  if (!a || !b || a === b) return [];
  return [...model.peerings.values()].filter(
    (p) => (p.requester === a && p.accepter === b) || (p.requester === b && p.accepter === a),
  );
}

export function peeringById(model: Model, id: string | undefined): Peering | undefined {
  if (!id) return undefined;
  const k = id.toLowerCase();
  return model.peerings.get(k) ?? [...model.peerings.values()].find((p) => p.aliases.has(k));
}

export function otherSide(p: Peering, vpcKey: string | undefined): string | undefined {
  if (p.requester === vpcKey) return p.accepter;
  if (p.accepter === vpcKey) return p.requester;
  return undefined;
}

/** Tables in a VPC that have a route covering `dest` via `targetId`. */
export function tablesWithRoute(
  model: Model,
  vpcKey: string | undefined,
  dest: Cidr,
  targetId: string,
): RouteTable[] {
  return [...model.routeTables.values()].filter(
    (t) =>
      t.vpc === vpcKey &&
      t.routes.some(
        (r) => r.cidr && r.target.id?.toLowerCase() === targetId.toLowerCase() && cidrsOverlap(r.cidr, dest),
      ),
  );
}

export function routeText(r: Route | undefined): string {
  if (!r) return 'no route';
  return `${r.cidr?.text ?? r.prefixList} -> ${r.target.id ?? r.target.kind}${r.state === 'blackhole' ? ' (blackhole)' : ''}`;
}

/** The peering joins VPCs in two Regions (by their Regions, or because the input says it is inter-Region). */
export function isCrossRegion(model: Model, p: Peering): boolean {
  const r1 = p.requesterRegion ?? (p.requester ? model.vpcs.get(p.requester)?.region : undefined);
  const r2 = p.accepterRegion ?? (p.accepter ? model.vpcs.get(p.accepter)?.region : undefined);
  if (r1 && r2) return r1 !== r2;
  return model.claims.some(
    (c) => c.kind === 'cross-region' && (c.about === p.key || model.peerings.size === 1),
  );
}

/** The CIDR block on the far side of a peering, seen from `vpcKey`. */
export function peerCidrOf(model: Model, p: Peering, vpcKey: string): string | undefined {
  const other = otherSide(p, vpcKey);
  const v = other ? model.vpcs.get(other) : undefined;
  if (v?.cidrs[0]) return v.cidrs[0].cidr.text;
  return (p.requester === vpcKey ? p.accepterCidrs[0] : p.requesterCidrs[0])?.text;
}
