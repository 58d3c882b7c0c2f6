import type { CompiledFormat } from './format.js';
import type { RecordView } from './record-view.js';

/**
 * A RecordView as numbers, so that the fast lane's reading of a line can be done by one reader and
 * used by another that reads the same lines (another thread, with its own copy of the text): the
 * numbers and hashes as they are, places in the text relative to the line's start. An entry also
 * carries the line number, the layout's id and the line's length, so that a reader can check it is
 * being handed the reading of its own line.
 *
 * Every number travels as a 32-bit integer: a value read from a Float64Array is a heap number even
 * when it is a small integer, which would make every RecordView (and every FlowRecord copied from one)
 * hold boxed doubles, allocate them per record and throw the optimised code that expects small
 * integers back to the interpreter. Numbers too big for 32 bits (bytes can be, and a malformed port
 * may be) are marked BIG and travel in the entry's float slots. The hashes are 32-bit by construction.
 */
export const VIEW_INTS = 26;
export const VIEW_FLOATS = 8;

const I_LINE = 0;
const I_OK = 1;
const I_FORMAT = 2;
const I_LENGTH = 3;
const I_ACTION = 4;
const I_STATUS = 5;
const I_DIR = 6;
const I_REASON = 7;
const I_ENI = 8;
const I_SRC = 10;
const I_DST = 12;
const I_ENI_HASH = 14;
const I_ENI_HASH2 = 15;
const I_SRC_HASH = 16;
const I_DST_HASH = 17;
/** srcport, dstport, protocol, tcp-flags, packets, bytes, start, end: the value, or BIG and the value
 * in the float slot of the same rank */
const I_WIDE = 18;
const BIG = -0x80000000;

function packWide(value: number, ints: Int32Array, i: number, floats: Float64Array, f: number): void {
  if ((value | 0) === value && value !== BIG) ints[i] = value;
  else {
    ints[i] = BIG;
    floats[f] = value;
  }
}

function unpackWide(ints: Int32Array, i: number, floats: Float64Array, f: number): number {
  const n = ints[i]!;
  return n === BIG ? floats[f]! : n;
}

/** Writes the reading of the line `text.slice(start, end)` (`ok`: it is a record of `format`). */
export function packView(
  ok: boolean,
  v: RecordView,
  start: number,
  end: number,
  format: CompiledFormat,
  line: number,
  ints: Int32Array,
  i: number,
  floats: Float64Array,
  f: number,
): void {
  ints[i + I_LINE] = line;
  ints[i + I_OK] = ok ? 1 : 0;
  ints[i + I_FORMAT] = format.id;
  ints[i + I_LENGTH] = end - start;
  if (!ok) return;
  ints[i + I_ACTION] = v.action;
  ints[i + I_STATUS] = v.status;
  ints[i + I_DIR] = v.dir;
  ints[i + I_REASON] = v.rejectReason;
  ints[i + I_ENI] = v.eniStart < 0 ? -1 : v.eniStart - start;
  ints[i + I_ENI + 1] = v.eniStart < 0 ? -1 : v.eniEnd - start;
  ints[i + I_SRC] = v.srcStart < 0 ? -1 : v.srcStart - start;
  ints[i + I_SRC + 1] = v.srcStart < 0 ? -1 : v.srcEnd - start;
  ints[i + I_DST] = v.dstStart < 0 ? -1 : v.dstStart - start;
  ints[i + I_DST + 1] = v.dstStart < 0 ? -1 : v.dstEnd - start;
  ints[i + I_ENI_HASH] = v.eniHash;
  ints[i + I_ENI_HASH2] = v.eniHash2;
  ints[i + I_SRC_HASH] = v.srcHash;
  ints[i + I_DST_HASH] = v.dstHash;
  packWide(v.srcport, ints, i + I_WIDE, floats, f);
  packWide(v.dstport, ints, i + I_WIDE + 1, floats, f + 1);
  packWide(v.protocol, ints, i + I_WIDE + 2, floats, f + 2);
  packWide(v.tcpFlags, ints, i + I_WIDE + 3, floats, f + 3);
  packWide(v.packets, ints, i + I_WIDE + 4, floats, f + 4);
  packWide(v.bytes, ints, i + I_WIDE + 5, floats, f + 5);
  packWide(v.start, ints, i + I_WIDE + 6, floats, f + 6);
  packWide(v.end, ints, i + I_WIDE + 7, floats, f + 7);
}

/** The line number an entry is for. */
export function viewLine(ints: Int32Array, i: number): number {
  return ints[i + I_LINE]!;
}

/** {@link unpackView}'s answers. */
export const VIEW_NOT_RECORD = 0;
export const VIEW_RECORD = 1;
export const VIEW_OUT_OF_STEP = -1;

/**
 * Fills the view from an entry written by {@link packView} for this same line, read in place in
 * `text`: VIEW_RECORD when the line is a record of `format` (as the layout's own reader would have
 * found), VIEW_NOT_RECORD when not, VIEW_OUT_OF_STEP when the entry is for another line or layout
 * (the two readers are out of step: a bug).
 */
export function unpackView(
  v: RecordView,
  text: string,
  start: number,
  end: number,
  format: CompiledFormat,
  line: number,
  ints: Int32Array,
  i: number,
  floats: Float64Array,
  f: number,
): number {
  if (ints[i + I_LINE] !== line || ints[i + I_FORMAT] !== format.id || ints[i + I_LENGTH] !== end - start)
    return VIEW_OUT_OF_STEP;
  if (ints[i + I_OK] === 0) return VIEW_NOT_RECORD;
  v.item = undefined;
  v.format = format;
  v.text = text;
  v.lineStart = start;
  v.lineEnd = end;
  v.action = ints[i + I_ACTION]!;
  v.status = ints[i + I_STATUS]!;
  v.dir = ints[i + I_DIR]!;
  v.rejectReason = ints[i + I_REASON]!;
  let p = ints[i + I_ENI]!;
  v.eniStart = p < 0 ? -1 : p + start;
  v.eniEnd = p < 0 ? -1 : ints[i + I_ENI + 1]! + start;
  p = ints[i + I_SRC]!;
  v.srcStart = p < 0 ? -1 : p + start;
  v.srcEnd = p < 0 ? -1 : ints[i + I_SRC + 1]! + start;
  p = ints[i + I_DST]!;
  v.dstStart = p < 0 ? -1 : p + start;
  v.dstEnd = p < 0 ? -1 : ints[i + I_DST + 1]! + start;
  v.eniHash = ints[i + I_ENI_HASH]!;
  v.eniHash2 = ints[i + I_ENI_HASH2]!;
  v.srcHash = ints[i + I_SRC_HASH]!;
  v.dstHash = ints[i + I_DST_HASH]!;
  v.srcport = unpackWide(ints, i + I_WIDE, floats, f);
  v.dstport = unpackWide(ints, i + I_WIDE + 1, floats, f + 1);
  v.protocol = unpackWide(ints, i + I_WIDE + 2, floats, f + 2);
  v.tcpFlags = unpackWide(ints, i + I_WIDE + 3, floats, f + 3);
  v.packets = unpackWide(ints, i + I_WIDE + 4, floats, f + 4);
  v.bytes = unpackWide(ints, i + I_WIDE + 5, floats, f + 5);
  v.start = unpackWide(ints, i + I_WIDE + 6, floats, f + 6);
  v.end = unpackWide(ints, i + I_WIDE + 7, floats, f + 7);
  return VIEW_RECORD;
}
