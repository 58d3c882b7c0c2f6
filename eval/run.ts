/**
 * `npm run eval`: runs the labelled cases in eval/cases through diagnoseText and prints accuracy per
 * case, per expected code, per class and overall, plus false positives per forbidden code.
 *
 *   npm run eval                       one PASS/FAIL line per case, then the tables
 *   npm run eval -- --verbose          also the missing / forbidden / found codes of each case
 *   npm run eval -- --filter PEERING   only cases whose id or expected/forbidden codes contain it
 *   npm run eval -- --json             machine-readable output
 *
 * Exits 0 whatever the accuracy (the rules may be incomplete); 2 when a case file is malformed or the
 * arguments are wrong.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { diagnoseText } from '../src/core/diagnose.js';
import type { FindingCode } from '../src/core/report/codes.js';
import { CASE_CLASSES } from './case-schema.js';
import { DEFAULT_CASES_DIR, type LoadedCase, loadCases } from './load-cases.js';
import { percent, type Ratio, type Score, scoreCases } from './score.js';

/** The clock every case is diagnosed at, so date-dependent findings (peering expiry) are stable. */
export const EVAL_NOW = new Date('2026-11-26T12:00:00Z');

const USAGE = `usage: npm run eval -- [--verbose] [--json] [--filter <substring>] [--cases <dir>]`;

function main(argv: string[]): number {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const dir = args.cases ?? DEFAULT_CASES_DIR;
  const { cases, errors } = loadCases(dir);
  if (errors.length > 0) {
    process.stderr.write(`${errors.length} problem(s) in the eval cases; fix them and run again:\n`);
    for (const e of errors) process.stderr.write(`  ${e}\n`);
    return 2;
  }

  const selected = args.filter ? cases.filter((c) => matches(c, args.filter!)) : cases;
  const score = scoreCases(selected, (input) =>
    diagnoseText(input, { now: EVAL_NOW }).findings.map((f) => f.code),
  );

  if (args.json) {
    process.stdout.write(`${JSON.stringify(toJson(score, dir, args.filter), null, 2)}\n`);
  } else {
    process.stdout.write(render(score, selected, dir, args.filter, args.verbose ?? false));
  }
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean' },
      verbose: { type: 'boolean', short: 'v' },
      filter: { type: 'string' },
      cases: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}

function matches(c: LoadedCase, needle: string): boolean {
  const n = needle.toLowerCase();
  return [c.id, ...c.expect, ...(c.forbid ?? [])].some((s) => s.toLowerCase().includes(n));
}

function toJson(score: Score, dir: string, filter: string | undefined) {
  const ratio = (r: Ratio) => ({ ...r, accuracy: r.total === 0 ? null : r.hits / r.total });
  const mapRatios = (m: Partial<Record<FindingCode, Ratio>>) =>
    Object.fromEntries(
      Object.entries(m)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, ratio(v)]),
    );
  return {
    now: EVAL_NOW.toISOString(),
    casesDir: relative(process.cwd(), dir) || dir,
    filter: filter ?? null,
    overall: ratio(score.overall),
    byClass: Object.fromEntries(CASE_CLASSES.map((c) => [c, ratio(score.byClass[c])])),
    byExpectedCode: mapRatios(score.byExpectedCode),
    falsePositives: mapRatios(score.falsePositives),
    errors: score.errors,
    cases: score.cases,
  };
}

function render(
  score: Score,
  cases: readonly LoadedCase[],
  dir: string,
  filter: string | undefined,
  verbose: boolean,
) {
  const out: string[] = [];
  const where = relative(process.cwd(), dir) || dir;
  out.push(
    `vpcdiag eval: ${score.cases.length} case(s) from ${where}${filter ? ` matching "${filter}"` : ''}, now = ${EVAL_NOW.toISOString()}`,
  );
  if (score.cases.length === 0) {
    out.push('No case matches; nothing to score.');
    return `${out.join('\n')}\n`;
  }

  out.push('', 'Cases');
  const files = new Map(cases.map((c) => [c.id, c.file]));
  for (const r of score.cases) {
    out.push(`  ${r.pass ? 'PASS' : 'FAIL'}  ${r.class.padEnd(5)} ${r.id}`);
    if (!verbose) continue;
    if (r.error) out.push(`        error:     ${r.error}`);
    if (r.missing.length > 0) out.push(`        missing:   ${r.missing.join(', ')}`);
    if (r.forbiddenFound.length > 0) out.push(`        forbidden: ${r.forbiddenFound.join(', ')}`);
    out.push(`        found:     ${r.found.length > 0 ? r.found.join(', ') : '(no findings)'}`);
    out.push(`        file:      ${files.get(r.id)}`);
  }

  const table = (title: string, m: Partial<Record<FindingCode, Ratio>>) => {
    const rows = Object.entries(m).sort(([a], [b]) => a.localeCompare(b)) as [string, Ratio][];
    if (rows.length === 0) return;
    out.push('', title);
    const w = Math.max(...rows.map(([k]) => k.length));
    for (const [code, r] of rows)
      out.push(`  ${code.padEnd(w)}  ${`${r.hits}/${r.total}`.padStart(7)}  ${percent(r)}`);
  };
  table('Accuracy per expected code (cases where found / cases expecting it)', score.byExpectedCode);
  table('False positives per code (cases where raised / cases forbidding it)', score.falsePositives);

  out.push('', 'Accuracy per class (cases passing / cases)');
  for (const c of CASE_CLASSES) {
    const r = score.byClass[c];
    if (r.total > 0) out.push(`  ${c.padEnd(5)}  ${`${r.hits}/${r.total}`.padStart(7)}  ${percent(r)}`);
  }
  if (score.errors > 0)
    out.push('', `${score.errors} case(s) made the diagnosis throw (counted as FAIL; see --verbose).`);
  out.push(
    '',
    `Overall: ${score.overall.hits}/${score.overall.total} cases pass (${percent(score.overall).trim()})`,
  );
  return `${out.join('\n')}\n`;
}

process.exitCode = main(process.argv.slice(2));
