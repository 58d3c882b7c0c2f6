import { FINDING_CODES } from './codes.js';
import { formatCount } from './format-count.js';
import type { Finding, InputSummary, InputWarning, Report, ReportKind, Severity } from './schema.js';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Most important first: severity, then how specific the code is, then how often it occurred. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    FINDING_CODES[a.code].rank - FINDING_CODES[b.code].rank ||
    (b.occurrences ?? 1) - (a.occurrences ?? 1)
  );
}

export interface ReportParts {
  kind: ReportKind;
  findings: Finding[];
  warnings: InputWarning[];
  input: InputSummary;
  notes?: string[];
}

/** Orders the findings, counts them by severity and writes the one-line verdict. */
export function buildReport(parts: ReportParts): Report {
  const findings = [...parts.findings].sort(compareFindings);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    schemaVersion: 1,
    kind: parts.kind,
    verdict: verdictFor(findings, parts.input),
    counts,
    findings,
    warnings: parts.warnings,
    input: parts.input,
    notes: parts.notes ?? [],
  };
}

function verdictFor(findings: Finding[], input: InputSummary): string {
  const top = findings[0];
  if (top === undefined) {
    return input.records > 0
      ? `No fault found in ${plural(input.records, 'record')}.`
      : 'Nothing to diagnose in this input.';
  }
  const others = findings.filter((f) => f.severity !== 'info').length - (top.severity === 'info' ? 0 : 1);
  const more = others > 0 ? ` (+${plural(others, 'more finding')})` : '';
  if (top.severity === 'info' && top.code !== 'NEED_MORE_INFO' && top.code !== 'INPUT_NOT_RECOGNIZED') {
    return `No fault found: ${lowerFirst(top.title)}`;
  }
  return `${top.title}${more}`;
}

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${formatCount(n)} ${n === 1 ? word : pluralWord}`;
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}
