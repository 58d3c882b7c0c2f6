import type { Finding } from '../../report/schema.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import type { HostedZone, Vpc } from '../model/types.js';
import { idFor, label } from '../reason/lookup.js';
import type { Rule } from './rule.js';

function inZone(name: string, zone: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  const z = zone.toLowerCase().replace(/\.$/, '');
  return n === z || n.endsWith(`.${z}`);
}

/** PHZ_NOT_ASSOCIATED_WITH_VPC: a private zone's names do not resolve from a VPC it is not associated with. */
export const phzNotAssociated: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const zone of model.hostedZones.values()) {
    if (!zone.private) continue;
    // the VPCs that ask: the source of any path, or the VPC of a failed lookup
    const askers = new Set<Vpc>();
    for (const p of ctx.paths) if (p.from.vpc) askers.add(p.from.vpc);
    const failed = model.dnsAnswers.filter(
      (d) => inZone(d.name, zone.zoneName) && (d.nxdomain || d.ips.length === 0),
    );
    if (askers.size === 0 && failed.length === 0 && !ctx.symptoms.has('nxdomain')) continue;
    // a failed lookup with no path said: the VPCs the zone is not associated with are the ones asking
    if (askers.size === 0 && failed.length > 0 && zone.complete) {
      for (const v of model.vpcs.values()) if (!zone.vpcs.includes(v.key)) askers.add(v);
    }
    for (const v of askers) {
      if (zone.vpcs.includes(v.key)) continue;
      if (!zone.complete && zone.vpcs.length === 0) continue;
      const key = `${zone.key}|${v.key}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(
        finding(
          zone,
          v,
          failed.map((f) => f.src),
        ),
      );
    }
  }
  // a VPC whose whole list of zones is known, and a private name that fails from it
  for (const v of model.vpcs.values()) {
    if (!v.zones) continue;
    for (const d of model.dnsAnswers.filter((a) => a.nxdomain)) {
      if (v.zones.names.some((z) => inZone(d.name, z))) continue;
      if (
        !/\.(internal|local|corp|lan|intra|private|priv|home|svc)$|\.corp\./i.test(d.name) &&
        !model.hostedZones.size
      )
        continue;
      const zoneName =
        [...model.hostedZones.values()].find((z) => inZone(d.name, z.zoneName))?.zoneName ??
        d.name.split('.').slice(1).join('.');
      const key = `${zoneName}|${v.key}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const zone = [...model.hostedZones.values()].find((z) => z.zoneName === zoneName) ?? {
        key: `phz:${zoneName}`,
        aliases: new Set<string>(),
        src: [d.src],
        zoneName,
        private: true,
        vpcs: [],
        complete: false,
      };
      const f = finding(zone, v, [d.src]);
      f.evidence.push(
        ...ev(
          v.zones.src,
          `${v.id ?? label(v)} is associated with ${v.zones.names.length ? v.zones.names.join(', ') : 'no private zone'}`,
        ),
      );
      out.push(f);
    }
  }
  return out;

  function finding(
    zone: HostedZone,
    v: Vpc,
    lookups: { kind: 'config' | 'text'; lines: number[]; text: string }[],
  ): Finding {
    const assoc = zone.vpcs.map((k) => model.vpcs.get(k)).filter((x): x is Vpc => !!x);
    const zoneId = zone.id ? idFor(zone, 'hosted zone') : '<HOSTED_ZONE_ID>';
    const vpcId = idFor(v, 'VPC');
    return makeFinding({
      code: 'PHZ_NOT_ASSOCIATED_WITH_VPC',
      severity: 'error',
      title: `Private hosted zone ${zone.zoneName} is not associated with ${label(v)}`,
      explanation: `Names in a private hosted zone resolve only from VPCs associated with the zone. ${zone.zoneName} is associated with ${assoc.length ? assoc.map(label).join(', ') : 'other VPCs'}, not ${label(v)}, so lookups from there get NXDOMAIN (or the public answer). Peering and Transit Gateway do not carry private-zone resolution: associate the zone with every VPC that needs it (or share it with Route 53 Resolver rules).`,
      evidence: [
        ev(zone.src[0], 'the zone and its VPCs'),
        ...lookups.slice(0, 3).flatMap((s) => ev(s, 'lookup fails')),
        ev(v.src[0]),
      ],
      fixes: [
        {
          summary: `Associate ${zone.zoneName} with ${label(v)}${v.region ? ` (${v.region})` : ''}; for another account, authorize the association first`,
          commands: [
            `aws route53 associate-vpc-with-hosted-zone --hosted-zone-id ${zoneId} --vpc VPCRegion=${v.region ?? '<REGION>'},VPCId=${vpcId}`,
          ],
          terraform: `resource "aws_route53_zone_association" "${(v.name ?? 'vpc').replace(/[^a-z0-9]+/gi, '_').toLowerCase()}" {\n  zone_id = "${zoneId}"\n  vpc_id  = "${vpcId}"\n}`,
        },
      ],
      subject: { resourceIds: [zone.id, v.id].filter((s): s is string => !!s) },
    });
  }
};
