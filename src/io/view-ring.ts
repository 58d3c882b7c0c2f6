import type { CompiledFormat } from '../core/flowlog/format.js';
import type { RecordView } from '../core/flowlog/record-view.js';
import { packView, unpackView, VIEW_FLOATS, VIEW_INTS } from '../core/flowlog/view-transfer.js';

/**
 * A ring of line readings (see view-transfer.ts) in shared memory, written by one thread and read, in
 * the same order, by another: one writer, one reader, no messages. Each side publishes its position
 * every BATCH entries and waits (Atomics.wait) only when the ring is empty or full.
 */
const W = 0;
const R = 1;
const STATE = 2;
const DONE = 1;
const FAILED = 2;
const BATCH = 256;
const CONTROL_BYTES = 16;
/** the reader gives up when the writer has not moved for this long (a thread that died) */
const STALL_MS = 60_000;

/** The reader and the writer are out of step, or the writer failed: read again on one thread. */
export class ViewRingError extends Error {
  override readonly name = 'ViewRingError';
}

/** Shared memory for a ring of `capacity` entries (a power of two). */
export function createViewRing(capacity = 1 << 15): SharedArrayBuffer {
  if ((capacity & (capacity - 1)) !== 0) throw new Error('ring capacity must be a power of two');
  return new SharedArrayBuffer(CONTROL_BYTES + capacity * (VIEW_INTS * 4 + VIEW_FLOATS * 8));
}

function views(sab: SharedArrayBuffer) {
  const per = VIEW_INTS * 4 + VIEW_FLOATS * 8;
  const capacity = (sab.byteLength - CONTROL_BYTES) / per;
  const floatsAt = CONTROL_BYTES;
  const intsAt = floatsAt + capacity * VIEW_FLOATS * 8;
  return {
    capacity,
    control: new Int32Array(sab, 0, 4),
    floats: new Float64Array(sab, floatsAt, capacity * VIEW_FLOATS),
    ints: new Int32Array(sab, intsAt, capacity * VIEW_INTS),
  };
}

export class ViewRingWriter {
  private readonly control: Int32Array;
  private readonly ints: Int32Array;
  private readonly floats: Float64Array;
  private readonly mask: number;
  private readonly capacity: number;
  private w = 0;
  private r = 0;

  constructor(sab: SharedArrayBuffer) {
    const v = views(sab);
    this.control = v.control;
    this.ints = v.ints;
    this.floats = v.floats;
    this.capacity = v.capacity;
    this.mask = v.capacity - 1;
  }

  write(ok: boolean, v: RecordView, start: number, end: number, format: CompiledFormat, line: number): void {
    if (((this.w - this.r) | 0) >= this.capacity) this.waitForRoom();
    const slot = this.w & this.mask;
    packView(ok, v, start, end, format, line, this.ints, slot * VIEW_INTS, this.floats, slot * VIEW_FLOATS);
    this.w = (this.w + 1) | 0;
    if ((this.w & (BATCH - 1)) === 0) this.publish();
  }

  /** Everything is written. */
  close(): void {
    this.publish();
    Atomics.store(this.control, STATE, DONE);
    Atomics.notify(this.control, W);
  }

  /** The writer cannot go on: the reader stops waiting. */
  fail(): void {
    Atomics.store(this.control, STATE, FAILED);
    Atomics.notify(this.control, W);
  }

  private publish(): void {
    Atomics.store(this.control, W, this.w);
    Atomics.notify(this.control, W);
  }

  private waitForRoom(): void {
    this.publish();
    for (;;) {
      this.r = Atomics.load(this.control, R);
      if (((this.w - this.r) | 0) < this.capacity) return;
      Atomics.wait(this.control, R, this.r, 1000);
    }
  }
}

export class ViewRingReader {
  private readonly control: Int32Array;
  private readonly ints: Int32Array;
  private readonly floats: Float64Array;
  private readonly mask: number;
  private r = 0;
  private available = 0;

  constructor(sab: SharedArrayBuffer) {
    const v = views(sab);
    this.control = v.control;
    this.ints = v.ints;
    this.floats = v.floats;
    this.mask = v.capacity - 1;
  }

  /** A FlowLogReader's `readView`: the next entry, which must be for this line. */
  readonly read = (
    v: RecordView,
    text: string,
    start: number,
    end: number,
    format: CompiledFormat,
    line: number,
  ): boolean => {
    if (this.r === this.available) this.waitForMore();
    const slot = this.r & this.mask;
    let ok: boolean;
    try {
      ok = unpackView(
        v,
        text,
        start,
        end,
        format,
        line,
        this.ints,
        slot * VIEW_INTS,
        this.floats,
        slot * VIEW_FLOATS,
      );
    } catch (err) {
      throw new ViewRingError((err as Error).message);
    }
    this.r = (this.r + 1) | 0;
    if ((this.r & (BATCH - 1)) === 0) {
      Atomics.store(this.control, R, this.r);
      Atomics.notify(this.control, R);
    }
    return ok;
  };

  /** Checks, after the last line, that the writer finished with exactly the entries read. */
  finish(): void {
    for (;;) {
      const state = Atomics.load(this.control, STATE);
      if (state === FAILED) throw new ViewRingError('the reading thread failed');
      if (state === DONE) break;
      Atomics.wait(this.control, W, Atomics.load(this.control, W), 50);
    }
    if (Atomics.load(this.control, W) !== this.r)
      throw new ViewRingError('the reading thread read lines this one did not');
  }

  private waitForMore(): void {
    Atomics.store(this.control, R, this.r);
    Atomics.notify(this.control, R);
    const since = Date.now();
    for (;;) {
      const w = Atomics.load(this.control, W);
      if (w !== this.r) {
        this.available = w;
        return;
      }
      const state = Atomics.load(this.control, STATE);
      if (state === FAILED) throw new ViewRingError('the reading thread failed');
      if (state === DONE) throw new ViewRingError('the reading thread finished before this one');
      if (Date.now() - since > STALL_MS) throw new ViewRingError('the reading thread stopped');
      Atomics.wait(this.control, W, w, 50);
    }
  }
}
