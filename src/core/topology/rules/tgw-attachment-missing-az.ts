import type { Finding } from '../../report/schema.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { idFor, label } from '../reason/lookup.js';
import { forwardRoute } from '../reason/path-facts.js';
import { attachmentAzs, attachmentOf, sameAzName } from '../reason/tgw-facts.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Rule } from './rule.js';

/** TGW_ATTACHMENT_MISSING_AZ: the attachment has no subnet in the AZ the traffic starts in. */
export const tgwAttachmentMissingAz: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const path of ctx.paths) {
    if (!path.checks.has('route-fwd')) continue;
    const fwd = forwardRoute(model, path);
    const saidTgw = /\b(?:tgw|transit\s+gateway)\b/i.test(path.intent.src.text);
    const onlyTgwRoute = fwd.choice.table?.routes.some((r) => r.target.kind === 'tgw') && !path.to.addr;
    const viaTgw =
      fwd.match?.route?.target.kind === 'tgw' ||
      (saidTgw && onlyTgwRoute) ||
      (!fwd.choice.table && attachmentOf(model, path.from.vpc?.key) && attachmentOf(model, path.to.vpc?.key));
    if (!viaTgw) continue;
    for (const side of ['from', 'to'] as const) {
      const place = path[side];
      const att = attachmentOf(model, place.vpc?.key);
      const az = place.subnet?.az ?? place.workload?.az;
      if (!att || !az) continue;
      const azs = attachmentAzs(model, att);
      if (azs.length === 0 || azs.some((x) => sameAzName(x, az))) continue;
      const key = `${att.key}|${az}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(
        makeFinding({
          code: 'TGW_ATTACHMENT_MISSING_AZ',
          severity: 'error',
          title: `${label(att)} has no subnet in ${az}, where ${place.label} runs`,
          explanation: `A Transit Gateway VPC attachment places a network interface in one subnet per Availability Zone, and resources can only reach the TGW through the attachment interface in their own AZ. ${label(att)} covers ${azs.join(', ')}, not ${az}, so ${side === 'from' ? 'traffic' : 'replies'} from ${place.label} in ${az} cannot enter the Transit Gateway even though the route table points at it (${describePath(path)}).`,
          evidence: [
            ...att.src.slice(0, 2).flatMap((s) => ev(s, 'attachment subnets')),
            ...(place.subnet
              ? ev(place.subnet.src[0], az)
              : place.workload
                ? ev(place.workload.src[0], az)
                : []),
            ev(path.intent.src, 'the path'),
          ],
          fixes: [
            {
              summary: `Add a subnet in ${az} (a small dedicated /28 is enough) to ${label(att)}`,
              commands: [
                `aws ec2 modify-transit-gateway-vpc-attachment --transit-gateway-attachment-id ${idFor(att, 'attachment')} --add-subnet-ids <SUBNET_ID_IN_${az.toUpperCase().replace(/-/g, '_')}>`,
              ],
              terraform: `resource "aws_ec2_transit_gateway_vpc_attachment" "this" {\n  # the existing ${att.id ?? 'attachment'}\n  subnet_ids = [${[...att.subnets.map((k) => `"${idFor(model.subnets.get(k) ?? { key: k }, 'subnet')}"`), `"<SUBNET_ID_IN_${az}>"`].join(', ')}]\n}`,
            },
          ],
          subject: subjectOf(path, [att.id]),
        }),
      );
    }
  }
  return out;
};
