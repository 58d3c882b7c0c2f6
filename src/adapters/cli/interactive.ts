import { existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Diagnosis, diagnoseText } from '../../core/diagnose.js';
import type { Report } from '../../core/report/schema.js';
import { renderTerminal } from '../../render/terminal.js';
import { readInputLines } from './read-input.js';

const BANNER = `vpcdiag — paste flow-log lines, aws ec2 describe-* output or a description of the path
(or type a file path), then an empty line to diagnose. Ctrl-D to quit.
No chat tokens are set, so this is the local session; see the README to run the Slack or Discord bot.
`;

/**
 * `npm start` without chat tokens: a local session that answers the way the bots do. Lines are
 * gathered until an empty line, then diagnosed; a line naming an existing file diagnoses that file.
 */
export async function interactive(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const color = Boolean((output as NodeJS.WriteStream).isTTY) && !process.env.NO_COLOR;
  const tty = Boolean((input as NodeJS.ReadStream).isTTY);
  if (tty) output.write(BANNER);
  const rl = createInterface({ input, terminal: false });
  let pending: string[] = [];
  const print = (report: Report) => output.write(`\n${renderTerminal(report, { color })}\n`);
  const flush = () => {
    if (pending.some((l) => l.trim() !== '')) print(diagnoseText(pending.join('\n'), { now: new Date() }));
    pending = [];
  };
  for await (const line of rl) {
    const trimmed = line.trim();
    if (trimmed === '') {
      flush();
      if (tty) output.write('> paste the next input (empty line to diagnose)\n');
      continue;
    }
    if (pending.length === 0 && isFile(trimmed)) {
      const d = new Diagnosis({ now: new Date() });
      try {
        await readInputLines(trimmed, (t, s, e) => d.lineIn(t, s, e));
        print(d.finish());
      } catch (err) {
        output.write(`vpcdiag: ${(err as Error).message}\n`);
      }
      continue;
    }
    pending.push(line);
  }
  flush();
}

function isFile(s: string): boolean {
  if (s.length > 1024 || /\s/.test(s)) return false;
  try {
    return existsSync(s) && statSync(s).isFile();
  } catch {
    return false;
  }
}
