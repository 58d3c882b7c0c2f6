import type { Finding } from '../../report/schema.js';
import { createRouteFix } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { cidrContains } from '../net/ipv4.js';
import { idFor, idOf, label } from '../reason/lookup.js';
import { forwardRoute, otherSide, peeringsBetween, routeText } from '../reason/path-facts.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Rule } from './rule.js';

/** NO_ROUTE_TO_DESTINATION: no route in the source subnet's table matches a private destination. */
export const noRouteToDestination: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  for (const path of ctx.paths) {
    if (!path.checks.has('route-fwd')) continue;
    if (path.to.kind !== 'vpc' && path.to.kind !== 'onprem') continue;
    const a = path.from.vpc?.key;
    const b = path.to.vpc?.key;
    if (a && b && a === b) continue; // the local route
    const toAddr = path.to.addr;
    if (path.from.vpc && toAddr && path.from.vpc.cidrs.some((c) => cidrContains(c.cidr, toAddr))) continue;
    if (peeringsBetween(model, a, b).length) continue; // PEERING_ROUTE_MISSING speaks
    if (
      a &&
      b &&
      [...model.peerings.values()].some((p) => {
        const m = otherSide(p, a);
        return m && peeringsBetween(model, m, b).length > 0;
      })
    )
      continue; // transitive
    if (!path.to.addr) continue;
    const { choice, match } = forwardRoute(model, path);
    if (!choice.table) continue;
    // a default route to the internet is no route to a private range elsewhere (on-prem, another VPC)
    const r =
      match?.route &&
      !(
        match.route.cidr?.bits === 0 &&
        (match.route.target.kind === 'igw' || match.route.target.kind === 'nat')
      )
        ? match.route
        : undefined;
    if (r) continue;
    if (!match?.complete && !match?.route) {
      ctx.gap({
        hypothesis: `${label(choice.table)} has no route to ${path.to.addr.text}`,
        ask: `aws ec2 describe-route-tables --route-table-ids ${idFor(choice.table, 'route table')}`,
        order: 25,
      });
      continue;
    }
    const t = choice.table;
    const tgw = [...model.tgwAttachments.values()].find((x) => x.vpc === a)?.tgw;
    const dest = path.to.vpc?.cidrs[0]?.cidr.text ?? path.to.addr.text;
    out.push(
      makeFinding({
        code: 'NO_ROUTE_TO_DESTINATION',
        severity: 'error',
        title: `${label(t)} has no route to ${path.to.addr.text}`,
        explanation: `Traffic ${describePath(path)} leaves by ${label(t)}, ${match?.route ? `and the only route matching ${path.to.addr.text} is the default route ${routeText(match.route)} to the internet: a NAT gateway or internet gateway does not carry traffic to private addresses (on-premises or another VPC), so it is dropped.` : `and none of its routes (${t.routes.map((x) => routeText(x)).join('; ') || 'none'}) covers ${path.to.addr.text}. With no matching route the VPC router drops the packets.`}${tgw ? ` ${label(path.from.vpc!)} is attached to ${tgw}: Transit Gateway routes are not added to VPC route tables by themselves.` : ''}`,
        evidence: [
          ev(t.src[0], 'source route table'),
          ...t.routes.slice(0, 4).flatMap((x) => ev(x.src)),
          ev(path.intent.src, 'the path'),
        ],
        fixes: [
          createRouteFix(
            `Route ${dest} in ${label(t)} to the gateway that leads there${tgw ? ` (${tgw})` : ' (a peering, Transit Gateway or VPN gateway)'}`,
            idFor(t, 'route table'),
            dest,
            idOf(tgw, 'transit gateway', '<TGW_OR_PCX_OR_VGW_ID>'),
          ),
        ],
        subject: subjectOf(path, [t.id]),
      }),
    );
  }
  return out;
};
