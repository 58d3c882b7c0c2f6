import type { Finding } from '../../report/schema.js';
import { createRouteFix } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { cidrContains } from '../net/ipv4.js';
import { gatewayToward, towardOnprem } from '../reason/gateway-toward.js';
import { idFor, idOf, label } from '../reason/lookup.js';
import { forwardRoute, otherSide, peeringsBetween, routeText } from '../reason/path-facts.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Rule } from './rule.js';

const GATEWAY_WHAT = { vgw: 'virtual private gateway', tgw: 'transit gateway', pcx: 'peering connection' };

/** When the input does not say which gateway leads to the destination: what each kind of target would be. */
const UNKNOWN_GATEWAY = {
  vgw: 'the virtual private gateway, if the site-to-site VPN or Direct Connect ends on one attached to the VPC (--gateway-id, Terraform gateway_id)',
  tgw: 'the Transit Gateway, if the VPC reaches it through one (--transit-gateway-id, Terraform transit_gateway_id)',
  pcx: 'the peering connection, if the two VPCs are peered (--vpc-peering-connection-id, Terraform vpc_peering_connection_id)',
};

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
    const gw = gatewayToward(model, path);
    const onprem = towardOnprem(model, path);
    // the whole block behind the gateway: the VPC's, the one another table routes, the on-premises range
    const dest =
      path.to.vpc?.cidrs[0]?.cidr.text ??
      gw?.route?.cidr?.text ??
      model.onprem.find((o) => cidrContains(o.cidr, path.to.addr!))?.cidr.text ??
      path.to.addr.text;
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
          ...(gw && !t.routes.some((x) => x.src === gw.src) ? ev(gw.src, `the gateway: ${gw.why}`) : []),
        ],
        fixes: gw
          ? [
              createRouteFix(
                `Route ${dest} in ${label(t)} to ${gw.id} (${gw.why})`,
                idFor(t, 'route table'),
                dest,
                idOf(gw.id, GATEWAY_WHAT[gw.kind], `<${gw.kind.toUpperCase()}_ID>`),
              ),
            ]
          : // nothing says which gateway leads there: one fix per kind it can be, each with its own flag
            (onprem ? (['vgw', 'tgw'] as const) : (['tgw', 'pcx'] as const)).map((k) =>
              createRouteFix(
                `Route ${dest} in ${label(t)} to ${UNKNOWN_GATEWAY[k]}`,
                idFor(t, 'route table'),
                dest,
                `<${k.toUpperCase()}_ID>`,
              ),
            ),
        subject: subjectOf(path, [t.id]),
      }),
    );
  }
  return out;
};
