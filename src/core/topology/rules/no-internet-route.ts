import type { Finding, Fix } from '../../report/schema.js';
import { createRouteFix, gatewayEndpointFix } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import type { Route } from '../model/types.js';
import { idFor, label } from '../reason/lookup.js';
import { forwardRoute, routeText } from '../reason/path-facts.js';
import { serviceReach } from '../reason/service-path.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Rule } from './rule.js';

const EGRESS_KINDS = new Set(['igw', 'nat', 'tgw', 'eni', 'instance', 'vgw', 'unknown']);

/** NO_INTERNET_ROUTE: a private subnet needs the internet (or a public AWS endpoint) but has no NAT/IGW route and no endpoint. */
export const noInternetRoute: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const path of ctx.paths) {
    if (!path.checks.has('route-fwd')) continue;
    if (path.to.kind !== 'internet' && path.to.kind !== 'service') continue;
    if (path.from.kind !== 'vpc') continue;
    let tableLabel: string | undefined;
    let evidence: ReturnType<typeof ev> = [];
    const reach = path.to.kind === 'service' ? serviceReach(model, path) : undefined;
    if (reach && reach.kind !== 'public') continue; // endpoint rules speak
    const fwd = forwardRoute(model, path);
    const t = fwd.choice.table;
    const route: Route | undefined = fwd.match?.route;
    const noNatClaim = model.claims.find((c) => c.kind === 'no-nat' || c.kind === 'no-igw');
    if (t) {
      if (route && EGRESS_KINDS.has(route.target.kind)) continue;
      if (route?.target.kind === 'pcx') continue; // edge-to-edge rule speaks
      if (!route && !fwd.match?.complete && !noNatClaim) {
        ctx.gap({
          hypothesis: `${label(t)} has no default route (0.0.0.0/0) to a NAT gateway or internet gateway`,
          ask: `aws ec2 describe-route-tables --route-table-ids ${idFor(t, 'route table')}`,
          order: 20,
        });
        continue;
      }
      tableLabel = label(t);
      evidence = [...ev(t.src[0], 'source route table'), ...t.routes.slice(0, 4).flatMap((r) => ev(r.src))];
    } else if (noNatClaim && path.from.subnet?.roleHint !== 'public') {
      evidence = ev(noNatClaim.src, 'no NAT');
    } else {
      ctx.gap({
        hypothesis: `the subnet of ${path.from.label} has no route to a NAT gateway or internet gateway`,
        ask: `aws ec2 describe-route-tables --filters Name=association.subnet-id,Values=${path.from.subnet ? idFor(path.from.subnet, 'subnet ID') : '<SUBNET_ID>'}`,
        order: 30,
      });
      continue;
    }
    const key = `${t?.key ?? 'claim'}|${path.to.kind}|${path.to.service ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const svc = path.to.service;
    const gw = svc === 's3' || svc === 'dynamodb';
    const vpc = path.from.vpc;
    const region = path.to.serviceRegion ?? vpc?.region ?? '<REGION>';
    const vpcId = vpc ? idFor(vpc, 'VPC') : '<VPC_ID>';
    const fixes: Fix[] = [];
    if (gw) {
      fixes.push(
        gatewayEndpointFix(
          `Add a ${svc} gateway endpoint (free) for ${tableLabel ?? "the subnet's route table"}`,
          vpcId,
          region,
          svc,
          [t ? idFor(t, 'route table') : '<RTB_ID>'],
        ),
      );
    } else if (svc) {
      fixes.push({
        summary: `Add an interface endpoint for ${svc} in the subnets (private DNS on, an SG that allows 443 from the clients)`,
        commands: [
          `aws ec2 create-vpc-endpoint --vpc-id ${vpcId} --vpc-endpoint-type Interface --service-name com.amazonaws.${region}.${svc} --subnet-ids ${path.from.subnet ? idFor(path.from.subnet, 'subnet ID') : '<SUBNET_IDS>'} --security-group-ids <ENDPOINT_SG_ID> --private-dns-enabled`,
        ],
        terraform: `resource "aws_vpc_endpoint" "${svc.replace(/\W/g, '_')}" {\n  vpc_id              = "${vpcId}"\n  service_name        = "com.amazonaws.${region}.${svc}"\n  vpc_endpoint_type   = "Interface"\n  subnet_ids          = ["${path.from.subnet ? idFor(path.from.subnet, 'subnet ID') : '<SUBNET_IDS>'}"]\n  security_group_ids  = ["<ENDPOINT_SG_ID>"]\n  private_dns_enabled = true\n}`,
      });
    }
    const nat = [...model.nats.values()].find((n) => n.vpc === vpc?.key && n.state !== 'deleted');
    fixes.push(
      createRouteFix(
        `Send 0.0.0.0/0 from ${tableLabel ?? "the subnet's route table"} to a NAT gateway in a public subnet`,
        t ? idFor(t, 'route table') : '<RTB_ID>',
        '0.0.0.0/0',
        nat ? idFor(nat, 'NAT gateway') : '<NAT_GATEWAY_ID>',
      ),
    );
    const what =
      path.to.kind === 'service' ? `${svc}${svc && !gw ? "'s public endpoint" : ''}` : 'the internet';
    out.push(
      makeFinding({
        code: 'NO_INTERNET_ROUTE',
        severity: 'error',
        title: `${path.from.label} has no way out to ${what}: no NAT gateway, internet gateway${gw ? ' or gateway endpoint' : ''} route`,
        explanation: `Traffic ${describePath(path)} needs a route to ${what}. ${t ? `${tableLabel} ${route ? `only matches it with ${routeText(route)}` : 'has no default route (0.0.0.0/0)'}` : 'The input says there is no NAT gateway'}${gw ? ` and no ${svc} gateway endpoint route` : svc ? ` and the VPC has no ${svc} interface endpoint` : ''}, so the packets are dropped and the client times out.${gw ? ` A ${svc} gateway endpoint is free and needs no NAT.` : ''}`,
        evidence: [evidence, ev(path.intent.src, 'the path')],
        fixes,
        subject: subjectOf(path, [t?.id]),
      }),
    );
  }
  return out;
};
