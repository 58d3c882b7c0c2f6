import { ACTION_ACCEPT, ACTION_NONE, ACTION_REJECT } from '../flowlog/record-view.js';
import { detach } from './detach.js';
import type { EniProfile } from './eni-profile.js';
import type { FlowRecord } from './flow-record.js';

/** flow-direction as a number: 0 unknown, 1 ingress, 2 egress, 3 both seen */
export type DirCode = 0 | 1 | 2 | 3;

/**
 * One conversation on one ENI: the records of a 5-tuple and of its reverse, across aggregation
 * windows. Side 0 holds the records from `a`:`pa` to `b`:`pb`, side 1 the reverse. Counters are flat
 * fields (not arrays) because a million of these may pass through the hot path.
 */
export class Conversation {
  records = 0;
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
  accRef0: FlowRecord | undefined;
  rejRef0: FlowRecord | undefined;
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
  accRef1: FlowRecord | undefined;
  rejRef1: FlowRecord | undefined;
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

  constructor(
    readonly hash: number,
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
  ) {}

  /**
   * Called when it becomes heavy (it may now live long): its strings and records stop pointing into
   * the input text (see detach).
   */
  detach(): void {
    if (this.detached) return;
    this.detached = true;
    this.a = detach(this.a);
    this.b = detach(this.b);
    this.accRef0?.detach();
    this.rejRef0?.detach();
    this.accRef1?.detach();
    this.rejRef1?.detach();
  }

  add(side: 0 | 1, r: FlowRecord): void {
    this.records++;
    const action = r.action;
    const flags = r.flags;
    const start = r.start;
    const end = r.end;
    if (side === 0) {
      if (this.acc0 + this.rej0 + this.unk0 === 0 && this.acc1 + this.rej1 + this.unk1 > 0)
        this.eni.bidirectional++;
      if (action === ACTION_ACCEPT) {
        this.acc0++;
        this.accRef0 ??= this.keep(r);
      } else if (action === ACTION_REJECT) {
        this.rej0++;
        this.rejRef0 ??= this.keep(r);
        if (r.bpa) this.bpa++;
      } else {
        this.unk0++;
        this.accRef0 ??= this.keep(r);
      }
      this.pk0 += r.packets;
      this.by0 += r.bytes;
      if (flags >= 0) this.fl0 = this.fl0 < 0 ? flags : this.fl0 | flags;
      this.dir0 = (this.dir0 | r.dir) as DirCode;
      if (start > 0 && (this.st0 === 0 || start < this.st0)) this.st0 = start;
      if (end > this.en0) this.en0 = end;
    } else {
      if (this.acc1 + this.rej1 + this.unk1 === 0 && this.acc0 + this.rej0 + this.unk0 > 0)
        this.eni.bidirectional++;
      if (action === ACTION_ACCEPT) {
        this.acc1++;
        this.accRef1 ??= this.keep(r);
      } else if (action === ACTION_REJECT) {
        this.rej1++;
        this.rejRef1 ??= this.keep(r);
        if (r.bpa) this.bpa++;
      } else {
        this.unk1++;
        this.accRef1 ??= this.keep(r);
      }
      this.pk1 += r.packets;
      this.by1 += r.bytes;
      if (flags >= 0) this.fl1 = this.fl1 < 0 ? flags : this.fl1 | flags;
      this.dir1 = (this.dir1 | r.dir) as DirCode;
      if (start > 0 && (this.st1 === 0 || start < this.st1)) this.st1 = start;
      if (end > this.en1) this.en1 = end;
    }
  }

  /** A record it keeps as evidence: once it may live long, the record must not pin the input text. */
  private keep(r: FlowRecord): FlowRecord {
    return this.detached ? r.detach() : r;
  }
}

/**
 * A young conversation with at most one record per direction so far (a request and its reply, or a
 * probe): just the key and those records. Most conversations are this and nothing more, so it is kept
 * small; a third record (or a second one the same way) turns it into a full Conversation.
 */
export class FreshEntry {
  id = 0;
  lastRecord = 0;
  /** the conversation it became when it outgrew this */
  full: Conversation | undefined;
  rec0: FlowRecord | undefined;
  rec1: FlowRecord | undefined;
  readonly firstLine: number;
  // The ends' addresses: given, or cut out of `text` on first use (most young conversations are
  // judged without them, and strings made early would only add to what every garbage collection
  // of the young generation copies).
  private aStr: string | undefined;
  private bStr: string | undefined;
  private text = '';
  private aStart = 0;
  private aEnd = 0;
  private bStart = 0;
  private bEnd = 0;

  constructor(
    readonly hash: number,
    readonly eniHash: number,
    readonly eni: EniProfile,
    readonly proto: number,
    a: string | undefined,
    readonly ha: number,
    readonly pa: number,
    b: string | undefined,
    readonly hb: number,
    readonly pb: number,
    side: 0 | 1,
    rec: FlowRecord,
  ) {
    this.aStr = a;
    this.bStr = b;
    if (side === 0) this.rec0 = rec;
    else this.rec1 = rec;
    this.firstLine = rec.line;
  }

  /** Gives the ends' addresses as places in `text` instead of strings. */
  at(text: string, aStart: number, aEnd: number, bStart: number, bEnd: number): this {
    this.text = text;
    this.aStart = aStart;
    this.aEnd = aEnd;
    this.bStart = bStart;
    this.bEnd = bEnd;
    return this;
  }

  get a(): string {
    this.aStr ??= this.text.slice(this.aStart, this.aEnd);
    return this.aStr;
  }

  get b(): string {
    this.bStr ??= this.text.slice(this.bStart, this.bEnd);
    return this.bStr;
  }

  get records(): number {
    return (this.rec0 ? 1 : 0) + (this.rec1 ? 1 : 0);
  }

  /** REJECTs with reject-reason BPA. */
  get bpa(): number {
    return (this.rec0?.bpa ? 1 : 0) + (this.rec1?.bpa ? 1 : 0);
  }

  /** Takes the first record of the other direction; false when it needs a full Conversation. */
  add(side: 0 | 1, rec: FlowRecord): boolean {
    if (side === 0) {
      if (this.rec0) return false;
      this.rec0 = rec;
    } else {
      if (this.rec1) return false;
      this.rec1 = rec;
    }
    this.eni.bidirectional++;
    return true;
  }

  toConversation(): Conversation {
    const first = this.rec0 && this.rec1 ? Math.min(this.rec0.line, this.rec1.line) : this.firstLine;
    const c = new Conversation(
      this.hash,
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
    const both = this.rec0 !== undefined && this.rec1 !== undefined;
    if (both) this.eni.bidirectional--;
    if (this.rec0) c.add(0, this.rec0);
    if (this.rec1) c.add(1, this.rec1);
    c.lastRecord = this.lastRecord;
    return c;
  }
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
  acceptRef: FlowRecord | undefined;
  rejectRef: FlowRecord | undefined;
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
    const r = side === 0 ? c.rec0 : c.rec1;
    if (r === undefined) {
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
    const action = r.action;
    out.accepted = action === ACTION_ACCEPT ? 1 : 0;
    out.rejected = action === ACTION_REJECT ? 1 : 0;
    out.unknown = action === ACTION_NONE ? 1 : 0;
    out.records = 1;
    out.packets = r.packets;
    out.bytes = r.bytes;
    out.flags = r.flags;
    out.dir = r.dir as DirCode;
    out.start = r.start;
    out.end = r.end;
    out.acceptRef = action === ACTION_REJECT ? undefined : r;
    out.rejectRef = action === ACTION_REJECT ? r : undefined;
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
