import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/core/report/format-count.js';

describe('counts in reports', () => {
  it('are written exactly as toLocaleString("en-US") writes them', () => {
    for (const n of [
      0,
      -0,
      1,
      12,
      999,
      1000,
      12345,
      999999,
      1000000,
      -1234567,
      2 ** 53,
      1.5,
      1234.5678,
      Number.NaN,
    ])
      expect(formatCount(n), String(n)).toBe(n.toLocaleString('en-US'));
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double()), (n) => {
        expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
      }),
      { numRuns: 500 },
    );
  });
});
