/**
 * The naive reader the benchmark compares with: readline + split(' ') + one object per line, the way a
 * quick script would do it. It understands only clean lines of one known layout.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** @param {string} path @param {string[]} names */
export async function naiveRead(path, names) {
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  let accepts = 0;
  for await (const line of rl) {
    const parts = line.split(' ');
    if (parts.length !== names.length) continue;
    /** @type {Record<string, string | number>} */
    const rec = {};
    for (let i = 0; i < names.length; i++) {
      const v = parts[i];
      rec[names[i]] = /^\d+$/.test(v) ? Number(v) : v;
    }
    if (rec.action === 'ACCEPT') accepts++;
    n++;
  }
  return { records: n, accepts };
}
