import type { RecordItem } from '../flowlog/types.js';
import { detach, detachRecord } from './detach.js';
import type { EniProfile } from './eni-profile.js';

/** flow-direction as a number: 0 unknown, 1 ingress, 2 egress, 3 both seen */
export type DirCode = 0 | 1 | 2 | 3;

/**
 * One conversation on one ENI: the records of a 5-tuple and of its reverse, across aggregation
 * windows. Side 0 holds the records from `a`:`pa` to `b`:`pb`, side 1 the reverse. Counters are flat
 * fields (not arrays) because a million of these may pass through the hot path.
 */
export class Conversation {
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
  /** ConversationTable: kept past its generation because it is long-lived */
  heavy = false;
  /** ConversationTable: the index of its latest record */
  lastRecord = 0;
  /** ConversationTable bookkeeping */
  id = 0;
  slot = 0;

  constructor(
    readonly hash: number,
    /** the record's interface-id (its profile may be a shared overflow one) */
    public eniId: string,
    readonly eniHash: number,
    readonly eni: EniProfile,
    readonly proto: number,
    public a: string,
    readonly ha: number,
    readonly pa: number,
    public b: string,
    readonly hb: number,
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
    if (this.detached) return;
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
 * A young conversation with at most one record per direction so far (a request and its reply, or a
 * probe): just the key and those records. Most conversations are this and nothing more, so it is kept
 * small; a third record (or a second one the same way) turns it into a full Conversation.
 */
export class FreshEntry {
  id = 0;
  slot = 0;
  lastRecord = 0;
  /** the conversation it became when it outgrew this */
  full: Conversation | undefined;
  item0: RecordItem | undefined;
  item1: RecordItem | undefined;
  readonly firstLine: number;

  constructor(
    readonly hash: number,
    readonly eniId: string,
    readonly eniHash: number,
    readonly eni: EniProfile,
    readonly proto: number,
    readonly a: string,
    readonly ha: number,
    readonly pa: number,
    readonly b: string,
    readonly hb: number,
    readonly pb: number,
    side: 0 | 1,
    item: RecordItem,
  ) {
    if (side === 0) this.item0 = item;
    else this.item1 = item;
    this.firstLine = item.line;
  }

  get records(): number {
    return (this.item0 ? 1 : 0) + (this.item1 ? 1 : 0);
  }

  /** REJECTs with reject-reason BPA. */
  get bpa(): number {
    return (isBpa(this.item0) ? 1 : 0) + (isBpa(this.item1) ? 1 : 0);
  }

  /** Takes the first record of the other direction; false when it needs a full Conversation. */
  add(side: 0 | 1, item: RecordItem): boolean {
    if (side === 0) {
      if (this.item0) return false;
      this.item0 = item;
    } else {
      if (this.item1) return false;
      this.item1 = item;
    }
    this.eni.bidirectional++;
    return true;
  }

  toConversation(): Conversation {
    const first = this.item0 && this.item1 ? Math.min(this.item0.line, this.item1.line) : this.firstLine;
    const c = new Conversation(
      this.hash,
      this.eniId,
      this.eniHash,
      this.eni,
      this.proto,
      this.a,
      this.ha,
      this.pa,
      this.b,
      this.hb,
      this.pb,
      first,
    );
    // the ENI already counted this conversation as seen both ways
    const both = this.item0 !== undefined && this.item1 !== undefined;
    if (both) this.eni.bidirectional--;
    if (this.item0) c.add(0, this.item0);
    if (this.item1) c.add(1, this.item1);
    c.lastRecord = this.lastRecord;
    return c;
  }
}

function isBpa(item: RecordItem | undefined): boolean {
  return item !== undefined && item.fields.action === 'REJECT' && item.fields['reject-reason'] === 'BPA';
}

/** What classification and aggregation read from a conversation, young or full. */
export type ConversationLike = Conversation | FreshEntry;

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

export function newSideView(): SideView {
  return {
    accepted: 0,
    rejected: 0,
    unknown: 0,
    records: 0,
    packets: 0,
    bytes: 0,
    flags: -1,
    dir: 0,
    start: 0,
    end: 0,
    acceptRef: undefined,
    rejectRef: undefined,
  };
}

/** Fills `out` with one direction of a conversation (no allocation: this runs per conversation). */
export function sideView(c: ConversationLike, side: 0 | 1, out: SideView = newSideView()): SideView {
  if (c instanceof FreshEntry) {
    const item = side === 0 ? c.item0 : c.item1;
    if (item === undefined) {
      out.accepted = 0;
      out.rejected = 0;
      out.unknown = 0;
      out.records = 0;
      out.packets = 0;
      out.bytes = 0;
      out.flags = -1;
      out.dir = 0;
      out.start = 0;
      out.end = 0;
      out.acceptRef = undefined;
      out.rejectRef = undefined;
      return out;
    }
    const f = item.fields;
    const action = f.action;
    const dir = f['flow-direction'];
    out.accepted = action === 'ACCEPT' ? 1 : 0;
    out.rejected = action === 'REJECT' ? 1 : 0;
    out.unknown = action === undefined ? 1 : 0;
    out.records = 1;
    out.packets = f.packets ?? 0;
    out.bytes = f.bytes ?? 0;
    out.flags = f['tcp-flags'] ?? -1;
    out.dir = dir === 'ingress' ? 1 : dir === 'egress' ? 2 : 0;
    out.start = f.start ?? 0;
    out.end = f.end ?? 0;
    out.acceptRef = action === 'REJECT' ? undefined : item;
    out.rejectRef = action === 'REJECT' ? item : undefined;
    return out;
  }
  if (side === 0) {
    out.accepted = c.acc0;
    out.rejected = c.rej0;
    out.unknown = c.unk0;
    out.records = c.acc0 + c.rej0 + c.unk0;
    out.packets = c.pk0;
    out.bytes = c.by0;
    out.flags = c.fl0;
    out.dir = c.dir0;
    out.start = c.st0;
    out.end = c.en0;
    out.acceptRef = c.accRef0;
    out.rejectRef = c.rejRef0;
  } else {
    out.accepted = c.acc1;
    out.rejected = c.rej1;
    out.unknown = c.unk1;
    out.records = c.acc1 + c.rej1 + c.unk1;
    out.packets = c.pk1;
    out.bytes = c.by1;
    out.flags = c.fl1;
    out.dir = c.dir1;
    out.start = c.st1;
    out.end = c.en1;
    out.acceptRef = c.accRef1;
    out.rejectRef = c.rejRef1;
  }
  return out;
}
