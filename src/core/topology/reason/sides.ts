import type { Model, Nacl, SecurityGroup } from '../model/types.js';
import { portInRange, protocolMatches } from '../net/protocol.js';
import type { Path } from '../rules/rule.js';
import { naclOf } from './lookup.js';

export type Side = 'from' | 'to';

/** Which side's subnet the lone pasted NACL or SGs most likely belong to, when the input does not say. */
function likelySide(path: Path): Side {
  const code = path.flow?.code;
  if (code === 'OUTBOUND_REQUEST_REJECTED' || code === 'NACL_INBOUND_BLOCKS_RESPONSE') return 'from';
  if (code) return 'to';
  if (path.to.kind === 'internet' || path.to.kind === 'service') return 'from';
  return 'to';
}

export interface NaclSide {
  nacl?: Nacl;
  allowAll?: boolean;
  /** the input did not tie this NACL to the subnet: it is the only one pasted */
  assumed?: boolean;
}

/** The NACL of one side of a path (explicit, default, or the only one pasted, for the likely side). */
export function naclForSide(model: Model, path: Path, side: Side): NaclSide {
  const place = path[side];
  if (place.kind !== 'vpc' && !(place.kind === 'unknown' && place.ip)) return {};
  const c = naclOf(model, place.subnet, place.vpc?.key);
  if (c.nacl) return { nacl: c.nacl };
  if (c.defaultAllowAll) return { allowAll: true };
  const all = [...model.nacls.values()];
  // the only NACL, named after one side's subnet ("batch subnet nacl" and "batch jobs 10.11.2.0/24"): that side's
  const hint = all.length === 1 && !all[0]!.subnets.length ? all[0]!.subnetHint : undefined;
  if (hint) {
    const names = (sd: Side) =>
      [path[sd].label, path[sd].subnet?.name, path[sd].workload?.name]
        .filter((k): k is string => !!k)
        .flatMap((k) => k.toLowerCase().split(/[^a-z0-9-]+/));
    const hit = (['from', 'to'] as const).filter((sd) => names(sd).includes(hint));
    if (hit.length === 1) return hit[0] === side ? { nacl: all[0]!, assumed: true } : {};
  }
  if (all.length === 1 && likelySide(path) === side) {
    const n = all[0]!;
    const otherSubnet = path[side === 'from' ? 'to' : 'from'].subnet;
    if (otherSubnet && n.subnets.includes(otherSubnet.key)) return {};
    if (place.subnet && n.subnets.length > 0 && !n.subnets.includes(place.subnet.key) && place.subnet.nacl)
      return {};
    return { nacl: n, assumed: !place.subnet || !n.subnets.includes(place.subnet.key) };
  }
  return {};
}

export interface SgSide {
  sgs?: SecurityGroup[];
  assumed?: boolean;
}

function attached(model: Model): Set<string> {
  const s = new Set<string>();
  for (const w of model.workloads.values()) for (const k of w.sgs) s.add(k);
  for (const e of model.endpoints.values()) for (const k of e.sgs) s.add(k);
  return s;
}

/**
 * The SGs on one side. When the input pasted SGs without saying whose they are: the server side gets
 * the unattached group with an inbound rule for the port; the client side the unattached group whose
 * outbound rules name the server's group or the port.
 */
export function sgsForSide(model: Model, path: Path, side: Side): SgSide {
  const place = path[side];
  if (place.sgs?.length) return { sgs: place.sgs };
  if (place.kind !== 'vpc' && !(place.kind === 'unknown' && place.ip)) return {};
  const used = attached(model);
  const free = [...model.sgs.values()].filter(
    (g) => !used.has(g.key) && (g.ingress.length || g.egress.length || g.ingressComplete),
  );
  if (free.length === 0) return {};
  const port = path.port;
  const covers = (r: { protocol: number; ports?: { from: number; to: number } }) =>
    protocolMatches(r.protocol, path.protocol) && (port === undefined || portInRange(r.ports, port));
  const serverCands = free.filter(
    (g) =>
      g.ingress.some(covers) &&
      !g.ingress.every(
        (r) => r.peers.every((p) => p.kind === 'cidr' && p.cidr.bits === 0) && port === undefined,
      ),
  );
  const otherKnown = (path[side === 'to' ? 'from' : 'to'].sgs?.length ?? 0) > 0;
  if (free.length === 1 && otherKnown) return { sgs: free, assumed: true };
  if (side === 'to') {
    if (serverCands.length === 1) return { sgs: serverCands, assumed: true };
    if (free.length === 1 && likelySide(path) === 'to') return { sgs: free, assumed: true };
    return {};
  }
  const server = serverCands.length === 1 ? serverCands[0] : undefined;
  const clientCands = free.filter(
    (g) =>
      g !== server &&
      g.egress.some(
        (r) =>
          covers(r) &&
          (!server ||
            r.peers.some((p) => p.kind === 'sg' && p.group === server.key) ||
            r.peers.some((p) => p.kind === 'cidr')),
      ),
  );
  if (clientCands.length === 1) return { sgs: clientCands, assumed: true };
  // a lone group whose egress alone was pasted is the client's
  if (
    free.length === 1 &&
    free[0] !== server &&
    free[0]!.egress.length > 0 &&
    free[0]!.egressComplete &&
    free[0]!.ingress.length === 0 &&
    !free[0]!.ingressComplete
  )
    return { sgs: free, assumed: true };
  if (free.length === 1 && likelySide(path) === 'from' && free[0] !== server)
    return { sgs: free, assumed: true };
  // the server's group lets the port in from exactly one group: the one the clients are meant to carry
  const serverSgs = server ? [server] : (path.to.sgs ?? []);
  const named = new Set(
    serverSgs.flatMap((g) =>
      g.ingress.filter(covers).flatMap((r) => r.peers.flatMap((p) => (p.kind === 'sg' ? [p.group] : []))),
    ),
  );
  if (named.size === 1) {
    const g = model.sgs.get([...named][0]!);
    if (g && !used.has(g.key) && (g.egressComplete || g.egress.length)) return { sgs: [g], assumed: true };
  }
  return {};
}

/** The VPC of a place, or the only VPC of the input when the place's is not known. */
export function placeVpcKey(model: Model, place: Path['from']): string | undefined {
  if (place.kind !== 'vpc') return undefined;
  return place.vpc?.key ?? (model.vpcs.size === 1 ? [...model.vpcs.keys()][0] : undefined);
}
