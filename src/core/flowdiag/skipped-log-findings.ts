import type { Finding } from '../report/schema.js';
import { confirmQueries } from './confirm.js';
import { recordEvidence, summaryEvidence } from './evidence.js';
import type { RuleInput } from './rule-kit.js';
import type { SkippedWindows } from './skipped-log.js';
import { plural } from './wording.js';

/** What differs between the NODATA and the SKIPDATA finding: the code, its weight and its words. */
export interface SkippedLogWording {
  status: 'NODATA' | 'SKIPDATA';
  code: 'LOG_NO_DATA' | 'LOG_SKIPPED_DATA';
  severity: 'info' | 'warning';
  title(eni: string, w: SkippedWindows): string;
  explanation(eni: string, span: string, w: SkippedWindows): string;
  confirm(w: SkippedWindows): Pick<Parameters<typeof confirmQueries>[0], 'filters' | 'groupBy'>;
}

/**
 * One finding per interface with NODATA / SKIPDATA windows (the first three when more than four), then
 * one "and N more" finding that counts the rest, including records of interfaces past the tracked limit.
 */
export function skippedLogFindings({ state }: RuleInput, say: SkippedLogWording): Finding[] {
  const windows = state.skipped.of(say.status);
  const shown = windows.length > 4 ? windows.slice(0, 3) : windows;
  const out = shown.map((w) => finding(w, say));
  const rest = windows.slice(shown.length);
  const restCount = rest.reduce((n, w) => n + w.count, 0) + state.skipped.untracked[say.status];
  if (restCount > 0) {
    const record = `${say.status} record`;
    const evidence = rest
      .slice(0, 10)
      .map((w) => summaryEvidence(`${w.eni || 'interface ?'}: ${plural(w.count, record)}`));
    out.push({
      code: say.code,
      severity: say.severity,
      title: `And ${plural(restCount, `more ${record}`)} on ${plural(rest.length, 'other interface')}`,
      explanation: `The same holds for ${plural(rest.length, 'more interface')} (${plural(restCount, record)} in all).`,
      evidence,
      evidenceOmitted: Math.max(0, rest.length - evidence.length),
      fixes: [],
    });
  }
  return out;
}

function finding(w: SkippedWindows, say: SkippedLogWording): Finding {
  const eni = w.eni || 'an interface';
  const span = w.firstStart && w.lastEnd ? ` between ${iso(w.firstStart)} and ${iso(w.lastEnd)}` : '';
  return {
    code: say.code,
    severity: say.severity,
    title: say.title(eni, w),
    explanation: say.explanation(eni, span, w),
    evidence: w.samples.map((s) => recordEvidence(s, say.status)),
    evidenceOmitted: Math.max(0, w.count - w.samples.length),
    fixes: [],
    confirm: confirmQueries({ format: w.samples[0]?.format, ...say.confirm(w) }),
    occurrences: w.count,
    subject: w.eni ? { interfaceId: w.eni } : {},
  };
}

/** An epoch (seconds, or milliseconds) as an ISO time without the milliseconds. */
export function iso(epoch: number): string {
  const ms = epoch > 1e11 ? epoch : epoch * 1000;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
