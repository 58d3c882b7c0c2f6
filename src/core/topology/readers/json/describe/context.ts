import type { ModelBuilder } from '../../../model/builder.js';
import type { Source } from '../../../model/types.js';
import type { AwsCommand } from '../aws-command.js';
import type { JNode } from '../loose-json.js';

/** What a describe-* mapper needs besides the JSON object. */
export interface DescribeContext {
  b: ModelBuilder;
  /** the `aws …` command printed above the output, if any */
  cmd?: AwsCommand;
  /** the Region the command ran in, when the input says */
  region?: string;
  /** the input line's text, for evidence */
  lineText(line: number): string;
}

/** Evidence for a whole (small) JSON object: all its lines, with a one-line summary. */
export function objSrc(o: JNode, summary: string): Source {
  const lines: number[] = [];
  for (let l = o.line; l <= Math.max(o.line, o.endLine) && lines.length < 40; l++) lines.push(l);
  return { kind: 'config', lines, text: summary };
}

/** Evidence for one line of a JSON object (the line holding its ID). */
export function lineSrc(
  ctx: DescribeContext,
  line: number | undefined,
  fallback: number,
  summary?: string,
): Source {
  const l = line ?? fallback;
  return { kind: 'config', lines: [l], text: summary ?? ctx.lineText(l).trim() };
}
