import type { Finding } from '../../report/schema.js';
import { gatewayEndpointFix } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { idFor, label } from '../reason/lookup.js';
import { routeText } from '../reason/path-facts.js';
import { gatewayEndpointsFor, serviceReach } from '../reason/service-path.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Rule } from './rule.js';

/** AWS_SERVICE_VIA_NAT: S3/DynamoDB traffic leaves through a NAT gateway where a free gateway endpoint would carry it. */
export const awsServiceViaNat: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const path of ctx.paths) {
    if (!path.checks.has('route-fwd')) continue;
    const svc = path.to.service;
    if (svc !== 's3' && svc !== 'dynamodb') continue;
    const reach = serviceReach(model, path);
    if (reach?.kind !== 'public' || reach.route?.target.kind !== 'nat' || !reach.table) continue;
    if (path.to.serviceRegion && path.from.vpc?.region && path.to.serviceRegion !== path.from.vpc.region)
      continue;
    // an endpoint the VPC already has, on another table: GATEWAY_ENDPOINT_ROUTE_TABLE_NOT_ASSOCIATED says it
    if (gatewayEndpointsFor(model, svc).some((e) => !e.vpc || !path.from.vpc || e.vpc === path.from.vpc.key))
      continue;
    const key = `${reach.table.key}|${svc}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const vpc = path.from.vpc;
    const region = vpc?.region ?? path.to.serviceRegion ?? '<REGION>';
    out.push(
      makeFinding({
        code: 'AWS_SERVICE_VIA_NAT',
        severity: 'warning',
        title: `${svc === 's3' ? 'S3' : 'DynamoDB'} traffic from ${label(reach.table)} goes through ${reach.route.target.id ?? 'the NAT gateway'}: a free gateway endpoint would carry it`,
        explanation: `${label(reach.table)} has no ${svc} gateway endpoint route, so traffic ${describePath(path)} follows ${routeText(reach.route)} and pays NAT gateway processing per GB. A ${svc} gateway endpoint costs nothing, takes precedence over the default route for ${svc}'s prefix list, and keeps the traffic off the NAT gateway. (Bucket policies that use aws:SourceIp would then see private addresses; use aws:SourceVpce.)`,
        evidence: [
          ev(reach.table.src[0]),
          ev(reach.route.src, 'default route to the NAT'),
          ev(path.intent.src, 'the path'),
        ],
        fixes: [
          gatewayEndpointFix(
            `Create a ${svc} gateway endpoint and associate it with ${label(reach.table)}`,
            vpc ? idFor(vpc, 'VPC') : '<VPC_ID>',
            region,
            svc,
            [idFor(reach.table, 'route table')],
          ),
        ],
        subject: subjectOf(path, [reach.table.id, reach.route.target.id]),
      }),
    );
  }
  return out;
};
