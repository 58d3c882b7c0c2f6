import type { Model, Route, Source } from '../model/types.js';
import { cidrContains } from '../net/ipv4.js';
import { findIds } from '../net/resource-ids.js';
import type { Path } from '../rules/rule.js';
import { label } from './lookup.js';
import { otherSide, peeringById } from './path-facts.js';

/** A gateway that leads from the source VPC toward a private destination, and why it is the one. */
export interface GatewayToward {
  /** the route that already leads there (its destination is the block to route) */
  route?: Route;
  kind: 'vgw' | 'tgw' | 'pcx';
  id: string;
  src?: Source;
  /** why this gateway: "where rtb-… sends it", "named in the paste" */
  why: string;
}

/** Text sources a user names gateways in: the sentences about the setup, the symptoms and the path. */
function sentences(model: Model, vpcKey: string | undefined): Source[] {
  const vpc = vpcKey ? model.vpcs.get(vpcKey) : undefined;
  return [
    ...model.claims.map((c) => c.src),
    ...model.symptoms.map((s) => s.src),
    ...model.intents.map((i) => i.src),
    ...(vpc?.src ?? []),
  ];
}

function named(
  srcs: readonly Source[],
  kind: GatewayToward['kind'],
  fits: (id: string) => boolean = () => true,
): GatewayToward | undefined {
  for (const src of srcs) {
    const m = findIds(src.text).find((x) => x.kind === kind && fits(x.id));
    if (m) return { kind, id: m.id, src, why: 'named in the paste' };
  }
  return undefined;
}

/** The destination is on-premises: said so, or outside every VPC shown while the user talks of a VPN or Direct Connect. */
export function towardOnprem(model: Model, path: Path): boolean {
  return (
    path.to.kind === 'onprem' ||
    (!path.to.vpc && model.claims.some((c) => c.kind === 'vpn' || c.kind === 'direct-connect'))
  );
}

/**
 * Which gateway the missing route should use, from what the input shows, best first: a route in another
 * table of the same VPC that already reaches the destination; for on-premises, a VPN on a Transit Gateway
 * the VPC is attached to, then a virtual private gateway named in the paste; then the VPC's Transit Gateway
 * attachment; then a Transit Gateway or peering connection named in the paste. Undefined when nothing says.
 */
export function gatewayToward(model: Model, path: Path): GatewayToward | undefined {
  const a = path.from.vpc?.key;
  const dest = path.to.addr;
  if (dest && a)
    for (const t of model.routeTables.values()) {
      if (t.vpc !== a) continue;
      for (const r of t.routes) {
        const k = r.target.kind;
        if (!r.cidr || !cidrContains(r.cidr, dest) || r.state === 'blackhole') continue;
        if ((k === 'vgw' || k === 'tgw' || k === 'pcx') && r.target.id)
          return {
            kind: k,
            id: r.target.id,
            src: r.src,
            why: `${label(t)} already routes ${r.cidr.text} there`,
          };
      }
    }
  const attached = [...model.tgwAttachments.values()].filter((x) => x.vpc === a && x.tgw);
  const srcs = sentences(model, a);
  const onprem = towardOnprem(model, path);
  if (onprem) {
    const vpnTgw = attached.find((x) =>
      [...model.tgwAttachments.values()].some((v) => v.resourceType === 'vpn' && v.tgw === x.tgw),
    );
    if (vpnTgw)
      return {
        kind: 'tgw',
        id: vpnTgw.tgw!,
        src: vpnTgw.src[0],
        why: 'the VPN ends on this Transit Gateway',
      };
    const vgw = named(srcs, 'vgw');
    if (vgw) return vgw;
  }
  const att = attached[0];
  if (att) return { kind: 'tgw', id: att.tgw!, src: att.src[0], why: `${path.from.label} is attached to it` };
  const via = model.claims.find((c) => c.kind === 'via-tgw' && c.detail);
  if (via) return { kind: 'tgw', id: via.detail!, src: via.src, why: 'named in the paste' };
  // a peering the input shows joining the source VPC to a third one does not lead to this destination
  const b = path.to.vpc?.key;
  const leadsThere = (id: string) => {
    const p = peeringById(model, id);
    return !p?.requester || !p.accepter || otherSide(p, a) === b;
  };
  return named(srcs, 'tgw') ?? (onprem ? undefined : named(srcs, 'pcx', leadsThere));
}
