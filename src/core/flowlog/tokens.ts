/**
 * Low-level token helpers for the flow-log reader's hot path: no regular expressions, no allocation
 * beyond the token slices themselves.
 */

/** Splits `text` on runs of whitespace into `out` (reused between calls); returns the token count. */
export function splitTokens(text: string, out: string[]): number {
  let n = 0;
  let start = -1;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 0xa0) {
      if (start >= 0) {
        out[n++] = text.slice(start, i);
        start = -1;
      }
    } else if (start < 0) {
      start = i;
    }
  }
  if (start >= 0) out[n++] = text.slice(start);
  return n;
}

/**
 * Longest digit run read as a number: 15 digits always fit a double exactly (2^53 has 16), and no
 * flow-log counter comes near 10^15. The generated hot-path reader uses the same limit.
 */
export const MAX_INT_DIGITS = 15;

/**
 * True when the text holds a separator {@link splitTokens} knows other than the space: a tab or other
 * control character, or a no-break space. The hot path splits on spaces only.
 */
export function hasOtherSeparator(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c === 0xa0) return true;
  }
  return false;
}

/** Parses a token made only of ASCII digits; returns -1 for anything else (including `-`). */
export function parseUint(t: string): number {
  const len = t.length;
  if (len === 0 || len > MAX_INT_DIGITS) return -1;
  let n = 0;
  for (let i = 0; i < len; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** A cheap plausibility check for an IPv4 or IPv6 address token. */
export function looksLikeAddress(t: string): boolean {
  const len = t.length;
  if (len < 2 || len > 45) return false;
  let dots = 0;
  let colons = 0;
  for (let i = 0; i < len; i++) {
    const c = t.charCodeAt(i);
    if (c === 46) dots++;
    else if (c === 58) colons++;
    else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) return false;
  }
  return dots === 3 ? colons === 0 || colons >= 2 : colons >= 2;
}

export function startsWith(t: string, prefix: string): boolean {
  return t.length > prefix.length && t.startsWith(prefix);
}
