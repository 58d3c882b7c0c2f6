import { type CompiledFormat, compileFormat, readTokens } from './format.js';
import { KNOWN_LAYOUTS } from './known-formats.js';
import { looksLikeAddress, parseUint } from './tokens.js';

export type Inference =
  | { kind: 'layout'; format: CompiledFormat; scanned: boolean }
  | { kind: 'ambiguous'; message: string }
  | { kind: 'not-a-record' };

let compiledKnown: CompiledFormat[] | undefined;

/** The known layouts, compiled once. `source` is `default` for AWS's two defaults, else `known`. */
export function knownFormats(): CompiledFormat[] {
  compiledKnown ??= KNOWN_LAYOUTS.map((l, i) =>
    compileFormat(l.names, l.label.includes('default') ? 'default' : 'known', l.label, 1000 + i),
  );
  return compiledKnown;
}

/**
 * Decides the layout of a headerless line from its tokens' shapes. A layout is chosen only when one
 * known layout fits every token; when several fit, or none does but the line is clearly a record, the
 * answer is `ambiguous` with a sentence that says why, so the caller can ask for the format.
 */
export function inferLayout(tokens: readonly string[], n: number): Inference {
  const known = knownFormats();
  const exact = known.filter((f) => f.size === n && typeof readTokens(tokens, 0, f, true) !== 'string');
  if (exact.length === 1) return { kind: 'layout', format: exact[0]!, scanned: false };
  if (exact.length > 1) {
    return {
      kind: 'ambiguous',
      message: `these ${n}-field lines fit several layouts (${exact.map((f) => f.label).join('; ')}), so the field order is uncertain`,
    };
  }

  // Records run together on one line, or wrapped in prose: look for windows that read strictly.
  let best: CompiledFormat | undefined;
  let bestCover = 0;
  let tie = false;
  for (const f of known) {
    if (f.size >= n) continue;
    let cover = 0;
    for (let pos = 0; pos + f.size <= n; ) {
      if (typeof readTokens(tokens, pos, f, true) !== 'string') {
        cover += f.size;
        pos += f.size;
      } else pos++;
    }
    if (cover > bestCover) {
      best = f;
      bestCover = cover;
      tie = false;
    } else if (cover > 0 && cover === bestCover) tie = true;
  }
  if (best && !tie) return { kind: 'layout', format: best, scanned: true };

  if (!looksLikeRecord(tokens, n)) return { kind: 'not-a-record' };
  return { kind: 'ambiguous', message: describeAmbiguity(tokens, n) };
}

/**
 * Enough record-shaped tokens (IDs, addresses, ACCEPT/REJECT, numbers, field values such as IPv4,
 * ingress, a region or an ARN) to be a flow-log line.
 */
export function looksLikeRecord(tokens: readonly string[], n: number): boolean {
  if (n < 4) return false;
  let strong = 0;
  let weak = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (isStrong(t)) strong++;
    else if (t === '-' || t === 'OK' || parseUint(t) >= 0 || WEAK_VALUE.test(t)) weak++;
  }
  return strong >= 2 && (strong + weak) / n >= 0.6;
}

/** Resource IDs: hex after the prefix, or redacted with x (`vpc-09676f97xxxxxb8a7`). */
const RESOURCE_ID = /^(eni|vpc|subnet|i|tgw|tgw-attach)-[0-9a-fx]{4,}$/i;
const WEAK_VALUE =
  /^(IPv4|IPv6|EFA|ingress|egress|TransitGateway(Attachment)?|[a-z]{2}(-gov)?-[a-z]+-\d[a-z]?|[a-z]{2,5}\d-az\d+|arn:aws[a-z-]*:.+)$/;

function isStrong(t: string): boolean {
  return (
    t === 'ACCEPT' ||
    t === 'REJECT' ||
    t === 'NODATA' ||
    t === 'SKIPDATA' ||
    RESOURCE_ID.test(t) ||
    looksLikeAddress(t)
  );
}

function describeAmbiguity(tokens: readonly string[], n: number): string {
  const addrs: number[] = [];
  const times: number[] = [];
  const nums: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const v = parseUint(t);
    if (looksLikeAddress(t)) addrs.push(i + 1);
    else if (v >= 1_000_000_000 && v < 10_000_000_000) times.push(i + 1);
    else if (v >= 0) nums.push(i + 1);
  }
  const parts: string[] = [];
  if (addrs.length >= 1) {
    parts.push(
      addrs.length === 1
        ? `field ${addrs[0]} is an address, but nothing says whether it is the source or the destination`
        : `fields ${list(addrs)} are addresses and nothing says which is the source`,
    );
  }
  if (times.length >= 2) parts.push(`fields ${list(times)} are times (start or end)`);
  if (nums.length >= 2) parts.push(`fields ${list(nums)} are numbers (ports, protocol, packets or bytes)`);
  const why = parts.length > 0 ? `: ${parts.join('; ')}` : '';
  return `these ${n}-field lines have no header and match none of AWS's standard layouts${why}`;
}

function list(xs: number[]): string {
  return xs.length <= 2 ? xs.join(' and ') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}
