/** Hashing for the hot path: no strings are built to key maps. */

/** The FNV-1a offset basis, the seed of ENI id hashes. */
export const ENI_SEED = 0x811c9dc5;

/** FNV-1a over a string's UTF-16 code units, continuing from `h`. */
export function hashString(s: string, h: number): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
