import { workerData } from 'node:worker_threads';
import { FlowLogReader } from '../../core/flowlog/reader.js';
import { readFileLines } from '../../io/read-file-lines.js';
import { ViewRingWriter } from '../../io/view-ring.js';

/**
 * The reading thread of a parallel diagnosis (see parallel-lines.ts): reads the file's lines as the
 * main thread's reader will, with the same options, and hands over the fast lane's reading of each
 * line through the ring; the main thread correlates and judges.
 */
const { path, format, ring } = workerData as { path: string; format?: string; ring: SharedArrayBuffer };
const writer = new ViewRingWriter(ring);
const reader = new FlowLogReader({
  format,
  onItem: () => {},
  onRecord: () => {},
  readView: (v, text, start, end, fmt, line) => {
    const ok = fmt.view!(v, text, start, end);
    writer.write(ok, v, start, end, fmt, line);
    return ok;
  },
});
readFileLines(path, (t, s, e) => reader.lineIn(t, s, e));
writer.close();
