/**
 * String hashes shared by the reader's hot path (which hashes a field while it scans it) and the flow
 * analyzer (which keys conversations by these hashes): both must compute exactly the same numbers.
 */

/** The FNV-1a prime. */
export const FNV_PRIME = 0x01000193;

/** The FNV-1a offset basis, the seed of ENI id hashes. */
export const ENI_SEED = 0x811c9dc5;

/** The seed of address hashes. */
export const ADDR_SEED = 0x9747b28c;

/** FNV-1a over a string's UTF-16 code units, continuing from `h`. */
export function hashString(s: string, h: number): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** {@link hashString} of `text.slice(start, end)`, without slicing. */
export function hashRange(text: string, start: number, end: number, h: number): number {
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** The seed of {@link hashString2}. */
export const SECOND_SEED = 0x27d4eb2f;

/**
 * A second, independent string hash (polynomial, then mixed): paired with hashString it identifies
 * an interface id without comparing strings.
 */
export function hashString2(s: string): number {
  return hashRange2(s, 0, s.length);
}

/** {@link hashString2} of `text.slice(start, end)`, without slicing. */
export function hashRange2(text: string, start: number, end: number): number {
  let h = SECOND_SEED;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return mix2(h);
}

/** The last step of {@link hashString2}. */
export function mix2(h: number): number {
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) | 0;
}
