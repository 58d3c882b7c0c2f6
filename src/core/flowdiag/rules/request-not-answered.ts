import { protocolName } from '../../flowlog/protocol-name.js';
import type { Finding, Fix } from '../../report/schema.js';
import { isPrivateAddress } from '../addresses.js';
import type { Group } from '../group.js';
import {
  certaintyNote,
  clientsPhrase,
  groupConfirm,
  groupEvidence,
  groupService,
  type RuleInput,
  rollUp,
  subjectOf,
} from '../rule-kit.js';
import { eniName, hasPorts, plural } from '../wording.js';

/**
 * REQUEST_NOT_ANSWERED: requests ACCEPTed and no reply at all, with retransmissions. At the server's
 * ENI that means the host never sent one (flow logs record a reply before any NACL or route decides
 * its fate, even a REJECTed one); at the client's ENI the reply was lost anywhere beyond it.
 */
export function requestNotAnswered({ state }: RuleInput): Finding[] {
  const groups = state.groupsOf('unanswered');
  const { shown, rollup } = rollUp(
    'REQUEST_NOT_ANSWERED',
    'warning',
    groups,
    state.tail('unanswered', 'server', 'client', 'unknown', 'transit'),
    'requests ACCEPTed and never answered',
  );
  const out = shown.map(finding);
  if (rollup) out.push(rollup);
  return out;
}

function finding(g: Group): Finding {
  const eni = eniName(g.eni);
  const atClient = g.role === 'client';
  const tcp = g.proto === 6;
  const r = g.eni.region ? ` --region ${g.eni.region}` : '';
  const retrans = g.strong > 0;
  const explanation = atClient
    ? [
        `${plural(g.conversations, 'request')} from ${clientsPhrase(g)} to ${groupService(g)} left ${eni} (ACCEPTed outbound)${retrans ? ' and were sent again and again' : ''}, and nothing came back, not even a REJECTed reply.`,
        `The request was lost, or the reply was, somewhere beyond this interface: the security group or network ACL at ${g.realServer}, a missing route on either side, or the host itself.`,
        `Flow logs on the server's interface will show which: a REJECT there is its SG or NACL; an ACCEPT with no reply is the host; an ACCEPTed reply that never arrives is the return route.`,
        certaintyNote(g),
      ]
    : [
        `${plural(g.conversations, 'request')} from ${clientsPhrase(g)} to ${groupService(g)} ${g.conversations === 1 ? 'was' : 'were'} ACCEPTed into ${eni}${retrans ? (tcp ? ', the client kept re-sending its SYN' : ', repeatedly') : ''}, and ${g.realServer} never answered: there is no reply record at all, not even a REJECTed one.`,
        'Flow logs record a reply at the interface before any network ACL or route decides its fate, so the VPC did not drop it: the host never sent one.',
        tcp
          ? 'A service that is not listening answers with a reset (which would show as a reply), so silence points to a host firewall that drops silently (iptables/nftables, firewalld, Windows Defender Firewall), a listener too overloaded to answer, or a reply that leaves by another network interface of the instance.'
          : 'Look at the host: the service may not be running, a host firewall may drop the requests, or the reply may leave by another network interface.',
        certaintyNote(g),
      ];
  const fixes: Fix[] = [];
  if (!atClient && hasPorts(g.proto)) {
    fixes.push({
      summary: `On ${g.realServer}: check that something listens on ${protocolName(g.proto)} port ${g.serverPort} and that the host firewall lets the clients in.`,
      commands: [
        `sudo ss -${tcp ? 't' : 'u'}lnp 'sport = :${g.serverPort}'`,
        'sudo iptables -S INPUT; sudo nft list ruleset | head -50',
        `# Windows: Get-NetTCPConnection -LocalPort ${g.serverPort} -State Listen; Get-NetFirewallRule -Direction Inbound -Enabled True`,
      ],
    });
  } else if (atClient && isPrivateAddress(g.realServer)) {
    fixes.push({
      summary: `Find ${g.realServer}'s interface and look at its flow log for the same requests.`,
      commands: [
        `aws ec2 describe-network-interfaces${r} --filters Name=addresses.private-ip-address,Values=${g.realServer} --query 'NetworkInterfaces[0].[NetworkInterfaceId,SubnetId,Groups]'`,
      ],
    });
  }
  return {
    code: 'REQUEST_NOT_ANSWERED',
    severity: retrans ? 'error' : 'warning',
    title: atClient
      ? `Requests from ${eni} to ${groupService(g)} get no reply`
      : `${g.realServer} does not answer requests to ${groupService(g)}`,
    explanation: explanation.filter(Boolean).join(' '),
    ...groupEvidence(g, {
      req: atClient ? 'request ACCEPTed going out, no reply' : 'request ACCEPTed in, no reply',
    }),
    fixes,
    confirm: groupConfirm(g, 'both'),
    occurrences: g.conversations,
    subject: subjectOf(g),
    ...(atClient
      ? {
          questions: [
            `Paste the flow-log records of ${g.realServer}'s interface for the same minutes (or enable a flow log on it: aws ec2 create-flow-logs --resource-type NetworkInterface --resource-ids <ITS_ENI_ID> --traffic-type ALL --log-destination-type cloud-watch-logs --log-group-name <LOG_GROUP> --deliver-logs-permission-arn <ROLE_ARN>).`,
          ],
        }
      : {}),
  };
}
