import type { TextLine } from '../../../analysis-context.js';
import type { ModelBuilder } from '../../model/builder.js';
import { addSrc } from '../../model/builder.js';
import { describeNaclEntry, describeSgRule } from '../../model/describe-rule.js';
import type { Nacl, NaclEntry, RouteTable, SecurityGroup, SgRule, Source } from '../../model/types.js';
import { parseCidr } from '../../net/ipv4.js';
import { parseProtocol } from '../../net/protocol.js';

const TAG =
  /^(SECURITYGROUPS|IPPERMISSIONS|IPPERMISSIONSEGRESS|IPRANGES|USERIDGROUPPAIRS|PREFIXLISTIDS|NETWORKACLS|ENTRIES|PORTRANGE|ASSOCIATIONS|ROUTETABLES|ROUTES)\t/;

const ID = (prefix: string) => new RegExp(`^${prefix}-[0-9a-f]{8,17}$`);
const SG_ID = ID('sg');
const VPC_ID = ID('vpc');
const PL_ID = ID('pl');
const ACL_ID = ID('acl');
const RTB_ID = ID('rtb');
const SUBNET_ID = ID('subnet');
const NUMBER_ID = ID('\\d+');

/**
 * `aws ec2 describe-security-groups|describe-network-acls|describe-route-tables --output text` without
 * `--query`: one record per line, tagged with the upper-case name of its list (SECURITYGROUPS,
 * IPPERMISSIONS, IPRANGES, ENTRIES, PORTRANGE, ROUTES…), nested records following their parent. The
 * cells are the record's scalar fields in key order; they are recognised here by their shape.
 * Returns the lines read.
 */
