import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ConversationLike, FreshEntry } from '../../../src/core/flowdiag/conversation.js';
import { ConversationTable } from '../../../src/core/flowdiag/conversation-table.js';
import { EniProfile } from '../../../src/core/flowdiag/eni-profile.js';
import { FlowRecord } from '../../../src/core/flowdiag/flow-record.js';
import { FlowLogReader } from '../../../src/core/flowlog/reader.js';
import type { RecordItem } from '../../../src/core/flowlog/types.js';

const items: RecordItem[] = [];
new FlowLogReader({ onItem: (i) => i.kind === 'record' && items.push(i) }).text(
  '2 123456789012 eni-0a1b2c3d4e5f60718 10.0.0.5 10.0.0.9 40001 443 6 3 180 1775500000 1775500060 ACCEPT OK',
);
const eni = new EniProfile('eni-0a1b2c3d4e5f60718');

describe('the conversation table', () => {
  it('finds every conversation it holds and none it dropped, even when their hashes collide', () => {
    // keys whose hashes share their low bits, so they pile up in the same probe runs, some of them
    // at the end of the (4096-slot) table so that the runs wrap around
    const key = fc.record({
      h: fc.tuple(fc.constantFrom(0, 1, 4094, 4095), fc.nat(15)).map(([home, k]) => home + k * 4096),
      port: fc.nat(40),
    });
    fc.assert(
      fc.property(fc.array(key, { minLength: 100, maxLength: 400, size: 'max' }), (keys) => {
        const dropped = new Set<ConversationLike>();
        const table = new ConversationTable(16, 8, (c) => dropped.add(c));
        const held = new Map<string, FreshEntry>();
        const find = (h: number, port: number) => table.find(h, 0, 6, 1, port, 2, 443);
        for (const { h, port } of keys) {
          const index = table.tick();
          for (const [k, e] of held) if (dropped.has(e.full ?? e)) held.delete(k);
          const k = `${h} ${port}`;
          const found = find(h, port);
          expect(found, k).toBe(held.has(k) ? (held.get(k)!.full ?? held.get(k)) : undefined);
          if (found !== undefined) {
            found.lastRecord = index;
            continue;
          }
          const e = new FreshEntry(
            h,
            0,
            eni,
            6,
            'a',
            1,
            port,
            'b',
            2,
            443,
            0,
            FlowRecord.fromItem(items[0]!),
          );
          e.lastRecord = index;
          table.insert(e);
          held.set(k, e);
        }
        expect(table.size).toBe([...table.values()].length);
        for (const c of table.values()) expect(find(c.hash, c.pa)).toBe(c);
      }),
      { numRuns: 100 },
    );
  });
});
