import type { Finding } from '../../report/schema.js';
import type { RuleInput } from '../rule-kit.js';
import { skippedLogFindings } from '../skipped-log-findings.js';
import { plural } from '../wording.js';

/**
 * LOG_SKIPPED_DATA: SKIPDATA records: AWS skipped records in those windows (capacity or an internal
 * error), so the evidence is incomplete: a missing REJECT or reply there proves nothing.
 */
export function logSkippedData(input: RuleInput): Finding[] {
  return skippedLogFindings(input, {
    status: 'SKIPDATA',
    code: 'LOG_SKIPPED_DATA',
    severity: 'warning',
    title: (eni, w) => `Flow-log records of ${eni} were lost in ${plural(w.count, 'window')} (SKIPDATA)`,
    explanation: (eni, span, w) =>
      [
        `${plural(w.count, 'SKIPDATA record')}${span}: AWS skipped some of ${eni}'s records in those windows (an internal capacity limit or error).`,
        'The evidence for those minutes is incomplete: a reply or a REJECT that is missing there may simply not have been logged. Judge by other windows, or reproduce the problem and read the new records.',
      ].join(' '),
    confirm: () => ({ filters: [{ field: 'log-status', value: 'SKIPDATA' }], groupBy: ['interface-id'] }),
  });
}
