import { forEachLineIn } from '../../io/for-each-line-in.js';
import { inputChunks, inputSize, openInput } from '../../io/open-input.js';
import { readFileLines } from '../../io/read-file-lines.js';
import { Progress } from './progress.js';

/** Streams the lines of a file (or stdin, `-`), gunzipping when needed, with a progress bar on a TTY. */
export async function readInputLines(
  path: string,
  onLine: (text: string, start: number, end: number) => void,
): Promise<void> {
  const size = path === '-' ? undefined : inputSize(path);
  const progress = new Progress(size, Boolean(process.stderr.isTTY) && (size ?? 0) > 20_000_000);
  let bytes = 0;
  let lines = 0;
  let sinceCheck = 0;
  const counted = (text: string, start: number, end: number) => {
    lines++;
    if (++sinceCheck === 65536) {
      sinceCheck = 0;
      progress.update(bytes, lines);
    }
    onLine(text, start, end);
  };
  const onBytes = (n: number) => {
    bytes += n;
  };
  try {
    // a plain file is read synchronously; gzip and stdin are streamed
    if (path !== '-' && readFileLines(path, counted, onBytes)) return;
    const input = openInput(path);
    await forEachLineIn(inputChunks(input.stream, onBytes), counted);
  } finally {
    progress.done();
  }
}
