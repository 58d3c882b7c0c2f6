import type { Evidence, Finding } from '../../core/report/schema.js';
import { context, header, type SlackBlock, section } from './block-kit.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import { SEVERITY_ICON, SEVERITY_LABEL } from './severity-style.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { codeBlocks, splitMrkdwn } from './split-mrkdwn.js';

/** A finding laid out as blocks; `label` names it on continuation messages. */
export interface RenderedFinding {
  label: string;
  /** notification fallback for the message that starts with this finding (escaped) */
  text: string;
  blocks: SlackBlock[];
}

const MAX = SLACK_LIMITS.sectionText;

/**
 * One finding as Block Kit, nothing left out: header, title and explanation, the evidence with its
 * input line numbers in code blocks, each fix as copyable AWS CLI and Terraform, the queries that
 * confirm it, and what to paste next. Long parts are split over several sections, never cut.
 */
export function renderSlackFinding(f: Finding, n: number, total: number): RenderedFinding {
  const blocks: SlackBlock[] = [
    header(`${n}/${total} ${SEVERITY_ICON[f.severity]} ${SEVERITY_LABEL[f.severity]} · ${f.code}`),
  ];
  const sections = (mrkdwn: string) => {
    for (const piece of splitMrkdwn(mrkdwn, MAX)) blocks.push(section(piece));
  };
  const code = (raw: string, label: string) => {
    for (const piece of codeBlocks(raw, MAX, label)) blocks.push(section(piece));
  };

  sections(`*${escapeMrkdwn(f.title)}*`);
  sections(escapeMrkdwn(f.explanation));

  if (f.evidence.length > 0) {
    const all = f.occurrences ? ` (${f.occurrences.toLocaleString('en-US')} in all)` : '';
    code(f.evidence.map(evidenceLine).join('\n'), `*Evidence*${all}, by line of your input:`);
    if (f.evidenceOmitted) {
      blocks.push(context(`… and ${f.evidenceOmitted.toLocaleString('en-US')} more like these, not listed.`));
    }
  }

  f.fixes.forEach((fix, i) => {
    const which = f.fixes.length > 1 ? ` ${i + 1}` : '';
    sections(`:wrench: *Fix${which}:* ${escapeMrkdwn(fix.summary)}`);
    if (fix.commands.length > 0) code(fix.commands.join('\n'), 'AWS CLI:');
    if (fix.terraform) code(fix.terraform, 'Terraform:');
  });

  if (f.confirm) {
    code(f.confirm.logsInsights, ':mag: *Confirm across all your logs*, CloudWatch Logs Insights:');
    code(f.confirm.athena, 'or Athena:');
  }

  if (f.questions?.length) {
    sections(`*To settle it, paste:*\n${f.questions.map((q) => `• ${escapeMrkdwn(q)}`).join('\n')}`);
  }

  const label = `${n}/${total} ${f.code}`;
  return { label, text: notification(`${SEVERITY_LABEL[f.severity]} ${f.code}: ${f.title}`), blocks };
}

/** `L12,14-16: <record>   ← note`, continuation lines indented under the text. */
export function evidenceLine(e: Evidence): string {
  const where = e.lines.length > 0 ? `L${lineRanges(e.lines)}: ` : '';
  const text = e.text.replace(/\n/g, `\n${' '.repeat(where.length)}`);
  return `${where}${text}${e.note ? `   ← ${e.note}` : ''}`;
}

/** 3,4,5,9 → "3-5,9"; long lists end with "…(+N)" so the prefix stays short. */
export function lineRanges(lines: readonly number[], maxParts = 6): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  if (parts.length <= maxParts) return parts.join(',');
  const shown = parts.slice(0, maxParts).join(',');
  return `${shown}…(+${parts.length - maxParts} more)`;
}

/** A short, escaped one-liner for the `text` fallback. */
export function notification(raw: string): string {
  const oneLine = raw.replace(/\s+/g, ' ').trim();
  const max = SLACK_LIMITS.notificationText;
  const cut = oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
  return escapeMrkdwn(cut);
}
