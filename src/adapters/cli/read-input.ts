import { forEachLineIn } from '../../io/for-each-line-in.js';
import { inputChunks, openInput } from '../../io/open-input.js';
import { Progress } from './progress.js';

/** Streams the lines of a file (or stdin, `-`), gunzipping when needed, with a progress bar on a TTY. */
export async function readInputLines(
  path: string,
  onLine: (text: string, start: number, end: number) => void,
): Promise<void> {
  const input = openInput(path);
  const progress = new Progress(input.size, Boolean(process.stderr.isTTY) && (input.size ?? 0) > 20_000_000);
  let bytes = 0;
  let lines = 0;
  let sinceCheck = 0;
  try {
    await forEachLineIn(
      inputChunks(input.stream, (n) => {
        bytes += n;
      }),
      (text, start, end) => {
        lines++;
        if (++sinceCheck === 65536) {
          sinceCheck = 0;
          progress.update(bytes, lines);
        }
        onLine(text, start, end);
      },
    );
  } finally {
    progress.done();
  }
}
