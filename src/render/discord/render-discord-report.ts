import type { Evidence, Finding, Report } from '../../core/report/schema.js';
import { countsLine, readSummary } from '../read-summary.js';
import { DISCORD_LIMITS, type DiscordEmbed, type DiscordMessage } from './discord-limits.js';
import { escapeMarkdown, escapeProse } from './escape-discord.js';
import { maskAccountIds } from './mask-account-ids.js';
import { type Block, packBlocks } from './pack-blocks.js';
import { SEVERITY_STYLE, verdictStyle } from './severity-style.js';

export interface DiscordReportOptions {
  /** mask 12-digit AWS account IDs everywhere (for public channels) */
  maskAccountIds?: boolean;
  /** what was read, in plain words ("the pasted text (3 lines) and vpc.log.gz (1,200 lines)") */
  source?: string;
  /** where the details are posted, for the pointer under the verdict */
  detailsWhere?: 'thread' | 'below';
}

/** A report laid out for Discord: the verdict reply, then the thread, every part within Discord's limits. */
export interface DiscordReport {
  /** the reply: one embed coloured by the worst severity, with counts, what was read and the findings' titles */
  verdict: DiscordMessage;
  /** a name for the thread on the reply */
  threadName: string;
  /** the thread's messages in order: each finding (most important first), then input warnings and notes */
  thread: string[];
}

const FINDING_LINE_MAX = 200;
const EVIDENCE_LINES_SHOWN = 6;

/** Renders a report for Discord. Pure: the adapter posts what this returns. */
export function renderDiscordReport(report: Report, options: DiscordReportOptions = {}): DiscordReport {
  const t = options.maskAccountIds ? maskAccountIds : (s: string) => s;
  return {
    verdict: { embeds: [verdictEmbed(report, t, options)] },
    threadName: threadName(t(report.verdict)),
    thread: threadMessages(report, t),
  };
}

type Text = (s: string) => string;

function verdictEmbed(report: Report, t: Text, options: DiscordReportOptions): DiscordEmbed {
  const style = verdictStyle(report);
  const verdict = escapeProse(t(report.verdict));
  const fullTitle = `${style.icon} ${verdict}`;
  const titleFits = fullTitle.length <= DISCORD_LIMITS.embedTitle;
  const head: string[] = [];
  if (!titleFits) head.push(`**${shorten(verdict, 1000)}**`);
  head.push(`**${countsLine(report)}** · ${escapeMarkdown(t(readSummary(report)))}`);
  if (options.source) head.push(`-# from ${shorten(escapeMarkdown(t(options.source)), 400)}`);

  const where = options.detailsWhere === 'below' ? 'below' : 'in the thread';
  const tail =
    report.findings.length > 0
      ? `Explanations, evidence, fixes and confirm queries are ${where}.`
      : report.warnings.length + report.notes.length > 0
        ? `Input warnings are ${where}.`
        : '';
  const budget = DISCORD_LIMITS.embedDescription - head.join('\n').length - tail.length - 8;
  const lines = findingLines(report.findings, t, budget, where);
  const description = [...head, ...(lines.length ? ['', ...lines] : []), ...(tail ? ['', tail] : [])].join(
    '\n',
  );
  return {
    title: titleFits ? fullTitle : `${style.icon} ${shorten(verdict, DISCORD_LIMITS.embedTitle - 3)}`,
    description,
    color: style.color,
    footer: {
      text: options.maskAccountIds
        ? 'vpcdiag · AWS account IDs are masked (xxxxxxxx1234) in this channel'
        : 'vpcdiag',
    },
  };
}

/** One line per finding, as many as fit, then how many more there are. */
function findingLines(findings: readonly Finding[], t: Text, budget: number, where: string): string[] {
  const out: string[] = [];
  let used = 0;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const line = shorten(
      `${SEVERITY_STYLE[f.severity].icon} \`${f.code}\` ${escapeProse(t(f.title))}`,
      FINDING_LINE_MAX,
    );
    const rest = findings.length - i - 1;
    const moreLine = rest > 0 ? 60 : 0;
    if (used + line.length + 1 + moreLine > budget) {
      out.push(`…and ${findings.length - i} more ${where}.`);
      break;
    }
    out.push(line);
    used += line.length + 1;
  }
  return out;
}

