import type { RecordItem, SkippedItem } from '../flowlog/types.js';
import type { Evidence } from '../report/schema.js';

/** The field names of a format, in the log's order. */
export function fieldOrder(format: RecordItem['format']): readonly string[] {
  return (format as { names?: readonly string[] }).names ?? format.fields.map((s) => s.name);
}

/** A record as the user's log has it: its fields in the log's order, `-` for the empty ones. */
export function recordText(item: RecordItem | SkippedItem): string {
  const f = item.fields;
  const order = fieldOrder(item.format);
  let out = '';
  for (let i = 0; i < order.length; i++) {
    const v = f[order[i]!];
    out += (i === 0 ? '' : ' ') + (v === undefined ? '-' : String(v));
  }
  return out;
}

/** Evidence citing one record by its input line. */
export function recordEvidence(item: RecordItem | SkippedItem, note?: string): Evidence {
  return note === undefined
    ? { kind: 'record', lines: [item.line], text: recordText(item) }
    : { kind: 'record', lines: [item.line], text: recordText(item), note };
}

/** A one-line summary of many records (no line numbers). */
export function summaryEvidence(text: string, note?: string): Evidence {
  return note === undefined
    ? { kind: 'summary', lines: [], text }
    : { kind: 'summary', lines: [], text, note };
}
