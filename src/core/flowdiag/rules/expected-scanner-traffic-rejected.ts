import type { Evidence, Finding } from '../../report/schema.js';
import { confirmQueries } from '../confirm.js';
import type { EniProfile } from '../eni-profile.js';
import { recordEvidence, summaryEvidence } from '../evidence.js';
import type { Group } from '../group.js';
import { portLabel } from '../ports.js';
import type { RuleInput } from '../rule-kit.js';
import { eniName, listAnd, plural } from '../wording.js';
import { isScannerNoise } from './inbound-request-rejected.js';

/**
 * EXPECTED_SCANNER_TRAFFIC_REJECTED: single probes from many internet addresses to many ports,
 * REJECTed: ordinary internet background scanning, and proof that the controls work.
 */
export function expectedScannerTrafficRejected({ state }: RuleInput): Finding[] {
  const byEni = new Map<EniProfile, Group[]>();
  for (const eni of state.enis.values()) if (eni.pooledProbes > 0) byEni.set(eni, []);
  for (const g of state.groupsOf('request-rejected')) {
    if (!isScannerNoise(g)) continue;
    const list = byEni.get(g.eni) ?? [];
    list.push(g);
    byEni.set(g.eni, list);
  }
  const out: Finding[] = [];
  const ranked = [...byEni.entries()].sort((a, b) => b[0].rejectedInboundProbes - a[0].rejectedInboundProbes);
  const shown = ranked.length > MAX_SHOWN + 1 ? ranked.slice(0, MAX_SHOWN) : ranked;
  const rest = ranked.slice(shown.length);
  for (const [eni, groups] of shown) {
    const probes = eni.rejectedInboundProbes;
    const sources = eni.probeSources;
    const ports = [...eni.probePorts].sort((a, b) => a - b);
    const evidence: Evidence[] = [];
    for (const ref of [...groups.map((g) => g.samples[0]?.reqRef), ...eni.pooledSamples]) {
      if (ref && evidence.length < 6) evidence.push(recordEvidence(ref, 'probe REJECTed'));
    }
    const records = groups.reduce((n, g) => n + g.records, 0) + eni.pooledProbeRecords;
    const first = groups[0]?.samples[0]?.reqRef ?? eni.pooledSamples[0];
    const server = groups[0]?.realServer ?? eni.address() ?? String(first?.fields.dstaddr ?? '');
    const format = first?.format;
    const name = eniName(eni);
    out.push({
      code: 'EXPECTED_SCANNER_TRAFFIC_REJECTED',
      severity: 'info',
      title: `Internet scanners probing ${name} were REJECTed, as intended`,
      explanation: [
        `${plural(probes, 'probe')} from ${sources.size >= 256 ? 'at least 256' : plural(sources.size, 'internet address', 'internet addresses')} to ${ports.length >= 256 ? 'at least 256 ports' : `${plural(ports.length, 'port')} (${listAnd(ports.map(portLabel), 6)})`} of ${server} were REJECTed, one or two packets each: ordinary background scanning of every public address on the internet.`,
        'The REJECTs show the security group and network ACL doing their job; nothing is misconfigured.',
        'Blocking the addresses in the network ACL is not worth it: NACLs hold 20 rules per direction by default and scanners rotate addresses. Keep the security group tight, and if the alerts are noisy, alert on REJECTs to ports you do serve, or on ACCEPTs from unexpected sources, instead.',
      ].join(' '),
      evidence,
      evidenceOmitted: Math.max(0, records - evidence.length),
      fixes: [],
      confirm: confirmQueries({
        format,
        filters: [
          ...(eni.id ? [{ field: 'interface-id', value: eni.id }] : []),
          { field: 'action', value: 'REJECT' },
        ],
        groupBy: ['dstport'],
      }),
      occurrences: probes,
      subject: {
        ...(eni.id ? { interfaceId: eni.id } : {}),
        ...(eni.subnetId ? { subnetId: eni.subnetId } : {}),
        ...(eni.vpcId ? { vpcId: eni.vpcId } : {}),
        server,
        clients: [...sources].slice(0, 20),
      },
    });
  }
  if (rest.length > 0) out.push(rollUp(rest));
  return out;
}

const MAX_SHOWN = 3;

/** One finding for the scanned interfaces beyond the first few. */
function rollUp(rest: [EniProfile, Group[]][]): Finding {
  const probes = rest.reduce((n, [e]) => n + e.rejectedInboundProbes, 0);
  const evidence: Evidence[] = rest
    .slice(0, 10)
    .map(([e]) =>
      summaryEvidence(`${e.id || 'interface ?'}: ${plural(e.rejectedInboundProbes, 'probe')} REJECTed`),
    );
  return {
    code: 'EXPECTED_SCANNER_TRAFFIC_REJECTED',
    severity: 'info',
    title: `And ${plural(probes, 'more probe')} REJECTed at ${plural(rest.length, 'other interface')}`,
    explanation: `The same internet background scanning reached ${plural(rest.length, 'more interface')}; every probe was REJECTed, as intended.`,
    evidence,
    evidenceOmitted: Math.max(0, rest.length - evidence.length),
    fixes: [],
  };
}
