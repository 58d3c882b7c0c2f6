import type { TextLine } from '../analysis-context.js';

const ENI = /\beni-[0-9a-f]{8,17}\b/g;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;

/**
 * Addresses the user's text ties to an ENI: "flow logs from eni-0abc… (10.0.1.5)". Only a line that
 * names exactly one ENI and one IPv4 address counts; the rules use the hint only when the records
 * cannot tell which end of a conversation the ENI is.
 */
export function eniAddressHints(text: readonly TextLine[], wanted: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  if (wanted.size === 0) return out;
  for (const { text: t } of text) {
    if (t.length > 1000 || !t.includes('eni-')) continue;
    const enis = [...new Set(t.match(ENI) ?? [])];
    if (enis.length !== 1 || !wanted.has(enis[0]!) || out.has(enis[0]!)) continue;
    const ips = [...new Set(t.match(IPV4) ?? [])];
    if (ips.length === 1) out.set(enis[0]!, ips[0]!);
  }
  return out;
}
