import type { Finding } from '../../report/schema.js';
import { sgRuleFix } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { cidrContains } from '../net/ipv4.js';
import { portInRange, protocolMatches, protocolName } from '../net/protocol.js';
import { idFor, label } from '../reason/lookup.js';
import { isCrossRegion, peerCidrOf, peeringById } from '../reason/path-facts.js';
import { sgsForSide } from '../reason/sides.js';
import type { Rule } from './rule.js';

/** SG_REFERENCE_CROSS_REGION_UNSUPPORTED: an SG rule names an SG of a peered VPC in another Region. */
export const sgReferenceCrossRegion: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  for (const sg of model.sgs.values()) {
    const myVpc = sg.vpc ? model.vpcs.get(sg.vpc) : undefined;
    for (const [dir, rules] of [
      ['inbound', sg.ingress],
      ['outbound', sg.egress],
    ] as const) {
      for (const rule of rules) {
        for (const p of rule.peers) {
          if (p.kind !== 'sg') continue;
          const other = model.sgs.get(p.group);
          const otherVpc = other?.vpc ? model.vpcs.get(other.vpc) : undefined;
          const r1 = myVpc?.region ?? sg.region;
          const r2 = otherVpc?.region ?? other?.region;
          // a reference over a peering the input shows to be inter-Region
          const pcx = p.peering ? peeringById(model, p.peering) : undefined;
          const viaCrossRegion = pcx ? isCrossRegion(model, pcx) : false;
          if (!viaCrossRegion && (!r1 || !r2 || r1 === r2 || (otherVpc && otherVpc.key === myVpc?.key)))
            continue;
          if (!viaCrossRegion && !otherVpc && !other?.region) continue;
          const peerCidr =
            otherVpc?.cidrs[0]?.cidr.text ??
            (pcx && myVpc ? peerCidrOf(model, pcx, myVpc.key) : undefined) ??
            '<PEER_VPC_CIDR>';
          const where = r2 ?? 'another Region';
          out.push(
            makeFinding({
              code: 'SG_REFERENCE_CROSS_REGION_UNSUPPORTED',
              severity: 'error',
              title: `${label(sg)} references ${other ? label(other) : p.group} in ${where}: SG references do not work across Regions`,
              explanation: `${label(sg)} (${myVpc ? label(myVpc) : 'its VPC'}${r1 ? `, ${r1}` : ''}) has an ${dir} rule that names ${other ? label(other) : p.group}, a group in ${otherVpc ? `${label(otherVpc)} in ` : ''}${where}${pcx ? `, across the inter-Region peering ${pcx.id ?? label(pcx)}` : ''}. Security group references over VPC peering only work when both VPCs are in the same Region; across Regions the rule cannot match (it cannot be created, or is left stale), so the traffic is not allowed. Use the peer VPC's CIDR block instead.`,
              evidence: [
                ev(rule.src, 'the rule'),
                ev(other?.src[0], `in ${where}`),
                ev(myVpc?.src[0]),
                ev(otherVpc?.src[0]),
                ev(pcx?.statusSrc ?? pcx?.src[0], 'the peering'),
              ],
              fixes: [
                sgRuleFix(
                  `Allow the peer's CIDR (${peerCidr}) instead of its security group`,
                  idFor(sg, 'SG'),
                  dir === 'outbound',
                  rule.protocol,
                  rule.ports,
                  { cidr: peerCidr },
                ),
              ],
              subject: { resourceIds: [sg.id, other?.id].filter((s): s is string => !!s) },
            }),
          );
        }
      }
    }
  }
  // a path across a cross-Region peering whose server group admits the port only by SG reference: the
  // client's group cannot be named there (the fix must use a CIDR)
  for (const path of ctx.paths) {
    const r1 = path.from.vpc?.region;
    const r2 = path.to.vpc?.region;
    if (!r1 || !r2 || r1 === r2 || path.port === undefined) continue;
    const server = sgsForSide(model, path, 'to').sgs ?? [];
    for (const sg of server) {
      const rules = sg.ingress.filter(
        (r) => protocolMatches(r.protocol, path.protocol) && portInRange(r.ports, path.port!),
      );
      const byRef = rules.filter((r) => r.peers.some((p) => p.kind === 'sg'));
      if (
        byRef.length === 0 ||
        rules.some((r) =>
          r.peers.some((p) => p.kind === 'cidr' && path.from.addr && cidrContains(p.cidr, path.from.addr)),
        )
      )
        continue;
      if (out.some((f) => f.subject?.resourceIds?.includes(sg.id ?? ''))) continue;
      const peerCidr =
        path.from.vpc?.cidrs[0]?.cidr.text ?? path.from.subnet?.cidr?.text ?? '<SOURCE_VPC_CIDR>';
      const client = sgsForSide(model, path, 'from').sgs?.[0];
      out.push(
        makeFinding({
          code: 'SG_REFERENCE_CROSS_REGION_UNSUPPORTED',
          severity: 'error',
          title: `${label(sg)} (${r2}) cannot reference ${client ? label(client) : "the client's group"} in ${r1}: use the peer VPC's CIDR`,
          explanation: `${path.from.label} is in ${r1} and ${path.to.label} in ${r2}, joined by an inter-Region peering. ${label(sg)} admits port ${path.port} only by security group reference (${byRef
            .map((r) => r.src.text)
            .slice(0, 2)
            .join(
              '; ',
            )}), and a rule can only reference a group in a peered VPC of the same Region, so no rule can name ${client ? label(client) : "the client's group"} (that is why creating one fails). Allow the client VPC's CIDR block instead.`,
          evidence: [
            ev(sg.src[0], `server group in ${r2}`),
            ...byRef.slice(0, 2).flatMap((r) => ev(r.src)),
            ...(client ? ev(client.src[0], `client group in ${r1}`) : []),
            ev(path.intent.src, 'the path'),
          ],
          fixes: [
            sgRuleFix(
              `Allow ${protocolName(path.protocol).toUpperCase()} ${path.port} from ${peerCidr} in ${label(sg)}`,
              idFor(sg, 'SG'),
              false,
              path.protocol,
              { from: path.port, to: path.port },
              { cidr: peerCidr },
            ),
          ],
          subject: { resourceIds: [sg.id, client?.id].filter((s): s is string => !!s) },
        }),
      );
    }
  }
  return out;
};
