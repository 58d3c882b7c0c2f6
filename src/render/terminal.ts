import { formatCount } from '../core/report/format-count.js';
import type { Finding, Report } from '../core/report/schema.js';
import { countsLine, readSummary } from './read-summary.js';

export interface TerminalOptions {
  /** ANSI colours (only when writing to a terminal) */
  color?: boolean;
}

const ANSI = {
  red: '\x1b[31m',
  yellow: '\x1b[33m',
  cyan: '\x1b[36m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  reset: '\x1b[0m',
};

/**
 * The report as terminal text, laid out the way the chat bots show it: the verdict first, then the
 * thread, one finding after another, most important first.
 */
export function renderTerminal(report: Report, options: TerminalOptions = {}): string {
  const c = (code: keyof typeof ANSI, s: string) => (options.color ? `${ANSI[code]}${s}${ANSI.reset}` : s);
  const worst = report.counts.error ? 'red' : report.counts.warning ? 'yellow' : 'cyan';
  const out: string[] = [];
  out.push(c('bold', c(worst, `${icon(report)} ${report.verdict}`)));
  out.push(c('dim', `${countsLine(report)} — ${readSummary(report)}`));
  report.findings.forEach((f, i) => {
    out.push('');
    out.push(...renderFinding(f, i + 1, report.findings.length, c));
  });
  if (report.warnings.length > 0) {
    out.push('', c('yellow', 'Input warnings:'));
    for (const w of report.warnings) out.push(`  - ${w.message}`);
  }
  for (const n of report.notes) out.push('', c('dim', `Note: ${n}`));
  return `${out.join('\n')}\n`;
}

type Paint = (code: keyof typeof ANSI, s: string) => string;

function renderFinding(f: Finding, n: number, total: number, c: Paint): string[] {
  const sev =
    f.severity === 'error'
      ? c('red', 'ERROR')
      : f.severity === 'warning'
        ? c('yellow', 'WARNING')
        : c('cyan', 'INFO');
  const out = [
    `${c('bold', `${n}/${total}`)} ${sev} ${c('bold', f.code)} — ${f.title}`,
    indent(f.explanation),
  ];
  if (f.evidence.length > 0) {
    out.push(`  ${c('bold', 'Evidence')}${f.occurrences ? ` (${formatCount(f.occurrences)} in all)` : ''}:`);
    for (const e of f.evidence) {
      const where = e.lines.length
        ? `line ${e.lines.slice(0, 5).join(', ')}${e.lines.length > 5 ? '…' : ''}: `
        : '';
      out.push(`    ${c('dim', where)}${e.text}${e.note ? c('dim', `  ← ${e.note}`) : ''}`);
    }
    if (f.evidenceOmitted) out.push(c('dim', `    … and ${formatCount(f.evidenceOmitted)} more`));
  }
  for (const fix of f.fixes) {
    out.push(`  ${c('bold', 'Fix')}: ${fix.summary}`);
    for (const cmd of fix.commands) out.push(indent(cmd, 4));
    if (fix.terraform) out.push(`    ${c('dim', '# Terraform')}`, indent(fix.terraform, 4));
  }
  if (f.confirm) {
    out.push(
      `  ${c('bold', 'Confirm across all your logs')} (CloudWatch Logs Insights):`,
      indent(f.confirm.logsInsights, 4),
    );
    out.push(`  ${c('bold', 'or with Athena')}:`, indent(f.confirm.athena, 4));
  }
  if (f.questions?.length) {
    out.push(`  ${c('bold', 'To settle it, paste')}:`);
    for (const q of f.questions) out.push(`    - ${q}`);
  }
  return out;
}

function indent(s: string, n = 2): string {
  const pad = ' '.repeat(n);
  return s
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

function icon(report: Report): string {
  const top = report.findings[0]?.code;
  if (top === 'NEED_MORE_INFO' || top === 'INPUT_NOT_RECOGNIZED') return '?';
  if (report.counts.error) return '✖';
  if (report.counts.warning) return '!';
  return '✔';
}
