import type { RecordItem } from '../flowlog/types.js';
import type { Weighted } from './bounded-map.js';
import { detach, detachRecord } from './detach.js';
import type { EniProfile } from './eni-profile.js';

/** flow-direction as a number: 0 unknown, 1 ingress, 2 egress, 3 both seen */
export type DirCode = 0 | 1 | 2 | 3;

/**
 * One conversation on one ENI: the records of a 5-tuple and of its reverse, across aggregation
 * windows. Side 0 holds the records from `a`:`pa` to `b`:`pb`, side 1 the reverse. Counters are flat
 * fields (not arrays) because a million of these may pass through the hot path.
 */
export class Conversation implements Weighted {
  records = 0;
  lastLine: number;
  // side 0 (a → b)
  acc0 = 0;
  rej0 = 0;
  unk0 = 0;
  pk0 = 0;
  by0 = 0;
  fl0 = -1;
  dir0: DirCode = 0;
  st0 = 0;
  en0 = 0;
  accRef0: RecordItem | undefined;
  rejRef0: RecordItem | undefined;
  // side 1 (b → a)
  acc1 = 0;
  rej1 = 0;
  unk1 = 0;
  pk1 = 0;
  by1 = 0;
  fl1 = -1;
  dir1: DirCode = 0;
  st1 = 0;
  en1 = 0;
  accRef1: RecordItem | undefined;
  rejRef1: RecordItem | undefined;
  /** REJECTs with reject-reason BPA (VPC Block Public Access) */
  bpa = 0;
  /** its strings and records no longer point into the input (it may live long) */
  private detached = false;
  /** ConversationTable bookkeeping */
  id = 0;
  slot = 0;

  constructor(
    readonly hash: number,
    /** the record's interface-id (its profile may be a shared overflow one) */
    public eniId: string,
    readonly eni: EniProfile,
    readonly proto: number,
    public a: string,
    readonly pa: number,
    public b: string,
    readonly pb: number,
    readonly firstLine: number,
  ) {
    this.lastLine = firstLine;
  }

  /**
   * Called when it graduates (it may now live long): its strings and records stop pointing into the
   * input text (see detach).
   */
  detach(): void {
    this.detached = true;
    this.eniId = detach(this.eniId);
    this.a = detach(this.a);
    this.b = detach(this.b);
    if (this.accRef0) this.accRef0 = detachRecord(this.accRef0);
    if (this.rejRef0) this.rejRef0 = detachRecord(this.rejRef0);
    if (this.accRef1) this.accRef1 = detachRecord(this.accRef1);
    if (this.rejRef1) this.rejRef1 = detachRecord(this.rejRef1);
  }

  weight(): number {
    return this.records;
  }

  add(side: 0 | 1, item: RecordItem): void {
    const f = item.fields;
    this.records++;
    this.lastLine = item.line;
    const action = f.action;
    const packets = f.packets ?? 0;
    const bytes = f.bytes ?? 0;
    const flags = f['tcp-flags'];
    const dir = f['flow-direction'];
    const start = f.start ?? 0;
    const end = f.end ?? 0;
    if (side === 0) {
      if (this.acc0 + this.rej0 + this.unk0 === 0 && this.acc1 + this.rej1 + this.unk1 > 0)
        this.eni.bidirectional++;
      if (action === 'ACCEPT') {
        this.acc0++;
        this.accRef0 ??= this.detached ? detachRecord(item) : item;
      } else if (action === 'REJECT') {
        this.rej0++;
        this.rejRef0 ??= this.detached ? detachRecord(item) : item;
        if (f['reject-reason'] === 'BPA') this.bpa++;
      } else {
        this.unk0++;
        this.accRef0 ??= this.detached ? detachRecord(item) : item;
      }
      this.pk0 += packets;
      this.by0 += bytes;
      if (flags !== undefined) this.fl0 = this.fl0 < 0 ? flags : this.fl0 | flags;
      if (dir !== undefined)
        this.dir0 = (this.dir0 | (dir === 'ingress' ? 1 : dir === 'egress' ? 2 : 0)) as DirCode;
      if (start > 0 && (this.st0 === 0 || start < this.st0)) this.st0 = start;
      if (end > this.en0) this.en0 = end;
    } else {
      if (this.acc1 + this.rej1 + this.unk1 === 0 && this.acc0 + this.rej0 + this.unk0 > 0)
        this.eni.bidirectional++;
      if (action === 'ACCEPT') {
        this.acc1++;
        this.accRef1 ??= this.detached ? detachRecord(item) : item;
      } else if (action === 'REJECT') {
        this.rej1++;
        this.rejRef1 ??= this.detached ? detachRecord(item) : item;
        if (f['reject-reason'] === 'BPA') this.bpa++;
      } else {
        this.unk1++;
        this.accRef1 ??= this.detached ? detachRecord(item) : item;
      }
      this.pk1 += packets;
      this.by1 += bytes;
      if (flags !== undefined) this.fl1 = this.fl1 < 0 ? flags : this.fl1 | flags;
      if (dir !== undefined)
        this.dir1 = (this.dir1 | (dir === 'ingress' ? 1 : dir === 'egress' ? 2 : 0)) as DirCode;
      if (start > 0 && (this.st1 === 0 || start < this.st1)) this.st1 = start;
      if (end > this.en1) this.en1 = end;
    }
  }

  /** Records on a side. */
  count(side: 0 | 1): number {
    return side === 0 ? this.acc0 + this.rej0 + this.unk0 : this.acc1 + this.rej1 + this.unk1;
  }
}

/**
 * A conversation with one record so far: just the key and the record (a full Conversation is made
 * when a second record arrives, or when it is judged alone). Small, because most of these die young.
 */
export class FreshEntry {
  id = 0;
  slot = 0;

  constructor(
    readonly hash: number,
    readonly eniId: string,
    readonly eni: EniProfile,
    readonly proto: number,
    readonly a: string,
    readonly pa: number,
    readonly b: string,
    readonly pb: number,
    readonly side: 0 | 1,
    readonly item: RecordItem,
  ) {}

  toConversation(): Conversation {
    const c = new Conversation(
      this.hash,
      this.eniId,
      this.eni,
      this.proto,
      this.a,
      this.pa,
      this.b,
      this.pb,
      this.item.line,
    );
    c.add(this.side, this.item);
    return c;
  }
}

/** The side-indexed view of a conversation that the rules read (no hot-path cost). */
export interface SideView {
  accepted: number;
  rejected: number;
  unknown: number;
  records: number;
  packets: number;
  bytes: number;
  /** OR of tcp-flags, or -1 when no record had them */
  flags: number;
  dir: DirCode;
  start: number;
  end: number;
  acceptRef: RecordItem | undefined;
  rejectRef: RecordItem | undefined;
}

export function sideView(c: Conversation, side: 0 | 1): SideView {
  return side === 0
    ? {
        accepted: c.acc0,
        rejected: c.rej0,
        unknown: c.unk0,
        records: c.acc0 + c.rej0 + c.unk0,
        packets: c.pk0,
        bytes: c.by0,
        flags: c.fl0,
        dir: c.dir0,
        start: c.st0,
        end: c.en0,
        acceptRef: c.accRef0,
        rejectRef: c.rejRef0,
      }
    : {
        accepted: c.acc1,
        rejected: c.rej1,
        unknown: c.unk1,
        records: c.acc1 + c.rej1 + c.unk1,
        packets: c.pk1,
        bytes: c.by1,
        flags: c.fl1,
        dir: c.dir1,
        start: c.st1,
        end: c.en1,
        acceptRef: c.accRef1,
        rejectRef: c.rejRef1,
      };
}
