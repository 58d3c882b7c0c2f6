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
import { inboundSuspect, otherClientsAdmitted, settleQuestions } from '../suspect-control.js';
import { eniName, isIcmp, plural, portPhrase } from '../wording.js';

/** Probes from the internet at a scanned interface: the scanner rule reports them, not this one. */
export function isScannerNoise(g: Group): boolean {
  return (
    (g.eni.isScanned() || g.eni.pooledProbes > 0) &&
    g.publicClients === g.conversations &&
    g.probes === g.conversations
  );
}

/**
 * INBOUND_REQUEST_REJECTED: requests REJECTed arriving at the server's ENI. The SG inbound or the NACL
 * inbound; records cannot say which, so the finding says which is likelier, why, and what settles it.
 */
export function inboundRequestRejected({ state }: RuleInput): Finding[] {
  const groups = state.groupsOf('request-rejected').filter((g) => g.role !== 'client' && !isScannerNoise(g));
  const { shown, rollup } = rollUp(
    'INBOUND_REQUEST_REJECTED',
    'error',
    groups,
    state.tail('request-rejected', 'server', 'unknown', 'transit'),
    'requests REJECTed coming in',
  );
  const out = shown.map((g) => finding(state, g));
  if (rollup) out.push(rollup);
  return out;
}

function finding(state: FlowState, g: Group): Finding {
  const eni = eniName(g.eni);
  const icmp = isIcmp(g.proto);
  const suspect = inboundSuspect(state, g);
  const clients = g.clientList();
  const place = placeOf(g);
  const fixes: Fix[] = [];
  const sgFix =
    suspect.likely === 'nacl' && suspect.certain
      ? undefined
      : sgAllowFix(
          `${suspect.likely === 'sg' ? 'Most likely: allow' : 'If the security group is what drops it: allow'} ${portPhrase(g.serverPort, g.proto)} from ${clientsPhrase(g)} in the security group of ${eni}.`,
          place,
          {
            direction: 'ingress',
            protocol: g.proto,
            fromPort: icmp ? -1 : g.serverPort,
            toPort: icmp ? -1 : g.serverPort,
            cidrs: sgCidrsFor(clients),
            name: `allow_${g.serverPort}_from_clients`,
          },
        );
  const cidr = naclCidrFor(clients);
  const naclFix = naclAllowFix(
    `${suspect.likely === 'nacl' ? 'Most likely: allow' : 'If the network ACL is what drops it: allow'} the requests in and, because NACLs are stateless, the replies out (to the clients' ephemeral ports).`,
    place,
    [
      {
        egress: false,
        protocol: g.proto,
        cidr,
        fromPort: icmp ? undefined : g.serverPort,
        toPort: icmp ? undefined : g.serverPort,
        name: `allow_${g.serverPort}_in`,
      },
      {
        egress: true,
        protocol: g.proto,
        cidr,
        fromPort: icmp ? undefined : 1024,
        toPort: icmp ? undefined : 65535,
        name: `allow_replies_${g.serverPort}_out`,
      },
    ],
  );
  if (suspect.likely === 'nacl') fixes.push(naclFix, ...(sgFix ? [sgFix] : []));
  else if (suspect.certain) fixes.push(sgFix!);
  else fixes.push(...(sgFix ? [sgFix] : []), naclFix);

  const contrast = otherClientsAdmitted(state, g) !== undefined;
  const privateClients = g.publicClients < g.conversations;
  const web = g.proto === 6 && (g.serverPort === 80 || g.serverPort === 443);
  const severity = privateClients || contrast || web ? 'error' : 'warning';
  const where =
    suspect.likely === 'sg'
      ? `the security group of ${eni}${suspect.certain ? '' : ' (more likely) or the network ACL of its subnet'}`
      : suspect.likely === 'nacl'
        ? `the network ACL of ${eni}'s subnet${suspect.certain ? '' : ' (more likely) or its security group'}`
        : `the security group of ${eni} or the network ACL of its subnet`;
  const explanation = [
    `${plural(g.conversations, icmp ? 'inbound ICMP flow' : 'connection attempt')} from ${clientsPhrase(g)} to ${groupService(g)} ${g.conversations === 1 ? 'was' : 'were'} REJECTed coming into ${eni}, and no reply left it: the request itself was dropped.`,
    "Inbound requests meet the subnet's network ACL first, then the interface's security group; a REJECT from either looks the same in flow logs.",
    suspect.reason,
    suspect.certain ? '' : 'The describe commands below settle it.',
    severity === 'warning'
      ? 'The sources are internet addresses and nothing else reaches this port, so this may be intended.'
      : '',
    certaintyNote(g),
  ]
    .filter(Boolean)
    .join(' ');
  const ev = groupEvidence(g, { req: 'request REJECTed inbound' });
  if (suspect.support) ev.evidence.push(recordEvidence(suspect.support, 'for comparison'));
  return {
    code: 'INBOUND_REQUEST_REJECTED',
    severity,
    title: `Requests to ${groupService(g)} are REJECTed by ${where}`,
    explanation,
    ...ev,
    fixes,
    confirm: groupConfirm(g, 'requests'),
    ...(suspect.certain ? {} : { questions: settleQuestions(g, g.eni.region) }),
    occurrences: g.conversations,
    subject: subjectOf(g),
  };
}
