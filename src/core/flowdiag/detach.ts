import type { FlowFields, RecordItem, SkippedItem } from '../flowlog/types.js';

/**
 * A copy of `s` that does not keep its source text alive. Field strings are slices of the input line,
 * and a line is a slice of the whole chunk it was read from (up to a megabyte): keeping one field
 * would keep the chunk. Anything the analysis keeps past the current record goes through here, so
 * memory stays bounded by what is kept, not by the input. (Concatenation makes a new string, and
 * slicing it flattens that into fresh memory.)
 */
export function detach(s: string): string;
export function detach(s: string | undefined): string | undefined;
export function detach(s: string | undefined): string | undefined {
  return s === undefined ? undefined : ` ${s}`.slice(1);
}

/** A copy of a record whose strings no longer point into the input text. */
export function detachRecord<T extends RecordItem | SkippedItem>(item: T): T {
  const fields: FlowFields = {};
  for (const [k, v] of Object.entries(item.fields)) {
    if (v === undefined) continue;
    fields[k] = typeof v === 'string' ? detach(v) : v;
  }
  return { ...item, fields };
}
