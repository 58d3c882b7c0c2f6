import { expect } from 'vitest';
import { diagnoseText } from '../../../src/core/diagnose.js';
import type { FindingCode } from '../../../src/core/report/codes.js';
import { type Finding, type Report, reportSchema } from '../../../src/core/report/schema.js';

export const NOW = new Date('2026-11-26T12:00:00Z');

/** Diagnoses a paste the way the bots do, and checks the report against the schema. */
export function diagnose(text: string, format?: string): Report {
  const report = diagnoseText(text, { now: NOW, format });
  const parsed = reportSchema.safeParse(report);
  if (!parsed.success) throw new Error(`report does not validate: ${parsed.error.message}`);
  return report;
}

export function codes(report: Report): FindingCode[] {
  return report.findings.map((f) => f.code);
}

/** The one finding with this code (fails the test when there is none or several). */
export function only(report: Report, code: FindingCode): Finding {
  const found = report.findings.filter((f) => f.code === code);
  expect(
    found.map((f) => f.code),
    `findings: ${codes(report).join(', ')}`,
  ).toEqual([code]);
  return found[0]!;
}

/** The input line numbers a finding cites as records, sorted. */
export function citedLines(f: Finding): number[] {
  return [...new Set(f.evidence.filter((e) => e.kind === 'record').flatMap((e) => e.lines))].sort(
    (a, b) => a - b,
  );
}

/** The 1-based line numbers of the input lines that contain `needle`. */
export function linesWith(text: string, needle: string): number[] {
  return text
    .split('\n')
    .map((l, i) => (l.includes(needle) ? i + 1 : 0))
    .filter((n) => n > 0);
}

export function errors(report: Report): Finding[] {
  return report.findings.filter((f) => f.severity === 'error');
}
