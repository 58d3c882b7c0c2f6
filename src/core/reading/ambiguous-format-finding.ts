import type { ReaderWarning } from '../flowlog/types.js';
import type { Finding } from '../report/schema.js';

/**
 * Headerless records whose field order cannot be told from their values: ask for the format rather
 * than guess which address is the source (guessing can turn "the SG drops the request" into "the NACL
 * drops the reply").
 */
export function ambiguousFormatFinding(
  warnings: readonly ReaderWarning[],
  lineText: (line: number) => string | undefined,
): Finding | undefined {
  const amb = warnings.filter((w) => w.code === 'format-ambiguous');
  if (amb.length === 0) return undefined;
  const lines = amb.flatMap((w) => w.lines ?? []);
  const shown = lines.slice(0, 3);
  return {
    code: 'NEED_MORE_INFO',
    severity: 'info',
    title: `Cannot tell the field order of ${lines.length} flow-log line${lines.length === 1 ? '' : 's'} without their format`,
    explanation: `${amb.map((w) => w.message.replace(/\. Paste .*$/, '')).join('. ')}. Reading them in a guessed order could blame the wrong control, so vpcdiag has not read them. With the format, the same lines can be diagnosed.`,
    evidence: shown.map((line) => ({ kind: 'record' as const, lines: [line], text: lineText(line) ?? '' })),
    evidenceOmitted: Math.max(0, lines.length - shown.length),
    fixes: [],
    questions: [
      "Paste the flow log's format: aws ec2 describe-flow-logs --query 'FlowLogs[].[FlowLogId,LogFormat]' --output text",
      'or paste the first line of the S3 file (its header names the fields), or add a line `format: <field names>` above the records.',
    ],
  };
}
