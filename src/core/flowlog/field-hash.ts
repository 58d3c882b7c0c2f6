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
