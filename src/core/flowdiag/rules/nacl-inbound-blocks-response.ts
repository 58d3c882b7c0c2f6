import { protocolName } from '../../flowlog/protocol-name.js';
import type { Finding } from '../../report/schema.js';
import { ephemeralSplit } from '../ephemeral-split.js';
import { naclAllowFix, naclCidrFor } from '../fixes.js';
import type { Group } from '../group.js';
import {
  certaintyNote,
  clientsPhrase,
  groupConfirm,
  groupEvidence,
  groupService,
  placeOf,
  type RuleInput,
  rollUp,
  subjectOf,
} from '../rule-kit.js';
import { eniName, hasPorts, plural, portRange, replyTraffic } from '../wording.js';
import { portNote } from './nacl-outbound-blocks-response.js';

/**
 * NACL_INBOUND_BLOCKS_RESPONSE: on the client's ENI, requests ACCEPTed going out and the replies
 * REJECTed coming back. The SG lets replies in (stateful), so the client subnet's NACL has no inbound
 * allow for the ephemeral ports the replies come back to.
 */
export function naclInboundBlocksResponse({ state }: RuleInput): Finding[] {
  const groups = state
    .groupsOf('response-rejected')
    .filter((g) => (g.role === 'client' || g.role === 'transit') && !ephemeralSplit(state, g));
  const { shown, rollup } = rollUp(
    'NACL_INBOUND_BLOCKS_RESPONSE',
    'error',
    groups,
    state.tail('response-rejected', 'client', 'transit'),
    'requests ACCEPTed going out, replies REJECTed coming back',
  );
  const out = shown.map(finding);
  if (rollup) out.push(rollup);
  return out;
}

function finding(g: Group): Finding {
  const ported = hasPorts(g.proto);
  const proto = protocolName(g.proto);
  const eni = eniName(g.eni);
  const subnet = g.eni.subnetId ? ` (${g.eni.subnetId})` : '';
  const cidr = naclCidrFor([g.realServer]);
  const transit = g.role === 'transit';
  const requestsSeen = g.samples.some((s) => s.reqRecords > 0);
  const explanation = [
    transit
      ? `${eni} forwards traffic for other hosts (its records carry neither end's address throughout: a transit gateway attachment, firewall or endpoint interface). Traffic from ${clientsPhrase(g)} to ${groupService(g)} passed it, and the replies coming back were REJECTed there.`
      : requestsSeen
        ? `${plural(g.conversations, 'request')} from ${clientsPhrase(g)} to ${groupService(g)} left ${eni} (ACCEPTed outbound), and the replies coming back${ported ? ` to ${portRange(g.minClientPort, g.maxClientPort)}` : ''} were REJECTed inbound.`
        : `Replies from ${groupService(g)} to ${clientsPhrase(g)}${ported ? ` on ${portRange(g.minClientPort, g.maxClientPort)}` : ''} were REJECTed coming into ${eni}; the requests are not in the input, but a reply only exists for a request that went out.`,
    'Security groups are stateful and let the reply to an outgoing request back in, whatever their inbound rules say.',
    `Network ACLs are stateless: the network ACL of ${eni}'s subnet${subnet} has no inbound rule that allows ${replyTraffic(g.proto, 'the')} from ${cidr}, so its final * rule denies the replies.`,
    ported ? portNote(g) : '',
    certaintyNote(g),
  ]
    .filter(Boolean)
    .join(' ');
  const fix = naclAllowFix(
    ported
      ? `Allow the replies into ${eni}'s subnet: ${proto} 1024-65535 from ${cidr} (the range AWS advises for any client OS; ${portRange(g.minClientPort, g.maxClientPort)} were seen).`
      : `Allow ${proto} replies from ${cidr} into ${eni}'s subnet.`,
    placeOf(g),
    [
      {
        egress: false,
        protocol: g.proto,
        cidr,
        fromPort: ported ? 1024 : undefined,
        toPort: ported ? 65535 : undefined,
        name: `allow_replies_from_${g.serverPort}`,
      },
    ],
  );
  return {
    code: 'NACL_INBOUND_BLOCKS_RESPONSE',
    severity: 'error',
    title: `The network ACL of ${eni}'s subnet drops the replies from ${groupService(g)}`,
    explanation,
    ...groupEvidence(g, { req: 'request ACCEPTed going out', resp: 'reply REJECTed coming in' }),
    fixes: [fix],
    confirm: groupConfirm(g, 'replies'),
    occurrences: g.conversations,
    subject: subjectOf(g),
  };
}
