import type { Finding } from '../../report/schema.js';
import type { RuleInput } from '../rule-kit.js';
import { skippedLogFindings } from '../skipped-log-findings.js';
import { plural } from '../wording.js';

/**
 * LOG_NO_DATA: NODATA records: no traffic reached or left the ENI in those windows. Not a verdict on
 * any control: if traffic was expected there, it never arrived at this interface.
 */
export function logNoData(input: RuleInput): Finding[] {
  return skippedLogFindings(input, {
    status: 'NODATA',
    code: 'LOG_NO_DATA',
    severity: 'info',
    title: (eni, w) => `No traffic on ${eni} in ${plural(w.count, 'window')} (NODATA)`,
    explanation: (eni, span, w) =>
      [
        `${plural(w.count, 'NODATA record')}${span}: no traffic reached or left ${eni} in those aggregation windows, so they say nothing about security groups or network ACLs.`,
        "If you expected traffic there, it never arrived at this interface: check the route to it, that clients resolve the name to this address, and which traffic the flow log captures (aws ec2 describe-flow-logs --query 'FlowLogs[].[FlowLogId,TrafficType]'; a REJECT-only log shows NODATA while traffic is accepted).",
      ].join(' '),
    confirm: (w) => ({
      filters: w.eni ? [{ field: 'interface-id', value: w.eni }] : [],
      groupBy: ['log-status', 'action'],
    }),
  });
}
