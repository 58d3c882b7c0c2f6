import { cidrContains, parseCidr } from '../net/ipv4.js';
import type { ModelBuilder } from './builder.js';
import type { Peering, Vpc } from './types.js';

function vpcOfCidr(vpcs: Vpc[], c: Parameters<typeof cidrContains>[1]): Vpc | undefined {
  return vpcs.find((v) => v.cidrs.some((k) => cidrContains(k.cidr, c) || cidrContains(c, k.cidr)));
}

/**
 * Facts the input implies without saying: a table's local route is its VPC's block; a peering ID seen only
 * in routes joins the two VPCs its routes most often connect (a route into the wrong peering is a
 * minority, so a transitive mistake does not fool it).
 */
export function inferFromRoutes(b: ModelBuilder): void {
  const vpcs = b.all('vpc');
  // every default VPC is 172.31.0.0/16
  for (const v of vpcs) {
    if (v.isDefault && v.cidrs.length === 0)
      v.cidrs.push({
        cidr: parseCidr('172.31.0.0/16')!,
        src: { ...v.isDefault, text: `${v.id ?? v.name ?? 'the VPC'} is a default VPC: 172.31.0.0/16` },
      });
  }
  // an attachment named "dev-vpc" is the dev VPC's: the prose's "dev vpc" is that VPC ID
  for (const a of b.all('tgw-attach')) {
    const v = a.vpc ? b.model.vpcs.get(a.vpc) : undefined;
    const n = a.name?.toLowerCase().replace(/[-_ ](?:vpc|attachment|attach|tgw-attachment|tgw)$/, '');
    if (!v?.id || v.name || !n) continue;
    const named = b.all('vpc').filter((k) => !k.id && k.name?.toLowerCase() === n);
    if (named.length === 1) b.vpc({ id: v.id, name: named[0]!.name! });
  }
  for (const t of b.all('rtb')) {
    const local = t.routes.find((r) => r.target.kind === 'local' && r.cidr);
    const v = t.vpc ? b.model.vpcs.get(t.vpc) : undefined;
    if (local?.cidr && v && !v.cidrs.some((k) => k.cidr.text === local.cidr!.text))
      v.cidrs.push({ cidr: local.cidr, src: local.src });
  }
  // a VPC the prose names ("the shared vpc (10.100.0.0/16)") is the pasted one with the same block
  for (const named of b.all('vpc').filter((v) => !v.id && v.cidrs.length > 0)) {
    const same = b
      .all('vpc')
      .filter(
        (v) =>
          v.id && v !== named && named.cidrs.every((c) => v.cidrs.some((k) => k.cidr.text === c.cidr.text)),
      );
    if (
      same.length === 1 &&
      named.name &&
      !b
        .all('pcx')
        .some(
          (p) =>
            [p.requester, p.accepter].includes(named.key) && [p.requester, p.accepter].includes(same[0]!.key),
        )
    ) {
      b.vpc({ id: same[0]!.id!, name: named.name });
    }
  }
  const votes = new Map<string, Map<string, number>>();
  for (const t of b.all('rtb')) {
    const from = t.vpc ? b.model.vpcs.get(t.vpc) : undefined;
    if (!from) continue;
    for (const r of t.routes) {
      if (r.target.kind !== 'pcx' || !r.target.id || !r.cidr) continue;
      const to = vpcOfCidr(vpcs, r.cidr);
      if (!to || to === from) continue;
      const pair = [from.key, to.key].sort().join('|');
      const id = r.target.id.toLowerCase();
      const m = votes.get(id) ?? new Map<string, number>();
      m.set(pair, (m.get(pair) ?? 0) + 1);
      votes.set(id, m);
    }
  }
  for (const [id, m] of votes) {
    const p = b.find('pcx', id);
    if (p?.requester && p.accepter) continue;
    const named = b.all('pcx').filter((q) => !q.id && q.requester && q.accepter);
    const ranked = [...m.entries()].sort((a, c) => {
      const an = named.some((q) => [q.requester, q.accepter].sort().join('|') === a[0]) ? 1 : 0;
      const cn = named.some((q) => [q.requester, q.accepter].sort().join('|') === c[0]) ? 1 : 0;
      return cn - an || c[1] - a[1];
    });
    const [pair] = ranked[0]!;
    const [x, y] = pair.split('|') as [string, string];
    const twin = named.find((q) => [q.requester, q.accepter].sort().join('|') === pair);
    if (twin) {
      // the peering the prose named, now with its ID
      const merged: Peering = b.peering({ id, ...(twin.name ? { name: twin.name } : {}) });
      merged.requester ??= twin.requester;
      merged.accepter ??= twin.accepter;
      merged.status ??= twin.status;
      if (twin.statusSrc && !merged.statusSrc) merged.statusSrc = twin.statusSrc;
      continue;
    }
    const q = p ?? b.peering({ id });
    q.requester ??= x;
    q.accepter ??= y;
  }
  // peer VPCs with no known block: the routes into their peering name it
  for (const t of b.all('rtb')) {
    const from = t.vpc ? b.model.vpcs.get(t.vpc) : undefined;
    for (const r of t.routes) {
      if (!from || r.target.kind !== 'pcx' || !r.cidr || r.cidr.bits === 0) continue;
      const p = r.target.id ? b.find('pcx', r.target.id) : undefined;
      const other = p
        ? p.requester === from.key
          ? p.accepter
          : p.accepter === from.key
            ? p.requester
            : undefined
        : undefined;
      const ov = other ? b.model.vpcs.get(other) : undefined;
      if (ov && ov.cidrs.length === 0 && !vpcOfCidr(vpcs, r.cidr))
        ov.cidrs.push({ cidr: r.cidr, src: r.src });
    }
  }
}
