import type { TextLine } from '../analysis-context.js';
import { describedEniAddresses } from './describe-hints.js';

const ENI = /\beni-[0-9a-f]{8,17}\b/g;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
/** Words people use when they say whose interface the records come from. */
const INTERFACE_WORDS = /\b(eni|interface|network interface|flow ?logs? (from|of|on)|stream)\b/i;
/**
 * "logs are from the web server (10.0.1.10)", "records were captured on db-1 10.0.2.20": the phrase,
 * then an address after a few words that are not about traffic ("logs from 10.0.1.10 to …" is not one).
 */
const LOG_SOURCE =
  /\b(?:logs?|records?|entries|lines)\s+(?:are\s+|were\s+|is\s+|was\s+|come\s+|came\s+|captured\s+|taken\s+)?(?:from|on|of)\s+(?:(?!\b(?:to|from|reach\w*|ping\w*|talk\w*|connect\w*|show\w*|hit\w*|for|and)\b)[^.;:!?\d])*?\(?(?:\d{1,3}\.){3}\d{1,3}\b/i;
/** A short line, to pair "eni-0abc is the bastion," with "10.0.1.10" on the next one. */
const SHORT = 80;

/**
 * Addresses the user's text ties to an ENI whose records cannot tell its own address (one
 * conversation only, both ends private), most reliable first: `describe-network-interfaces` or
 * `describe-instances` output (JSON or table) that gives the ENI's addresses; a line naming the ENI
 * and an address ("flow logs from eni-0abc… (10.0.1.5)"), or the ENI on one short line and the
 * address on the next; or, when the input has a single ENI, a line that says whose interface or logs
 * these are ("flow log from app-1's eni (10.0.21.9)", "logs are from the web server (10.0.1.10)").
 * A hint counts only when it names exactly one of the ENI's two candidate addresses.
 */
export function eniAddressHints(
  text: readonly TextLine[],
  unresolved: ReadonlyMap<string, readonly string[]>,
  singleEni: boolean,
): Map<string, string> {
  const out = new Map<string, string>();
  if (unresolved.size === 0) return out;
  const pick = (eni: string, ips: ReadonlySet<string>): void => {
    if (out.has(eni)) return;
    const named = (unresolved.get(eni) ?? []).filter((c) => ips.has(c.toLowerCase()));
    if (named.length === 1) out.set(eni, named[0]!);
  };
  const described = describedEniAddresses(text);
  for (const [eni, own] of described.addresses) if (unresolved.has(eni)) pick(eni, own);
  for (let i = 0; i < text.length; i++) {
    const t = text[i]!.text;
    if (t.length > 1000) continue;
    const enis = [...new Set(t.match(ENI) ?? [])];
    const ips = new Set(t.match(IPV4) ?? []);
    if (ips.size === 0) {
      const next = text[i + 1];
      if (
        enis.length === 1 &&
        t.length <= SHORT &&
        next &&
        next.line === text[i]!.line + 1 &&
        next.text.length <= SHORT &&
        (next.text.match(ENI) ?? []).length === 0 &&
        !described.used.has(i) &&
        !described.used.has(i + 1) &&
        unresolved.has(enis[0]!)
      )
        pick(enis[0]!, new Set(next.text.match(IPV4) ?? []));
      continue;
    }
    if (enis.length > 0) {
      for (const eni of enis) if (unresolved.has(eni)) pick(eni, ips);
    } else if (singleEni) {
      if (INTERFACE_WORDS.test(t) || LOG_SOURCE.test(t)) for (const eni of unresolved.keys()) pick(eni, ips);
    }
  }
  return out;
}
