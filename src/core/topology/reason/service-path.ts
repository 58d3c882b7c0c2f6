import type { Endpoint, Model, Route, RouteTable } from '../model/types.js';
import type { Path } from '../rules/rule.js';
import { forwardRoute } from './path-facts.js';
import { endpointOfRoute } from './route-lookup.js';

export type ServiceReach =
  | { kind: 'gateway-endpoint'; endpoint?: Endpoint; route: Route; table: RouteTable }
  | { kind: 'interface-endpoint'; endpoint: Endpoint; dns: 'on' | 'off' | 'unknown' }
  | { kind: 'public'; table?: RouteTable; route?: Route; complete: boolean };

export function interfaceEndpointFor(
  model: Model,
  vpcKey: string | undefined,
  service: string,
): Endpoint | undefined {
  return [...model.endpoints.values()].find(
    (e) =>
      e.service === service &&
      e.type !== 'Gateway' &&
      (e.type === 'Interface' || e.subnets.length > 0 || e.privateDns !== undefined) &&
      (vpcKey === undefined || e.vpc === undefined || e.vpc === vpcKey),
  );
}

export function gatewayEndpointsFor(model: Model, service: string): Endpoint[] {
  return [...model.endpoints.values()].filter(
    (e) =>
      e.service === service && (e.type === 'Gateway' || (e.type === undefined && e.routeTables.length > 0)),
  );
}

/** Whether private DNS makes the service's standard name resolve to the endpoint inside the VPC. */
export function privateDnsState(model: Model, e: Endpoint): 'on' | 'off' | 'unknown' {
  const vpc = e.vpc ? model.vpcs.get(e.vpc) : undefined;
  if (e.privateDns === false || vpc?.dnsSupport === false || vpc?.dnsHostnames === false) return 'off';
  if (e.privateDns === true) return 'on';
  return 'unknown';
}

/** How traffic from the path's source reaches an AWS service: gateway endpoint, interface endpoint or a public route. */
export function serviceReach(model: Model, path: Path): ServiceReach | undefined {
  const service = path.to.service;
  if (path.to.kind !== 'service' || !service) return undefined;
  const fwd = forwardRoute(model, path);
  const r = fwd.match?.route;
  if (fwd.choice.table && r && (r.prefixList || r.target.kind === 'vpce')) {
    const ep = endpointOfRoute(model, r);
    return { kind: 'gateway-endpoint', ...(ep ? { endpoint: ep } : {}), route: r, table: fwd.choice.table };
  }
  const ie = interfaceEndpointFor(model, path.from.vpc?.key, service);
  if (
    ie &&
    (path.to.serviceRegion === undefined ||
      ie.serviceRegion === undefined ||
      ie.serviceRegion === path.to.serviceRegion)
  ) {
    return { kind: 'interface-endpoint', endpoint: ie, dns: privateDnsState(model, ie) };
  }
  return {
    kind: 'public',
    ...(fwd.choice.table ? { table: fwd.choice.table } : {}),
    ...(r ? { route: r } : {}),
    complete: fwd.choice.table?.complete ?? false,
  };
}
