import type { Finding } from '../../report/schema.js';
import { sgRuleFix } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { describeSgRule } from '../model/describe-rule.js';
import { formatRange, protocolName } from '../net/protocol.js';
import { idFor, label } from '../reason/lookup.js';
import { evalSgs } from '../reason/sg-eval.js';
import { placeVpcKey, sgsForSide } from '../reason/sides.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Rule } from './rule.js';

/** SG_INBOUND_BLOCKS / SG_INBOUND_SOURCE_MISMATCH: the destination's SGs do not admit the request. */
export const sgInboundBlocks: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  for (const path of ctx.paths) {
    if (!path.checks.has('sg-in') || (path.to.kind !== 'vpc' && !(path.flow && path.to.ip))) continue;
    if (path.port === undefined && path.protocol !== 1) continue;
    const side = sgsForSide(model, path, 'to');
    const client = sgsForSide(model, path, 'from');
    if (!side.sgs) {
      if (!model.claims.some((c) => c.kind === 'sg-allows-all')) {
        ctx.gap({
          hypothesis: `the security group on ${path.to.label} does not allow ${protocolName(path.protocol).toUpperCase()} ${path.port ?? ''} from ${path.from.label}`,
          ask: path.to.workload?.id?.startsWith('i-')
            ? `aws ec2 describe-instances --instance-ids ${path.to.workload.id} --query 'Reservations[].Instances[].SecurityGroups' and aws ec2 describe-security-groups --group-ids <those SG IDs>`
            : `aws ec2 describe-security-groups --group-ids <SG IDs on ${path.to.label}>`,
          order: 10,
        });
      }
      continue;
    }
    const sgs = side.sgs;
    const peerVpc = placeVpcKey(model, path.from);
    const v = evalSgs(sgs, false, {
      ...(peerVpc ? { peerVpc } : {}),
      protocol: path.protocol,
      ...(path.port !== undefined ? { port: path.port } : {}),
      ...(path.from.addr ? { peer: path.from.addr } : {}),
      ...(client.sgs ? { peerSgs: client.sgs.map((g) => g.key) } : {}),
    });
    const rejectedByFlow = path.flow?.code === 'INBOUND_REQUEST_REJECTED';
    if (v.verdict === 'allow') continue;
    if (v.verdict === 'unknown') {
      // an SG reference to a group the client may or may not be in: flow-log REJECTs with a permissive NACL settle it
      const onlyRefs =
        v.undecided.length > 0 &&
        v.undecided.every((u) => u.rule.peers.every((p) => p.kind !== 'cidr' || !path.from.addr));
      // the user named the rule for this port, and it names other sources than the client (whose groups or
      // address are known): that is the rule that does not match
      const namedOther =
        v.undecided.length === 0 &&
        v.portRules.length > 0 &&
        (client.sgs !== undefined || path.from.addr !== undefined);
      if (!(rejectedByFlow && onlyRefs) && !namedOther) {
        ctx.gap({
          hypothesis: `${sgs.map(label).join(', ')} may not admit ${path.from.label}: it allows ${formatRange(path.port !== undefined ? { from: path.port, to: path.port } : undefined)} only from ${v.undecided.map((u) => describeSgRule(u.rule, (k) => model.sgs.get(k)?.id ?? k)).join('; ') || 'sources not shown'}`,
          ask: `the security groups of ${path.from.label}: aws ec2 describe-instances --filters Name=private-ip-address,Values=${path.from.ip ?? '<CLIENT_IP>'} --query 'Reservations[].Instances[].SecurityGroups'`,
          order: 10,
        });
        continue;
      }
    }
    const mismatch = v.portRules.length > 0;
    const sg = sgs[0]!;
    const portRange = path.port !== undefined ? { from: path.port, to: path.port } : undefined;
    const clientSg = client.sgs?.[0];
    const peer = clientSg?.id
      ? { sg: idFor(clientSg, 'SG') }
      : { cidr: path.from.subnet?.cidr?.text ?? path.from.addr?.text ?? '<CLIENT_CIDR>' };
    const rules = v.portRules.map((r) => describeSgRule(r.rule, (k) => model.sgs.get(k)?.id ?? k));
    const assumed = side.assumed
      ? ` (vpcdiag takes ${label(sg)} to be the group on ${path.to.label}: it is the pasted group with an inbound rule for this port)`
      : '';
    out.push(
      makeFinding({
        code: mismatch ? 'SG_INBOUND_SOURCE_MISMATCH' : 'SG_INBOUND_BLOCKS',
        severity: 'error',
        title: mismatch
          ? `${label(sg)} allows ${protocolName(path.protocol).toUpperCase()} ${path.port} only from other sources, not from ${path.from.label}`
          : `${label(sg)} has no inbound rule for ${protocolName(path.protocol).toUpperCase()} ${path.port ?? ''}`.trim(),
        explanation: mismatch
          ? `Traffic ${describePath(path)} must match an inbound rule of the destination's security groups${assumed}. The rules for this port (${rules.join('; ')}) name other sources${client.sgs ? `: ${path.from.label} carries ${client.sgs.map(label).join(', ')}, which none of them references` : ''}${path.from.ip ? `, and no CIDR in them contains ${path.from.ip}` : ''}. This is typical of a rule that still points at an old security group or an old address range. Security groups drop silently, so the client times out.`
          : `Traffic ${describePath(path)} must match an inbound rule of the destination's security groups${assumed}. ${sgs.map(label).join(', ')} ${sgs.length > 1 ? 'have' : 'has'} no rule for ${protocolName(path.protocol).toUpperCase()} ${path.port ?? ''}${
              sg.ingress.length
                ? ` (only ${sg.ingress
                    .slice(0, 3)
                    .map((r) => describeSgRule(r, (k) => model.sgs.get(k)?.id ?? k))
                    .join('; ')})`
                : ' at all'
            }, so the request is dropped and the client times out.`,
        evidence: [
          ev(sg.src[0], 'destination SG'),
          ...(mismatch
            ? v.portRules.slice(0, 3).flatMap((r) => ev(r.rule.src, 'allows the port, other source'))
            : sg.ingress.slice(0, 3).flatMap((r) => ev(r.src))),
          ...(clientSg ? ev(clientSg.src[0], "the client's SG") : []),
          ...(path.flow ? path.flow.evidence.slice(0, 2) : ev(path.intent.src, 'the path')),
        ],
        fixes: [
          sgRuleFix(
            `Allow ${protocolName(path.protocol).toUpperCase()} ${path.port ?? ''} into ${label(sg)} from ${'sg' in peer ? label(clientSg!) : peer.cidr}`,
            idFor(sg, 'SG'),
            false,
            path.protocol,
            portRange,
            peer,
          ),
        ],
        subject: subjectOf(path, [sg.id, clientSg?.id]),
      }),
    );
  }
  return out;
};
