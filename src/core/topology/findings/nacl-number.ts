import type { Nacl, NaclEntry } from '../model/types.js';

/** A free rule number for a new allow entry: below the deny that wins today, else after the last rule. */
export function freeRuleNumber(n: Nacl, egress: boolean, denying?: NaclEntry): number {
  const used = new Set(n.entries.filter((e) => e.egress === egress).map((e) => e.number));
  if (denying && denying.number < 32767) {
    for (let k = denying.number - 1; k >= 1; k--) if (!used.has(k)) return k;
  }
  const user = [...used].filter((x) => x < 32767);
  const start = user.length ? Math.max(...user) : 90;
  let k = Math.min(32766, Math.ceil((start + 1) / 10) * 10);
  while (used.has(k) && k < 32766) k++;
  return k;
}
