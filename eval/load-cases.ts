import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { ALL_FINDING_CODES } from '../src/core/report/codes.js';
import { type EvalCase, evalCaseSchema } from './case-schema.js';

export interface LoadedCase extends EvalCase {
  /** the file the case came from, relative to the working directory */
  file: string;
}

export interface LoadResult {
  cases: LoadedCase[];
  /** one line per problem, each naming the file and, where it applies, the field */
  errors: string[];
}

const FILE_NAME = /^\d{3}-[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$/;

export const DEFAULT_CASES_DIR = join(import.meta.dirname, 'cases');

/** The held-out set: written blind after eval/cases had been used for tuning; run only to report. */
export const HOLDOUT_CASES_DIR = join(import.meta.dirname, 'holdout');

/** Reads and validates every `*.yaml` case in `dir`, in file-name order. Never throws for bad cases. */
export function loadCases(dir: string = DEFAULT_CASES_DIR): LoadResult {
  const cases: LoadedCase[] = [];
  const errors: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'))
      .sort();
  } catch (e) {
    return { cases, errors: [`${dir}: cannot read the case folder (${(e as Error).message})`] };
  }
  if (names.length === 0) errors.push(`${dir}: no *.yaml case files found`);

  const seenIds = new Map<string, string>();
  const seenNumbers = new Map<string, string>();
  for (const name of names) {
    const path = join(dir, name);
    const file = relative(process.cwd(), path) || path;
    if (!FILE_NAME.test(name)) errors.push(`${file}: the file name must look like NNN-short-slug.yaml`);

    let raw: unknown;
    try {
      raw = parse(readFileSync(path, 'utf8'));
    } catch (e) {
      const where = e instanceof YAMLParseError && e.linePos ? ` at line ${e.linePos[0].line}` : '';
      errors.push(`${file}: not valid YAML${where}: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }

    const parsed = evalCaseSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push(`${file}: ${describeIssue(issue, raw)}`);
      continue;
    }
    const c = parsed.data;
    const stem = basename(name).replace(/\.ya?ml$/, '');
    if (c.id !== stem) errors.push(`${file}: field \`id\`: "${c.id}" must equal the file name "${stem}"`);
    const other = seenIds.get(c.id);
    if (other) errors.push(`${file}: field \`id\`: "${c.id}" is already used by ${other}`);
    seenIds.set(c.id, file);
    const number = c.id.slice(0, 3);
    const sameNumber = seenNumbers.get(number);
    if (sameNumber && sameNumber !== other)
      errors.push(`${file}: number ${number} is already used by ${sameNumber}`);
    seenNumbers.set(number, file);
    cases.push({ ...c, file });
  }
  return { cases, errors };
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `\`${k}\``).join(', ');
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys} (allowed: id, class, expect, forbid, why, input)`;
  }
  const path = issue.path.length > 0 ? formatPath(issue.path) : '(the whole file)';
  const value = valueAt(raw, issue.path);
  if (value === undefined && issue.code === 'invalid_type') return `field \`${path}\`: is missing`;
  if (issue.code === 'invalid_value' && (issue.path[0] === 'expect' || issue.path[0] === 'forbid')) {
    const near = closestCode(String(value));
    return `field \`${path}\`: ${JSON.stringify(value)} is not a finding code of src/core/report/codes.ts${near ? ` (did you mean ${near}?)` : ''}`;
  }
  return `field \`${path}\`: ${issue.message}`;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** The known code nearest to a typo, when it is near enough to be a likely meaning. */
function closestCode(typo: string): string | undefined {
  let best: { code: string; d: number } | undefined;
  for (const code of ALL_FINDING_CODES) {
    const d = editDistance(typo.toUpperCase(), code);
    if (!best || d < best.d) best = { code, d };
  }
  return best && best.d <= Math.max(2, Math.floor(typo.length / 5)) ? best.code : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}
