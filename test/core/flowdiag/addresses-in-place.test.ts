import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isIPv6,
  isIPv6At,
  isPrivateAddress,
  isPrivateAddressAt,
} from '../../../src/core/flowdiag/addresses.js';

/** Address-like tokens, including the odd ones a fast-path reader lets through. */
const token = fc.oneof(
  fc.ipV4(),
  fc.ipV6(),
  fc.constantFrom(
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '172.32.0.1',
    '172.15.0.1',
    '172.',
    '172.+20.1.1',
    '172.0020.1.1',
    '172.1x',
    '100.64.0.1',
    '100.127.1.1',
    '100.128.0.1',
    '100.-70.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '127.0.0.1',
    '1.2.3.4',
    'fd00::1',
    'FE80::1',
    '::1',
    '10.0.0.1:80',
    '172.00165.1.1',
    '172.0016.1.1',
    '100.000640',
    '100.00064.1.1',
    '192.169.0.1',
    '192.16.0.1',
    '169.25.0.1',
    '127.',
    '10',
  ),
  fc
    .tuple(fc.constantFrom('1', '17', '172.', '100.', '10', '169.2', '19'), fc.string({ maxLength: 6 }))
    .map(([p, rest]) => p + rest),
);

describe('address checks read in place', () => {
  it('agree with the string checks for any token inside a larger text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 5 }), token, fc.string({ maxLength: 5 }), (before, t, after) => {
        const text = before + t + after;
        const start = before.length;
        const end = start + t.length;
        expect(isPrivateAddressAt(text, start, end)).toBe(isPrivateAddress(t));
        expect(isIPv6At(text, start, end)).toBe(isIPv6(t));
      }),
      { numRuns: 2000 },
    );
  });
});
