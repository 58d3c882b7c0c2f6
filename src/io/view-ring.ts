import type { CompiledFormat } from '../core/flowlog/format.js';
import type { RecordView } from '../core/flowlog/record-view.js';
import {
  packView,
  unpackView,
  VIEW_FLOATS,
  VIEW_INTS,
  VIEW_NOT_RECORD,
  VIEW_OUT_OF_STEP,
  VIEW_RECORD,
  viewLine,
} from '../core/flowlog/view-transfer.js';

/**
 * A ring of line readings (see view-transfer.ts) in shared memory, written by one thread and read, in
 * the same order, by another: one writer, one reader, no messages. Each side publishes its position
 * every BATCH entries; the writer waits (Atomics.wait) when the ring is full, the reader only for
 * the first readings.
 */
const W = 0;
const R = 1;
const BATCH = 256;
/** lines read on the reader's side between two checks that the writer is catching up */
const CHECK_EVERY = 65_536;
const CONTROL_BYTES = 16;
/** how long the reader waits for the writer's first readings before reading lines itself */
const FIRST_WAIT_MS = 150;

/** The reader and the writer are out of step (a bug): read again on one thread. */
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

/**
 * The main thread's side. It waits once, at most FIRST_WAIT_MS, for the writer's first readings (the
 * second thread is starting); after that it never waits: a line whose reading has not arrived yet is
 * read here with the layout's own reader (the same answer), and the writer's entry for it is skipped
 * when it comes. So a busy machine costs no more than one thread and that first wait.
 */
export class ViewRingReader {
  private readonly control: Int32Array;
  private readonly ints: Int32Array;
  private readonly floats: Float64Array;
  private readonly mask: number;
  private r = 0;
  private available = 0;
  /** lines read from the ring, and here (for tests and figures) */
  handed = 0;
  readHere = 0;
  /** set once the writer is left behind for good (see check) */
  gaveUp = false;
  /** called when the reader gives up on the writer (stop it: its work would only be skipped) */
  onGiveUp: (() => void) | undefined;
  private lastLag = Number.POSITIVE_INFINITY;
  /** whether the first readings were waited for */
  private started = false;
  private nextCheck = CHECK_EVERY;

  /** `waitForWriter`: wait for every reading instead (tests: all lines are then handed over) */
  constructor(
    sab: SharedArrayBuffer,
    private readonly waitForWriter = false,
  ) {
    const v = views(sab);
    this.control = v.control;
    this.ints = v.ints;
    this.floats = v.floats;
    this.mask = v.capacity - 1;
  }

  /** A FlowLogReader's `readView`. */
  readonly read = (
    v: RecordView,
    text: string,
    start: number,
    end: number,
    format: CompiledFormat,
    line: number,
  ): boolean => {
    if (this.gaveUp) {
      this.readHere++;
      return format.view!(v, text, start, end);
    }
    const ints = this.ints;
    for (;;) {
      if (this.r === this.available) {
        this.available = Atomics.load(this.control, W);
        if (this.r === this.available && !this.started) {
          // the first readings: the thread is starting (~30 ms); reading lines here meanwhile would
          // also have V8 compile this thread's copy of the layout's reader, for a few thousand lines
          this.started = true;
          Atomics.wait(this.control, W, 0, FIRST_WAIT_MS);
          this.available = Atomics.load(this.control, W);
        }
        if (this.r === this.available) {
          if (this.waitForWriter) {
            this.waitForMore();
            continue;
          }
          if (++this.readHere >= this.nextCheck) this.check(line);
          return format.view!(v, text, start, end);
        }
      }
      const slot = this.r & this.mask;
      const at = viewLine(ints, slot * VIEW_INTS);
      // a line already read here is passed over
      const answer =
        at < line
          ? VIEW_NOT_RECORD
          : unpackView(
              v,
              text,
              start,
              end,
              format,
              line,
              ints,
              slot * VIEW_INTS,
              this.floats,
              slot * VIEW_FLOATS,
            );
      // the slot is given back only once it has been read
      this.r = (this.r + 1) | 0;
      if ((this.r & (BATCH - 1)) === 0) {
        Atomics.store(this.control, R, this.r);
        Atomics.notify(this.control, R);
      }
      if (at < line) continue;
      if (answer === VIEW_OUT_OF_STEP)
        throw new ViewRingError(`the readings of line ${line} are out of step (got line ${at})`);
      this.handed++;
      return answer === VIEW_RECORD;
    }
  };

  /**
   * Every CHECK_EVERY lines read here: is the writer catching up (it reads much faster than this thread
   * judges, so after its start-up it does, unless the machine is busy)? If it is further behind than
   * at the last check, it is given up, so that its work, which would only be skipped, does not take
   * CPU from this thread.
   */
  private check(line: number): void {
    this.nextCheck = this.readHere + CHECK_EVERY;
    const w = Atomics.load(this.control, W);
    const newest = w === 0 ? 0 : viewLine(this.ints, ((w - 1) & this.mask) * VIEW_INTS);
    const lag = line - newest;
    if (lag >= this.lastLag) {
      this.gaveUp = true;
      this.onGiveUp?.();
    } else this.lastLag = lag;
  }

  private waitForMore(): void {
    Atomics.store(this.control, R, this.r);
    Atomics.notify(this.control, R);
    const since = Date.now();
    while (Atomics.load(this.control, W) === this.r) {
      if (Date.now() - since > 30_000) throw new ViewRingError('the reading thread stopped');
      Atomics.wait(this.control, W, this.r, 100);
    }
    this.available = Atomics.load(this.control, W);
  }
}
