import type { Model, TgwAttachment, TgwRoute, TgwRouteTable } from '../model/types.js';
import { type Cidr, cidrContains } from '../net/ipv4.js';
import { regionOfAz } from '../net/regions.js';

export function attachmentOf(model: Model, vpcKey: string | undefined): TgwAttachment | undefined {
  if (!vpcKey) return undefined;
  return [...model.tgwAttachments.values()].find((a) => a.vpc === vpcKey);
}

/** AZs the attachment has a subnet in. */
export function attachmentAzs(model: Model, a: TgwAttachment): string[] {
  const azs = new Set(a.azs);
  for (const k of a.subnets) {
    const az = model.subnets.get(k)?.az;
    if (az) azs.add(az);
  }
  return [...azs];
}

/** The TGW route table associated with an attachment (or the only one known). */
export function tgwTableOf(model: Model, a: TgwAttachment | undefined): TgwRouteTable | undefined {
  if (a?.routeTable) return model.tgwRouteTables.get(a.routeTable);
  if (a) for (const t of model.tgwRouteTables.values()) if (t.associations.includes(a.key)) return t;
  const all = [...model.tgwRouteTables.values()].filter((t) => t.routes.length > 0 || t.complete);
  return all.length === 1 ? all[0] : undefined;
}

export function tgwLookup(t: TgwRouteTable, dest: Cidr): TgwRoute | undefined {
  let best: TgwRoute | undefined;
  for (const r of t.routes)
    if (cidrContains(r.cidr, dest) && (!best || r.cidr.bits > best.cidr.bits)) best = r;
  return best;
}

export function sameAzName(a: string, b: string): boolean {
  return (
    a.toLowerCase() === b.toLowerCase() ||
    (regionOfAz(a) === undefined && a.slice(-1) === b.slice(-1) && a.length < 3)
  );
}
