import { protocolName } from '../core/flowlog/protocol-name.js';
import { decodeTcpFlags } from '../core/flowlog/tcp-flags.js';
import type { RecordItem, SkippedItem } from '../core/flowlog/types.js';

/**
 * One record as a JSON object: AWS's field names as AWS spells them, absent where the record had `-`;
 * integers as numbers, IDs and addresses as strings. vpcdiag's own additions start with `_`.
 */
export function recordJson(item: RecordItem | SkippedItem): Record<string, unknown> {
  const out: Record<string, unknown> = { _line: item.line };
  if (item.part !== undefined) out._part = item.part;
  if (item.format.tgw) out._tgw = true;
  const f = item.fields;
  for (const name of item.format.fields) {
    const v = f[name.name];
    if (v !== undefined) out[name.name] = v;
  }
  if (f.protocol !== undefined) out._protocol_name = protocolName(f.protocol);
  const flags = f['tcp-flags'];
  if (flags !== undefined) out._tcp_flag_names = decodeTcpFlags(flags);
  return out;
}
