import type { Finding } from '../../report/schema.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { idFor, label } from '../reason/lookup.js';
import { forwardRoute } from '../reason/path-facts.js';
import { attachmentOf, tgwLookup, tgwTableOf } from '../reason/tgw-facts.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Rule } from './rule.js';

/** TGW_ROUTE_MISSING: the TGW route table associated with the attachment has no route (or a blackhole) to the destination. */
export const tgwRouteMissing: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const path of ctx.paths) {
    const fwd = forwardRoute(model, path);
    const r = fwd.match?.route;
    // from on-premises over a VPN on the TGW: the VPN attachment is the source's
    const vpnAtt =
      path.from.kind === 'onprem'
        ? [...model.tgwAttachments.values()].find((a) => a.resourceType === 'vpn')
        : undefined;
    const srcAtt = vpnAtt ?? attachmentOf(model, path.from.vpc?.key);
    const dstAtt = attachmentOf(model, path.to.vpc?.key);
    const viaTgw = r?.target.kind === 'tgw' || (!r && srcAtt && (dstAtt || vpnAtt));
    if (!viaTgw) continue;
    const legs: { att: typeof srcAtt; dest: typeof path.to.addr; toLabel: string; back: boolean }[] = [];
    if (path.checks.has('route-fwd'))
      legs.push({ att: srcAtt, dest: path.to.addr, toLabel: path.to.label, back: false });
    if (path.checks.has('route-ret') && dstAtt)
      legs.push({ att: dstAtt, dest: path.from.addr, toLabel: path.from.label, back: true });
    for (const leg of legs) {
      if (!leg.dest) continue;
      const t = tgwTableOf(model, leg.att);
      if (!t) {
        if (model.tgwAttachments.size > 0 && !leg.back) {
          ctx.gap({
            hypothesis: `the Transit Gateway route table associated with ${leg.att ? label(leg.att) : 'the source attachment'} has no route to ${leg.dest.text}`,
            ask: `aws ec2 search-transit-gateway-routes --transit-gateway-route-table-id <TGW_RTB_ID> --filters Name=state,Values=active,blackhole`,
            order: 20,
          });
        }
        continue;
      }
      const tr = tgwLookup(t, leg.dest);
      if (tr && tr.state === 'active') continue;
      if (!tr && !t.complete) continue;
      const key = `${t.key}|${leg.dest.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const target = leg.back ? srcAtt : dstAtt;
      const cidr = (leg.back ? path.from.vpc : path.to.vpc)?.cidrs[0]?.cidr.text ?? leg.dest.text;
      out.push(
        makeFinding({
          code: 'TGW_ROUTE_MISSING',
          severity: 'error',
          title: `TGW route table ${label(t)} has ${tr ? 'a blackhole route' : 'no route'} to ${leg.dest.text}${leg.back ? ' (the way back)' : ''}`,
          explanation: `A Transit Gateway forwards traffic from an attachment by the TGW route table associated with that attachment. ${leg.att ? label(leg.att) : 'The attachment'} is associated with ${label(t)}, which ${
            tr
              ? `routes ${tr.cidr.text} to a blackhole`
              : `has no route covering ${leg.dest.text}${
                  t.routes.length
                    ? ` (it has ${t.routes
                        .slice(0, 4)
                        .map((x) => x.cidr.text)
                        .join(', ')})`
                    : ''
                }`
          }, so ${leg.back ? 'the replies' : 'traffic'} ${describePath(path)} ${leg.back ? 'are' : 'is'} dropped in the TGW. Add a static route or enable propagation from ${target ? label(target) : 'the destination attachment'}.`,
          evidence: [
            ev(t.src[0], 'TGW route table'),
            ...(tr ? ev(tr.src, 'blackhole') : t.routes.slice(0, 3).flatMap((x) => ev(x.src))),
            ...(leg.att ? ev(leg.att.src.find((s) => /associated/.test(s.text)) ?? leg.att.src[0]) : []),
            ev(path.intent.src, 'the path'),
          ],
          fixes: [
            {
              summary: `Propagate ${target ? label(target) : 'the destination attachment'} into ${label(t)} (or add a static route for ${cidr})`,
              commands: [
                `aws ec2 enable-transit-gateway-route-table-propagation --transit-gateway-route-table-id ${idFor(t, 'TGW route table')} --transit-gateway-attachment-id ${target ? idFor(target, 'attachment') : '<ATTACHMENT_ID>'}`,
                `aws ec2 create-transit-gateway-route --transit-gateway-route-table-id ${idFor(t, 'TGW route table')} --destination-cidr-block ${cidr} --transit-gateway-attachment-id ${target ? idFor(target, 'attachment') : '<ATTACHMENT_ID>'}`,
              ],
              terraform: `resource "aws_ec2_transit_gateway_route" "to_${cidr.replace(/\W/g, '_')}" {\n  transit_gateway_route_table_id = "${idFor(t, 'TGW route table')}"\n  destination_cidr_block         = "${cidr}"\n  transit_gateway_attachment_id  = "${target ? idFor(target, 'attachment') : '<ATTACHMENT_ID>'}"\n}`,
            },
          ],
          subject: subjectOf(path, [t.id, leg.att?.id]),
        }),
      );
    }
  }
  return out;
};
