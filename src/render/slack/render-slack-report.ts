import type { Finding, Report } from '../../core/report/schema.js';
import { countsLine, readSummary } from '../read-summary.js';
import { context, header, type SlackBlock, type SlackMessage, section } from './block-kit.js';
import { escapeMrkdwn, escapeToFit } from './escape-mrkdwn.js';
import { packSlackMessages, type SlackUnit } from './pack-slack-messages.js';
import { notification, renderSlackFinding } from './render-slack-finding.js';
import { SEVERITY_ICON, verdictIcon } from './severity-style.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { splitMrkdwn } from './split-mrkdwn.js';

export interface SlackReportOptions {
  /** where the input came from, as plain text: "a paste of 42 lines", "vpc.log.gz (attached)" */
  source?: string;
  /** thread replies at most; findings that do not fit are listed by code and title in the last one */
  maxThreadMessages?: number;
}

/** The verdict, for the channel, and the findings, for its thread, one reply per finding. */
export interface SlackReportMessages {
  verdict: SlackMessage;
  thread: SlackMessage[];
}

const DEFAULT_MAX_THREAD_MESSAGES = 20;
const TOP_FINDINGS_IN_VERDICT = 5;
const MAX_LISTED = 60;
const MAX_WARNINGS = 15;
const MAX_NOTES = 8;

/**
 * A report as Slack messages: a verdict message (the most important finding, counts by severity,
 * what was read) and thread replies holding every finding, most important first. Every message
 * stays within Block Kit's limits; anything left out is said so, never dropped silently.
 */
export function renderSlackReport(report: Report, options: SlackReportOptions = {}): SlackReportMessages {
  const verdict: SlackMessage = {
    text: notification(report.verdict),
    blocks: [
      ...verdictBlocks(report, options.source),
      ...(report.findings.length > 0
        ? [
            context(
              ':thread: Why, the evidence, fixes (AWS CLI and Terraform) and queries that confirm it are in the thread.',
            ),
          ]
        : []),
    ],
  };
  const thread = limitedMessages(
    [],
    findingUnits(report, true),
    report,
    options.maxThreadMessages ?? DEFAULT_MAX_THREAD_MESSAGES,
    'to keep the thread readable. Run the vpcdiag CLI on the same input for every detail.',
  );
  return { verdict, thread };
}

export interface SlackEphemeralOptions {
  /** mrkdwn put first: why the report is private and what to do about it */
  notice: string;
  source?: string;
  /** messages at most (a response_url takes 5) */
  maxMessages?: number;
}

/**
 * The whole report as private (ephemeral) messages, for where the app cannot post: the notice, the
 * verdict and the findings packed densely into at most `maxMessages` messages.
 */
export function renderSlackEphemeral(report: Report, options: SlackEphemeralOptions): SlackMessage[] {
  const head: SlackUnit = {
    label: 'vpcdiag',
    text: notification(report.verdict),
    blocks: [
      ...splitMrkdwn(options.notice, SLACK_LIMITS.sectionText).map(section),
      ...verdictBlocks(report, options.source),
    ],
    newMessage: true,
  };
  return limitedMessages(
    [head],
    findingUnits(report, false),
    report,
    options.maxMessages ?? SLACK_LIMITS.responseUrlUses,
    'because a private reply holds only a few messages. Invite the app to the channel to get the whole report as a thread, or run the vpcdiag CLI on the same input.',
  );
}

