import type { Finding, Report } from '../core/report/schema.js';
import { countsLine, readSummary } from './read-summary.js';

/** The report as GitHub-flavoured Markdown (CI comments, issues, docs). */
export function renderMarkdown(report: Report): string {
  const out: string[] = [
    `### ${severityIcon(report)} ${escapeInline(report.verdict)}`,
    '',
    `_${countsLine(report)} — ${readSummary(report)}_`,
  ];
  for (const f of report.findings) out.push('', ...renderFinding(f));
  if (report.warnings.length > 0) {
    out.push('', '<details><summary>Input warnings</summary>', '');
    for (const w of report.warnings) out.push(`- ${escapeInline(w.message)}`);
    out.push('', '</details>');
  }
  for (const n of report.notes) out.push('', `> ${escapeInline(n)}`);
  return `${out.join('\n')}\n`;
}

function renderFinding(f: Finding): string[] {
  const out = [
    `#### ${f.severity.toUpperCase()} \`${f.code}\` — ${escapeInline(f.title)}`,
    '',
    escapeInline(f.explanation),
  ];
  if (f.evidence.length > 0) {
    out.push(
      '',
      `Evidence${f.occurrences ? ` (${f.occurrences} in all)` : ''}:`,
      '',
      fence(
        f.evidence
          .map(
            (e) =>
              `${e.lines.length ? `L${e.lines.join(',')}: ` : ''}${e.text}${e.note ? `   # ${e.note}` : ''}`,
          )
          .join('\n'),
      ),
    );
    if (f.evidenceOmitted) out.push(`_… and ${f.evidenceOmitted} more_`);
  }
  for (const fix of f.fixes) {
    out.push('', `**Fix:** ${escapeInline(fix.summary)}`);
    if (fix.commands.length) out.push('', fence(fix.commands.join('\n'), 'sh'));
    if (fix.terraform) out.push('', fence(fix.terraform, 'hcl'));
  }
  if (f.confirm) {
    out.push(
      '',
      '**Confirm** (CloudWatch Logs Insights):',
      '',
      fence(f.confirm.logsInsights),
      '',
      'Athena:',
      '',
      fence(f.confirm.athena, 'sql'),
    );
  }
  if (f.questions?.length) {
    out.push('', '**To settle it, paste:**');
    for (const q of f.questions) out.push(`- ${escapeInline(q)}`);
  }
  return out;
}

/** A fenced block that user text cannot break out of. */
export function fence(body: string, lang = ''): string {
  let ticks = '```';
  while (body.includes(ticks)) ticks += '`';
  return `${ticks}${lang}\n${body}\n${ticks}`;
}

function escapeInline(s: string): string {
  return s.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function severityIcon(report: Report): string {
  const top = report.findings[0]?.code;
  if (top === 'NEED_MORE_INFO' || top === 'INPUT_NOT_RECOGNIZED') return '❓';
  return report.counts.error ? '❌' : report.counts.warning ? '⚠️' : '✅';
}
