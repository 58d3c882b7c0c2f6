import { ADDR_SEED, ENI_SEED, hashString, hashString2 } from './field-hash.js';
import type { CompiledFormat } from './format.js';
import type { FlowFields, FlowFormat, RecordItem } from './types.js';

/** `action` as a number: absent (or `-`), ACCEPT, REJECT. */
export const ACTION_NONE = 0;
export const ACTION_ACCEPT = 1;
export const ACTION_REJECT = 2;

/** `log-status` as a number: absent (or `-`), OK, NODATA, SKIPDATA. */
export const STATUS_NONE = 0;
export const STATUS_OK = 1;
export const STATUS_NODATA = 2;
export const STATUS_SKIPDATA = 3;

/** `flow-direction` as a number: absent (or any other word), ingress, egress. */
export const DIR_NONE = 0;
export const DIR_INGRESS = 1;
export const DIR_EGRESS = 2;

/** `reject-reason` as a number: absent (or `-`), BPA, any other reason. */
export const REASON_NONE = 0;
export const REASON_BPA = 1;
export const REASON_OTHER = 2;

/**
 * One record as the reader's fast lane hands it over, without building objects: the fields a flow
 * analysis judges by as numbers (-1 when a field is absent from the layout or `-`), the interface id
 * and both addresses as places in the input text with their hashes (computed while the line was
 * scanned, see field-hash.ts), and the line itself, so the full record can still be built when it is
 * needed ({@link toItem}).
 *
 * A view is reused for the next line: read what you need at once, and keep a record by copying it
 * (or by calling toItem).
 */
export class RecordView {
  /** the text the line lies in (a chunk of a file), and where */
  text = '';
  lineStart = 0;
  lineEnd = 0;
  /** 1-based line number */
  line = 0;
  format: FlowFormat | undefined;
  /** set when the record was read the careful way and arrived as an item */
  item: RecordItem | undefined;
  srcport = -1;
  dstport = -1;
  protocol = -1;
  packets = -1;
  bytes = -1;
  start = -1;
  end = -1;
  tcpFlags = -1;
  action = ACTION_NONE;
  status = STATUS_NONE;
  dir = DIR_NONE;
  rejectReason = REASON_NONE;
  /** interface-id, srcaddr, dstaddr: [start, end) in `text`, -1 when absent */
  eniStart = -1;
  eniEnd = -1;
  srcStart = -1;
  srcEnd = -1;
  dstStart = -1;
  dstEnd = -1;
  /** hashString(interface-id, ENI_SEED), with '' for an absent id; hashString(addr, ADDR_SEED) */
  eniHash = ENI_SEED;
  /** hashString2(interface-id), with '' for an absent id: with eniHash, identifies the interface */
  eniHash2 = 0;
  srcHash = 0;
  dstHash = 0;

  /** interface-id, or '' */
  eniId(): string {
    if (this.item !== undefined) return this.item.fields['interface-id'] ?? '';
    return this.eniStart < 0 ? '' : this.text.slice(this.eniStart, this.eniEnd);
  }

  /** srcaddr has a colon within its first five characters (IPv6; IPv4 never does). */
  srcIsV6(): boolean {
    if (this.item !== undefined) return (this.item.fields.srcaddr ?? '').slice(0, 5).includes(':');
    const end = Math.min(this.srcStart + 5, this.srcEnd);
    for (let i = this.srcStart; i < end; i++) if (this.text.charCodeAt(i) === 58) return true;
    return false;
  }

  srcaddr(): string | undefined {
    if (this.item !== undefined) return this.item.fields.srcaddr;
    return this.srcStart < 0 ? undefined : this.text.slice(this.srcStart, this.srcEnd);
  }

  dstaddr(): string | undefined {
    if (this.item !== undefined) return this.item.fields.dstaddr;
    return this.dstStart < 0 ? undefined : this.text.slice(this.dstStart, this.dstEnd);
  }

  /** The fields, exactly as the item path would have them (built now, unless it came as an item). */
  fields(): FlowFields {
    if (this.item !== undefined) return this.item.fields;
    return (this.format as CompiledFormat).fast!(this.text, this.lineStart, this.lineEnd)!;
  }

  /** The record as an item (built now, unless it came as one). */
  toItem(): RecordItem {
    return (
      this.item ?? {
        kind: 'record',
        line: this.line,
        part: undefined,
        fields: this.fields(),
        format: this.format!,
      }
    );
  }

  /** Fills the view from a record read the careful way. */
  setItem(item: RecordItem): this {
    const f = item.fields;
    this.item = item;
    this.text = '';
    this.lineStart = 0;
    this.lineEnd = 0;
    this.line = item.line;
    this.format = item.format;
    this.srcport = f.srcport ?? -1;
    this.dstport = f.dstport ?? -1;
    this.protocol = f.protocol ?? -1;
    this.packets = f.packets ?? -1;
    this.bytes = f.bytes ?? -1;
    this.start = f.start ?? -1;
    this.end = f.end ?? -1;
    this.tcpFlags = f['tcp-flags'] ?? -1;
    this.action = f.action === 'ACCEPT' ? ACTION_ACCEPT : f.action === 'REJECT' ? ACTION_REJECT : ACTION_NONE;
    const s = f['log-status'];
    this.status =
      s === 'OK'
        ? STATUS_OK
        : s === 'NODATA'
          ? STATUS_NODATA
          : s === 'SKIPDATA'
            ? STATUS_SKIPDATA
            : STATUS_NONE;
    const d = f['flow-direction'];
    this.dir = d === 'ingress' ? DIR_INGRESS : d === 'egress' ? DIR_EGRESS : DIR_NONE;
    const r = f['reject-reason'];
    this.rejectReason = r === undefined ? REASON_NONE : r === 'BPA' ? REASON_BPA : REASON_OTHER;
    // the strings come from the item: a start of 0 only says the address is there
    this.eniStart = -1;
    this.eniEnd = -1;
    this.srcStart = f.srcaddr === undefined ? -1 : 0;
    this.srcEnd = -1;
    this.dstStart = f.dstaddr === undefined ? -1 : 0;
    this.dstEnd = -1;
    this.eniHash = hashString(f['interface-id'] ?? '', ENI_SEED);
    this.eniHash2 = hashString2(f['interface-id'] ?? '');
    this.srcHash = f.srcaddr === undefined ? 0 : hashString(f.srcaddr, ADDR_SEED);
    this.dstHash = f.dstaddr === undefined ? 0 : hashString(f.dstaddr, ADDR_SEED);
    return this;
  }
}
