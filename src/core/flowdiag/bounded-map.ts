/** Something a {@link BoundedMap} can weigh: the lightest entries are summarised first. */
export interface Weighted {
  weight(): number;
}

/**
 * A map that never holds more than `cap` entries. When it overflows it evicts about half of them,
 * the lightest first and, among equally light ones, the oldest first (a lossy-counting heavy-hitters
 * scheme): the heavy entries stay, with exact counts, and every evicted entry is handed to `onEvict`
 * so it can be folded into a summary. Amortised O(1) per insertion.
 */
export class BoundedMap<V extends Weighted> {
  private readonly map = new Map<string, V>();
  /** entries evicted so far */
  evicted = 0;
  /** the heaviest weight an evicted entry had */
  evictedMaxWeight = 0;

  constructor(
    private readonly cap: number,
    private readonly onEvict: (value: V) => void,
  ) {}

  get size(): number {
    return this.map.size;
  }

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): void {
    this.map.set(key, value);
    if (this.map.size > this.cap) this.compact();
  }

  values(): IterableIterator<V> {
    return this.map.values();
  }

  private compact(): void {
    const target = this.map.size - (this.cap >> 1);
    const BUCKETS = 64;
    const hist = new Uint32Array(BUCKETS);
    for (const v of this.map.values()) hist[Math.min(v.weight(), BUCKETS - 1)]!++;
    let threshold = 0;
    for (let acc = 0; threshold < BUCKETS; threshold++) {
      acc += hist[threshold]!;
      if (acc >= target) break;
    }
    // the top bucket holds every weight from BUCKETS-1 up: past it, anything may go
    const limit = threshold >= BUCKETS - 1 ? Number.POSITIVE_INFINITY : threshold;
    let freed = 0;
    for (const [key, v] of this.map) {
      if (freed >= target) break;
      const w = v.weight();
      if (w <= limit) {
        this.map.delete(key);
        freed++;
        this.evicted++;
        if (w > this.evictedMaxWeight) this.evictedMaxWeight = w;
        this.onEvict(v);
      }
    }
  }
}
