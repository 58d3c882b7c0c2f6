import type { TextLine } from '../../../analysis-context.js';
import type { ModelBuilder } from '../../model/builder.js';
import { parseCidr } from '../../net/ipv4.js';
import type { AwsCommand } from './aws-command.js';

/** `…[PrivateIpAddress,PublicIpAddress,SubnetId]` → the column names, or undefined */
function queryColumns(query: string | undefined): string[] | undefined {
  if (!query) return undefined;
  // the last top-level [...] of the query, split on its top-level commas
  const q = query.trim();
  if (!q.endsWith(']')) return undefined;
  let depth = 0;
  let start = -1;
  for (let i = q.length - 1; i >= 0; i--) {
    if (q[i] === ']') depth++;
    else if (q[i] === '[') {
      depth--;
      if (depth === 0) {
        start = i;
        break;
      }
    }
  }
  if (start < 0) return undefined;
  const body = q.slice(start + 1, -1);
  const cols: string[] = [];
  let cur = '';
  depth = 0;
  for (const ch of body) {
    if (ch === '[' || ch === '{' || ch === '(') depth++;
    if (ch === ']' || ch === '}' || ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      cols.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  cols.push(cur.trim());
  const names = cols.map((c) => {
    // Tags[?Key==`Name`].Value|[0] is the Name tag
    if (/^Tags\[\?Key\s*==\s*[`'"]Name[`'"]\]/.test(c)) return 'Name';
    return /^([A-Za-z][A-Za-z0-9_]*)/.exec(c)?.[1] ?? '';
  });
  return names.length > 1 && names.every(Boolean) ? names : undefined;
}

function cell(v: string | undefined): string | null | undefined {
  if (v === undefined) return undefined;
  return v === 'None' || v === 'null' || v === '-' ? null : v;
}

/**
 * `aws ec2 describe-instances --query '…[PrivateIpAddress,PublicIpAddress,SubnetId]' --output text`:
 * the rows under such a command, read by the column names in the query. Returns the lines it read.
 */
export function readTextOutput(
  commands: readonly AwsCommand[],
  lines: readonly TextLine[],
  b: ModelBuilder,
): number[] {
  const read: number[] = [];
  for (const cmd of commands) {
    if (cmd.output !== 'text') continue;
    const cols = queryColumns(cmd.query);
    if (!cols) continue;
    const start = lines.findIndex((l) => l.line > cmd.line);
    if (start < 0) continue;
    for (let i = start; i < lines.length && i < start + 50; i++) {
      const vals = lines[i]!.text.trim().split(lines[i]!.text.includes('\t') ? /\t/ : /\s+/);
      if (vals.length !== cols.length) break;
      const row = new Map(cols.map((c, k) => [c.split('.').pop()!, cell(vals[k])]));
      const line = lines[i]!.line;
      const src = { kind: 'config' as const, lines: [line], text: lines[i]!.text.trim() };
      if (cmd.operation === 'describe-instances') {
        const id = (row.get('InstanceId') ?? cmd.options.get('instance-ids')?.[0]) || undefined;
        const priv = row.get('PrivateIpAddress') ?? undefined;
        const w = b.workload(id ? { id } : { name: priv ?? `instance on line ${line}` }, 'ec2', src);
        if (priv && !w.privateIps.includes(priv)) w.privateIps.push(priv);
        if (row.has('PublicIpAddress')) w.publicIp = row.get('PublicIpAddress') ?? null;
        const sub = row.get('SubnetId');
        if (sub) {
          const s = b.subnet({ id: sub });
          if (!w.subnets.includes(s.key)) w.subnets.push(s.key);
        }
        const vpc = row.get('VpcId');
        if (vpc) w.vpc = b.vpc({ id: vpc }).key;
        read.push(line);
      } else if (cmd.operation === 'describe-subnets') {
        const id = row.get('SubnetId');
        if (!id) break;
        const s = b.subnet({ id, ...(row.get('Name') ? { name: row.get('Name')! } : {}) }, src);
        const c = parseCidr(row.get('CidrBlock') ?? '');
        if (c) s.cidr = c;
        const az = row.get('AvailabilityZone');
        if (az) s.az = az;
        const map = row.get('MapPublicIpOnLaunch');
        if (map === 'True' || map === 'true') s.mapPublicIp = true;
        if (map === 'False' || map === 'false') s.mapPublicIp = false;
        const vpc = row.get('VpcId');
        if (vpc) s.vpc = b.vpc({ id: vpc }).key;
        read.push(line);
      } else break;
    }
  }
  return read;
}
