import type { SkippedItem } from '../flowlog/types.js';
import { detach, detachRecord } from './detach.js';

const MAX_SAMPLES = 5;
const MAX_ENIS = 1_000;

/** NODATA or SKIPDATA records of one ENI. */
export class SkippedWindows {
  count = 0;
  firstStart = 0;
  lastEnd = 0;
  readonly samples: SkippedItem[] = [];

  readonly eni: string;

  constructor(
    eni: string,
    readonly status: 'NODATA' | 'SKIPDATA',
  ) {
    this.eni = detach(eni);
  }

  add(item: SkippedItem): void {
    this.count++;
    const s = item.fields.start;
    const e = item.fields.end;
    if (s !== undefined && (this.firstStart === 0 || s < this.firstStart)) this.firstStart = s;
    if (e !== undefined && e > this.lastEnd) this.lastEnd = e;
    if (this.samples.length < MAX_SAMPLES) this.samples.push(detachRecord(item));
  }
}

/** NODATA/SKIPDATA records, per ENI and status. */
export class SkippedLog {
  readonly byEni = new Map<string, SkippedWindows>();
  /** records of ENIs beyond the tracked ones */
  untracked = { NODATA: 0, SKIPDATA: 0 };

  add(item: SkippedItem): void {
    const eni = item.fields['interface-id'] ?? '';
    const key = `${item.status} ${eni}`;
    let w = this.byEni.get(key);
    if (w === undefined) {
      if (this.byEni.size >= MAX_ENIS) {
        this.untracked[item.status]++;
        return;
      }
      w = new SkippedWindows(eni, item.status);
      this.byEni.set(key, w);
    }
    w.add(item);
  }

  of(status: 'NODATA' | 'SKIPDATA'): SkippedWindows[] {
    return [...this.byEni.values()].filter((w) => w.status === status).sort((a, b) => b.count - a.count);
  }
}
