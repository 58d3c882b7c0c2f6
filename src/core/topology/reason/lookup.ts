import type { Model, Nacl, RouteTable, SecurityGroup, Subnet, Vpc } from '../model/types.js';
import { type Cidr, cidrContains, cidrContainsIp, parseIp } from '../net/ipv4.js';
import { isNameLikeId } from '../net/resource-ids.js';

/** Display name: `rtb-0a1b… (shared-private)`, or the name when there is no ID. */
export function label(e: { id?: string; name?: string; key: string }): string {
  if (e.id && e.name && e.name.toLowerCase() !== e.id.toLowerCase()) return `${e.id} (${e.name})`;
  return e.id ?? e.name ?? e.key.replace(/^[a-z-]+:/, '');
}

/** The ID to put in a command: the real ID, or a placeholder naming the thing. */
export function idFor(e: { id?: string; name?: string; key: string } | undefined, what: string): string {
  if (e?.id && !isNameLikeId(e.id)) return e.id;
  // "vpc-a", "sg-db": what the user calls it, shaped like an ID but not one AWS would accept
  const n = e?.name ?? (e?.id ? e.id : undefined) ?? e?.key.replace(/^[a-z-]+:/, '');
  // "subnet ID" already says it is an ID: "<subnet ID of subnet-app>", not "<subnet ID id of …>"
  if (e?.id) return `<${/ ID$/.test(what) ? what : `${what} id`} of ${n}>`;
  // a name the reader made up ("NACL of db-a") already says what it is
  if (n?.toLowerCase().startsWith(`${what.toLowerCase()} of `)) return `<${n}>`;
  return `<${what}${n ? ` of ${n}` : ''}>`;
}

/** idFor for a bare ID (a route target, an ID said in the text); `missing` when there is none. */
export function idOf(id: string | undefined, what: string, missing: string): string {
  return id ? idFor({ id, key: id }, what) : missing;
}

export function vpcForCidr(model: Model, c: Cidr): Vpc | undefined {
  let best: { vpc: Vpc; bits: number } | undefined;
  for (const v of model.vpcs.values()) {
    for (const vc of v.cidrs) {
      if (cidrContains(vc.cidr, c) && (!best || vc.cidr.bits > best.bits))
        best = { vpc: v, bits: vc.cidr.bits };
    }
  }
  if (best) return best.vpc;
  // a subnet whose VPC has no known CIDR
  const s = subnetForCidr(model, c);
  return s?.vpc ? model.vpcs.get(s.vpc) : undefined;
}

export function subnetForCidr(model: Model, c: Cidr): Subnet | undefined {
  let best: Subnet | undefined;
  for (const s of model.subnets.values()) {
    if (s.cidr && cidrContains(s.cidr, c) && (!best || s.cidr.bits > best.cidr!.bits)) best = s;
  }
  return best;
}

export function subnetsOfVpc(model: Model, vpcKey: string): Subnet[] {
  return [...model.subnets.values()].filter((s) => s.vpc === vpcKey);
}

export function vpcKeyOfSubnet(model: Model, s: Subnet): string | undefined {
  if (s.vpc) return s.vpc;
  if (s.cidr) return vpcForCidr(model, s.cidr)?.key;
  const t = s.routeTable ? model.routeTables.get(s.routeTable) : undefined;
  return t?.vpc;
}

export interface TableChoice {
  table?: RouteTable;
  /** explicit association, the VPC's main table (implicit), or unknown */
  how: 'explicit' | 'main' | 'only' | 'unknown';
}

