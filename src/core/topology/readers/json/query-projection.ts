import type { AwsCommand } from './aws-command.js';
import type { JEntry, JNode } from './loose-json.js';

/** `…{id:InstanceId,priv:PrivateIpAddress}` → alias → field; `…[InstanceId,PrivateIpAddress]` → positions. */
function projection(query: string | undefined): { dict?: Map<string, string>; list?: string[] } | undefined {
  if (!query) return undefined;
  const dict = /\{([^{}]+)\}\s*$/.exec(query);
  if (dict) {
    const map = new Map<string, string>();
    for (const part of dict[1]!.split(',')) {
      const m = /^\s*([\w-]+)\s*:\s*([\w.[\]]+)\s*$/.exec(part);
      if (!m) continue;
      // `State.Name` keeps its head (State); `SecurityGroups[].GroupId` too
      const field = m[2]!.split(/[.[]/)[0]!;
      map.set(m[1]!, field);
    }
    return map.size ? { dict: map } : undefined;
  }
  const list = /\[([\w.,\s]+)\]\s*$/.exec(query);
  if (list) {
    const cols = list[1]!.split(',').map((c) => c.trim().split('.')[0]!);
    if (cols.length > 1 && cols.every((c) => /^[A-Z]\w*$/.test(c))) return { list: cols };
  }
  return undefined;
}

function renameKeys(n: JNode, map: Map<string, string>): JNode {
  if (n.t === 'arr') return { ...n, items: n.items.map((i) => renameKeys(i, map)) };
  if (n.t !== 'obj') return n;
  const hits = n.entries.filter((e) => map.has(e.key)).length;
  const entries: JEntry[] = n.entries.map((e) => ({
    ...e,
    key: hits >= Math.min(2, n.entries.length) ? (map.get(e.key) ?? e.key) : e.key,
    value: renameKeys(e.value, map),
  }));
  return { ...n, entries };
}

function listToObjects(n: JNode, cols: string[]): JNode {
  if (n.t !== 'arr') return n;
  // one row (`RouteTables[0].[RouteTableId,Routes]`): its columns may hold lists too
  if (
    n.items.length === cols.length &&
    (n.items.every((i) => i.t !== 'arr' && i.t !== 'obj') || (n.items[0]!.t === 'str' && cols.length >= 2))
  ) {
    return {
      t: 'obj',
      line: n.line,
      endLine: n.endLine,
      entries: cols.map((c, k) => ({ key: c, line: n.items[k]!.line, value: n.items[k]! })),
    };
  }
  return { ...n, items: n.items.map((i) => listToObjects(i, cols)) };
}

/**
 * Output printed with `--query` uses the query's own names: put the AWS field names back so the
 * describe readers recognise the objects (`{id:InstanceId,pub:PublicIpAddress}` → InstanceId, PublicIpAddress).
 */
export function undoQueryProjection(value: JNode, cmd: AwsCommand | undefined): JNode {
  const p = projection(cmd?.query);
  if (!p) return value;
  if (p.dict) return renameKeys(value, p.dict);
  if (p.list) return listToObjects(value, p.list);
  return value;
}

function strNode(v: string, line: number): JNode {
  return { t: 'str', v, line, endLine: line };
}

function isItems(n: JNode, ...keys: string[]): boolean {
  return (
    n.t === 'arr' &&
    n.items.length > 0 &&
    n.items.every((i) => i.t === 'obj' && keys.every((k) => i.entries.some((e) => e.key === k)))
  );
}

/**
 * `--query 'NetworkAcls[0].Entries'` prints the entries alone: put them back under the NACL (route
 * table, security group) the command names, so they are read as its rules.
 */
export function rewrapSubList(value0: JNode, cmd: AwsCommand | undefined): JNode {
  if (!cmd || value0.t !== 'arr') return value0;
  // `NetworkAcls[].Entries` (a `[]` projection) prints a list of lists: one NACL's is its entries
  const value = value0.items.length === 1 && value0.items[0]!.t === 'arr' ? value0.items[0]! : value0;
  if (value.t !== 'arr') return value0;
  const id = (opt: string) => cmd.options.get(opt)?.[0];
  const wrap = (idKey: string, idValue: string, listKey: string): JNode => ({
    t: 'obj',
    line: value.line,
    endLine: value.endLine,
    entries: [
      { key: idKey, line: cmd.line, value: strNode(idValue, cmd.line) },
      { key: listKey, line: value.line, value },
    ],
  });
  if (isItems(value, 'RuleNumber', 'RuleAction') && id('network-acl-ids'))
    return wrap('NetworkAclId', id('network-acl-ids')!, 'Entries');
  if (isItems(value, 'IpProtocol') && id('group-ids'))
    return wrap(
      'GroupId',
      id('group-ids')!,
      /Egress/.test(cmd.query ?? '') ? 'IpPermissionsEgress' : 'IpPermissions',
    );
  if (
    value.items.every(
      (i) => i.t === 'obj' && i.entries.some((e) => /^Destination(Cidr|PrefixList)/.test(e.key)),
    ) &&
    value.items.length > 0 &&
    id('route-table-ids')
  )
    return wrap('RouteTableId', id('route-table-ids')!, 'Routes');
  return value0;
}
