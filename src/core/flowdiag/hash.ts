/** Hashing for the hot path: no strings are built to key maps. */
export { ADDR_SEED, ENI_SEED, hashString, hashString2 } from '../flowlog/field-hash.js';

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
