import type { Finding } from '../../report/schema.js';
import { deleteNaclEntryFix, naclEntryFix } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { freeRuleNumber } from '../findings/nacl-number.js';
import { ICMP, protocolName } from '../net/protocol.js';
import { idFor, label } from '../reason/lookup.js';
import { ECHO_REQUEST, entryName, evalNacl, peerCidr } from '../reason/nacl-eval.js';
import { naclForSide } from '../reason/sides.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Path, Rule } from './rule.js';

function sameSubnet(path: Path): boolean {
  return !!path.from.subnet && path.from.subnet === path.to.subnet;
}

/** NACL_INBOUND_BLOCKS_REQUEST (destination subnet) and NACL_OUTBOUND_BLOCKS_REQUEST (source subnet). */
export const naclBlocksRequest: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  for (const path of ctx.paths) {
    if (sameSubnet(path)) continue; // traffic inside one subnet never crosses its NACL
    // without a port only a request to the internet is judged (ICMP and AWS services aside): there an
    // entry with no port (or the * deny) that matches first drops it whatever the port
    const anyPort = path.port === undefined && path.to.kind === 'internet';
    if (path.port === undefined && path.protocol !== 1 && path.to.kind !== 'service' && !anyPort) continue;
    const port = path.port ?? (path.to.kind === 'service' ? 443 : undefined);
    for (const egress of [true, false]) {
      if (!path.checks.has(egress ? 'nacl-out' : 'nacl-in')) continue;
      const side = egress ? 'from' : 'to';
      const ns = naclForSide(model, path, side);
      if (ns.allowAll) continue;
      const n = ns.nacl;
      const peer = peerCidr(egress ? path.to : path.from);
      if (!n) {
        if (path[side].kind === 'vpc' && !egress) {
          ctx.gap({
            hypothesis: `the network ACL of ${path.to.subnet ? label(path.to.subnet) : `${path.to.label}'s subnet`} denies ${protocolName(path.protocol).toUpperCase()} ${port ?? ''} from ${peer.text}`,
            ask: `aws ec2 describe-network-acls --filters Name=association.subnet-id,Values=${path.to.subnet ? idFor(path.to.subnet, 'subnet ID') : '<SUBNET_ID>'}`,
            order: 12,
          });
        }
        continue;
      }
      const v = evalNacl(n, egress, {
        peer,
        protocol: path.protocol,
        ...(port !== undefined ? { port } : {}),
        ...(path.protocol === ICMP ? { icmpType: ECHO_REQUEST } : {}),
      });
      if (v.verdict !== 'deny') continue;
      const code = egress ? 'NACL_OUTBOUND_BLOCKS_REQUEST' : 'NACL_INBOUND_BLOCKS_REQUEST';
      // records of traffic a deny rule names on purpose ("deny 203.0.113.0/24"): the rule doing its job
      const deliberate =
        path.flow !== undefined &&
        v.entry !== undefined &&
        v.entry.number < 32767 &&
        v.entry.cidr.bits > 0 &&
        !model.symptoms.some((s) => s.kind === 'timeout' || s.kind === 'broken');
      const subnet = path[side].subnet;
      const num = freeRuleNumber(n, egress, v.entry);
      const cidr =
        (egress
          ? (path.to.vpc?.cidrs[0]?.cidr.text ?? path.to.subnet?.cidr?.text)
          : (path.from.subnet?.cidr?.text ?? path.from.vpc?.cidrs[0]?.cidr.text)) ?? peer.text;
      out.push(
        makeFinding({
          code,
          severity: deliberate ? 'info' : 'error',
          title:
            `${label(n)} ${egress ? 'outbound' : 'inbound'} ${entryName(v.entry)} drops ${protocolName(path.protocol).toUpperCase()} ${path.protocol === 1 ? '' : (port ?? (anyPort ? 'on every port' : ''))} ${egress ? 'to' : 'from'} ${peer.text}${deliberate ? ', as it is meant to' : ''}`.replace(
              /\s+/g,
              ' ',
            ),
          explanation: `Network ACLs are checked rule by rule from the lowest number, and the first rule that matches decides. ${egress ? `Leaving ${subnet ? label(subnet) : "the source's subnet"}` : `Entering ${subnet ? label(subnet) : "the destination's subnet"}`}, the request ${describePath(path)} ${v.entry && v.entry.number < 32767 ? `matches ${entryName(v.entry)} (${v.entry.src.text}) first, which denies it` : 'matches no allow rule, so the final * rule denies it'}${ns.assumed ? ` (${label(n)} is the only network ACL pasted, so vpcdiag takes it to be this subnet's)` : ''}. ${deliberate ? `That is what ${entryName(v.entry)} is for: these REJECTs in the flow log are the rule working, not a fault.` : 'The packet is dropped silently and the client times out.'}`,
          evidence: [
            ev(n.src[0], 'network ACL'),
            ...(v.entry ? ev(v.entry.src, 'first match') : []),
            ...(path.flow ? path.flow.evidence.slice(0, 2) : ev(path.intent.src, 'the path')),
          ],
          fixes: deliberate
            ? []
            : [
                naclEntryFix(
                  `Add an allow ${egress ? 'outbound' : 'inbound'} rule numbered ${num}${v.entry && v.entry.number < 32767 ? ` (below ${v.entry.number}, so it is matched first)` : ''}${port === undefined && (path.protocol === 6 || path.protocol === 17) ? ' for the port it connects to (<PORT>: 443 for HTTPS)' : ''}`,
                  idFor(n, 'NACL'),
                  {
                    number: num,
                    egress,
                    protocol: path.protocol,
                    ...(port !== undefined ? { ports: { from: port, to: port } } : {}),
                    cidr,
                    action: 'allow',
                  },
                ),
                ...(v.entry && v.entry.number < 32767 && v.entry.action === 'deny'
                  ? [
                      deleteNaclEntryFix(
                        `Or, if deny ${entryName(v.entry)} was not meant to cover ${peer.text}, delete it (or re-create it for a narrower block)`,
                        idFor(n, 'NACL'),
                        v.entry.number,
                        egress,
                      ),
                    ]
                  : []),
              ],
          subject: subjectOf(path, [n.id, subnet?.id]),
        }),
      );
    }
  }
  return out;
};
