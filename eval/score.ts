import type { FindingCode } from '../src/core/report/codes.js';
import { CASE_CLASSES, type CaseClass, type EvalCase } from './case-schema.js';

/** What the diagnosis said about one case: the codes of its findings, or the error it threw. */
export type Diagnose = (input: string) => readonly FindingCode[];

export interface CaseResult {
  id: string;
  class: CaseClass;
  pass: boolean;
  expected: FindingCode[];
  forbidden: FindingCode[];
  /** every code the diagnosis produced, in report order, without repeats */
  found: FindingCode[];
  /** expected codes the diagnosis did not produce */
  missing: FindingCode[];
  /** forbidden codes the diagnosis produced anyway */
  forbiddenFound: FindingCode[];
  /** set when the diagnosis threw: the case fails */
  error?: string;
}

export interface Ratio {
  hits: number;
  total: number;
}

export interface Score {
  cases: CaseResult[];
  overall: Ratio;
  byClass: Record<CaseClass, Ratio>;
  /** per code: cases expecting it where it was found / cases expecting it */
  byExpectedCode: Partial<Record<FindingCode, Ratio>>;
  /** per code: cases forbidding it where it was raised anyway / cases forbidding it */
  falsePositives: Partial<Record<FindingCode, Ratio>>;
  /** cases where the diagnosis threw */
  errors: number;
}

/**
 * Scores cases against a diagnosis. A case passes when every expected code is present and no
 * forbidden code is; other codes in the reply neither help nor hurt.
 */
export function scoreCases(cases: readonly EvalCase[], diagnose: Diagnose): Score {
  const results: CaseResult[] = [];
  const byClass = Object.fromEntries(CASE_CLASSES.map((c) => [c, { hits: 0, total: 0 }])) as Record<
    CaseClass,
    Ratio
  >;
  const byExpectedCode: Partial<Record<FindingCode, Ratio>> = {};
  const falsePositives: Partial<Record<FindingCode, Ratio>> = {};
  let errors = 0;

  for (const c of cases) {
    let found: FindingCode[] = [];
    let error: string | undefined;
    try {
      found = [...new Set(diagnose(c.input))];
    } catch (e) {
      error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      errors++;
    }
    const forbidden = c.forbid ?? [];
    const missing = c.expect.filter((code) => !found.includes(code));
    const forbiddenFound = forbidden.filter((code) => found.includes(code));
    const pass = error === undefined && missing.length === 0 && forbiddenFound.length === 0;

    results.push({
      id: c.id,
      class: c.class,
      pass,
      expected: [...c.expect],
      forbidden: [...forbidden],
      found,
      missing,
      forbiddenFound,
      ...(error !== undefined ? { error } : {}),
    });
    bump(byClass[c.class], pass);
    for (const code of c.expect) bump(tally(byExpectedCode, code), found.includes(code));
    for (const code of forbidden) bump(tally(falsePositives, code), found.includes(code));
  }

  const overall = { hits: results.filter((r) => r.pass).length, total: results.length };
  return { cases: results, overall, byClass, byExpectedCode, falsePositives, errors };
}

function tally(m: Partial<Record<FindingCode, Ratio>>, code: FindingCode): Ratio {
  const existing = m[code];
  if (existing) return existing;
  const fresh = { hits: 0, total: 0 };
  m[code] = fresh;
  return fresh;
}

function bump(r: Ratio, hit: boolean): void {
  r.total++;
  if (hit) r.hits++;
}

export function percent(r: Ratio): string {
  return r.total === 0 ? '  n/a' : `${((100 * r.hits) / r.total).toFixed(1).padStart(5)}%`;
}
