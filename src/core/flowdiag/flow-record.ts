import type { CompiledFormat } from '../flowlog/format.js';
import { ACTION_REJECT, REASON_BPA, RecordView } from '../flowlog/record-view.js';
import type { RecordItem } from '../flowlog/types.js';
import { detach, detachRecord } from './detach.js';

/**
 * One record as a conversation keeps it: the numbers the analysis judges by, and where the record
 * lies in the input, so that the record itself (a RecordItem, with every field) is only built when it
 * is cited as evidence or a rule needs a field the numbers leave out. Most records never are.
 *
 * Absent counters read as 0 (as the rules read them) and absent tcp-flags as -1. While a record
 * points into the input it keeps that chunk of text alive: anything that may live long calls
 * {@link detach}.
 */
export class FlowRecord {
  readonly line: number;
  /** ACTION_NONE, ACTION_ACCEPT or ACTION_REJECT (see record-view.ts) */
  readonly action: number;
  readonly packets: number;
  readonly bytes: number;
  readonly start: number;
  readonly end: number;
  /** tcp-flags, -1 when absent */
  readonly flags: number;
  /** flow-direction: DIR_NONE, DIR_INGRESS or DIR_EGRESS */
  readonly dir: number;
  /** REASON_NONE, REASON_BPA or REASON_OTHER */
  readonly rejectReason: number;
  private text: string;
  private lineStart: number;
  private lineEnd: number;
  private readonly format: CompiledFormat | undefined;
  private item: RecordItem | undefined;
  private detached = false;

  constructor(v: RecordView) {
    this.line = v.line;
    this.action = v.action;
    this.packets = Math.max(v.packets, 0);
    this.bytes = Math.max(v.bytes, 0);
    this.start = Math.max(v.start, 0);
    this.end = Math.max(v.end, 0);
    this.flags = v.tcpFlags;
    this.dir = v.dir;
    this.rejectReason = v.rejectReason;
    this.text = v.text;
    this.lineStart = v.lineStart;
    this.lineEnd = v.lineEnd;
    this.format = v.format as CompiledFormat | undefined;
    this.item = v.item;
  }

  /** The record of an item (read the careful way). */
  static fromItem(item: RecordItem): FlowRecord {
    return new FlowRecord(new RecordView().setItem(item));
  }

  /** A REJECT for VPC Block Public Access. */
  get bpa(): boolean {
    return this.action === ACTION_REJECT && this.rejectReason === REASON_BPA;
  }

  /** The record with every field (built on first use; the view path's reader reads the line again). */
  toItem(): RecordItem {
    if (this.item === undefined) {
      this.item = {
        kind: 'record',
        line: this.line,
        part: undefined,
        fields: this.format!.fast!(this.text, this.lineStart, this.lineEnd)!,
        format: this.format!,
      };
    }
    return this.item;
  }

  /**
   * Stops pointing into the input text: keeps its own copy of the line (the record is built from it
   * when it is needed), or, for a record that came as an item, a copy of the item.
   */
  detach(): this {
    if (!this.detached) {
      this.detached = true;
      if (this.text === '') this.item = detachRecord(this.toItem());
      else {
        this.text = detach(this.text.slice(this.lineStart, this.lineEnd));
        this.lineStart = 0;
        this.lineEnd = this.text.length;
        this.item = undefined;
      }
    }
    return this;
  }
}
