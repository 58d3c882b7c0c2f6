import type { Finding } from '../../report/schema.js';
import { confirmQueries } from '../confirm.js';
import { recordEvidence, summaryEvidence } from '../evidence.js';
import type { RuleInput } from '../rule-kit.js';
import type { SkippedWindows } from '../skipped-log.js';
import { plural } from '../wording.js';

/**
 * LOG_NO_DATA: NODATA records: no traffic reached or left the ENI in those windows. Not a verdict on
 * any control: if traffic was expected there, it never arrived at this interface.
 */
export function logNoData({ state }: RuleInput): Finding[] {
  const windows = state.skipped.of('NODATA');
  const shown = windows.length > 4 ? windows.slice(0, 3) : windows;
  const out = shown.map(finding);
  const rest = windows.slice(shown.length);
  const restCount = rest.reduce((n, w) => n + w.count, 0) + state.skipped.untracked.NODATA;
  if (restCount > 0) {
    const evidence = rest
      .slice(0, 10)
      .map((w) => summaryEvidence(`${w.eni || 'interface ?'}: ${plural(w.count, 'NODATA record')}`));
    out.push({
      code: 'LOG_NO_DATA',
      severity: 'info',
      title: `And ${plural(restCount, 'more NODATA record')} on ${plural(rest.length, 'other interface')}`,
      explanation: `The same holds for ${plural(rest.length, 'more interface')} (${plural(restCount, 'NODATA record')} in all).`,
      evidence,
      evidenceOmitted: Math.max(0, rest.length - evidence.length),
      fixes: [],
    });
  }
  return out;
}

function finding(w: SkippedWindows): Finding {
  const eni = w.eni || 'an interface';
  const span = w.firstStart && w.lastEnd ? ` between ${iso(w.firstStart)} and ${iso(w.lastEnd)}` : '';
  return {
    code: 'LOG_NO_DATA',
    severity: 'info',
    title: `No traffic on ${eni} in ${plural(w.count, 'window')} (NODATA)`,
    explanation: [
      `${plural(w.count, 'NODATA record')}${span}: no traffic reached or left ${eni} in those aggregation windows, so they say nothing about security groups or network ACLs.`,
      "If you expected traffic there, it never arrived at this interface: check the route to it, that clients resolve the name to this address, and which traffic the flow log captures (aws ec2 describe-flow-logs --query 'FlowLogs[].[FlowLogId,TrafficType]'; a REJECT-only log shows NODATA while traffic is accepted).",
    ].join(' '),
    evidence: w.samples.map((s) => recordEvidence(s, 'NODATA')),
    evidenceOmitted: Math.max(0, w.count - w.samples.length),
    fixes: [],
    confirm: confirmQueries({
      format: w.samples[0]?.format,
      filters: [...(w.eni ? [{ field: 'interface-id', value: w.eni }] : [])],
      groupBy: ['log-status', 'action'],
    }),
    occurrences: w.count,
    subject: w.eni ? { interfaceId: w.eni } : {},
  };
}

export function iso(epoch: number): string {
  const ms = epoch > 1e11 ? epoch : epoch * 1000;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
