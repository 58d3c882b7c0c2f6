import { protocolName } from '../../flowlog/protocol-name.js';
import type { Finding } from '../../report/schema.js';
import { type EphemeralSplit, ephemeralSplit } from '../ephemeral-split.js';
import { recordEvidence } from '../evidence.js';
import { naclAllowFix, naclCidrFor } from '../fixes.js';
import type { Group } from '../group.js';
import { clientRangesFor } from '../ports.js';
import {
  certaintyNote,
  groupConfirm,
  groupEvidence,
  groupService,
  MAX_GROUP_FINDINGS,
  placeOf,
  type RuleInput,
  subjectOf,
} from '../rule-kit.js';
import { eniName, listAnd, plural, portRange } from '../wording.js';

/**
 * NACL_EPHEMERAL_RANGE_TOO_NARROW: replies to some client ports pass and to others are REJECTed, and
 * the two sets are split by port (the same client even has both). The NACL allows an ephemeral range
 * narrower than the ports the clients use: e.g. the Linux range 32768-61000 against Windows/macOS
 * clients (49152-65535), or a range starting at 32768 against NAT gateway/ELB/Lambda clients.
 */
export function naclEphemeralRangeTooNarrow({ state }: RuleInput): Finding[] {
  const out: Finding[] = [];
  for (const g of state.groupsOf('response-rejected')) {
    const split = ephemeralSplit(state, g);
    if (split) out.push(finding(g, split));
    if (out.length >= MAX_GROUP_FINDINGS) break;
  }
  return out;
}

function finding(g: Group, split: EphemeralSplit): Finding {
  const ok = split.ok;
  const server = g.role !== 'client' && g.role !== 'transit';
  const eni = eniName(g.eni);
  const subnet = g.eni.subnetId ? ` (${g.eni.subnetId})` : '';
  const proto = protocolName(g.proto);
  const clients = [...new Set([...g.clientList(), ...ok.clientList()])];
  const cidr = server ? naclCidrFor(clients) : naclCidrFor([g.realServer]);
  const high = split.kind === 'high';
  const boundary = high
    ? `ends between ${ok.maxClientPort} and ${g.minClientPort - 1}${ok.maxClientPort <= 61000 && g.minClientPort > 60999 ? ', most likely at 60999 or 61000 (the Linux range)' : ''}`
    : `starts between ${g.maxClientPort + 1} and ${ok.minClientPort}${g.maxClientPort < 32768 && ok.minClientPort >= 32768 ? ', most likely at 32768' : ''}`;
  const who = clientRangesFor([g.minClientPort, g.maxClientPort]);
  const shared = split.sharedClients.length
    ? ` The same ${split.sharedClients.length === 1 ? 'client' : 'clients'} (${listAnd(split.sharedClients, 3)}) ${split.sharedClients.length === 1 ? 'has' : 'have'} replies on both sides of the line, so the port decides, not the address.`
    : '';
  const explanation = [
    `Replies from ${groupService(g)} to client ${portRange(g.minClientPort, g.maxClientPort)} were REJECTed ${server ? 'leaving' : 'coming into'} ${eni} (${plural(g.conversations, 'conversation')}), while replies to ${portRange(ok.minClientPort, ok.maxClientPort)} passed (${plural(ok.conversations, 'conversation')}).${shared}`,
    `Security groups are stateful and never reject a reply, so the network ACL of ${eni}'s subnet${subnet} allows an ephemeral range that ${boundary}.`,
    `The clients behind the REJECTed ports use ${listAnd(who, 3)}: ${high ? 'their ports go higher than the rule allows' : 'their ports start lower than the rule allows'}, so some of their connections fail and a retry that happens to pick another port works.`,
    'Allow 1024-65535, as AWS advises, unless you need to exclude specific ports (put those DENY entries first).',
    certaintyNote(g),
  ]
    .filter(Boolean)
    .join(' ');
  const fix = naclAllowFix(
    `Allow ${proto} 1024-65535 ${server ? `to ${cidr} outbound` : `from ${cidr} inbound`} in ${eni}'s subnet, or widen the existing ephemeral-port entry with aws ec2 replace-network-acl-entry (same rule number, --port-range From=1024,To=65535).`,
    placeOf(g),
    [
      {
        egress: server,
        protocol: g.proto,
        cidr,
        fromPort: 1024,
        toPort: 65535,
        name: `ephemeral_ports_${server ? 'to_clients' : 'from_servers'}`,
      },
    ],
  );
  const blocked = groupEvidence(g, { req: 'request ACCEPTed', resp: 'reply REJECTed' }, 3);
  const passing = ok.samples
    .slice(0, 2)
    .flatMap((s) => (s.respRef ? [recordEvidence(s.respRef, 'reply to a lower port passes')] : []));
  if (!high) for (const e of passing) e.note = 'reply to a higher port passes';
  return {
    code: 'NACL_EPHEMERAL_RANGE_TOO_NARROW',
    severity: 'error',
    title: `The network ACL of ${eni}'s subnet allows too narrow an ephemeral port range: replies to client ports ${high ? `above ${ok.maxClientPort}` : `below ${ok.minClientPort}`} (${portRange(g.minClientPort, g.maxClientPort).replace(/^ports? /, '')}) are dropped`,
    explanation,
    evidence: [...blocked.evidence, ...passing],
    evidenceOmitted: Math.max(0, g.records + ok.records - blocked.evidence.length - passing.length),
    fixes: [fix],
    confirm: groupConfirm(g, 'replies'),
    occurrences: g.conversations,
    subject: { ...subjectOf(g), clients: clients.slice(0, 20) },
    questions: [
      `To see the entry to widen: aws ec2 describe-network-acls --filters Name=association.subnet-id,Values=${subnetExpr(g)} --query 'NetworkAcls[0].Entries[?Egress==\`${server}\`]'`,
    ],
  };
}

function subnetExpr(g: Group): string {
  if (g.eni.subnetId) return g.eni.subnetId;
  if (g.eni.id)
    return `$(aws ec2 describe-network-interfaces --network-interface-ids ${g.eni.id} --query 'NetworkInterfaces[0].SubnetId' --output text)`;
  return '<SUBNET_ID>';
}
