import type { TextLine } from '../../../analysis-context.js';
import { type AwsCommand, parseAwsCommand } from './aws-command.js';
import { readCliTable } from './cli-table.js';
import { type JNode, readLooseJson } from './loose-json.js';

/** A JSON value found in the text, with the command that printed it when the user pasted that too. */
export interface JsonBlock {
  value: JNode;
  /** indexes into the text lines: [start, next) */
  start: number;
  next: number;
  truncated: boolean;
  cmd?: AwsCommand;
  /** the few prose lines above the block, lower-case, for hints ("bucket policy:", "endpoint policy") */
  lead: string;
}

export interface Segmented {
  blocks: JsonBlock[];
  commands: AwsCommand[];
  /** indexes of lines that are JSON or `aws` commands */
  used: Set<number>;
}

const OPENS = /^\s*(?:[{]|\[\s*(?:[{["\]]|$))/;
const BARE_KEY = /^\s*"[A-Z][A-Za-z0-9]+"\s*:\s*[[{"\dtf-]/;

/** Finds every JSON value and `aws …` command line in the text. */
export function findJsonBlocks(lines: readonly TextLine[]): Segmented {
  const blocks: JsonBlock[] = [];
  const commands: AwsCommand[] = [];
  const used = new Set<number>();
  let cmd: AwsCommand | undefined;
  let cmdIndex = -10;
  let i = 0;
  while (i < lines.length) {
    const text = lines[i]!.text.replace(/`/g, '');
    const c = parseAwsCommand(text, lines[i]!.line);
    // a command line, not a sentence that starts with "aws s3 cp … hangs"
    const isCommand =
      c &&
      (/^\s*(?:[$#>%]|\[[^\]]*\][$#]|\S*[$#]\s)/.test(text) ||
        /^(describe|get|search|list)-/.test(c.operation)) &&
      !/\b(?:hangs?|times?\s+out|timed\s+out|fails?|failing|works?|returns?|gives?|says?)\b/i.test(
        text.replace(/--\S+(\s+\S+)?/g, ''),
      );
    if (c && isCommand) {
      // a command split over lines with trailing backslashes
      let j = i;
      let full = text;
      while (/\\\s*$/.test(lines[j]!.text) && j + 1 < lines.length) {
        j++;
        full = `${full.replace(/\\\s*$/, ' ')}${lines[j]!.text}`;
        used.add(j);
      }
      cmd = parseAwsCommand(full, lines[i]!.line) ?? c;
      commands.push(cmd);
      cmdIndex = j;
      used.add(i);
      i = j + 1;
      continue;
    }
    // `--output table`: the same objects drawn as boxes
    if (/^\s*(?:-{10,}|\|\s+[A-Z][A-Za-z0-9]+\s+\|)\s*$/.test(text)) {
      const t = readCliTable(lines, i);
      if (t) {
        const lead = lines
          .slice(Math.max(0, i - 3), i)
          .map((l) => l.text.toLowerCase())
          .join(' ');
        blocks.push({
          value: t.value,
          start: i,
          next: t.next,
          truncated: false,
          ...(cmd && i - cmdIndex <= 3 ? { cmd } : {}),
          lead,
        });
        for (let k = i; k < t.next; k++) used.add(k);
        i = t.next;
        continue;
      }
    }
    const bare = BARE_KEY.test(text);
    if (OPENS.test(text) || bare) {
      const col = text.length - text.trimStart().length;
      const r = readLooseJson(lines, i, bare ? 0 : col, bare);
      if (r && (r.value.t === 'obj' || r.value.t === 'arr') && r.next > i) {
        const lead = lines
          .slice(Math.max(0, i - 3), i)
          .map((l) => l.text.toLowerCase())
          .join(' ');
        blocks.push({
          value: r.value,
          start: i,
          next: r.next,
          truncated: r.truncated,
          ...(cmd && i - cmdIndex <= 3 ? { cmd } : {}),
          lead,
        });
        for (let k = i; k < r.next; k++) used.add(k);
        i = r.next;
        continue;
      }
    }
    i++;
  }
  return { blocks, commands, used };
}
