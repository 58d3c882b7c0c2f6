import type { Finding } from '../../report/schema.js';
import { createRouteFix } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { idFor, label } from '../reason/lookup.js';
import { peeringsBetween, returnRoute, routeText, tablesWithRoute } from '../reason/path-facts.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Rule } from './rule.js';

/** PEERING_RETURN_ROUTE_MISSING: the peer side's table has no route back (often: added to the main table only). */
export const peeringReturnRouteMissing: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const path of ctx.paths) {
    if (!path.checks.has('route-ret')) continue;
    const a = path.from.vpc?.key;
    const b = path.to.vpc?.key;
    const pcx = peeringsBetween(model, a, b)[0];
    if (!pcx || !path.from.addr) continue;
    const pcxId = pcx.id ?? pcx.key;
    const { choice, match } = returnRoute(model, path);
    if (!choice.table) {
      const others = tablesWithRoute(model, b, path.from.addr, pcxId);
      ctx.gap({
        hypothesis: `the route table of ${path.to.label}'s subnet has no route back to ${path.from.addr.text} through ${pcxId}${others.length ? ` (only ${others.map(label).join(', ')} has one)` : ''}`,
        ask: `aws ec2 describe-route-tables --filters Name=association.subnet-id,Values=${path.to.subnet ? idFor(path.to.subnet, 'subnet ID') : '<DESTINATION_SUBNET_ID>'}`,
        order: 20,
      });
      continue;
    }
    const r = match?.route;
    if (r?.target.kind === 'pcx' && r.target.id?.toLowerCase() === pcxId.toLowerCase()) continue;
    if (!r && !match?.complete) {
      ctx.gap({
        hypothesis: `${label(choice.table)} has no route back to ${path.from.addr.text} through ${pcxId}`,
        ask: `aws ec2 describe-route-tables --route-table-ids ${idFor(choice.table, 'route table')}`,
        order: 20,
      });
      continue;
    }
    const t = choice.table;
    const key = `${t.key}|${pcxId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const srcVpc = path.from.vpc!;
    const back = srcVpc.cidrs[0]?.cidr.text ?? path.from.addr.text;
    const elsewhere = tablesWithRoute(model, b, path.from.addr, pcxId).filter((x) => x !== t);
    const trap = elsewhere.length
      ? ` The route back does exist in ${elsewhere.map((x) => `${label(x)}${x.main ? ' (the main table)' : ''}`).join(', ')}, but ${path.to.subnet ? label(path.to.subnet) : 'the destination subnet'} is ${choice.how === 'explicit' ? 'explicitly associated with' : 'using'} ${label(t)}, so that route is never used for these replies.`
      : '';
    const sent = r
      ? ` Its best match for ${path.from.addr.text} is ${routeText(r)}, so the replies go there instead of into the peering and are lost.`
      : ` It has no route for ${path.from.addr.text} at all, so the replies are dropped.`;
    out.push(
      makeFinding({
        code: 'PEERING_RETURN_ROUTE_MISSING',
        severity: 'error',
        title: `No return route: ${label(t)} does not send ${back} back through ${pcxId}`,
        explanation: `Requests ${describePath(path)} can arrive, but the replies leave ${path.to.subnet ? label(path.to.subnet) : label(path.to.vpc!)} by ${label(t)}.${sent}${trap} The client sees a timeout even though the server answers.`,
        evidence: [
          ev(t.src[0], 'route table the destination subnet uses'),
          ...(r ? ev(r.src, 'what the replies match instead') : []),
          ...elsewhere.slice(0, 2).flatMap((x) => ev(x.src[0], 'has the route, but is not used')),
          ...(path.to.subnet
            ? ev(path.to.subnet.src.find((s) => s.text.includes('associated')) ?? path.to.subnet.src[0])
            : []),
          ev(path.intent.src, 'the path'),
        ],
        fixes: [
          createRouteFix(
            `Add the return route to ${label(t)}, the table the destination subnet actually uses`,
            idFor(t, 'route table'),
            back,
            idFor(pcx, 'peering connection'),
          ),
        ],
        subject: subjectOf(path, [t.id, pcx.id]),
      }),
    );
  }
  return out;
};
