/**
 * `n.toLocaleString('en-US')` (1,234,567) without loading ICU's number formatting, which costs more
 * than a short diagnosis itself: whole numbers are grouped by hand, anything else goes to ICU.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}
