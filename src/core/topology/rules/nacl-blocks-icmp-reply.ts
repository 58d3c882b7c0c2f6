import type { Finding } from '../../report/schema.js';
import { naclEntryFix } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { freeRuleNumber } from '../findings/nacl-number.js';
import { ICMP } from '../net/protocol.js';
import { idFor, label } from '../reason/lookup.js';
import {
  ECHO_REPLY as ECHO_REPLY_TYPE,
  ECHO_REQUEST,
  entryName,
  evalNacl,
  peerCidr,
} from '../reason/nacl-eval.js';
import { replyCidr } from '../reason/replies.js';
import { naclForSide } from '../reason/sides.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Rule } from './rule.js';

/** ICMP echo reply: type 0, any code. */
const ECHO_REPLY = { type: ECHO_REPLY_TYPE, code: -1 };

/**
 * The echo reply to a ping is checked again by each stateless NACL on its way back: the server
 * subnet's NACL outbound (NACL_OUTBOUND_BLOCKS_RESPONSE) and the client subnet's NACL inbound
 * (NACL_INBOUND_BLOCKS_RESPONSE) must allow ICMP (protocol 1, type 0 or all). ICMP has no ports, so
 * the entry that decides is the first one for ICMP or for all protocols that covers the other side.
 * An entry for one ICMP type (an outbound allow of type 8 only) does not match the reply.
 */
export const naclBlocksIcmpReply: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  for (const path of ctx.paths) {
    if (path.protocol !== ICMP) continue;
    if (path.from.subnet && path.from.subnet === path.to.subnet) continue;
    for (const egress of [true, false]) {
      if (!path.checks.has(egress ? 'reply-nacl-out' : 'reply-nacl-in')) continue;
      // egress: the server's subnet sends the reply out; ingress: the client's subnet takes it in
      const side = egress ? 'to' : 'from';
      const ns = naclForSide(model, path, side);
      if (ns.allowAll || !ns.nacl) continue;
      const n = ns.nacl;
      const peer = peerCidr(egress ? path.from : path.to);
      const v = evalNacl(n, egress, { peer, protocol: ICMP, icmpType: ECHO_REPLY_TYPE });
      if (v.verdict === 'unknown' && !path.flow)
        ctx.gap({
          hypothesis: `${label(n)} may not allow the ICMP echo replies ${egress ? 'out' : 'in'}`,
          ask: `aws ec2 describe-network-acls --network-acl-ids ${idFor(n, 'NACL')}`,
          order: 14,
        });
      if (v.verdict !== 'deny') continue;
      const code = egress ? 'NACL_OUTBOUND_BLOCKS_RESPONSE' : 'NACL_INBOUND_BLOCKS_RESPONSE';
      const subnet = path[side].subnet;
      const decider = v.entry;
      const num = freeRuleNumber(n, egress, decider && decider.number < 32767 ? decider : undefined);
      // the block the ping was let in from is the block the replies go back to
      const cidr = replyCidr(
        n,
        egress,
        path,
        peer,
        { peer, protocol: ICMP, icmpType: ECHO_REQUEST },
        peer.text,
      );
      const where = egress
        ? `leaving the server's subnet${subnet ? ` ${label(subnet)}` : ''}`
        : `entering the client's subnet${subnet ? ` ${label(subnet)}` : ''}`;
      out.push(
        makeFinding({
          code,
          severity: 'error',
          title: `${label(n)} has no ${egress ? 'outbound' : 'inbound'} rule for the ICMP echo replies: ${entryName(decider)} drops them`,
          explanation: `Network ACLs are stateless: the echo reply (ICMP type 0) to a ping ${describePath(path)} is checked again, ${where}. No ${egress ? 'outbound' : 'inbound'} rule of ${label(n)} before ${entryName(decider)} allows ICMP ${egress ? 'to' : 'from'} ${peer.text}, so ${entryName(decider)} drops every reply${egress ? ' even though the ping was let in (the security group is stateful and is not the cause)' : ''}.${ns.assumed ? ` (${label(n)} is the only network ACL pasted, so vpcdiag takes it to be this subnet's.)` : ''}`,
          evidence: [
            ev(n.src[0], 'network ACL'),
            ...(decider ? ev(decider.src, 'drops the replies') : []),
            ...(path.flow ? path.flow.evidence.slice(0, 2) : ev(path.intent.src, 'the path')),
          ],
          fixes: [
            naclEntryFix(
              `Allow ${egress ? 'outbound' : 'inbound'} ICMP echo replies (type 0) ${egress ? 'to' : 'from'} ${cidr} in ${label(n)} (rule ${num}${decider && decider.number < 32767 ? `, below ${decider.number} so it is matched first` : ''})`,
              idFor(n, 'NACL'),
              { number: num, egress, protocol: ICMP, cidr, action: 'allow', icmp: ECHO_REPLY },
            ),
          ],
          subject: subjectOf(path, [n.id, subnet?.id]),
        }),
      );
    }
  }
  return out;
};
