import { FlowLogReader } from '../../src/core/flowlog/reader.js';
import type { InvalidItem, ParseItem, RecordItem, SkippedItem } from '../../src/core/flowlog/types.js';

/** Reads a whole text and returns every item plus the reader's counts and warnings. */
export function readAll(text: string, format?: string) {
  const items: ParseItem[] = [];
  const reader = new FlowLogReader({ format, onItem: (i) => items.push(i) });
  reader.text(text);
  const { stats, warnings } = reader.end();
  return {
    items,
    stats,
    warnings,
    records: items.filter((i): i is RecordItem => i.kind === 'record'),
    skipped: items.filter((i): i is SkippedItem => i.kind === 'skipped'),
    invalid: items.filter((i): i is InvalidItem => i.kind === 'invalid'),
  };
}
