import type { Endpoint, Model, Route, RouteTable } from '../model/types.js';
import { type Cidr, cidrContains, cidrsOverlap } from '../net/ipv4.js';

export interface RouteMatch {
  /** the route the table uses for the destination (longest prefix; prefix-list route for a service) */
  route?: Route;
  /** the table lists every route, so no match means no route */
  complete: boolean;
  /** the matched prefix-list route's gateway endpoint */
  endpoint?: Endpoint;
}

/** Longest-prefix match of `dest` (an address or a block) in a table. */
export function lookupCidr(t: RouteTable, dest: Cidr, isReturn = false): RouteMatch {
  let best: Route | undefined;
  for (const r of t.routes) {
    if (!r.cidr || !cidrContains(r.cidr, dest)) continue;
    if (
      !best ||
      r.cidr.bits > best.cidr!.bits ||
      (r.cidr.bits === best.cidr!.bits && !r.propagated && best.propagated)
    ) {
      best = r;
    }
  }
  const saidNone =
    (t.noRouteFor ?? []).some((c) => cidrsOverlap(c, dest)) || (isReturn && t.noReturnRoute === true);
  return { ...(best ? { route: best } : {}), complete: t.complete || (!best && saidNone) };
}

/** The gateway endpoint a prefix-list route leads to, if the model knows it. */
export function endpointOfRoute(model: Model, r: Route): Endpoint | undefined {
  if (r.target.kind !== 'vpce' || !r.target.id) return undefined;
  const id = r.target.id.toLowerCase();
  for (const e of model.endpoints.values()) if (e.key === id || e.aliases.has(id)) return e;
  return undefined;
}

/**
 * The route for traffic to an AWS service by name (S3, DynamoDB): the table's prefix-list route to a
 * gateway endpoint for that service wins over any CIDR route (the prefix list is more specific than a
 * default route); otherwise the CIDR route for `publicDest` (the service's public address, or 0.0.0.0/0).
 */
export function lookupService(model: Model, t: RouteTable, service: string, publicDest: Cidr): RouteMatch {
  for (const r of t.routes) {
    if (!r.prefixList && r.target.kind !== 'vpce') continue;
    const ep = endpointOfRoute(model, r);
    if (
      ep?.service === service ||
      (!ep?.service &&
        r.prefixList &&
        (service === 's3' || service === 'dynamodb') &&
        servicePlGuess(model, r) === service)
    ) {
      return { route: r, complete: t.complete, ...(ep ? { endpoint: ep } : {}) };
    }
  }
  // AWS adds the prefix-list route to every table associated with a gateway endpoint
  const ep = [...model.endpoints.values()].find(
    (e) => e.service === service && e.type === 'Gateway' && e.routeTables.includes(t.key),
  );
  if (ep)
    return {
      route: {
        prefixList: `${service} prefix list`,
        target: { kind: 'vpce', ...(ep.id ? { id: ep.id } : {}) },
        src: ep.src[0]!,
      },
      complete: t.complete,
      endpoint: ep,
    };
  return lookupCidr(t, publicDest);
}

/** For a prefix-list route whose endpoint is unknown: the service, when the input only talks of one. */
function servicePlGuess(model: Model, r: Route): string | undefined {
  const said = new Set(model.services.map((s) => s.service).filter((s) => s === 's3' || s === 'dynamodb'));
  const text = r.src.text.toLowerCase();
  if (text.includes('s3')) return 's3';
  if (text.includes('dynamo')) return 'dynamodb';
  return said.size === 1 ? [...said][0] : undefined;
}
