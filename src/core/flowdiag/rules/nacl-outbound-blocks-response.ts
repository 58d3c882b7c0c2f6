import { protocolName } from '../../flowlog/protocol-name.js';
import type { Finding } from '../../report/schema.js';
import { ephemeralSplit } from '../ephemeral-split.js';
import { naclAllowFix, naclCidrFor } from '../fixes.js';
import type { Group } from '../group.js';
import { clientRangesFor } from '../ports.js';
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
import { eniName, hasPorts, listAnd, plural, portRange, replyTraffic } from '../wording.js';

/**
 * NACL_OUTBOUND_BLOCKS_RESPONSE: requests ACCEPTed into the server's ENI, replies REJECTed leaving
 * it. Security groups are stateful and never reject the reply to a request they let in, so the
 * server subnet's NACL (stateless) lacks an outbound allow for the clients' ephemeral ports. AWS's
 * ping example (ACCEPT in, REJECT out) is this pattern.
 */
export function naclOutboundBlocksResponse({ state }: RuleInput): Finding[] {
  const groups = state
    .groupsOf('response-rejected')
    .filter((g) => (g.role === 'server' || g.role === 'unknown') && !ephemeralSplit(state, g));
  const { shown, rollup } = rollUp(
    'NACL_OUTBOUND_BLOCKS_RESPONSE',
    'error',
    groups,
    state.tail('response-rejected', 'server', 'unknown'),
    'requests ACCEPTed, replies REJECTed',
  );
  const out = shown.map((g) => finding(g));
  if (rollup) out.push(rollup);
  return out;
}

function finding(g: Group): Finding {
  const ported = hasPorts(g.proto);
  const proto = protocolName(g.proto);
  const clients = g.clientList();
  const cidr = naclCidrFor(clients.length ? clients : [g.samples[0]?.client ?? '0.0.0.0']);
  const eni = eniName(g.eni);
  const subnet = g.eni.subnetId ? ` (${g.eni.subnetId})` : '';
  const requestsSeen = g.samples.some((s) => s.reqRecords > 0);
  const ports = ported ? ` to client ${portRange(g.minClientPort, g.maxClientPort)}` : '';
  const osNote = ported ? portNote(g) : '';
  const unknownRole = g.role === 'unknown';
  const explanation = [
    requestsSeen
      ? `${plural(g.conversations, 'request')} from ${clientsPhrase(g)} to ${groupService(g)} ${g.conversations === 1 ? 'was' : 'were'} ACCEPTed inbound at ${eni}, so its security group and its subnet's network ACL let them in.`
      : `The requests from ${clientsPhrase(g)} to ${groupService(g)} are not in the input, but a reply only exists for a request that got in.`,
    `The replies leaving ${g.realServer}${ports} were REJECTed.`,
    'Security groups are stateful: they never reject the reply to a request they admitted. Network ACLs are stateless and check replies against their outbound rules,',
    `so the network ACL of ${eni}'s subnet${subnet} has no outbound rule that allows ${replyTraffic(g.proto)} for ${cidr}, and its final * rule denies the replies.`,
    osNote,
    unknownRole
      ? `If ${eni} is the client's interface rather than the server's, the same records mean the client subnet's NACL drops the replies inbound (NACL_INBOUND_BLOCKS_RESPONSE).`
      : '',
    certaintyNote(g),
  ]
    .filter(Boolean)
    .join(' ');
  const fix = naclAllowFix(
    ported
      ? `Allow replies out of ${eni}'s subnet to the clients' ephemeral ports: ${proto} 1024-65535 to ${cidr} (AWS's advice covers every client OS; ${portRange(g.minClientPort, g.maxClientPort)} were seen).`
      : `Allow ${proto} replies out of ${eni}'s subnet to ${cidr}.`,
    placeOf(g),
    [
      {
        egress: true,
        protocol: g.proto,
        cidr,
        fromPort: ported ? 1024 : undefined,
        toPort: ported ? 65535 : undefined,
        name: `allow_replies_to_clients_${g.serverPort}`,
      },
    ],
  );
  return {
    code: 'NACL_OUTBOUND_BLOCKS_RESPONSE',
    severity: unknownRole ? 'warning' : 'error',
    title: `The network ACL of ${eni}'s subnet drops the replies from ${groupService(g)}`,
    explanation,
    ...groupEvidence(g, { req: 'request ACCEPTed', resp: 'reply REJECTed' }),
    fixes: [fix],
    confirm: groupConfirm(g, 'replies'),
    occurrences: g.conversations,
    subject: subjectOf(g),
    ...(unknownRole
      ? {
          questions: [
            `Which address is ${eni}'s? aws ec2 describe-network-interfaces --network-interface-ids ${g.eni.id || '<ENI_ID>'} --query 'NetworkInterfaces[0].PrivateIpAddress'`,
          ],
        }
      : {}),
  };
}

/** Which client OSs the rejected ports point to, when that narrows it down. */
export function portNote(g: Group): string {
  const ports = g.clientPorts;
  if (ports.length === 0) return '';
  const ranges = clientRangesFor([g.minClientPort, g.maxClientPort]);
  if (g.minClientPort > 60999)
    return `Every REJECTed reply went to a port above 60999, which Linux clients never use: the clients are ${listAnd(ranges, 2)}; a rule that allows only the Linux range (32768-60999 or 32768-61000) would do exactly this.`;
  if (g.maxClientPort < 32768)
    return `Every REJECTed reply went to a port below 32768: the clients are ${listAnd(ranges, 2)}; a rule that starts at 32768 would do exactly this.`;
  return '';
}
