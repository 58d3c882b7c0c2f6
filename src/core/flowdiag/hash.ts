/** Hashing for the hot path: no strings are built to key maps. */

/** The FNV-1a offset basis, the seed of ENI id hashes. */
export const ENI_SEED = 0x811c9dc5;

/** FNV-1a over a string's UTF-16 code units, continuing from `h`. */
export function hashString(s: string, h: number): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** The seed of address hashes. */
export const ADDR_SEED = 0x9747b28c;

/** A second, independent string hash (polynomial, then mixed): paired with hashString it makes ids unique enough to compare by number. */
export function hashString2(s: string): number {
  let h = 0x27d4eb2f;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) | 0;
}

/**
 * The hash of a conversation key from its parts' hashes: ENI, protocol, then both ends (address hash
 * and port) in canonical order.
 */
export function conversationHash(
  eniHash: number,
  proto: number,
  ha: number,
  pa: number,
  hb: number,
  pb: number,
): number {
  let h = Math.imul(eniHash ^ proto, 0x01000193);
  h = Math.imul(h ^ ha, 0x01000193);
  h = Math.imul(h ^ pa, 0x01000193);
  h = Math.imul(h ^ hb, 0x01000193);
  h = Math.imul(h ^ pb, 0x01000193);
  h ^= h >>> 16;
  return Math.imul(h, 0x45d9f3b) | 0;
}
