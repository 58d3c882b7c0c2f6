import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadView } from '../../core/flowlog/reader.js';
import { startsLikeGzip } from '../../io/open-input.js';
import { createViewRing, ViewRingReader } from '../../io/view-ring.js';

/** Below this size a file is read on one thread: starting a second costs more than it saves. */
export const PARALLEL_MIN_BYTES = 20_000_000;

/**
 * A second thread that reads the lines of a plain file (the fast lane's parsing, the costliest part
 * of reading) while this one correlates and judges: `readView` goes in the main reader's options,
 * which must have the same `format`, for the same file. Lines whose reading has not arrived are read
 * on the main thread (see ViewRingReader), so nothing waits for the second thread; a reading for
 * another line throws a ViewRingError (read again on one thread).
 */
export interface LineReadingThread {
  readView: ReadView;
  /** Stops the thread; how many lines' readings were handed over, and how many were read here. */
  finish(): Promise<{ handed: number; readHere: number }>;
}

/** `waitForIt`: every line's reading is waited for (tests), instead of read here when it is late. */
export function startLineReadingThread(
  path: string,
  format: string | undefined,
  waitForIt = false,
): LineReadingThread {
  const ring = createViewRing();
  const reader = new ViewRingReader(ring, waitForIt);
  const worker = new Worker(workerEntry(), {
    workerData: { path, format, ring },
    eval: import.meta.url.endsWith('.ts'),
  });
  // The thread never keeps the process alive (the main thread needs nothing from it at the end), and
  // one that fails only leaves its lines to be read here.
  worker.unref();
  worker.on('error', () => {});
  reader.onGiveUp = () => void worker.terminate();
  return {
    readView: reader.read,
    async finish() {
      void worker.terminate();
      return { handed: reader.handed, readHere: reader.readHere };
    },
  };
}

/** Whether a file is plain text big enough to be worth a second thread (not stdin, not gzip). */
export function worthASecondThread(
  path: string,
  size: number | undefined,
  minBytes = PARALLEL_MIN_BYTES,
): boolean {
  if (path === '-' || size === undefined || size < minBytes) return false;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(2);
    const n = readSync(fd, head, 0, 2, 0);
    return !startsLikeGzip(head, n);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Whether a core is likely free for a second thread. On a machine whose cores are all busy, a second
 * thread only takes CPU from the first (measured on 2 cores under a load of 4: 2.5 s instead of 2.0 s
 * for 1M lines). The last minute's load average settles the clear cases; in between it cannot tell
 * (it also counts this command's own runs of the last minute, ~1 on a 2-core machine after a previous
 * diagnosis), so the cores are looked at: over the start-up, or for 50 ms (see idleOtherCoresNow).
 */
export function aCoreIsFree(
  cores = availableParallelism(),
  load = loadavg()[0]!,
  idleOtherCores: () => number = idleOtherCoresNow,
): boolean {
  if (cores < 2) return false;
  if (load <= cores - 1.5) return true;
  if (load >= cores + 0.5) return false;
  return idleOtherCores() >= 0.75;
}

/**
 * A reading of the CPU counters: when (performance.now()), the idle time of all cores and this
 * process's own CPU time, in ms. `bin/vpcdiag.js` takes one before it loads the CLI and hands it to
 * `main`, so that the cores can be looked at over the ~0.1 s the loading takes instead of waiting.
 */
export interface CpuMark {
  at: number;
  idle: number;
  ownCpu: number;
}

export function cpuMark(): CpuMark {
  const own = process.cpuUsage();
  return {
    at: performance.now(),
    idle: cpus().reduce((n, c) => n + c.times.idle, 0),
    ownCpu: (own.user + own.system) / 1000,
  };
}

let startMark: CpuMark | undefined;

/** The CPU reading taken when the process started (see CpuMark). */
export function noteStartMark(mark: CpuMark | undefined): void {
  startMark = mark;
}

/**
 * How many cores besides this one were idle, from the kernel's CPU counters (10 ms ticks), over at
 * least `ms` milliseconds: since `since` (the reading taken at start-up), sleeping for what is left
 * of `ms` if that was less. Whatever part of the window this process spent off the CPU (sleeping, or
 * waiting for the disk) counts its own core as idle, and is taken off.
 */
export function idleOtherCoresNow(ms = 50, since: CpuMark | undefined = startMark): number {
  const from = since ?? cpuMark();
  const left = ms - (performance.now() - from.at);
  if (left > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, left);
  const to = cpuMark();
  const elapsed = to.at - from.at;
  const ownIdle = Math.max(0, 1 - (to.ownCpu - from.ownCpu) / elapsed);
  return (to.idle - from.idle) / elapsed - ownIdle;
}

/**
 * The worker's module; run from the TypeScript sources (tests), a snippet that loads the .ts worker
 * through tsx.
 */
function workerEntry(): URL | string {
  if (!import.meta.url.endsWith('.ts')) return new URL('./view-worker.js', import.meta.url);
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsx = pathToFileURL(join(dirname(pkg), 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = new URL('./view-worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsx)}).then((m) => m.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
}