export function readTextRecords(lines: readonly TextLine[], b: ModelBuilder): number[] {
  const read: number[] = [];
  let sg: SecurityGroup | undefined;
  let perm: { rule: SgRule; egress: boolean } | undefined;
  let nacl: Nacl | undefined;
  let entry: NaclEntry | undefined;
  let table: RouteTable | undefined;
  const finishRule = () => {
    if (!sg || !perm) return;
    perm.rule.src.text = `${sg.id ?? 'SG'} ${perm.egress ? 'outbound' : 'inbound'} ${describeSgRule(perm.rule, (k) => b.find('sg', k)?.id ?? k)}`;
    perm = undefined;
  };
  for (const l of lines) {
    const text = l.text.trim();
    const m = TAG.exec(text);
    if (!m) continue;
    const cells = text.split('\t').slice(1);
    const src: Source = { kind: 'config', lines: [l.line], text };
    const tag = m[1]!;
    read.push(l.line);
    if (tag === 'SECURITYGROUPS') {
      finishRule();
      const id = cells.find((c) => SG_ID.test(c));
      if (!id) continue;
      const name = cells[cells.indexOf(id) + 1];
      sg = b.sg({ id, ...(name && !NUMBER_ID.test(name) ? { name } : {}) }, src);
      const vpc = cells.find((c) => VPC_ID.test(c));
      if (vpc) sg.vpc = b.vpc({ id: vpc }).key;
      // text output prints every rule: what is not listed is not there
      sg.ingressComplete = true;
      sg.egressComplete = true;
    } else if ((tag === 'IPPERMISSIONS' || tag === 'IPPERMISSIONSEGRESS') && sg) {
      finishRule();
      const proto = cells.find((c) => !/^-?\d+$/.test(c) || c === '-1') ?? '-1';
      const protocol = parseProtocol(proto) ?? -1;
      const nums = cells.filter((c) => /^\d+$/.test(c)).map(Number);
      const ports =
        (protocol === 6 || protocol === 17) && nums.length >= 2
          ? { from: nums[0]!, to: nums[1]! }
          : undefined;
      const rule: SgRule = { protocol, ...(ports ? { ports } : {}), peers: [], src };
      const egress = tag === 'IPPERMISSIONSEGRESS';
      (egress ? sg.egress : sg.ingress).push(rule);
      perm = { rule, egress };
    } else if (tag === 'IPRANGES' && perm) {
      const c = parseCidr(cells.find((k) => parseCidr(k)) ?? '');
      if (c) perm.rule.peers.push({ kind: 'cidr', cidr: c });
      perm.rule.src = { ...perm.rule.src, lines: [...perm.rule.src.lines, l.line] };
    } else if (tag === 'USERIDGROUPPAIRS' && perm) {
      const g = cells.find((k) => SG_ID.test(k));
      if (g) perm.rule.peers.push({ kind: 'sg', group: b.sg({ id: g }).key });
    } else if (tag === 'PREFIXLISTIDS' && perm) {
      const p = cells.find((k) => PL_ID.test(k));
      if (p) perm.rule.peers.push({ kind: 'pl', id: p });
    } else if (tag === 'NETWORKACLS') {
      const id = cells.find((c) => ACL_ID.test(c));
      if (!id) continue;
      nacl = b.nacl({ id }, src);
      table = undefined;
      const vpc = cells.find((c) => VPC_ID.test(c));
      if (vpc) nacl.vpc = b.vpc({ id: vpc }).key;
      nacl.completeIn = true;
      nacl.completeOut = true;
    } else if (tag === 'ENTRIES' && nacl) {
      // CidrBlock, Egress, Protocol, RuleAction, RuleNumber
      const cidr = parseCidr(cells.find((k) => parseCidr(k)) ?? '');
      const egress = cells.includes('True') || cells.includes('true');
      const action = cells.find((k) => /^(allow|deny)$/i.test(k))?.toLowerCase() as
        | 'allow'
        | 'deny'
        | undefined;
      const after = action ? cells.slice(cells.findIndex((k) => k.toLowerCase() === action) + 1) : [];
      const number = Number(after.find((k) => /^\d+$/.test(k)));
      const proto = cells.find(
        (k, i) => i > 0 && /^(-1|\d{1,3}|tcp|udp|icmp|all)$/i.test(k) && !after.includes(k),
      );
      if (!cidr || !action || !Number.isInteger(number)) continue;
      const protocol = parseProtocol(proto ?? '-1') ?? -1;
      entry = { number, egress, action, protocol, cidr, src };
      nacl.entries.push(entry);
      addSrc(nacl, src);
    } else if (tag === 'PORTRANGE' && entry) {
      const nums = cells.filter((k) => /^\d+$/.test(k)).map(Number);
      if (nums.length >= 2 && (entry.protocol === 6 || entry.protocol === 17))
        entry.ports = { from: Math.min(nums[0]!, nums[1]!), to: Math.max(nums[0]!, nums[1]!) };
      entry.src = {
        ...entry.src,
        lines: [...entry.src.lines, l.line],
        text: describeNaclEntry(entry),
      };
    } else if (tag === 'ROUTETABLES') {
      const id = cells.find((c) => RTB_ID.test(c));
      if (!id) continue;
      table = b.routeTable({ id }, src);
      nacl = undefined;
      const vpc = cells.find((c) => VPC_ID.test(c));
      if (vpc) table.vpc = b.vpc({ id: vpc }).key;
      table.complete = true;
    } else if (tag === 'ROUTES' && table) {
      const cidr = parseCidr(cells.find((k) => parseCidr(k)) ?? '');
      const target = cells.find(
        (k) => k === 'local' || /^(igw|nat|pcx|tgw|vpce|eni|vgw|eigw)-[0-9a-f]+$/.test(k),
      );
      if (!cidr || !target) continue;
      const kind = target === 'local' ? 'local' : (target.split('-')[0] as 'igw');
      const state = cells.includes('blackhole') ? 'blackhole' : 'active';
      table.routes.push({ cidr, target: { kind, id: target }, state, src });
    } else if (tag === 'ASSOCIATIONS') {
      const subnet = cells.find((c) => SUBNET_ID.test(c));
      if (subnet && table) {
        const s = b.subnet({ id: subnet });
        s.routeTable = table.key;
        if (!table.subnets.includes(s.key)) table.subnets.push(s.key);
      } else if (subnet && nacl) {
        const s = b.subnet({ id: subnet });
        s.nacl = nacl.key;
        if (!nacl.subnets.includes(s.key)) nacl.subnets.push(s.key);
      }
    }
  }
  finishRule();
  if (read.length) b.model.readers.add('describe');
  return read;
}