function threadMessages(report: Report, t: Text): string[] {
  const out: string[] = [];
  const n = report.findings.length;
  report.findings.forEach((f, i) => {
    out.push(...packBlocks(findingGroups(f, i + 1, n, t), DISCORD_LIMITS.content));
  });
  const tail: Block[][] = [];
  if (report.warnings.length > 0) {
    tail.push([
      { kind: 'text', text: '**Input that could not be read**' },
      ...report.warnings.map(
        (w): Block => ({
          kind: 'text',
          text: `- ${escapeMarkdown(t(w.message))}`,
        }),
      ),
    ]);
  }
  for (const note of report.notes) tail.push([{ kind: 'text', text: `-# ${escapeMarkdown(t(note))}` }]);
  if (tail.length > 0) out.push(...packBlocks(tail, DISCORD_LIMITS.content));
  return out;
}

function findingGroups(f: Finding, i: number, n: number, t: Text): Block[][] {
  const style = SEVERITY_STYLE[f.severity];
  const groups: Block[][] = [
    [
      {
        kind: 'text',
        text: `${style.icon} **${i}/${n} · ${style.label}** · \`${f.code}\`\n**${escapeProse(t(f.title))}**`,
      },
      { kind: 'text', text: escapeProse(t(f.explanation)) },
    ],
  ];
  if (f.evidence.length > 0) {
    const count = f.occurrences ? ` (${f.occurrences.toLocaleString('en-US')} in all)` : '';
    const group: Block[] = [
      { kind: 'text', text: `**Evidence**${count}` },
      { kind: 'code', body: f.evidence.map((e) => t(evidenceLine(e))).join('\n') },
    ];
    if (f.evidenceOmitted) {
      group.push({ kind: 'text', text: `-# …and ${f.evidenceOmitted.toLocaleString('en-US')} more` });
    }
    groups.push(group);
  }
  for (const fix of f.fixes) {
    const group: Block[] = [{ kind: 'text', text: `**Fix:** ${escapeProse(t(fix.summary))}` }];
    if (fix.commands.length > 0) group.push({ kind: 'code', lang: 'sh', body: t(fix.commands.join('\n')) });
    if (fix.terraform) {
      group.push(
        { kind: 'text', text: '-# Terraform' },
        { kind: 'code', lang: 'hcl', body: t(fix.terraform) },
      );
    }
    groups.push(group);
  }
  if (f.confirm) {
    groups.push([
      { kind: 'text', text: '**Confirm across all your logs** · CloudWatch Logs Insights' },
      { kind: 'code', body: t(f.confirm.logsInsights) },
      { kind: 'text', text: '-# or Athena' },
      { kind: 'code', lang: 'sql', body: t(f.confirm.athena) },
    ]);
  }
  if (f.questions?.length) {
    groups.push([
      { kind: 'text', text: '**To settle it, paste:**' },
      ...f.questions.map((q): Block => ({ kind: 'text', text: `- ${escapeProse(t(q))}` })),
    ]);
  }
  return groups;
}

function evidenceLine(e: Evidence): string {
  const lines =
    e.lines.length === 0
      ? ''
      : `L${e.lines.slice(0, EVIDENCE_LINES_SHOWN).join(',')}${e.lines.length > EVIDENCE_LINES_SHOWN ? '…' : ''}: `;
  return `${lines}${e.text}${e.note ? `   ← ${e.note}` : ''}`;
}

function threadName(verdict: string): string {
  const plain = verdict.replace(/`/g, '').replace(/\s+/g, ' ').trim() || 'Diagnosis';
  return shorten(plain, DISCORD_LIMITS.threadName);
}

/** Cuts at a word boundary and marks the cut with "…" (the full text is always shown elsewhere). */
export function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.6) cut = cut.slice(0, space);
  // never end on an escaping backslash or half a surrogate pair
  cut = cut.replace(/\\+$/, (m) => (m.length % 2 ? m.slice(1) : m)).replace(/[\uD800-\uDBFF]$/, '');
  return `${cut}…`;
}
