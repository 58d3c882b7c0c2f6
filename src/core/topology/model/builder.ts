import { isRealId, kindOfId } from '../net/resource-ids.js';
import { sameThingNames } from './name-families.js';
import {
  type Endpoint,
  type Entity,
  emptyModel,
  type HostedZone,
  type InternetGateway,
  type Model,
  type Nacl,
  type NatGateway,
  type Peering,
  type RouteTable,
  type SecurityGroup,
  type Source,
  type Subnet,
  type TgwAttachment,
  type TgwRouteTable,
  type Vpc,
  type Workload,
  type WorkloadKind,
} from './types.js';

export interface Ref {
  id?: string;
  name?: string;
}

type Collections = {
  vpc: Vpc;
  subnet: Subnet;
  rtb: RouteTable;
  acl: Nacl;
  sg: SecurityGroup;
  pcx: Peering;
  vpce: Endpoint;
  nat: NatGateway;
  igw: InternetGateway;
  workload: Workload;
  'tgw-attach': TgwAttachment;
  'tgw-rtb': TgwRouteTable;
  phz: HostedZone;
};

export type CollectionKind = keyof Collections;

/** Lower-case, single-spaced; drops "the" and quotes. */
export function normName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[`'"“”‘’]/g, '')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Builds the model as readers find facts, merging what they say about the same thing: an entity is
 * found by its ID or any of its names, so "app VPC (vpc-0a1b…)" in prose and `"VpcId": "vpc-0a1b…"`
 * in JSON end up as one VPC.
 */
export class ModelBuilder {
  readonly model: Model = emptyModel();
  private readonly redirects = new Map<string, string>();

  private coll<K extends CollectionKind>(kind: K): Map<string, Collections[K]> {
    const m = this.model;
    const map: { [P in CollectionKind]: Map<string, Collections[P]> } = {
      vpc: m.vpcs,
      subnet: m.subnets,
      rtb: m.routeTables,
      acl: m.nacls,
      sg: m.sgs,
      pcx: m.peerings,
      vpce: m.endpoints,
      nat: m.nats,
      igw: m.igws,
      workload: m.workloads,
      'tgw-attach': m.tgwAttachments,
      'tgw-rtb': m.tgwRouteTables,
      phz: m.hostedZones,
    };
    return map[kind] as unknown as Map<string, Collections[K]>;
  }

  /** the entity of this kind that answers to `nameOrId`, if any */
  find<K extends CollectionKind>(kind: K, nameOrId: string): Collections[K] | undefined {
    const a = normName(nameOrId);
    const coll = this.coll(kind);
    const direct = coll.get(this.resolveKey(a));
    if (direct) return direct;
    for (const e of coll.values()) if (e.aliases.has(a)) return e;
    return undefined;
  }

  all<K extends CollectionKind>(kind: K): Collections[K][] {
    return [...this.coll(kind).values()];
  }

  resolveKey(key: string): string {
    let k = key;
    for (let i = 0; i < 20; i++) {
      const next = this.redirects.get(k);
      if (next === undefined) return k;
      k = next;
    }
    return k;
  }

  private aliasesFor(ref: Ref): string[] {
    const out: string[] = [];
    if (ref.id) {
      const id = ref.id.toLowerCase();
      out.push(id);
      if (!isRealId(id)) {
        // `vpc-a` also answers to "a", `rtb-private` to "private"
        const k = kindOfId(id);
        if (k) out.push(id.slice(id.indexOf('-') + 1));
      }
    }
    if (ref.name) {
      const n = normName(ref.name);
      if (n) out.push(n);
    }
    return out;
  }

  /** Gets or creates an entity; merges two entities when a ref joins an ID and a name seen apart. */
  get<K extends CollectionKind>(
    kind: K,
    ref: Ref,
    init: () => Omit<Collections[K], keyof Entity>,
    src?: Source,
  ): Collections[K] {
    const coll = this.coll(kind);
    const byId = ref.id ? this.find(kind, ref.id) : undefined;
    const byName = ref.name ? this.find(kind, ref.name) : undefined;
    let e: Collections[K];
    if (byId && byName && byId !== byName) {
      e = this.merge(kind, byId, byName);
    } else if (byId ?? byName) {
      e = (byId ?? byName)!;
    } else {
      const key = ref.id ? ref.id.toLowerCase() : `${kind}:${normName(ref.name ?? `anon-${coll.size + 1}`)}`;
      e = { key, aliases: new Set<string>(), src: [], ...init() } as unknown as Collections[K];
      coll.set(key, e);
    }
    if (ref.id && !e.id) e.id = ref.id;
    else if (ref.id && e.id && !isRealId(e.id) && isRealId(ref.id)) {
      e.aliases.add(e.id.toLowerCase());
      e.id = ref.id;
    }
    if (ref.name && !e.name) e.name = ref.name;
    for (const a of this.aliasesFor(ref)) e.aliases.add(a);
    if (src) addSrc(e, src);
    return e;
  }

  /** Folds `drop` into `keep`; references to `drop` are rewritten in `finish()`. */
  private merge<K extends CollectionKind>(kind: K, a: Collections[K], b: Collections[K]): Collections[K] {
    // keep the one with a real ID, else the first
    const [keep, drop]: [Collections[K], Collections[K]] =
      a.id && isRealId(a.id) ? [a, b] : b.id && isRealId(b.id) ? [b, a] : [a, b];
    const coll = this.coll(kind);
    coll.delete(drop.key);
    this.redirects.set(drop.key, keep.key);
    for (const al of drop.aliases) keep.aliases.add(al);
    for (const s of drop.src) addSrc(keep, s);
    if (!keep.id && drop.id) keep.id = drop.id;
    if (!keep.name && drop.name) keep.name = drop.name;
    mergeFields(keep as unknown as Record<string, unknown>, drop as unknown as Record<string, unknown>);
    return keep;
  }

  vpc(ref: Ref, src?: Source): Vpc {
    return this.get('vpc', ref, () => ({ cidrs: [] }), src);
  }
  subnet(ref: Ref, src?: Source): Subnet {
    return this.get('subnet', ref, () => ({}), src);
  }
  routeTable(ref: Ref, src?: Source): RouteTable {
    return this.get('rtb', ref, () => ({ subnets: [], routes: [], complete: false }), src);
  }
  nacl(ref: Ref, src?: Source): Nacl {
    return this.get(
      'acl',
      ref,
      () => ({ subnets: [], entries: [], completeIn: false, completeOut: false }),
      src,
    );
  }
  sg(ref: Ref, src?: Source): SecurityGroup {
    return this.get(
      'sg',
      ref,
      () => ({ ingress: [], egress: [], ingressComplete: false, egressComplete: false }),
      src,
    );
  }
  peering(ref: Ref, src?: Source): Peering {
    return this.get('pcx', ref, () => ({ requesterCidrs: [], accepterCidrs: [] }), src);
  }
  endpoint(ref: Ref, src?: Source): Endpoint {
    return this.get('vpce', ref, () => ({ routeTables: [], subnets: [], sgs: [] }), src);
  }
  nat(ref: Ref, src?: Source): NatGateway {
    return this.get('nat', ref, () => ({}), src);
  }
  igw(ref: Ref, src?: Source): InternetGateway {
    return this.get('igw', ref, () => ({ vpcs: [] }), src);
  }
  workload(ref: Ref, kind: WorkloadKind, src?: Source): Workload {
    // "es" and "elasticsearch" are one server
    const other = ref.name
      ? sameThingNames(normName(ref.name))
          .map((n) => this.find('workload', n))
          .find(Boolean)
      : undefined;
    const w =
      other && !this.find('workload', ref.name!)
        ? other
        : this.get('workload', ref, () => ({ kind, privateIps: [], subnets: [], sgs: [] }), src);
    if (other === w) {
      if (ref.name) w.aliases.add(normName(ref.name));
      if (src) addSrc(w, src);
    }
    if (ref.name) for (const n of sameThingNames(normName(ref.name))) w.aliases.add(n);
    // "the grafana box" is "grafana"
    const stem = ref.name
      ? /^([a-z][\w-]*)\s+(?:box|host|server|instance|vm|machine)$/.exec(normName(ref.name))?.[1]
      : undefined;
    if (
      stem &&
      !this.find('vpc', stem) &&
      !this.find('subnet', stem) &&
      !this.all('workload').some((o) => o !== w && o.aliases.has(stem))
    )
      w.aliases.add(stem);
    if (w.kind === 'other' && kind !== 'other') w.kind = kind;
    return w;
  }
  tgwAttachment(ref: Ref, src?: Source): TgwAttachment {
    return this.get('tgw-attach', ref, () => ({ subnets: [], azs: [] }), src);
  }
  tgwRouteTable(ref: Ref, src?: Source): TgwRouteTable {
    return this.get(
      'tgw-rtb',
      ref,
      () => ({ routes: [], associations: [], propagations: [], complete: false }),
      src,
    );
  }
  hostedZone(ref: Ref, zoneName: string, src?: Source): HostedZone {
    return this.get('phz', ref, () => ({ zoneName, private: true, vpcs: [], complete: false }), src);
  }

  /** Applies merges to every reference and returns the model. */
  finish(): Model {
    const r = (k: string | undefined) => (k === undefined ? undefined : this.resolveKey(k));
    const rs = (ks: string[]) => [...new Set(ks.map((k) => this.resolveKey(k)))];
    const m = this.model;
    for (const s of m.subnets.values()) {
      s.vpc = r(s.vpc);
      s.routeTable = r(s.routeTable);
      s.nacl = r(s.nacl);
    }
    for (const t of m.routeTables.values()) {
      t.vpc = r(t.vpc);
      t.subnets = rs(t.subnets);
    }
    for (const n of m.nacls.values()) {
      n.vpc = r(n.vpc);
      n.subnets = rs(n.subnets);
    }
    for (const g of m.sgs.values()) {
      g.vpc = r(g.vpc);
      for (const rule of [...g.ingress, ...g.egress]) {
        for (const p of rule.peers) if (p.kind === 'sg') p.group = this.resolveKey(p.group);
      }
    }
    for (const p of m.peerings.values()) {
      p.requester = r(p.requester);
      p.accepter = r(p.accepter);
    }
    for (const e of m.endpoints.values()) {
      e.vpc = r(e.vpc);
      e.routeTables = rs(e.routeTables);
      e.subnets = rs(e.subnets);
      e.sgs = rs(e.sgs);
    }
    for (const n of m.nats.values()) {
      n.subnet = r(n.subnet);
      n.vpc = r(n.vpc);
    }
    for (const g of m.igws.values()) g.vpcs = rs(g.vpcs);
    for (const w of m.workloads.values()) {
      w.subnets = rs(w.subnets);
      w.vpc = r(w.vpc);
      w.sgs = rs(w.sgs);
    }
    for (const a of m.tgwAttachments.values()) {
      a.vpc = r(a.vpc);
      a.subnets = rs(a.subnets);
      a.routeTable = r(a.routeTable);
    }
    for (const t of m.tgwRouteTables.values()) {
      t.associations = rs(t.associations);
      t.propagations = rs(t.propagations);
      for (const route of t.routes) route.attachment = r(route.attachment);
    }
    for (const z of m.hostedZones.values()) z.vpcs = rs(z.vpcs);
    for (const i of m.intents) {
      if (i.from?.kind === 'entity') i.from.key = this.resolveKey(i.from.key);
      if (i.to?.kind === 'entity') i.to.key = this.resolveKey(i.to.key);
    }
    for (const c of m.claims) c.about = r(c.about);
    return m;
  }
}

export function addSrc(e: { src: Source[] }, s: Source): void {
  if (e.src.some((x) => x.kind === s.kind && x.lines.join(',') === s.lines.join(','))) return;
  e.src.push(s);
}

/** Copies fields `keep` does not have yet; concatenates list fields. */
function mergeFields(keep: Record<string, unknown>, drop: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(drop)) {
    if (k === 'key' || k === 'aliases' || k === 'src' || k === 'id' || k === 'name') continue;
    const cur = keep[k];
    if (Array.isArray(v) && Array.isArray(cur)) {
      for (const x of v) if (!cur.includes(x)) cur.push(x);
    } else if (cur === undefined || cur === false) {
      keep[k] = v;
    }
  }
}
