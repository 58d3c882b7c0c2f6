import type { Finding } from '../../report/schema.js';
import { naclEntryFix } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { freeRuleNumber } from '../findings/nacl-number.js';
import type { NaclEntry } from '../model/types.js';
import {
  EPHEMERAL,
  formatRange,
  type PortRange,
  protocolName,
  RECOMMENDED_EPHEMERAL,
} from '../net/protocol.js';
import { idFor, label } from '../reason/lookup.js';
import { entryName, evalNacl, evalNaclRange, peerCidr, type RangeVerdict } from '../reason/nacl-eval.js';
import { hasReplies, replyCidr } from '../reason/replies.js';
import { naclForSide } from '../reason/sides.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Path, Rule } from './rule.js';

/** The client ports replies must reach, and whether they are known or only what such clients use. */
function clientRange(path: Path): { range: PortRange; ports?: number[]; who: string; strict: boolean } {
  const ports = path.intent.clientPorts?.filter((p) => p >= 1024);
  if (ports?.length)
    return {
      range: { from: Math.min(...ports), to: Math.max(...ports) },
      ports,
      who: `the client ports seen (${ports.slice(0, 5).join(', ')}${ports.length > 5 ? ', …' : ''})`,
      strict: true,
    };
  const kind = path.from.workload?.kind;
  if (kind === 'lambda' || kind === 'elb')
    return {
      range: EPHEMERAL.aws,
      who: `${kind === 'lambda' ? 'Lambda' : 'load balancer'} clients (1024-65535)`,
      strict: true,
    };
  if (/\b(alb|nlb|elb|load balancer|health ?check|nat)\b/i.test(path.from.label))
    return { range: EPHEMERAL.aws, who: 'load balancer / NAT gateway clients (1024-65535)', strict: true };
  return {
    range: { from: EPHEMERAL.linux.from, to: EPHEMERAL.windows.to },
    who: 'Linux (32768-60999) and Windows/macOS (49152-65535) clients',
    strict: false,
  };
}

function isEphemeralRule(e: NaclEntry | undefined): boolean {
  if (!e) return false;
  if (!e.ports) return true;
  return e.ports.to - e.ports.from >= 1000 && e.ports.to >= 1024;
}

/**
 * Replies to a request: the server subnet's NACL outbound (NACL_OUTBOUND_BLOCKS_RESPONSE) and the client
 * subnet's NACL inbound (NACL_INBOUND_BLOCKS_RESPONSE) must allow the client's ephemeral ports; a rule
 * that covers only part of them is NACL_EPHEMERAL_RANGE_TOO_NARROW.
 */
