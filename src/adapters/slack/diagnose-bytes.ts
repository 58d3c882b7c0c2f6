import { Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Diagnosis } from '../../core/diagnose.js';
import type { Report } from '../../core/report/schema.js';
import { forEachLineIn } from '../../io/for-each-line-in.js';
import { InputError, inputChunks } from '../../io/open-input.js';
import { formatBytes } from './slack-file.js';
import { SlackUserProblem } from './slack-user-problem.js';

export interface DiagnoseBytesResult {
  report: Report;
  gzip: boolean;
  /** true when only the first `maxTextBytes` were read */
  cut: boolean;
  textBytes: number;
}

/** Bytes handed to the reader per turn of the event loop (about 2,000 flow-log lines). */
const SLICE = 256 * 1024;

/**
 * Diagnoses a downloaded file: gunzipped when it starts with gzip's magic bytes (whatever its name),
 * read line by line through the streaming core, at most `maxTextBytes` of text. The work yields to
 * the event loop between slices so other requests are still acknowledged in time.
 */
export async function diagnoseBytes(
  bytes: Buffer,
  options: { now: Date; maxTextBytes: number },
): Promise<DiagnoseBytesResult> {
  const gzip = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  const diagnosis = new Diagnosis({ now: options.now });
  let textBytes = 0;
  let cut = false;
  async function* capped(): AsyncGenerator<Buffer> {
    for await (const chunk of inputChunks(Readable.from(slices(bytes)))) {
      for (let at = 0; at < chunk.length; at += SLICE) {
        const piece = chunk.subarray(at, at + SLICE);
        const room = options.maxTextBytes - textBytes;
        if (piece.length > room) {
          cut = true;
          if (room > 0) yield piece.subarray(0, room);
          textBytes = options.maxTextBytes;
          return;
        }
        textBytes += piece.length;
        yield piece;
        await yieldToEventLoop();
      }
    }
  }
  try {
    await forEachLineIn(capped(), (text, start, end) => diagnosis.lineIn(text, start, end));
  } catch (err) {
    if (err instanceof InputError) throw new SlackUserProblem(err.message);
    throw err;
  }
  return { report: diagnosis.finish(), gzip, cut, textBytes };
}

function* slices(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += SLICE) yield bytes.subarray(at, at + SLICE);
}

export function describeCut(maxTextBytes: number): string {
  return `only its first ${formatBytes(maxTextBytes)} were read (the limit here; the vpcdiag CLI reads any size)`;
}
