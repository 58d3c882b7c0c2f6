import type { Report, Severity } from '../../core/report/schema.js';

/** Embed colours (Discord's own palette) and markers per severity. */
export const SEVERITY_STYLE: Record<Severity, { color: number; icon: string; label: string }> = {
  error: { color: 0xed4245, icon: '🔴', label: 'Error' },
  warning: { color: 0xf0b232, icon: '🟠', label: 'Warning' },
  info: { color: 0x5865f2, icon: '🔵', label: 'Info' },
};

const OK_COLOR = 0x57f287;
const QUESTION_COLOR = 0x99aab5;

/** The verdict's colour and icon: the worst severity; green when nothing is wrong; grey for a question. */
export function verdictStyle(report: Report): { color: number; icon: string } {
  const top = report.findings[0]?.code;
  if (top === 'NEED_MORE_INFO' || top === 'INPUT_NOT_RECOGNIZED')
    return { color: QUESTION_COLOR, icon: '❓' };
  if (report.counts.error > 0) return { color: SEVERITY_STYLE.error.color, icon: '❌' };
  if (report.counts.warning > 0) return { color: SEVERITY_STYLE.warning.color, icon: '⚠️' };
  return { color: OK_COLOR, icon: '✅' };
}
