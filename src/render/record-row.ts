import { protocolName } from '../core/flowlog/protocol-name.js';
import { describeTcpFlags } from '../core/flowlog/tcp-flags.js';
import type { RecordItem, SkippedItem } from '../core/flowlog/types.js';

export const RECORD_TABLE_HEADER = `${'line'.padEnd(7)} ${'action'.padEnd(7)} ${'proto'.padEnd(6)} ${'source'.padEnd(24)}    ${'destination'.padEnd(24)} ${'pkts'.padStart(6)} ${'bytes'.padStart(10)}  interface / flags`;

/** One record as a fixed-width table row for the terminal. */
export function recordRow(item: RecordItem | SkippedItem): string {
  const f = item.fields;
  const line = `${item.line}${item.part !== undefined ? `.${item.part + 1}` : ''}`.padEnd(7);
  if (item.kind === 'skipped') {
    return `${line} ${item.status.padEnd(7)} ${''.padEnd(6)} ${'-'.padEnd(24)}    ${'-'.padEnd(24)} ${'-'.padStart(6)} ${'-'.padStart(10)}  ${f['interface-id'] ?? f['tgw-attachment-id'] ?? '-'}`;
  }
  const action = f.action ?? (item.format.tgw ? 'TGW' : '-');
  const proto = f.protocol !== undefined ? protocolName(f.protocol) : '-';
  const src = endpoint(f.srcaddr, f.srcport);
  const dst = endpoint(f.dstaddr, f.dstport);
  const where = f['interface-id'] ?? f['tgw-attachment-id'] ?? '-';
  const extras: string[] = [];
  if (f['tcp-flags'] !== undefined) extras.push(describeTcpFlags(f['tcp-flags']));
  if (f['flow-direction']) extras.push(f['flow-direction']);
  const lost =
    (f['packets-lost-no-route'] ?? 0) +
    (f['packets-lost-blackhole'] ?? 0) +
    (f['packets-lost-mtu-exceeded'] ?? 0) +
    (f['packets-lost-ttl-expired'] ?? 0);
  if (lost > 0) extras.push(`${lost} lost`);
  return `${line} ${action.padEnd(7)} ${proto.padEnd(6)} ${src.padEnd(24)} -> ${dst.padEnd(24)} ${String(f.packets ?? '-').padStart(6)} ${String(f.bytes ?? '-').padStart(10)}  ${where}${extras.length ? ` [${extras.join('; ')}]` : ''}`;
}

function endpoint(addr: string | undefined, port: number | undefined): string {
  if (addr === undefined) return '-';
  const a = addr.includes(':') ? `[${addr}]` : addr;
  return port !== undefined ? `${a}:${port}` : a;
}
