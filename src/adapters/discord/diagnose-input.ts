import { Diagnosis } from '../../core/diagnose.js';
import type { Report } from '../../core/report/schema.js';
import type { DiscordAttachment } from './interaction.js';
import {
  AttachmentError,
  type AttachmentLimits,
  attachmentProblem,
  readAttachmentLines,
} from './read-attachment.js';

export interface DiscordInput {
  /** typed or pasted text, and what to call it ("the pasted text", "the message") */
  text?: string;
  textLabel: string;
  attachments: readonly DiscordAttachment[];
}

export interface DiagnosedInput {
  report: Report;
  /** what was read, with the line numbers each part got ("the pasted text (lines 1-3) and vpc.log.gz (lines 4-90, gzip)") */
  source: string;
}

/**
 * Diagnoses the text and the attachments together, in that order, as one input (line numbers run on
 * from one part to the next). A file that cannot be read is skipped and named in `source`; when
 * nothing at all could be read, the AttachmentError says why.
 */
export async function diagnoseInput(
  input: DiscordInput,
  options: { limits: AttachmentLimits; now: Date },
): Promise<DiagnosedInput> {
  const diagnosis = new Diagnosis({ now: options.now });
  const parts: string[] = [];
  const skipped: string[] = [];
  let line = 0;
  const range = (from: number) =>
    line === from + 1 ? `line ${fmt(line)}` : line > from ? `lines ${fmt(from + 1)}–${fmt(line)}` : 'empty';

  // trailing line breaks would count as lines of their own (and shift the files' line numbers)
  const text = input.text?.trim() ? input.text.replace(/(\r\n|\n|\r)+$/, '') : undefined;
  if (text) {
    diagnosis.text(text);
    line += text.split(/\r\n|\n|\r/).length;
    parts.push(`${input.textLabel} (${range(0)})`);
  }
  let files = 0;
  for (const a of input.attachments) {
    const problem = attachmentProblem(a, options.limits);
    if (problem) {
      skipped.push(problem);
      continue;
    }
    if (files >= options.limits.maxFiles) {
      skipped.push(`${a.filename}: I read up to ${options.limits.maxFiles} files from one message`);
      continue;
    }
    files++;
    const from = line;
    try {
      const read = await readAttachmentLines(
        a,
        (text, start, end) => {
          line++;
          diagnosis.lineIn(text, start, end);
        },
        options.limits,
      );
      parts.push(`${a.filename} (${range(from)}${read.gzip ? ', gzip' : ''})`);
    } catch (err) {
      if (!(err instanceof AttachmentError)) throw err;
      // lines already fed stay in the diagnosis: say how far it got
      skipped.push(line > from ? `${err.message} (read ${range(from)} before that)` : err.message);
    }
  }
  if (parts.length === 0) {
    throw new AttachmentError(skipped.length > 0 ? skipped.join('; ') : 'there was nothing to read');
  }
  const source = `${joinAnd(parts)}${skipped.length > 0 ? `; skipped: ${skipped.join('; ')}` : ''}`;
  return { report: diagnosis.finish(), source };
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function joinAnd(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
