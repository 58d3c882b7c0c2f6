import type { Finding, Fix } from '../../report/schema.js';
import { recordEvidence } from '../evidence.js';
import { naclAllowFix, naclCidrFor, sgAllowFix, sgCidrsFor } from '../fixes.js';
import type { FlowState } from '../flow-state.js';
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
import { outboundSuspect, settleQuestions } from '../suspect-control.js';
import { eniName, isIcmp, plural, portPhrase } from '../wording.js';

/**
 * OUTBOUND_REQUEST_REJECTED: requests REJECTed leaving the client's ENI: the SG's egress rules or
 * the subnet NACL's outbound rules (SG egress is evaluated first).
 */
export function outboundRequestRejected({ state }: RuleInput): Finding[] {
  const groups = state.groupsOf('request-rejected').filter((g) => g.role === 'client');
  const { shown, rollup } = rollUp(
    'OUTBOUND_REQUEST_REJECTED',
    'error',
    groups,
    state.tail('request-rejected', 'client'),
    'requests REJECTed going out',
  );
  const out = shown.map((g) => finding(state, g));
  if (rollup) out.push(rollup);
  return out;
}

function finding(state: FlowState, g: Group): Finding {
  const eni = eniName(g.eni);
  const icmp = isIcmp(g.proto);
  const suspect = outboundSuspect(state, g);
  const place = placeOf(g);
  const dest = naclCidrFor([g.realServer]);
  const sgFix =
    suspect.likely === 'nacl' && suspect.certain
      ? undefined
      : sgAllowFix(
          `If the security group is what drops it: allow ${portPhrase(g.serverPort, g.proto)} to ${g.realServer} in the egress rules of ${eni}'s security group.`,
          place,
          {
            direction: 'egress',
            protocol: g.proto,
            fromPort: icmp ? -1 : g.serverPort,
            toPort: icmp ? -1 : g.serverPort,
            cidrs: sgCidrsFor([g.realServer]),
            name: `allow_${g.serverPort}_out`,
          },
        );
  const naclFix = naclAllowFix(
    `If the network ACL is what drops it: allow the requests out and, because NACLs are stateless, the replies back in (to the ephemeral ports).`,
    place,
    [
      {
        egress: true,
        protocol: g.proto,
        cidr: dest,
        fromPort: icmp ? undefined : g.serverPort,
        toPort: icmp ? undefined : g.serverPort,
        name: `allow_${g.serverPort}_out`,
      },
      {
        egress: false,
        protocol: g.proto,
        cidr: dest,
        fromPort: icmp ? undefined : 1024,
        toPort: icmp ? undefined : 65535,
        name: `allow_replies_from_${g.serverPort}`,
      },
    ],
  );
  const fixes: Fix[] =
    suspect.likely === 'nacl' ? [naclFix, ...(sgFix ? [sgFix] : [])] : [...(sgFix ? [sgFix] : []), naclFix];
  const explanation = [
    `${plural(g.conversations, icmp ? 'outbound ICMP flow' : 'connection attempt')} from ${clientsPhrase(g)} to ${groupService(g)} ${g.conversations === 1 ? 'was' : 'were'} REJECTed leaving ${eni}: the request never left the interface's subnet.`,
    "Outbound requests meet the interface's security group (egress rules) first, then the subnet's network ACL (outbound rules); a REJECT from either looks the same in flow logs.",
    suspect.reason,
    suspect.certain ? '' : 'The describe commands below settle it.',
    certaintyNote(g),
  ]
    .filter(Boolean)
    .join(' ');
  const ev = groupEvidence(g, { req: 'request REJECTed outbound' });
  if (suspect.support) ev.evidence.push(recordEvidence(suspect.support, 'for comparison'));
  const where =
    suspect.certain && suspect.likely === 'nacl'
      ? `the network ACL of ${eni}'s subnet`
      : `the security group or network ACL of ${eni}`;
  return {
    code: 'OUTBOUND_REQUEST_REJECTED',
    severity: 'error',
    title: `Requests from ${eni} to ${groupService(g)} are REJECTed going out by ${where}`,
    explanation,
    ...ev,
    fixes,
    confirm: groupConfirm(g, 'requests'),
    ...(suspect.certain ? {} : { questions: settleQuestions(g, g.eni.region) }),
    occurrences: g.conversations,
    subject: subjectOf(g),
  };
}
