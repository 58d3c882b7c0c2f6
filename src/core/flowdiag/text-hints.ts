import type { TextLine } from '../analysis-context.js';

const ENI = /\beni-[0-9a-f]{8,17}\b/g;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
/** Words people use when they say whose interface the records come from. */
const INTERFACE_WORDS = /\b(eni|interface|network interface|flow ?logs? (from|of|on)|stream)\b/i;

/**
 * Addresses the user's text ties to an ENI whose records cannot tell its own address (one
 * conversation only, both ends private): "flow logs from eni-0abc… (10.0.1.5)", or, when the input has
 * a single ENI, "flow log from app-1's eni (10.0.21.9)". Only one of the ENI's two candidate addresses
 * counts, and only when the line names exactly one of them.
 */
export function eniAddressHints(
  text: readonly TextLine[],
  unresolved: ReadonlyMap<string, readonly string[]>,
  singleEni: boolean,
): Map<string, string> {
  const out = new Map<string, string>();
  if (unresolved.size === 0) return out;
  for (const { text: t } of text) {
    if (t.length > 1000) continue;
    const ips = new Set(t.match(IPV4) ?? []);
    if (ips.size === 0) continue;
    const enis = [...new Set(t.match(ENI) ?? [])];
    let targets: string[];
    if (enis.length > 0) targets = enis.filter((e) => unresolved.has(e));
    else if (singleEni && INTERFACE_WORDS.test(t)) targets = [...unresolved.keys()];
    else continue;
    for (const eni of targets) {
      if (out.has(eni)) continue;
      const named = (unresolved.get(eni) ?? []).filter((c) => ips.has(c));
      if (named.length === 1) out.set(eni, named[0]!);
    }
  }
  return out;
}
