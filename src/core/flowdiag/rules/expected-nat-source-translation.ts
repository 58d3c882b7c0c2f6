import type { Evidence, Finding } from '../../report/schema.js';
import { confirmQueries } from '../confirm.js';
import { recordEvidence } from '../evidence.js';
import type { RuleInput } from '../rule-kit.js';
import { eniName, plural } from '../wording.js';

/**
 * EXPECTED_NAT_SOURCE_TRANSLATION: records on a NAT gateway's ENI carry the NAT's own private
 * address where the packets' original addresses were (compare pkt-srcaddr/pkt-dstaddr): expected.
 */
export function expectedNatSourceTranslation({ state }: RuleInput): Finding[] {
  const out: Finding[] = [];
  for (const eni of state.enis.values()) {
    if (!eni.isNat()) continue;
    const own = eni.address();
    const evidence: Evidence[] = [];
    const inbound = eni.natInbound;
    const outbound = eni.natOutbound;
    if (inbound)
      evidence.push(
        recordEvidence(
          inbound,
          `dstaddr ${inbound.fields.dstaddr} is the NAT gateway; pkt-dstaddr ${inbound.fields['pkt-dstaddr']} is where the packet goes`,
        ),
      );
    if (outbound)
      evidence.push(
        recordEvidence(
          outbound,
          `srcaddr ${outbound.fields.srcaddr} is the NAT gateway; pkt-srcaddr ${outbound.fields['pkt-srcaddr']} is where the reply came from`,
        ),
      );
    const name = eniName(eni);
    const natAddr = own ?? inbound?.fields.dstaddr ?? outbound?.fields.srcaddr;
    out.push({
      code: 'EXPECTED_NAT_SOURCE_TRANSLATION',
      severity: 'info',
      title: `${name} is a NAT gateway${natAddr ? `: ${natAddr} is its own address, not spoofing` : ''}`,
      explanation: [
        `${plural(eni.natRecords, 'record')} on ${name} show a private address where the packet's own address (pkt-srcaddr/pkt-dstaddr) is on the internet${eni.requesterManaged ? ', and instance-id is "-": an interface AWS manages' : ''}. That is a NAT gateway translating: private hosts send to it, it sends on from ${natAddr ?? 'its own address'}, and replies come back the same way.`,
        "Flow logs on a NAT gateway's interface record its own private address in srcaddr/dstaddr; pkt-srcaddr and pkt-dstaddr keep the original ends. This is expected and harmless.",
      ].join(' '),
      evidence,
      evidenceOmitted: Math.max(0, eni.natRecords - evidence.length),
      fixes: [],
      confirm: confirmQueries({
        format: (inbound ?? outbound)?.format,
        filters: eni.id ? [{ field: 'interface-id', value: eni.id }] : [],
        groupBy: ['srcaddr', 'pkt-srcaddr', 'dstaddr', 'pkt-dstaddr'],
        sums: ['bytes'],
      }),
      occurrences: eni.natRecords,
      subject: {
        ...(eni.id ? { interfaceId: eni.id } : {}),
        ...(eni.subnetId ? { subnetId: eni.subnetId } : {}),
        ...(eni.vpcId ? { vpcId: eni.vpcId } : {}),
      },
    });
  }
  return out;
}
