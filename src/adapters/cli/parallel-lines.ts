import { closeSync, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ReadView } from '../../core/flowlog/reader.js';
import { GZIP_MAGIC_0, GZIP_MAGIC_1 } from '../../io/open-input.js';
import { createViewRing, ViewRingError, ViewRingReader } from '../../io/view-ring.js';

/** Below this size a file is read on one thread: starting a second costs more than it saves. */
export const PARALLEL_MIN_BYTES = 20_000_000;

/**
 * A second thread that reads the lines of a plain file (the fast lane's parsing, the costliest part
 * of reading) while this one correlates and judges: `readView` goes in the main reader's options.
 * The main reader must be given the same `format` and read the same file; `finish()` after its last
 * line checks that both read the same lines (a ViewRingError otherwise: read again on one thread).
 */
export interface LineReadingThread {
  readView: ReadView;
  finish(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the thread; resolves once it runs (rejects if it cannot start). */
export async function startLineReadingThread(
  path: string,
  format: string | undefined,
): Promise<LineReadingThread> {
  const ring = createViewRing();
  const reader = new ViewRingReader(ring);
  const ts = import.meta.url.endsWith('.ts');
  // under a TypeScript loader (tests) the worker is the .ts source, loaded the same way
  const worker = new Worker(new URL(ts ? './view-worker.ts' : './view-worker.js', import.meta.url), {
    workerData: { path, format, ring },
    ...(ts ? { execArgv: ['--import', 'tsx'] } : {}),
    stdout: false,
    stderr: true,
  });
  let failure: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    worker.once('error', (err) => {
      failure = err;
    });
    worker.once('exit', () => resolve());
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', () => reject(new ViewRingError('the reading thread stopped before it started')));
  });
  return {
    readView: reader.read,
    async finish() {
      reader.finish();
      await exited;
      if (failure) throw failure;
    },
    async stop() {
      await worker.terminate();
    },
  };
}

/** Whether a file is plain text big enough to be worth a second thread (not stdin, not gzip). */
export function worthASecondThread(path: string, size: number | undefined): boolean {
  if (path === '-' || size === undefined || size < PARALLEL_MIN_BYTES) return false;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(2);
    const n = readSync(fd, head, 0, 2, 0);
    return !(n === 2 && head[0] === GZIP_MAGIC_0 && head[1] === GZIP_MAGIC_1);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