/** The route table a subnet uses: its explicit association, else its VPC's main table. */
export function routeTableOf(model: Model, s: Subnet | undefined, vpcKey?: string): TableChoice {
  if (s?.routeTable) {
    const t = model.routeTables.get(s.routeTable);
    if (t) return { table: t, how: 'explicit' };
  }
  if (s) {
    for (const t of model.routeTables.values())
      if (t.subnets.includes(s.key)) return { table: t, how: 'explicit' };
  }
  const vk = vpcKey ?? (s ? vpcKeyOfSubnet(model, s) : undefined);
  const tables = [...model.routeTables.values()].filter((t) => vk !== undefined && t.vpc === vk);
  const main = tables.find((t) => t.main === true);
  if (main) return { table: main, how: 'main' };
  // one table in the VPC, or one table in the whole input with no VPC said: the one the user means
  const unplaced = [...model.routeTables.values()].filter((t) => t.vpc === undefined || t.vpc === vk);
  if (tables.length === 1 && (!tables[0]!.subnets.length || s === undefined))
    return { table: tables[0], how: 'only' };
  if (s === undefined && vk === undefined && model.routeTables.size === 1 && model.vpcs.size <= 1) {
    return { table: [...model.routeTables.values()][0], how: 'only' };
  }
  if (unplaced.length === 1 && unplaced[0]!.subnets.length === 0 && unplaced[0]!.main === undefined) {
    return { table: unplaced[0], how: 'only' };
  }
  return { how: 'unknown' };
}

export interface NaclChoice {
  nacl?: Nacl;
  /** the user said the NACLs are the default allow-all */
  defaultAllowAll?: boolean;
  how: 'explicit' | 'default' | 'unknown';
}

export function naclOf(model: Model, s: Subnet | undefined, vpcKey?: string): NaclChoice {
  if (s?.nacl) {
    const n = model.nacls.get(s.nacl);
    if (n) return { nacl: n, how: 'explicit' };
  }
  if (s) {
    for (const n of model.nacls.values()) if (n.subnets.includes(s.key)) return { nacl: n, how: 'explicit' };
  }
  const vk = vpcKey ?? (s ? vpcKeyOfSubnet(model, s) : undefined);
  const vpc = vk ? model.vpcs.get(vk) : undefined;
  if (vpc?.naclsDefault) return { defaultAllowAll: true, how: 'default' };
  if (vk) {
    const def = [...model.nacls.values()].find((n) => n.vpc === vk && n.isDefault === true);
    // a subnet with no explicit association uses the default NACL, but only if the pasted NACLs are
    // all the VPC has, which the input rarely says: use it only when this is the only NACL known
    const inVpc = [...model.nacls.values()].filter((n) => n.vpc === vk);
    if (def && inVpc.length === 1 && def.subnets.length === 0) return { nacl: def, how: 'default' };
  }
  // the only NACL in the input, with no VPC or subnets said (a described one); not, for a known
  // subnet, one the text gives to another subnet ("db subnet … NACL acl-… inbound:")
  const all = [...model.nacls.values()];
  if (
    all.length === 1 &&
    all[0]!.subnets.length === 0 &&
    all[0]!.vpc === undefined &&
    !all[0]!.subnetHint &&
    !(s && [...model.subnets.values()].some((x) => x !== s && x.nacl === all[0]!.key))
  ) {
    return { nacl: all[0], how: 'explicit' };
  }
  if (
    model.claims.some((c) => c.kind === 'nacl-default') &&
    !all.some((n) => n.entries.length > 0 && (!s || n.subnets.length === 0))
  ) {
    return { defaultAllowAll: true, how: 'default' };
  }
  return { how: 'unknown' };
}

export function sgsOf(model: Model, keys: readonly string[]): SecurityGroup[] {
  return keys.map((k) => model.sgs.get(k)).filter((g): g is SecurityGroup => g !== undefined);
}

export function ipToCidr(ip: string): Cidr | undefined {
  const n = parseIp(ip);
  return n === undefined ? undefined : { text: `${ip}/32`, base: n, bits: 32 };
}

export function cidrHasIp(c: Cidr, ip: string): boolean {
  const n = parseIp(ip);
  return n !== undefined && cidrContainsIp(c, n);
}
