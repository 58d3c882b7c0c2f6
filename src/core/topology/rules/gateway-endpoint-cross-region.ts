import type { Finding } from '../../report/schema.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { ANY_IPV4 } from '../net/ipv4.js';
import { idFor, label } from '../reason/lookup.js';
import { forwardRoute, routeText } from '../reason/path-facts.js';
import { lookupCidr } from '../reason/route-lookup.js';
import { gatewayEndpointsFor } from '../reason/service-path.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Rule } from './rule.js';

/** GATEWAY_ENDPOINT_CROSS_REGION: a gateway endpoint only reaches its own Region's service. */
export const gatewayEndpointCrossRegion: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  for (const path of ctx.paths) {
    if (!path.checks.has('route-fwd')) continue;
    const svc = path.to.service;
    const want = path.to.serviceRegion;
    if ((svc !== 's3' && svc !== 'dynamodb') || !want) continue;
    const eps = gatewayEndpointsFor(model, svc).filter(
      (e) => !e.vpc || !path.from.vpc || e.vpc === path.from.vpc.key,
    );
    const epRegion = eps.find((e) => e.serviceRegion)?.serviceRegion ?? path.from.vpc?.region;
    if (eps.length === 0 || !epRegion || epRegion === want) continue;
    const fwd = forwardRoute(model, path);
    const def = fwd.choice.table ? lookupCidr(fwd.choice.table, ANY_IPV4).route : undefined;
    const works = def && (def.target.kind === 'nat' || def.target.kind === 'igw');
    const rtb = fwd.choice.table ? idFor(fwd.choice.table, 'route table') : '<RTB_ID>';
    out.push(
      makeFinding({
        code: 'GATEWAY_ENDPOINT_CROSS_REGION',
        severity: works ? 'warning' : 'error',
        title: `The ${svc} gateway endpoint serves ${epRegion} only; the ${svc === 's3' ? 'bucket' : 'table'} is in ${want}`,
        explanation: `A gateway endpoint's prefix list holds only its own Region's ${svc} addresses. Requests ${describePath(path)} go to ${svc} in ${want}, which the endpoint does not cover, so they follow the other routes of ${fwd.choice.table ? label(fwd.choice.table) : "the subnet's table"}: ${def ? `${routeText(def)}${works ? ', through a NAT/internet gateway (that works, but not through the endpoint, and endpoint-keyed bucket policies will not match)' : ''}` : 'there is no default route, so they time out'}.`,
        evidence: [
          ev(eps[0]!.src[0], `endpoint in ${epRegion}`),
          ...(def ? ev(def.src) : fwd.choice.table ? ev(fwd.choice.table.src[0], 'no default route') : []),
          ev(path.intent.src, 'the path'),
        ],
        fixes: [
          {
            summary: `Reach ${svc} in ${want} over a NAT gateway (or an inter-Region path), or keep the data in ${epRegion} (S3 replication) so the endpoint applies`,
            commands: [
              `aws ec2 create-route --route-table-id ${rtb} --destination-cidr-block 0.0.0.0/0 --nat-gateway-id <NAT_GATEWAY_ID>`,
            ],
            terraform: `resource "aws_route" "default_via_nat" {\n  route_table_id         = "${rtb}"\n  destination_cidr_block = "0.0.0.0/0"\n  nat_gateway_id         = "<NAT_GATEWAY_ID>"\n}`,
          },
        ],
        subject: subjectOf(path, [eps[0]!.id]),
      }),
    );
  }
  return out;
};
