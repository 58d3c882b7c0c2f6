import { plural } from '../core/report/build-report.js';
import { formatCount } from '../core/report/format-count.js';
import type { Report } from '../core/report/schema.js';

/** "Read 10 flow-log records (6 ACCEPT, 4 REJECT) and a topology of 2 VPCs; 3 lines could not be read." */
export function readSummary(report: Report): string {
  const i = report.input;
  const parts: string[] = [];
  if (i.records > 0) {
    const tgw = i.tgwRecords > 0 ? `, ${formatCount(i.tgwRecords)} from a transit gateway` : '';
    const actions =
      i.accept + i.reject > 0
        ? ` (${formatCount(i.accept)} ACCEPT, ${formatCount(i.reject)} REJECT${tgw})`
        : tgw
          ? ` (${tgw.slice(2)})`
          : '';
    parts.push(`${plural(i.records, 'flow-log record')}${actions}`);
  }
  if (i.nodata + i.skipdata > 0) {
    parts.push(`${i.nodata + i.skipdata} NODATA/SKIPDATA`);
  }
  if (i.topology) parts.push(`a topology of ${i.topology}`);
  let s =
    parts.length > 0
      ? `Read ${joinAnd(parts)}`
      : `Read ${plural(i.lines, 'line')}, none of them records or topology`;
  if (i.invalid > 0) s += `; ${plural(i.invalid, 'line')} could not be read`;
  return `${s}.`;
}

export function joinAnd(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export function countsLine(report: Report): string {
  const c = report.counts;
  const bits: string[] = [];
  if (c.error) bits.push(plural(c.error, 'error'));
  if (c.warning) bits.push(plural(c.warning, 'warning'));
  if (c.info) bits.push(`${c.info} info`);
  return bits.length ? bits.join(' · ') : 'no findings';
}
