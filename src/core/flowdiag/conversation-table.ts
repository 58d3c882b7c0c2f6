import { Conversation, FreshEntry } from './conversation.js';

const EMPTY = -1;
const TOMBSTONE = -2;

/** The FNV-1a offset basis, the seed of ENI id hashes. */
export const ENI_SEED = 0x811c9dc5;

/** FNV-1a over a string's UTF-16 code units, continuing from `h`. */
export function hashString(s: string, h: number): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** The hash of a conversation key: ENI (pre-hashed), protocol, then both ends in canonical order. */
export function conversationHash(
  eniHash: number,
  proto: number,
  a: string,
  pa: number,
  b: string,
  pb: number,
): number {
  let h = Math.imul(eniHash ^ proto, 0x01000193);
  h = hashString(a, h);
  h = Math.imul(h ^ pa, 0x01000193);
  h = hashString(b, h);
  h = Math.imul(h ^ pb, 0x01000193);
  h ^= h >>> 16;
  return Math.imul(h, 0x45d9f3b) | 0;
}

/**
 * Where conversations live while records stream in, with memory bounded whatever the input.
 *
 * An open-addressing hash table over typed arrays (no key strings are built: a record is hashed from
 * its fields and compared field by field), holding two kinds of entry:
 * - a `FreshEntry` for a conversation with a single record so far: small, and belonging to a
 *   generation. When the current generation is full, the entries of the previous one that never got a
 *   second record (their reverse never came: scans, one-off probes) are handed to `onEvict` as
 *   conversations and dropped. Short-lived entries die young, which keeps garbage collection cheap
 *   when every record is a new conversation.
 * - a `Conversation` once a second record arrives ("graduated"). Graduated ones stay until there are
 *   more than `heavyCap`; then the lighter half (fewest records, oldest first) is handed to `onEvict`,
 *   so the heaviest keep exact counts to the end (a lossy-counting heavy-hitters scheme).
 */
export class ConversationTable {
  private slots: Int32Array;
  private mask: number;
  private readonly entries: (Conversation | FreshEntry | undefined)[] = [];
  private readonly freeIds: number[] = [];
  private live = 0;
  private tombstones = 0;
  private genNow: FreshEntry[] = [];
  private genOld: FreshEntry[] = [];
  private graduated = 0;
  /** fresh conversations dropped when their generation expired */
  evictedFresh = 0;
  /** graduated conversations dropped to keep the heaviest */
  evictedHeavy = 0;
  /** the most records an evicted conversation had */
  evictedMaxRecords = 0;

  constructor(
    private readonly freshPerGeneration: number,
    private readonly heavyCap: number,
    private readonly onEvict: (c: Conversation) => void,
  ) {
    this.slots = new Int32Array(1 << 12).fill(EMPTY);
    this.mask = (1 << 12) - 1;
  }

  get size(): number {
    return this.live;
  }

  find(
    h: number,
    eniId: string,
    proto: number,
    a: string,
    pa: number,
    b: string,
    pb: number,
  ): Conversation | FreshEntry | undefined {
    const slots = this.slots;
    const mask = this.mask;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = slots[i]!;
      if (id === EMPTY) return undefined;
      if (id === TOMBSTONE) continue;
      const c = this.entries[id]!;
      if (
        c.hash === h &&
        c.pa === pa &&
        c.pb === pb &&
        c.proto === proto &&
        c.a === a &&
        c.b === b &&
        c.eniId === eniId
      )
        return c;
    }
  }

  /** A conversation seen for the first time. */
  insert(e: FreshEntry): void {
    const id = this.freeIds.length > 0 ? this.freeIds.pop()! : this.entries.length;
    this.entries[id] = e;
    e.id = id;
    this.place(e);
    this.live++;
    if ((this.live + this.tombstones) * 2 > this.slots.length) this.rebuild();
    this.genNow.push(e);
    if (this.genNow.length >= this.freshPerGeneration) this.rotate();
  }

  /** A fresh conversation got its second record: `c` (made from `e`) takes its place for good. */
  graduate(e: FreshEntry, c: Conversation): void {
    c.id = e.id;
    c.slot = e.slot;
    this.entries[e.id] = c;
    c.detach();
    if (++this.graduated > this.heavyCap) this.compact();
  }

  /** Every conversation still held (fresh ones as one-record conversations). */
  *values(): IterableIterator<Conversation> {
    for (const e of this.entries) {
      if (e === undefined) continue;
      yield e instanceof FreshEntry ? e.toConversation() : e;
    }
  }

  private place(e: Conversation | FreshEntry): void {
    const slots = this.slots;
    const mask = this.mask;
    let i = e.hash & mask;
    while (slots[i]! >= 0) i = (i + 1) & mask;
    if (slots[i] === TOMBSTONE) this.tombstones--;
    slots[i] = e.id;
    e.slot = i;
  }

  private remove(e: Conversation | FreshEntry): void {
    this.slots[e.slot] = TOMBSTONE;
    this.tombstones++;
    this.entries[e.id] = undefined;
    this.freeIds.push(e.id);
    this.live--;
  }

  private rebuild(): void {
    let size = this.slots.length;
    while (this.live * 4 > size) size *= 2;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.mask = size - 1;
    this.tombstones = 0;
    for (const e of this.entries) if (e !== undefined) this.place(e);
  }

  private rotate(): void {
    for (const e of this.genOld) {
      if (this.entries[e.id] !== e) continue; // graduated meanwhile
      this.remove(e);
      this.evictedFresh++;
      this.onEvict(e.toConversation());
    }
    this.genOld = this.genNow;
    this.genNow = [];
  }

  private compact(): void {
    const target = this.graduated - (this.heavyCap >> 1);
    const BUCKETS = 64;
    const hist = new Uint32Array(BUCKETS);
    for (const e of this.entries) if (e instanceof Conversation) hist[Math.min(e.records, BUCKETS - 1)]!++;
    let threshold = 0;
    for (let acc = 0; threshold < BUCKETS; threshold++) {
      acc += hist[threshold]!;
      if (acc >= target) break;
    }
    const limit = threshold >= BUCKETS - 1 ? Number.POSITIVE_INFINITY : threshold;
    // oldest first: lower first-line numbers were seen earlier
    const victims: Conversation[] = [];
    for (const e of this.entries) if (e instanceof Conversation && e.records <= limit) victims.push(e);
    victims.sort((x, y) => x.firstLine - y.firstLine);
    for (const c of victims.slice(0, target)) {
      this.remove(c);
      this.graduated--;
      this.evictedHeavy++;
      if (c.records > this.evictedMaxRecords) this.evictedMaxRecords = c.records;
      this.onEvict(c);
    }
  }
}