function verdictBlocks(report: Report, source: string | undefined): SlackBlock[] {
  const top = escapeToFit(`${verdictIcon(report)} ${report.verdict}`, SLACK_LIMITS.headerText);
  const blocks: SlackBlock[] = [header(top.text)];
  if (top.shortened) {
    for (const piece of splitMrkdwn(`*${escapeMrkdwn(report.verdict)}*`, SLACK_LIMITS.sectionText)) {
      blocks.push(section(piece));
    }
  }
  const read = `${countsLine(report)} — ${readSummary(report)}${source ? ` Input: ${source}.` : ''}`;
  for (const piece of splitMrkdwn(escapeMrkdwn(read), SLACK_LIMITS.sectionText)) blocks.push(context(piece));
  if (report.findings.length > 1) {
    const lines = report.findings.slice(0, TOP_FINDINGS_IN_VERDICT).map((f) => findingLine(f));
    const more = report.findings.length - lines.length;
    if (more > 0) lines.push(`_… and ${more} more_`);
    for (const piece of splitMrkdwn(
      `*Findings*, most important first:\n${lines.join('\n')}`,
      SLACK_LIMITS.sectionText,
    )) {
      blocks.push(section(piece));
    }
  }
  return blocks;
}

function findingLine(f: Finding, titleChars = 200): string {
  return `${SEVERITY_ICON[f.severity]} \`${f.code}\` ${escapeMrkdwn(shorten(f.title, titleChars))}`;
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function findingUnits(report: Report, onePerMessage: boolean): SlackUnit[] {
  const total = report.findings.length;
  return report.findings.map((f, i) => ({
    ...renderSlackFinding(f, i + 1, total),
    newMessage: onePerMessage,
  }));
}

/**
 * Packs head + findings + input warnings into at most `max` messages, keeping as many findings in
 * full as fit (the most important ones) and listing the others by code and title, saying why.
 */
function limitedMessages(
  head: SlackUnit[],
  findings: SlackUnit[],
  report: Report,
  max: number,
  why: string,
): SlackMessage[] {
  const tail = warningsUnit(report);
  const build = (k: number) => {
    const rest = report.findings.slice(k);
    return packSlackMessages([
      ...head,
      ...findings.slice(0, k),
      ...(rest.length > 0 ? [overflowUnit(rest, k + 1, report.findings.length, why)] : []),
      ...(tail ? [tail] : []),
    ]);
  };
  const all = build(findings.length);
  if (all.length <= max) return all;
  // The message count only grows with the number of findings shown in full: binary search the most.
  let lo = 0;
  let hi = findings.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (build(mid).length <= max) lo = mid;
    else hi = mid - 1;
  }
  return build(lo).slice(0, Math.max(1, max));
}

function overflowUnit(rest: Finding[], first: number, total: number, why: string): SlackUnit {
  const lines = rest.slice(0, MAX_LISTED).map((f, i) => `${first + i}/${total} ${findingLine(f, 120)}`);
  if (rest.length > MAX_LISTED) lines.push(`_… and ${rest.length - MAX_LISTED} more_`);
  const head = `:scissors: *${rest.length} more finding${rest.length === 1 ? '' : 's'} not shown in full* ${escapeMrkdwn(why)}`;
  return {
    label: 'more findings',
    text: notification(`${rest.length} more findings, listed by code`),
    blocks: splitMrkdwn(`${head}\n${lines.join('\n')}`, SLACK_LIMITS.sectionText).map(section),
    newMessage: true,
  };
}

function warningsUnit(report: Report): SlackUnit | undefined {
  const blocks: SlackBlock[] = [];
  const w = report.warnings;
  if (w.length > 0) {
    const lines = w.slice(0, MAX_WARNINGS).map((x) => `• ${escapeMrkdwn(shorten(x.message, 300))}`);
    if (w.length > MAX_WARNINGS) lines.push(`_… and ${w.length - MAX_WARNINGS} more warnings, not listed_`);
    const text = `:warning: *Input that could not be read*\n${lines.join('\n')}`;
    for (const piece of splitMrkdwn(text, SLACK_LIMITS.sectionText)) blocks.push(section(piece));
  }
  const notes = report.notes.slice(0, MAX_NOTES).map((n) => `:memo: ${escapeMrkdwn(shorten(n, 600))}`);
  if (report.notes.length > MAX_NOTES)
    notes.push(`_… and ${report.notes.length - MAX_NOTES} more notes, not listed_`);
  for (const note of notes) blocks.push(context(note));
  if (blocks.length === 0) return undefined;
  return { label: 'input warnings', text: 'Input warnings and notes', blocks, newMessage: true };
}
