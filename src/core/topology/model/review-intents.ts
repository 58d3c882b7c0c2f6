import type { ModelBuilder } from './builder.js';
import type { Intent, PlaceRef, SecurityGroup } from './types.js';

/**
 * With no path and no complaint ("anything I missed?", "do we need that rule?"), the paths the
 * described setup exists for: from each subnet whose table an S3 or DynamoDB gateway endpoint is
 * associated with, to that service; and from the holders of a group to the holders of a group that lets
 * it in ("db SG: inbound 3306 from the app SG").
 */
export function addReviewIntents(b: ModelBuilder): void {
  const m = b.model;
  // traffic the text only says works is not a path asked about
  if (m.intents.some((i) => !i.works) || m.symptoms.length > 0) return;
  const out: Intent[] = [];
  for (const e of m.endpoints.values()) {
    if (e.type !== 'Gateway' || (e.service !== 's3' && e.service !== 'dynamodb')) continue;
    for (const tk of e.routeTables) {
      for (const sk of m.routeTables.get(tk)?.subnets ?? []) {
        if (out.some((i) => i.from?.kind === 'entity' && i.from.key === sk)) continue;
        out.push({
          from: { kind: 'entity', key: sk },
          to: {
            kind: 'service',
            service: e.service,
            ...(e.serviceRegion ? { region: e.serviceRegion } : {}),
          },
          port: 443,
          protocol: 6,
          src: e.src[0] ?? { kind: 'config', lines: [], text: e.id ?? 'endpoint' },
          origin: 'config',
        });
      }
    }
  }
  const holder = (g: SecurityGroup): PlaceRef | undefined => {
    const w = b.all('workload').find((k) => k.sgs.includes(g.key));
    if (w) return { kind: 'entity', key: w.key };
    const role = /^(.+?)\s+sg$/i.exec(g.name ?? '')?.[1];
    if (!role) return undefined;
    const made = b.workload(
      { name: role },
      /^(db|rds|database|mysql|postgres|aurora)$/i.test(role) ? 'rds' : 'ec2',
    );
    made.sgs.push(g.key);
    return { kind: 'entity', key: made.key };
  };
  for (const g of b.all('sg')) {
    for (const r of g.ingress) {
      const peer = r.peers.find((p) => p.kind === 'sg');
      if (peer?.kind !== 'sg' || !r.ports || r.ports.from !== r.ports.to) continue;
      const pg = m.sgs.get(peer.group);
      if (!pg || pg === g) continue;
      const from = holder(pg);
      const to = holder(g);
      if (!from || !to) continue;
      out.push({
        from,
        to,
        port: r.ports.from,
        protocol: r.protocol === 17 ? 17 : 6,
        src: r.src,
        origin: 'config',
      });
    }
  }
  // "will our NACL cause problems for the office's windows laptops?": the clients its inbound rules name
  if (out.length === 0 && m.nacls.size === 1) {
    const n = [...m.nacls.values()][0]!;
    const vpcBlocks = b.all('vpc').flatMap((v) => v.cidrs.map((c) => c.cidr.text));
    const r = n.entries.find(
      (e) =>
        !e.egress &&
        e.action === 'allow' &&
        e.ports &&
        e.ports.from === e.ports.to &&
        e.cidr.bits > 0 &&
        !vpcBlocks.includes(e.cidr.text),
    );
    if (r && n.completeIn && n.completeOut) {
      if (!m.onprem.some((o) => o.cidr.text === r.cidr.text)) m.onprem.push({ cidr: r.cidr, src: r.src });
      const sub = n.subnets[0];
      out.push({
        from: { kind: 'onprem', label: r.cidr.text },
        to: sub
          ? { kind: 'entity', key: sub }
          : { kind: 'name', name: '@nacl', label: `the subnet of ${n.id ?? n.name ?? 'the NACL'}` },
        port: r.ports!.from,
        protocol: r.protocol === 17 ? 17 : 6,
        src: r.src,
        origin: 'config',
      });
    }
  }
  m.intents.push(...out.slice(0, 4));
}
