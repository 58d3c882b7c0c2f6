import type { Finding } from '../../report/schema.js';
import { createRouteFix } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { idFor, label } from '../reason/lookup.js';
import { forwardRoute, peeringsBetween, routeText } from '../reason/path-facts.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Rule } from './rule.js';

/** PEERING_ROUTE_MISSING: the source subnet's table has no route to the peer CIDR via the peering. */
export const peeringRouteMissing: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  for (const path of ctx.paths) {
    if (!path.checks.has('route-fwd')) continue;
    const a = path.from.vpc?.key;
    const b = path.to.vpc?.key;
    const pcx = peeringsBetween(model, a, b)[0];
    if (!pcx || !path.to.addr) continue;
    const { choice, match } = forwardRoute(model, path);
    if (!choice.table) {
      ctx.gap({
        hypothesis: `the route table of ${path.from.label} has no route to ${path.to.addr.text} through ${pcx.id ?? 'the peering'}`,
        ask: `aws ec2 describe-route-tables --filters Name=association.subnet-id,Values=${path.from.subnet ? idFor(path.from.subnet, 'subnet ID') : '<SOURCE_SUBNET_ID>'}`,
        order: 20,
      });
      continue;
    }
    const r = match?.route;
    const viaThis =
      r?.target.kind === 'pcx' && r.target.id?.toLowerCase() === (pcx.id ?? pcx.key).toLowerCase();
    if (viaThis) continue;
    if (r?.target.kind === 'pcx') continue; // through another peering: the transitive rule speaks
    if (!r && !match?.complete) {
      ctx.gap({
        hypothesis: `${label(choice.table)} has no route to ${path.to.addr.text} through ${pcx.id ?? 'the peering'}`,
        ask: `aws ec2 describe-route-tables --route-table-ids ${idFor(choice.table, 'route table')}`,
        order: 20,
      });
      continue;
    }
    const t = choice.table;
    const peerVpc = path.to.vpc!;
    const dest = peerVpc.cidrs[0]?.cidr.text ?? path.to.addr.text;
    const how =
      choice.how === 'main'
        ? ` (the main table, which ${path.from.subnet ? label(path.from.subnet) : 'the subnet'} uses because it has no explicit association)`
        : '';
    out.push(
      makeFinding({
        code: 'PEERING_ROUTE_MISSING',
        severity: 'error',
        title: `${label(t)} has no route to ${dest} through ${pcx.id ?? 'the peering'}`,
        explanation: `Traffic ${describePath(path)} leaves by ${label(t)}${how}. ${r ? `Its best match for ${path.to.addr.text} is ${routeText(r)}, which does not lead into the peering` : `No route in it matches ${path.to.addr.text}`}, so the packets never reach ${label(peerVpc)}. Each side of a peering needs a route to the other side's CIDR in the route tables its subnets actually use.`,
        evidence: [
          ev(t.src[0], 'source route table'),
          ...(r ? ev(r.src, 'the route that matches instead') : []),
          ev(pcx.src[0], 'the peering'),
          ev(path.intent.src, 'the path'),
        ],
        fixes: [
          createRouteFix(
            `Route ${dest} to ${pcx.id ?? 'the peering'} in ${label(t)}`,
            idFor(t, 'route table'),
            dest,
            idFor(pcx, 'peering connection'),
          ),
        ],
        subject: subjectOf(path, [t.id, pcx.id]),
      }),
    );
  }
  return out;
};
