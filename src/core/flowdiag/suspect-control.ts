import type { RecordItem } from '../flowlog/types.js';
import type { FlowState } from './flow-state.js';
import type { Group } from './group.js';
import { listAnd } from './wording.js';

/**
 * Which control more likely REJECTs a request, when records alone cannot separate the SG from the
 * NACL, and why. `certain` when the records do settle it (a NAT gateway has no SG; another ENI in the
 * same subnet admits the same client on the same port, so the subnet's NACL does).
 */
export interface Suspect {
  likely: 'sg' | 'nacl' | 'either';
  certain: boolean;
  reason: string;
  /** a record that supports the reason */
  support?: RecordItem;
}

/** The SG is not where NAT gateways and TGW attachments filter: they have none. */
function noSecurityGroup(g: Group): Suspect | undefined {
  if (g.eni.isNat())
    return {
      likely: 'nacl',
      certain: true,
      reason: `${g.eni.id} is a NAT gateway's interface, and NAT gateways have no security groups: the network ACL of its subnet is the only control that can REJECT here.`,
    };
  return undefined;
}

/** Same outcome elsewhere in the subnet's NACL: that NACL is customised, not the default allow-all. */
function naclAlreadyDrops(state: FlowState, g: Group): Group | undefined {
  for (const x of state.groupsOf('response-rejected')) {
    if (x.eni === g.eni || (g.eni.subnetId !== undefined && x.eni.subnetId === g.eni.subnetId)) return x;
  }
  return undefined;
}

/** Another ENI of the same subnet that ACCEPTs one of these clients on the same port and protocol. */
function admittedElsewhereInSubnet(state: FlowState, g: Group): Group | undefined {
  const subnet = g.eni.subnetId;
  if (subnet === undefined) return undefined;
  const clients = new Set(g.clients.keys());
  for (const o of ['ok', 'handshake-only', 'unanswered', 'response-rejected'] as const) {
    for (const x of state.groupsOf(o)) {
      if (x.eni === g.eni || x.eni.subnetId !== subnet || x.role !== 'server') continue;
      if (x.serverPort !== g.serverPort || x.proto !== g.proto) continue;
      if ([...x.clients.keys()].some((c) => clients.has(c))) return x;
    }
  }
  return undefined;
}

/** Other clients whose requests to the same service on the same ENI got in. */
export function otherClientsAdmitted(state: FlowState, g: Group): Group | undefined {
  for (const o of ['ok', 'handshake-only', 'unanswered', 'response-rejected'] as const) {
    const x = state.sibling(g, o);
    if (x) return x;
  }
  return undefined;
}

export function inboundSuspect(state: FlowState, g: Group): Suspect {
  const none = noSecurityGroup(g);
  if (none) return none;
  const elsewhere = admittedElsewhereInSubnet(state, g);
  if (elsewhere) {
    return {
      likely: 'sg',
      certain: true,
      reason: `The same ${elsewhere.clients.size === 1 ? 'client reaches' : 'clients reach'} port ${g.serverPort} on ${elsewhere.eni.id}, in the same subnet ${g.eni.subnetId}: that subnet's network ACL admits the traffic, so the security group of ${g.eni.id} is what rejects it.`,
      support: elsewhere.samples[0]?.reqRef,
    };
  }
  if (g.role === 'transit')
    return {
      likely: 'nacl',
      certain: false,
      reason: `${g.eni.id || 'This interface'} forwards other hosts' traffic (a transit gateway attachment, firewall or endpoint interface); transit gateway attachments have no security groups, so the network ACL of its subnet is the likelier control.`,
    };
  const nacl = naclAlreadyDrops(state, g);
  if (nacl) {
    return {
      likely: 'either',
      certain: false,
      reason: `This subnet's network ACL already drops replies (${nacl.eni.id} ${nacl.server}:${nacl.serverPort}), so it is a customised NACL, not the default allow-all one: its inbound rules may drop these requests as well as the security group could.`,
      support: nacl.samples[0]?.respRef,
    };
  }
  const others = otherClientsAdmitted(state, g);
  if (others) {
    const list = others.clientList().filter((c) => !g.clients.has(c));
    if (list.length > 0)
      return {
        likely: 'sg',
        certain: false,
        reason: `Other clients (${listAnd(list, 3)}) get through to the same port, so the control admits some sources and not these. That is most often a security group whose source (a CIDR, or a reference to another security group) does not include these clients; a NACL entry keyed on the source CIDR would look the same.`,
        support: others.samples[0]?.reqRef,
      };
  }
  return {
    likely: 'sg',
    certain: false,
    reason:
      'Security groups are the usual cause: a new security group admits nothing inbound, while the default network ACL allows everything. A custom network ACL without an inbound allow for this port would look the same in flow logs.',
  };
}

export function outboundSuspect(state: FlowState, g: Group): Suspect {
  const none = noSecurityGroup(g);
  if (none) return none;
  const nacl = naclAlreadyDrops(state, g);
  if (nacl) {
    return {
      likely: 'either',
      certain: false,
      reason: `This subnet's network ACL already drops replies (${nacl.eni.id} ${nacl.server}:${nacl.serverPort}), so it is customised and its outbound rules may be the cause as well as the security group's egress rules.`,
      support: nacl.samples[0]?.respRef,
    };
  }
  // other outbound requests from the same ENI on the same port and protocol that get out
  for (const o of ['ok', 'handshake-only', 'unanswered', 'response-rejected'] as const) {
    for (const x of state.groupsOf(o)) {
      if (x.eni !== g.eni || x.role !== 'client' || x.serverPort !== g.serverPort || x.proto !== g.proto)
        continue;
      return {
        likely: 'either',
        certain: false,
        reason: `Requests from the same interface to ${x.realServer} on the same port do get out, so the control allows some destinations and not ${g.realServer}: a security group egress rule limited to certain destinations, or a NACL outbound entry keyed on the destination CIDR.`,
        support: x.samples[0]?.reqRef,
      };
    }
  }
  return {
    likely: 'either',
    certain: false,
    reason:
      "Either the security group's egress rules (a new SG allows all egress, but hardened ones and CDK's allowAllOutbound: false do not) or a custom network ACL's outbound rules; flow logs record the REJECT the same way for both.",
  };
}

/** The describe commands whose output settles SG vs NACL. */
export function settleQuestions(g: Group, region: string | undefined): string[] {
  const r = region ? ` --region ${region}` : '';
  const eni = g.eni.id;
  const subnet = g.eni.subnetId
    ? g.eni.subnetId
    : eni
      ? `$(aws ec2 describe-network-interfaces${r} --network-interface-ids ${eni} --query 'NetworkInterfaces[0].SubnetId' --output text)`
      : '<SUBNET_ID>';
  const out: string[] = [];
  if (eni && !g.eni.isNat())
    out.push(
      `The security groups on ${eni}: aws ec2 describe-security-groups${r} --group-ids $(aws ec2 describe-network-interfaces${r} --network-interface-ids ${eni} --query 'NetworkInterfaces[0].Groups[].GroupId' --output text)`,
    );
  out.push(
    `The network ACL of its subnet: aws ec2 describe-network-acls${r} --filters Name=association.subnet-id,Values=${subnet}`,
  );
  out.push('Paste their output with these records into /diagnose to get the exact rule.');
  return out;
}