export const naclBlocksResponse: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  for (const path of ctx.paths) {
    if (path.from.subnet && path.from.subnet === path.to.subnet) continue;
    if (path.protocol !== 6 && path.protocol !== 17) continue;
    if (!hasReplies(path)) continue; // one-way UDP (syslog, NetFlow…): no reply to drop
    if (path.port === undefined && path.to.kind !== 'service' && path.to.kind !== 'internet') continue;
    for (const egress of [true, false]) {
      if (!path.checks.has(egress ? 'reply-nacl-out' : 'reply-nacl-in')) continue;
      // egress: the server's subnet sends the reply out; ingress: the client's subnet takes it in
      const side = egress ? 'to' : 'from';
      const ns = naclForSide(model, path, side);
      if (ns.allowAll || !ns.nacl) continue;
      const n = ns.nacl;
      const peer = peerCidr(egress ? path.from : path.to);
      const cr = clientRange(path);
      let segs: RangeVerdict[];
      if (cr.ports) {
        segs = cr.ports.map((p) => {
          const v = evalNacl(n, egress, { peer, protocol: path.protocol, port: p });
          return { range: { from: p, to: p }, verdict: v.verdict, ...(v.entry ? { entry: v.entry } : {}) };
        });
      } else segs = evalNaclRange(n, egress, peer, path.protocol, cr.range);
      const denied = segs.filter((s) => s.verdict === 'deny');
      if (denied.length === 0) {
        if (segs.some((s) => s.verdict === 'unknown') && !path.flow) {
          ctx.gap({
            hypothesis: `${label(n)} may not allow the replies ${egress ? 'out' : 'in'} on the ephemeral ports (${formatRange(cr.range)})`,
            ask: `aws ec2 describe-network-acls --network-acl-ids ${idFor(n, 'NACL')}`,
            order: 14,
          });
        }
        continue;
      }
      // allowed (for this peer) by a rule meant for ephemeral ports, over the whole 1024-65535
      const wide = evalNaclRange(n, egress, peer, path.protocol, RECOMMENDED_EPHEMERAL).filter(
        (s) => s.verdict === 'allow' && isEphemeralRule(s.entry),
      );
      const narrow = wide.length > 0;
      if (narrow && !cr.strict && !path.flow) {
        // generic clients: only flag a range that misses the Linux or the Windows/macOS range
        const missesLinux = denied.some(
          (d) => d.range.from <= EPHEMERAL.linux.to && d.range.to >= EPHEMERAL.linux.from,
        );
        const missesWindows = denied.some((d) => d.range.to >= EPHEMERAL.windows.from);
        if (!missesLinux && !missesWindows) continue;
      }
      const code = narrow
        ? 'NACL_EPHEMERAL_RANGE_TOO_NARROW'
        : egress
          ? 'NACL_OUTBOUND_BLOCKS_RESPONSE'
          : 'NACL_INBOUND_BLOCKS_RESPONSE';
      const subnet = path[side].subnet;
      const decider = denied.find((d) => d.entry && d.entry.number < 32767)?.entry ?? denied[0]!.entry;
      const num = freeRuleNumber(n, egress, decider && decider.number < 32767 ? decider : undefined);
      // the block the request was let in from is the block the replies go back to
      const request =
        path.port !== undefined ? { peer, protocol: path.protocol, port: path.port } : undefined;
      const cidr = replyCidr(n, egress, path, peer, request, '0.0.0.0/0');
      const deniedText = denied
        .slice(0, 3)
        .map((d) => formatRange(d.range))
        .join(', ');
      const allowedText = wide.map((w) => `${formatRange(w.range)} (${entryName(w.entry)})`).join(', ');
      const where = egress
        ? `the server's subnet${subnet ? ` ${label(subnet)}` : ''}`
        : `the client's subnet${subnet ? ` ${label(subnet)}` : ''}`;
      out.push(
        makeFinding({
          code,
          severity: narrow && !cr.strict ? 'warning' : 'error',
          title: narrow
            ? `${label(n)} allows replies ${egress ? 'out' : 'in'} only on ${allowedText.split(' (')[0]}: narrower than the ports ${cr.strict ? 'these clients use' : 'clients use'}`
            : `${label(n)} has no ${egress ? 'outbound' : 'inbound'} rule for the replies: ${entryName(decider)} drops them`,
          explanation: `Network ACLs are stateless: the reply to a request is checked again, ${egress ? 'leaving' : 'entering'} ${where}, and goes to the client's ephemeral port. For traffic ${describePath(path)} those are ${cr.who}. ${narrow ? `${label(n)} allows ${allowedText}, so replies to ${deniedText} fall to ${entryName(decider)} and are dropped: connections from clients that pick those ports time out while others work.` : `No ${egress ? 'outbound' : 'inbound'} rule of ${label(n)} allows ${deniedText} ${egress ? 'to' : 'from'} ${peer.text}, so ${entryName(decider)} drops every reply${egress ? ' even though the request was let in (the security group is stateful and is not the cause)' : ''}.`}${ns.assumed ? ` (${label(n)} is the only network ACL pasted, so vpcdiag takes it to be this subnet's.)` : ''} AWS recommends allowing 1024-65535 for replies.`,
          evidence: [
            ev(n.src[0], 'network ACL'),
            ...(decider ? ev(decider.src, 'drops the replies') : []),
            ...wide.slice(0, 2).flatMap((w) => ev(w.entry?.src, 'ephemeral rule')),
            ...(path.flow ? path.flow.evidence.slice(0, 2) : ev(path.intent.src, 'the path')),
          ],
          fixes: [
            naclEntryFix(
              `Allow ${egress ? 'outbound' : 'inbound'} ${protocolName(path.protocol).toUpperCase()} 1024-65535 ${egress ? 'to' : 'from'} ${cidr} in ${label(n)} (rule ${num})${narrow ? ', or widen the existing ephemeral rule' : ''}`,
              idFor(n, 'NACL'),
              {
                number: num,
                egress,
                protocol: path.protocol,
                ports: RECOMMENDED_EPHEMERAL,
                cidr,
                action: 'allow',
              },
            ),
          ],
          subject: subjectOf(path, [n.id, subnet?.id]),
        }),
      );
    }
  }
  return out;
};
