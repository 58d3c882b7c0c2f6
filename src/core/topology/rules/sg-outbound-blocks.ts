import type { Finding } from '../../report/schema.js';
import { sgRuleFix } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { describeSgRule } from '../model/describe-rule.js';
import { ANY_IPV4 } from '../net/ipv4.js';
import { protocolName } from '../net/protocol.js';
import { idFor, label } from '../reason/lookup.js';
import { evalSgs } from '../reason/sg-eval.js';
import { placeVpcKey, sgsForSide } from '../reason/sides.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Rule } from './rule.js';

/** SG_OUTBOUND_BLOCKS: the source's SGs have no egress rule for the destination/port. */
export const sgOutboundBlocks: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  for (const path of ctx.paths) {
    if (!path.checks.has('sg-out') || path.from.kind !== 'vpc') continue;
    const port = path.port ?? (path.to.kind === 'service' ? 443 : undefined);
    if (port === undefined) continue;
    const side = sgsForSide(model, path, 'from');
    if (!side.sgs) continue;
    const server = sgsForSide(model, path, 'to');
    const peer = path.to.addr ?? ANY_IPV4;
    const peerVpc = placeVpcKey(model, path.to);
    const v = evalSgs(side.sgs, true, {
      ...(peerVpc ? { peerVpc } : {}),
      protocol: path.protocol,
      port,
      peer,
      ...(server.sgs ? { peerSgs: server.sgs.map((g) => g.key) } : {}),
      ...(path.to.service ? { service: path.to.service } : {}),
    });
    if (v.verdict !== 'deny') continue;
    const sg = side.sgs[0]!;
    const target = server.sgs?.[0]?.id
      ? { sg: idFor(server.sgs[0], 'SG') }
      : {
          cidr:
            path.to.subnet?.cidr?.text ??
            path.to.vpc?.cidrs[0]?.cidr.text ??
            (path.to.kind === 'vpc' ? peer.text : path.to.ip ? `${path.to.ip}/32` : '0.0.0.0/0'),
        };
    out.push(
      makeFinding({
        code: 'SG_OUTBOUND_BLOCKS',
        severity: 'error',
        title: `${label(sg)} does not allow outbound ${protocolName(path.protocol).toUpperCase()} ${port} to ${path.to.label}`,
        explanation: `Security groups check traffic leaving an instance too. ${side.sgs.map(label).join(', ')} on ${path.from.label} ${
          sg.egress.length
            ? `only allow${side.sgs.length > 1 ? '' : 's'} ${sg.egress
                .slice(0, 3)
                .map((r) => describeSgRule(r, (k) => model.sgs.get(k)?.id ?? k))
                .join('; ')}`
            : 'have no outbound rules at all (the default allow-all egress rule was removed, e.g. CDK allowAllOutbound: false)'
        }, so traffic ${describePath(path)} never leaves the instance. An inbound rule on the destination alone is not enough.`,
        evidence: [
          ev(sg.src[0], 'source SG'),
          ...sg.egress.slice(0, 3).flatMap((r) => ev(r.src)),
          ...(path.flow ? path.flow.evidence.slice(0, 2) : ev(path.intent.src, 'the path')),
        ],
        fixes: [
          sgRuleFix(
            `Allow ${protocolName(path.protocol).toUpperCase()} ${port} out of ${label(sg)} to ${'sg' in target ? target.sg : target.cidr}`,
            idFor(sg, 'SG'),
            true,
            path.protocol,
            { from: port, to: port },
            target,
          ),
        ],
        subject: subjectOf(path, [sg.id]),
      }),
    );
  }
  return out;
};
