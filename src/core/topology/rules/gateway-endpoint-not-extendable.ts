import type { Finding } from '../../report/schema.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { idFor, label } from '../reason/lookup.js';
import { gatewayEndpointsFor } from '../reason/service-path.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Rule } from './rule.js';

/** GATEWAY_ENDPOINT_NOT_EXTENDABLE: on-prem, peered, TGW and VPN traffic cannot use a gateway endpoint. */
export const gatewayEndpointNotExtendable: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const path of [...ctx.paths, ...ctx.routePaths]) {
    if (!path.checks.has('service')) continue;
    const svc = path.to.service;
    if (svc !== 's3' && svc !== 'dynamodb') continue;
    const eps = gatewayEndpointsFor(model, svc);
    if (eps.length === 0) continue;
    const fromVpc = path.from.vpc?.key;
    const onprem = path.from.kind === 'onprem';
    // a VPC with no gateway endpoint of its own, using one in another VPC
    const own = fromVpc ? eps.filter((e) => e.vpc === fromVpc) : [];
    const foreign = eps.filter((e) => e.vpc && e.vpc !== fromVpc);
    if (!onprem && (!fromVpc || own.length > 0 || foreign.length === 0)) continue;
    const ep = onprem ? eps[0]! : foreign[0]!;
    const key = `${path.from.label}|${ep.key}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const epVpc = ep.vpc ? model.vpcs.get(ep.vpc) : undefined;
    const how = onprem
      ? model.claims.some((c) => c.kind === 'direct-connect')
        ? 'over Direct Connect'
        : model.claims.some((c) => c.kind === 'vpn')
          ? 'over the VPN'
          : 'from on-premises'
      : [...model.tgwAttachments.values()].some((a) => a.vpc === fromVpc) ||
          [...model.routeTables.values()].some((t) => t.routes.some((r) => r.target.kind === 'tgw'))
        ? 'through the Transit Gateway'
        : 'over the VPC peering';
    const region = ep.serviceRegion ?? epVpc?.region ?? '<REGION>';
    out.push(
      makeFinding({
        code: 'GATEWAY_ENDPOINT_NOT_EXTENDABLE',
        severity: 'error',
        title: `${path.from.label} cannot use the ${svc} gateway endpoint in ${epVpc ? label(epVpc) : 'another VPC'} ${how}`,
        explanation: `A gateway endpoint is only a route in the route tables of its own VPC: it carries traffic that starts in that VPC's subnets and nothing else. Traffic ${describePath(path)} arrives ${how}, so it cannot use ${label(ep)}. Use an interface endpoint for ${svc} in ${epVpc ? label(epVpc) : 'the hub VPC'} (reachable ${how}), and resolve ${svc} to it${onprem ? ' (a Route 53 Resolver inbound endpoint, or the endpoint-specific DNS names)' : ''}${!onprem && fromVpc ? `, or give ${path.from.label} its own gateway endpoint` : ''}.`,
        evidence: [
          ev(ep.src[0], 'the gateway endpoint'),
          ev(path.intent.src, 'the path'),
          ...model.claims
            .filter((c) => c.kind === 'vpn' || c.kind === 'direct-connect')
            .slice(0, 1)
            .flatMap((c) => ev(c.src)),
        ],
        fixes: [
          {
            summary: `Create an ${svc} interface endpoint in ${epVpc ? label(epVpc) : 'the VPC'} for traffic that comes from outside it`,
            commands: [
              `aws ec2 create-vpc-endpoint --vpc-id ${epVpc ? idFor(epVpc, 'VPC') : '<VPC_ID>'} --vpc-endpoint-type Interface --service-name com.amazonaws.${region}.${svc} --subnet-ids <SUBNET_IDS> --security-group-ids <SG_ALLOWING_443_FROM_CLIENTS>`,
            ],
            terraform: `resource "aws_vpc_endpoint" "${svc}_interface" {\n  vpc_id             = "${epVpc ? idFor(epVpc, 'VPC') : '<VPC_ID>'}"\n  service_name       = "com.amazonaws.${region}.${svc}"\n  vpc_endpoint_type  = "Interface"\n  subnet_ids         = ["<SUBNET_IDS>"]\n  security_group_ids = ["<SG_ALLOWING_443_FROM_CLIENTS>"]\n}`,
          },
        ],
        subject: subjectOf(path, [ep.id, epVpc?.id]),
      }),
    );
  }
  return out;
};
