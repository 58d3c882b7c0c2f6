import { Diagnosis } from '../../core/diagnose.js';
import type { Severity } from '../../core/report/schema.js';
import { renderMarkdown } from '../../render/markdown.js';
import { renderTerminal } from '../../render/terminal.js';
import { Output } from './output.js';
import { readInputLines } from './read-input.js';

export interface DiagnoseCommandOptions {
  json?: boolean;
  markdown?: boolean;
  format?: string;
  color?: boolean;
  failOn?: Severity | 'never';
}

/** `vpcdiag diagnose FILE|-`: the report; exit code 1 when a finding is at or above `--fail-on`. */
export async function diagnoseCommand(path: string, options: DiagnoseCommandOptions): Promise<number> {
  const diagnosis = new Diagnosis({ format: options.format, now: new Date() });
  await readInputLines(path, (t, s, e) => diagnosis.lineIn(t, s, e));
  const report = diagnosis.finish();
  const out = new Output();
  if (options.json) out.line(JSON.stringify(report, null, 2));
  else if (options.markdown) out.line(renderMarkdown(report).trimEnd());
  else out.line(renderTerminal(report, { color: options.color ?? false }).trimEnd());
  await out.flush();
  const failOn = options.failOn ?? 'error';
  if (failOn === 'never') return 0;
  const failing =
    failOn === 'info'
      ? ['error', 'warning', 'info']
      : failOn === 'warning'
        ? ['error', 'warning']
        : ['error'];
  return report.findings.some((f) => failing.includes(f.severity)) ? 1 : 0;
}
