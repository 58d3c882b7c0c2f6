import type { Finding } from '../../report/schema.js';
import { createRouteFix } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { idFor, idOf, label } from '../reason/lookup.js';
import { forwardRoute, returnRoute, routeText } from '../reason/path-facts.js';
import { attachmentOf } from '../reason/tgw-facts.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Rule } from './rule.js';

/** TGW_RETURN_ROUTE_MISSING: the destination subnets have no route back through the Transit Gateway. */
export const tgwReturnRouteMissing: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const path of ctx.paths) {
    if (!path.checks.has('route-ret') || !path.from.addr) continue;
    const fwd = forwardRoute(model, path);
    // the text says the path goes through a TGW ("orders -> billing via tgw-…")
    const said =
      path.from.vpc && path.to.vpc && path.from.vpc.key !== path.to.vpc.key
        ? model.claims.find((c) => c.kind === 'via-tgw')
        : undefined;
    const tgwId =
      fwd.match?.route?.target.kind === 'tgw'
        ? fwd.match.route.target.id
        : attachmentOf(model, path.from.vpc?.key) && attachmentOf(model, path.to.vpc?.key)
          ? attachmentOf(model, path.to.vpc?.key)?.tgw
          : said?.detail;
    if (!tgwId && fwd.match?.route?.target.kind !== 'tgw' && !said) continue;
    const ret = returnRoute(model, path);
    if (!ret.choice.table) {
      ctx.gap({
        hypothesis: `the route table of ${path.to.label}'s subnet has no route back to ${path.from.addr.text} through the Transit Gateway`,
        ask: `aws ec2 describe-route-tables --filters Name=association.subnet-id,Values=${path.to.subnet ? idFor(path.to.subnet, 'subnet ID') : '<DESTINATION_SUBNET_ID>'}`,
        order: 20,
      });
      continue;
    }
    const r = ret.match?.route;
    if (r?.target.kind === 'tgw') continue;
    if (!r && !ret.match?.complete) continue;
    const t = ret.choice.table;
    if (seen.has(t.key)) continue;
    seen.add(t.key);
    const back = path.from.vpc?.cidrs[0]?.cidr.text ?? path.from.addr.text;
    out.push(
      makeFinding({
        code: 'TGW_RETURN_ROUTE_MISSING',
        severity: 'error',
        title: `${label(t)} has no route back to ${back} through the Transit Gateway`,
        explanation: `Requests ${describePath(path)} reach the destination through the Transit Gateway, but its replies leave by ${label(t)}, which ${r ? `sends ${path.from.addr.text} to ${routeText(r)}` : `has no route for ${path.from.addr.text}`}. Transit Gateway routes are not added to VPC route tables automatically, and each side needs its own. Reachability Analyzer can still say Reachable here: it checks TCP paths through a TGW in the forward direction only.`,
        evidence: [
          ev(t.src[0], 'destination route table'),
          ...(r ? ev(r.src, 'what replies match') : []),
          ev(path.intent.src, 'the path'),
        ],
        fixes: [
          createRouteFix(
            `Route ${back} to the Transit Gateway in ${label(t)}`,
            idFor(t, 'route table'),
            back,
            idOf(tgwId, 'transit gateway', '<TGW_ID>'),
          ),
        ],
        subject: subjectOf(path, [t.id, tgwId]),
      }),
    );
  }
  return out;
};
