import type { Report, Severity } from '../../core/report/schema.js';

/** Emoji shortcodes: they render in mrkdwn and in plain_text with `emoji: true`. */
export const SEVERITY_ICON: Record<Severity, string> = {
  error: ':x:',
  warning: ':warning:',
  info: ':information_source:',
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};

/** The verdict's icon: a question when vpcdiag needs more, else the worst severity, else a tick. */
export function verdictIcon(report: Report): string {
  const top = report.findings[0]?.code;
  if (top === 'NEED_MORE_INFO' || top === 'INPUT_NOT_RECOGNIZED') return ':question:';
  if (report.counts.error) return SEVERITY_ICON.error;
  if (report.counts.warning) return SEVERITY_ICON.warning;
  return ':white_check_mark:';
}
