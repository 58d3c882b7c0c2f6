import { DEFAULT_V2_FORMAT, lookupField } from '../flowlog/fields.js';
import type { FlowFormat } from '../flowlog/types.js';
import type { Confirm } from '../report/schema.js';
import { fieldOrder } from './evidence.js';

/**
 * `confirm` queries: the same check over all of the user's logs, as CloudWatch Logs Insights (which
 * discovers the default format's fields by itself and needs `parse` for custom formats) and as Athena
 * SQL over AWS's standard flow-log table (`vpc_flow_logs`, columns as in AWS's DDL: interface_id,
 * srcaddr, dstport, tcp_flags, flow_direction, pkt_dst_aws_service, …; "start"/"end" quoted).
 */

/** Logs Insights' discovered field names for the default (v2) format. */
const INSIGHTS_DEFAULT: Record<string, string> = {
  version: 'version',
  'account-id': 'accountId',
  'interface-id': 'interfaceId',
  srcaddr: 'srcAddr',
  dstaddr: 'dstAddr',
  srcport: 'srcPort',
  dstport: 'dstPort',
  protocol: 'protocol',
  packets: 'packets',
  bytes: 'bytes',
  start: 'start',
  end: 'end',
  action: 'action',
  'log-status': 'logStatus',
};

const ATHENA_QUOTED = new Set(['start', 'end', 'date', 'type', 'version', 'action', 'region']);

export interface QueryFilter {
  /** AWS field name */
  field: string;
  value: string | number;
  /** `>` for counters (lost packets), default `=` */
  op?: '=' | '>';
}

export interface QuerySpec {
  /** the layout of the records the finding cites; decides Logs Insights field names */
  format: FlowFormat | undefined;
  filters: readonly QueryFilter[];
  /** records matching any of these conjunctions (both directions of a conversation), ANDed with `filters` */
  either?: readonly (readonly QueryFilter[])[];
  /** AWS field names to group by */
  groupBy: readonly string[];
  /** also report the lowest and highest value of these fields (e.g. dstport for client ports) */
  range?: readonly string[];
  /** sum these fields too (packets is always summed) */
  sums?: readonly string[];
  tgw?: boolean;
}

function formatNames(format: FlowFormat | undefined): readonly string[] {
  return format ? fieldOrder(format) : DEFAULT_V2_FORMAT;
}

function isDefault(names: readonly string[]): boolean {
  return names.length === DEFAULT_V2_FORMAT.length && names.every((n, i) => n === DEFAULT_V2_FORMAT[i]);
}

function snake(name: string): string {
  return name.replace(/-/g, '_');
}

function athenaColumn(field: string): string {
  const s = snake(field);
  return ATHENA_QUOTED.has(s) ? `"${s}"` : s;
}

export function confirmQueries(spec: QuerySpec): Confirm {
  return { logsInsights: insights(spec), athena: athena(spec) };
}

function insights(spec: QuerySpec): string {
  const names = formatNames(spec.format);
  const useDefault = !spec.tgw && isDefault(names);
  const has = (f: string) => names.includes(f);
  const name = (f: string) => (useDefault ? INSIGHTS_DEFAULT[f]! : snake(f));
  const lines: string[] = [];
  if (!useDefault) {
    lines.push(`parse @message "${names.map(() => '*').join(' ')}" as ${names.map(snake).join(', ')}`);
  }
  const cond = (f: QueryFilter) => {
    const n = name(f.field);
    const op = f.op ?? '=';
    if (typeof f.value === 'number' && (useDefault || op === '>')) return `${n} ${op} ${f.value}`;
    return `${n} ${op} "${String(f.value).replace(/"/g, '\\"')}"`;
  };
  const conds = spec.filters.filter((f) => has(f.field)).map(cond);
  const alternatives = (spec.either ?? [])
    .map((alt) => alt.filter((f) => has(f.field)).map(cond))
    .filter((alt) => alt.length > 0);
  if (alternatives.length > 1)
    conds.push(`(${alternatives.map((a) => `(${a.join(' and ')})`).join(' or ')})`);
  if (conds.length) lines.push(`filter ${conds.join(' and ')}`);
  const by = spec.groupBy.filter(has).map(name);
  const stats = ['count(*) as records'];
  if (has('packets')) stats.push(`sum(${name('packets')}) as packets`);
  for (const s of spec.sums ?? []) if (has(s)) stats.push(`sum(${name(s)}) as ${snake(s)}`);
  for (const r of spec.range ?? [])
    if (has(r)) stats.push(`min(${name(r)}) as lowest_${snake(r)}`, `max(${name(r)}) as highest_${snake(r)}`);
  lines.push(`stats ${stats.join(', ')}${by.length ? ` by ${by.join(', ')}` : ''}`);
  lines.push('sort records desc', 'limit 50');
  return lines.map((l, i) => (i === 0 ? l : `| ${l}`)).join('\n');
}

function sqlValue(field: string, v: string | number): string {
  // numbers are bare only in numeric columns (the catalogue's integer fields)
  if (typeof v === 'number' && lookupField(field)?.kind === 'int') return String(v);
  return `'${String(v).replace(/'/g, "''")}'`;
}

function athena(spec: QuerySpec): string {
  const table = spec.tgw ? 'tgw_flow_logs' : 'vpc_flow_logs';
  const by = spec.groupBy.map(athenaColumn);
  const select = [...by, 'count(*) AS records', 'sum(packets) AS packets'];
  for (const s of spec.sums ?? []) select.push(`sum(${athenaColumn(s)}) AS ${snake(s)}`);
  for (const r of spec.range ?? [])
    select.push(
      `min(${athenaColumn(r)}) AS lowest_${snake(r)}`,
      `max(${athenaColumn(r)}) AS highest_${snake(r)}`,
    );
  const cond = (f: QueryFilter) => `${athenaColumn(f.field)} ${f.op ?? '='} ${sqlValue(f.field, f.value)}`;
  const where = spec.filters.map(cond);
  if (spec.either && spec.either.length > 1)
    where.push(`(${spec.either.map((alt) => `(${alt.map(cond).join(' AND ')})`).join(' OR ')})`);
  where.push(`"start" >= to_unixtime(current_timestamp - INTERVAL '7' DAY)`);
  const lines = [
    spec.tgw
      ? '-- AWS publishes no Athena table for Transit Gateway flow logs: this assumes one with the TGW fields as columns (tgw_attachment_id, packets_lost_no_route, …).'
      : "-- Athena, AWS's vpc_flow_logs table (its DDL names the columns; add your partition filter, e.g. \"date\" >= current_date - INTERVAL '7' DAY).",
    `SELECT ${select.join(', ')}`,
    `FROM ${table}`,
    `WHERE ${where.join('\n  AND ')}`,
  ];
  if (by.length) lines.push(`GROUP BY ${by.join(', ')}`);
  lines.push('ORDER BY records DESC', 'LIMIT 50;');
  return lines.join('\n');
}
