import type { TextLine } from '../analysis-context.js';
import { findJsonBlocks } from '../topology/readers/json/find-json-blocks.js';
import { arr, type JNode, str } from '../topology/readers/json/loose-json.js';

/** Keys under which describe-* output gives an interface's own addresses. */
const ADDRESS_KEYS = ['PrivateIpAddress', 'PrivateIp'] as const;
const LIST_KEYS: readonly [string, string][] = [
  ['PrivateIpAddresses', 'PrivateIpAddress'],
  ['Ipv6Addresses', 'Ipv6Address'],
];

/**
 * The addresses `describe-network-interfaces`, `describe-instances` (NetworkInterfaces[]) or
 * `describe-nat-gateways` output in the text gives each interface, JSON or `--output table`, read
 * leniently (chat prose, code fences, cut-off JSON: whatever is not readable is skipped).
 */
export function describedEniAddresses(text: readonly TextLine[]): {
  addresses: Map<string, Set<string>>;
  /** indexes into `text` of the lines that were JSON, tables or `aws` commands */
  used: Set<number>;
} {
  const addresses = new Map<string, Set<string>>();
  let segmented: ReturnType<typeof findJsonBlocks>;
  try {
    segmented = findJsonBlocks(text);
  } catch {
    return { addresses, used: new Set() };
  }
  for (const b of segmented.blocks) walk(b.value, addresses, 0);
  return { addresses, used: segmented.used };
}

function walk(o: JNode, out: Map<string, Set<string>>, depth: number): void {
  if (depth > 12) return;
  if (o.t === 'arr') {
    for (const x of o.items) walk(x, out, depth + 1);
    return;
  }
  if (o.t !== 'obj') return;
  const id = str(o, 'NetworkInterfaceId')?.toLowerCase();
  if (id?.startsWith('eni-')) {
    const own = out.get(id) ?? new Set<string>();
    for (const k of ADDRESS_KEYS) {
      const a = str(o, k);
      if (a) own.add(a.toLowerCase());
    }
    for (const [list, key] of LIST_KEYS)
      for (const item of arr(o, list)) {
        const a = str(item, key);
        if (a) own.add(a.toLowerCase());
      }
    if (own.size > 0) out.set(id, own);
  }
  for (const e of o.entries) if (e.value.t === 'obj' || e.value.t === 'arr') walk(e.value, out, depth + 1);
}
