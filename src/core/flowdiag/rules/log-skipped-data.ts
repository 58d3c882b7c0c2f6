import type { Finding } from '../../report/schema.js';
import { confirmQueries } from '../confirm.js';
import { recordEvidence, summaryEvidence } from '../evidence.js';
import type { RuleInput } from '../rule-kit.js';
import type { SkippedWindows } from '../skipped-log.js';
import { plural } from '../wording.js';
import { iso } from './log-no-data.js';

/**
 * LOG_SKIPPED_DATA: SKIPDATA records: AWS skipped records in those windows (capacity or an internal
 * error), so the evidence is incomplete: a missing REJECT or reply there proves nothing.
 */
export function logSkippedData({ state }: RuleInput): Finding[] {
  const windows = state.skipped.of('SKIPDATA');
  const shown = windows.length > 4 ? windows.slice(0, 3) : windows;
  const out = shown.map(finding);
  const rest = windows.slice(shown.length);
  const restCount = rest.reduce((n, w) => n + w.count, 0) + state.skipped.untracked.SKIPDATA;
  if (restCount > 0) {
    const evidence = rest
      .slice(0, 10)
      .map((w) => summaryEvidence(`${w.eni || 'interface ?'}: ${plural(w.count, 'SKIPDATA record')}`));
    out.push({
      code: 'LOG_SKIPPED_DATA',
      severity: 'warning',
      title: `And ${plural(restCount, 'more SKIPDATA record')} on ${plural(rest.length, 'other interface')}`,
      explanation: `The same holds for ${plural(rest.length, 'more interface')} (${plural(restCount, 'SKIPDATA record')} in all).`,
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
    code: 'LOG_SKIPPED_DATA',
    severity: 'warning',
    title: `Flow-log records of ${eni} were lost in ${plural(w.count, 'window')} (SKIPDATA)`,
    explanation: [
      `${plural(w.count, 'SKIPDATA record')}${span}: AWS skipped some of ${eni}'s records in those windows (an internal capacity limit or error).`,
      'The evidence for those minutes is incomplete: a reply or a REJECT that is missing there may simply not have been logged. Judge by other windows, or reproduce the problem and read the new records.',
    ].join(' '),
    evidence: w.samples.map((s) => recordEvidence(s, 'SKIPDATA')),
    evidenceOmitted: Math.max(0, w.count - w.samples.length),
    fixes: [],
    confirm: confirmQueries({
      format: w.samples[0]?.format,
      filters: [{ field: 'log-status', value: 'SKIPDATA' }],
      groupBy: ['interface-id'],
    }),
    occurrences: w.count,
    subject: w.eni ? { interfaceId: w.eni } : {},
  };
}
