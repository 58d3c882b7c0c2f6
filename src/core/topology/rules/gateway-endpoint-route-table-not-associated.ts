import type { Finding } from '../../report/schema.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { idFor, label } from '../reason/lookup.js';
import { gatewayEndpointsFor, serviceReach } from '../reason/service-path.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Rule } from './rule.js';

/** GATEWAY_ENDPOINT_ROUTE_TABLE_NOT_ASSOCIATED: the endpoint's route is not in the table the source subnet uses. */
export const gatewayEndpointRouteTableNotAssociated: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const path of ctx.paths) {
    if (!path.checks.has('route-fwd') || path.from.kind !== 'vpc') continue;
    const svc = path.to.service;
    if (svc !== 's3' && svc !== 'dynamodb') continue;
    const vpcKey = path.from.vpc?.key;
    const eps = gatewayEndpointsFor(model, svc).filter((e) => !e.vpc || !vpcKey || e.vpc === vpcKey);
    if (eps.length === 0) continue;
    if (
      path.to.serviceRegion &&
      eps.every((e) => e.serviceRegion && e.serviceRegion !== path.to.serviceRegion)
    )
      continue;
    const reach = serviceReach(model, path);
    if (reach?.kind !== 'public' || !reach.table) continue;
    const t = reach.table;
    const ep = eps[0]!;
    if (ep.routeTables.includes(t.key)) continue;
    if (ep.routeTables.length === 0 && !t.complete) continue;
    const key = `${t.key}|${ep.key}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const assoc = ep.routeTables.map((k) => model.routeTables.get(k)).filter((x) => x !== undefined);
    const fallback = reach.route
      ? `so ${svc} traffic follows ${reach.route.cidr?.text} -> ${reach.route.target.id ?? reach.route.target.kind}${reach.route.target.kind === 'nat' ? ' through the NAT gateway (and its per-GB charge)' : ''}`
      : `and with no default route either, ${svc} requests time out`;
    out.push(
      makeFinding({
        code: 'GATEWAY_ENDPOINT_ROUTE_TABLE_NOT_ASSOCIATED',
        severity: 'error',
        title: `The ${svc} gateway endpoint${ep.id ? ` ${label(ep)}` : ''} is not associated with ${label(t)}, the table ${path.from.subnet ? label(path.from.subnet) : path.from.label} uses`,
        explanation: `A gateway endpoint works only for subnets whose route table holds its prefix-list route, and AWS adds that route only to the route tables associated with the endpoint. ${label(ep)} is associated with ${assoc.length ? assoc.map(label).join(', ') : 'other route tables'}, but traffic ${describePath(path)} leaves by ${label(t)}${t.main && !path.from.subnet?.routeTable ? ' (the main table)' : ''}, which has no ${svc} prefix-list route, ${fallback}.`,
        evidence: [
          ev(ep.src.find((s) => /route tables/i.test(s.text)) ?? ep.src[0], 'associated route tables'),
          ev(t.src[0], 'the table the source uses'),
          ...(reach.route ? ev(reach.route.src, `what ${svc} traffic matches`) : []),
          ev(path.intent.src, 'the path'),
        ],
        fixes: [
          {
            summary: `Associate ${label(t)} with ${label(ep)}`,
            commands: [
              `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${idFor(ep, 'endpoint')} --add-route-table-ids ${idFor(t, 'route table')}`,
            ],
            terraform: `resource "aws_vpc_endpoint_route_table_association" "${(t.id ?? t.key).replace(/\W/g, '_')}" {\n  vpc_endpoint_id = "${idFor(ep, 'endpoint')}"\n  route_table_id  = "${idFor(t, 'route table')}"\n}`,
          },
        ],
        subject: subjectOf(path, [ep.id, t.id]),
      }),
    );
  }
  return out;
};
