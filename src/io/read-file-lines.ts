import { closeSync, openSync, readSync } from 'node:fs';
import { LineSplitter, type OnLine } from './line-splitter.js';
import { FILE_CHUNK, inputError, startsLikeGzip } from './open-input.js';

/**
 * Reads the lines of a plain (not gzipped) file synchronously, into one reused buffer: for a file on
 * disk this is faster than a stream, whose reads wait for the thread pool between chunks. Returns
 * false, having read nothing, when the file starts like a gzip file (stream it instead).
 * `onBytes` counts the bytes read, for progress.
 */
export function readFileLines(path: string, onLine: OnLine, onBytes?: (n: number) => void): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw inputError(path, err);
  }
  try {
    const buf = Buffer.allocUnsafe(FILE_CHUNK);
    let n = readFull(fd, buf, path);
    if (startsLikeGzip(buf, n)) return false;
    const splitter = new LineSplitter(onLine);
    while (n > 0) {
      onBytes?.(n);
      splitter.push(n === buf.length ? buf : buf.subarray(0, n));
      n = readFull(fd, buf, path);
    }
    splitter.end();
    return true;
  } finally {
    closeSync(fd);
  }
}

/** Fills `buf` unless the file ends first; returns how many bytes were read. */
function readFull(fd: number, buf: Buffer, path: string): number {
  let n = 0;
  try {
    while (n < buf.length) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
    }
  } catch (err) {
    throw inputError(path, err);
  }
  return n;
}
