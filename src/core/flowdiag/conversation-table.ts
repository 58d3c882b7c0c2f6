import { Conversation, type ConversationLike, type FreshEntry } from './conversation.js';

const EMPTY = -1;
const TOMBSTONE = -2;

/**
 * Where conversations live while records stream in, with memory bounded whatever the input.
 *
 * An open-addressing hash table over typed arrays: a record is hashed from its fields and compared
 * field by field, so no key strings are built. Conversations are young first, then maybe heavy:
 * - Every conversation starts young, in the generation of records it was first seen in (a generation
 *   is `recordsPerGeneration` records). A conversation with one record so far is a small
 *   `FreshEntry`; its second record makes it a full `Conversation`.
 * - When a generation is two generations old, each of its conversations is either judged and dropped
 *   (handed to `onEvict`) or, if it had a record in the last generation (it is long-lived, e.g. a
 *   connection logged in every aggregation window), kept as heavy. Most conversations (a request and
 *   its reply, a probe) are over within a generation and die young, which keeps garbage collection
 *   cheap.
 * - Heavy conversations stay until there are more than `heavyCap`; then the lighter half (fewest
 *   records, oldest first) is judged and dropped, so the heaviest keep exact counts to the end (a
 *   lossy-counting heavy-hitters scheme). They are detached from the input text when they become heavy.
 */
export class ConversationTable {
  private slots: Int32Array;
  private mask: number;
  private readonly entries: (Conversation | FreshEntry | undefined)[] = [];
  private readonly freeIds: number[] = [];
  private live = 0;
  private tombstones = 0;
  private genNow: FreshEntry[] = [];
  private genPrev: FreshEntry[] = [];
  private genOld: FreshEntry[] = [];
  /** records seen, and where the current and previous generations started */
  private records = 0;
  private genNowStart = 0;
  private genPrevStart = 0;
  private heavy = 0;
  /** young conversations judged when their generation expired */
  evictedYoung = 0;
  /** heavy conversations judged early to keep the heaviest */
  evictedHeavy = 0;
  /** the most records an early-judged heavy conversation had */
  evictedMaxRecords = 0;

  constructor(
    private readonly recordsPerGeneration: number,
    private readonly heavyCap: number,
    private readonly onEvict: (c: ConversationLike) => void,
  ) {
    this.slots = new Int32Array(1 << 12).fill(EMPTY);
    this.mask = (1 << 12) - 1;
  }

  get size(): number {
    return this.live;
  }

  /** Counts a record; call once per record, before find/insert. */
  tick(): number {
    if (++this.records - this.genNowStart >= this.recordsPerGeneration) this.rotate();
    return this.records;
  }

  /**
   * The conversation with this key, compared by hashes: the ENI id's, and each address's (two 32-bit
   * address hashes, both ports, the protocol and the ENI would all have to collide).
   */
  find(
    h: number,
    eniHash: number,
    proto: number,
    ha: number,
    pa: number,
    hb: number,
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
        c.ha === ha &&
        c.hb === hb &&
        c.eniHash === eniHash
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
  }

  /** A fresh conversation got its second record: `c` (made from `e`) takes its place. */
  graduate(e: FreshEntry, c: Conversation): void {
    c.id = e.id;
    c.slot = e.slot;
    e.full = c;
    this.entries[e.id] = c;
  }

  /** Every conversation still held. */
  *values(): IterableIterator<ConversationLike> {
    for (const e of this.entries) if (e !== undefined) yield e;
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
    // the oldest generation expires: judge what is over, keep what is still going as heavy
    const activeSince = this.genPrevStart;
    for (const e of this.genOld) {
      const c = e.full ?? e;
      if (this.entries[c.id] !== c) continue;
      if (c.lastRecord >= activeSince) {
        // still going: keep it as heavy, as a full conversation that no longer pins the input
        let full: Conversation;
        if (c instanceof Conversation) full = c;
        else {
          full = c.toConversation();
          this.graduate(c, full);
        }
        full.heavy = true;
        full.detach();
        this.heavy++;
        continue;
      }
      this.remove(c);
      this.evictedYoung++;
      this.onEvict(c);
    }
    this.genOld = this.genPrev;
    this.genPrev = this.genNow;
    this.genNow = [];
    this.genPrevStart = this.genNowStart;
    this.genNowStart = this.records;
    if (this.heavy > this.heavyCap) this.compact();
  }

  private compact(): void {
    const target = this.heavy - (this.heavyCap >> 1);
    const BUCKETS = 64;
    const hist = new Uint32Array(BUCKETS);
    for (const e of this.entries)
      if (e instanceof Conversation && e.heavy) hist[Math.min(e.records, BUCKETS - 1)]!++;
    let threshold = 0;
    for (let acc = 0; threshold < BUCKETS; threshold++) {
      acc += hist[threshold]!;
      if (acc >= target) break;
    }
    const limit = threshold >= BUCKETS - 1 ? Number.POSITIVE_INFINITY : threshold;
    // oldest first: lower first-line numbers were seen earlier
    const victims: Conversation[] = [];
    for (const e of this.entries)
      if (e instanceof Conversation && e.heavy && e.records <= limit) victims.push(e);
    victims.sort((x, y) => x.firstLine - y.firstLine);
    for (const c of victims.slice(0, target)) {
      this.remove(c);
      this.heavy--;
      this.evictedHeavy++;
      if (c.records > this.evictedMaxRecords) this.evictedMaxRecords = c.records;
      this.onEvict(c);
    }
  }
}
