import type { Finding } from '../../report/schema.js';
import { sgRuleFix } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { label } from '../reason/lookup.js';
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
          const r1 = myVpc?.region;
          const r2 = otherVpc?.region;
          if (!r1 || !r2 || r1 === r2 || !otherVpc || otherVpc.key === myVpc?.key) continue;
          const peerCidr = otherVpc.cidrs[0]?.cidr.text ?? '<PEER_VPC_CIDR>';
          out.push(
            makeFinding({
              code: 'SG_REFERENCE_CROSS_REGION_UNSUPPORTED',
              severity: 'error',
              title: `${label(sg)} references ${other ? label(other) : p.group} in ${r2}: SG references do not work across Regions`,
              explanation: `${label(sg)} (${myVpc ? label(myVpc) : 'its VPC'}, ${r1}) has an ${dir} rule that names ${other ? label(other) : p.group}, a group in ${label(otherVpc)} in ${r2}. Security group references over VPC peering only work when both VPCs are in the same Region; across Regions the rule cannot match (it cannot be created, or is left stale), so the traffic is not allowed. Use the peer VPC's CIDR block instead.`,
              evidence: [
                ev(rule.src, 'the rule'),
                ev(other?.src[0], `in ${r2}`),
                ev(myVpc?.src[0]),
                ev(otherVpc.src[0]),
              ],
              fixes: [
                sgRuleFix(
                  `Allow the peer's CIDR (${peerCidr}) instead of its security group`,
                  sg.id ?? '<SG_ID>',
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
  return out;
};
