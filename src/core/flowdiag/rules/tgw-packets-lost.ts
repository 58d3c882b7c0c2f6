import type { Evidence, Finding } from '../../report/schema.js';
import { confirmQueries } from '../confirm.js';
import { recordEvidence } from '../evidence.js';
import type { RuleInput } from '../rule-kit.js';
import { LOSS_FIELDS, type LossGroup, type LossReason } from '../tgw-flows.js';
import { listAnd, plural } from '../wording.js';

export const LOSS_MEANING: Record<LossReason, string> = {
  'no-route': 'no route: the TGW route table associated with the attachment has no route to the destination',
  blackhole:
    'blackhole: the matching TGW route is a blackhole (its attachment is gone, or it was made to drop)',
  'mtu-exceeded': 'MTU exceeded: packets larger than the 8500 bytes a transit gateway carries',
  'ttl-expired': 'TTL expired: the packets went round a routing loop until their TTL ran out',
};

/**
 * TGW_PACKETS_LOST: Transit Gateway flow logs count lost packets (packets-lost-no-route, -blackhole,
 * -mtu-exceeded, -ttl-expired). One finding per attachment the packets entered by, all reasons.
 */
export function tgwPacketsLost({ state }: RuleInput): Finding[] {
  const byAttachment = new Map<string, LossGroup[]>();
  for (const g of state.tgw.groups.values()) {
    const list = byAttachment.get(g.attachment) ?? [];
    list.push(g);
    byAttachment.set(g.attachment, list);
  }
  const out: Finding[] = [];
  const sorted = [...byAttachment.entries()].sort(
    (a, b) => b[1].reduce((n, g) => n + g.lost, 0) - a[1].reduce((n, g) => n + g.lost, 0),
  );
  for (const [attachment, groups] of sorted.slice(0, 8)) {
    const lost = groups.reduce((n, g) => n + g.lost, 0);
    const records = groups.reduce((n, g) => n + g.records, 0);
    const reasons = groups.map((g) => `${plural(g.lost, 'packet')} for ${LOSS_MEANING[g.reason]}`);
    const evidence: Evidence[] = [];
    for (const g of groups)
      for (const s of g.samples.slice(0, 3))
        evidence.push(recordEvidence(s, `${LOSS_FIELDS[g.reason]} ${s.fields[LOSS_FIELDS[g.reason]]}`));
    const first = groups[0]!;
    const dests = [...new Set(groups.flatMap((g) => g.destinationList()))];
    out.push({
      code: 'TGW_PACKETS_LOST',
      severity: 'error',
      title:
        `Transit gateway ${first.tgwId ?? ''} drops ${plural(lost, 'packet')} that enter by ${attachment}`.replace(
          '  ',
          ' ',
        ),
      explanation: [
        `The transit gateway's flow log counts ${plural(lost, 'lost packet')} in ${plural(records, 'record')} of traffic that entered by ${attachment}${first.srcVpc ? ` (from ${first.srcVpc})` : ''}, to ${listAnd(dests, 4)}:`,
        `${listAnd(reasons, 4)}.`,
        'Transit gateway flow logs have no ACCEPT/REJECT: these counters are how they show drops. The findings below say what to change for each reason.',
      ].join(' '),
      evidence,
      evidenceOmitted: Math.max(0, records - evidence.length),
      fixes: [],
      confirm: confirmQueries({
        format: first.samples[0]?.format,
        tgw: true,
        filters: [{ field: 'tgw-attachment-id', value: attachment }],
        groupBy: ['srcaddr', 'dstaddr', 'dstport'],
        sums: groups.map((g) => LOSS_FIELDS[g.reason]),
      }),
      occurrences: records,
      subject: {
        resourceIds: [attachment, ...(first.tgwId ? [first.tgwId] : [])],
        ...(first.srcVpc ? { vpcId: first.srcVpc } : {}),
        ...(dests.length === 1 ? { server: dests[0]! } : {}),
        ...(first.protocol !== undefined ? { protocol: first.protocol } : {}),
      },
    });
  }
  return out;
}
