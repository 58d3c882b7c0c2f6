import type { Finding } from '../../report/schema.js';
import { gatewayEndpointFix } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import type { Peering, Route } from '../model/types.js';
import { idFor, label } from '../reason/lookup.js';
import { forwardRoute, otherSide, peeringById, routeText } from '../reason/path-facts.js';
import { gatewayEndpointsFor } from '../reason/service-path.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Rule } from './rule.js';

/** PEERING_EDGE_TO_EDGE_UNSUPPORTED: using the peer's IGW, NAT gateway, VPN/DX or gateway endpoint. */
export const peeringEdgeToEdge: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const path of [...ctx.paths, ...ctx.routePaths]) {
    if (!path.checks.has('route-fwd')) continue;
    const outside = path.to.kind === 'internet' || path.to.kind === 'service' || path.to.kind === 'onprem';
    const from = path.from.vpc;
    if (!outside || !from) continue;
    const { choice, match } = forwardRoute(model, path);
    let r: Route | undefined = match?.route;
    let pcx: Peering | undefined = r?.target.kind === 'pcx' ? peeringById(model, r.target.id) : undefined;
    if (r?.target.kind !== 'pcx') {
      // no route into the peering, but the plan is to use the peer's gateway endpoint
      const svc = path.to.service;
      if (svc !== 's3' && svc !== 'dynamodb') continue;
      const eps = gatewayEndpointsFor(model, svc);
      if (eps.some((e) => e.vpc === from.key)) continue;
      pcx = [...model.peerings.values()].find((p) => {
        const o = otherSide(p, from.key);
        return o !== undefined && eps.some((e) => e.vpc === o);
      });
      if (!pcx) continue;
      r = undefined;
    }
    const pcxId = r?.target.id ?? pcx?.id ?? pcx?.key ?? 'the peering';
    const peerKey = pcx ? otherSide(pcx, from.key) : undefined;
    const peer = peerKey ? model.vpcs.get(peerKey) : undefined;
    const key = `${from.key}|${pcxId}|${path.to.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const what =
      path.to.kind === 'onprem'
        ? 'VPN or Direct Connect connection'
        : path.to.kind === 'service'
          ? `gateway endpoint or NAT gateway for ${path.to.service}`
          : 'internet gateway or NAT gateway';
    const t = choice.table;
    const tableId = t ? idFor(t, 'route table') : '<RTB_ID>';
    const how = r
      ? `The route ${routeText(r)} in ${t ? label(t) : 'the route table'} hands traffic ${describePath(path)} to the peering${peer ? ` with ${label(peer)}` : ''}, hoping to use its ${what}.`
      : `Traffic ${describePath(path)} is meant to use the ${what} of ${peer ? label(peer) : 'the peered VPC'} over ${pcxId}.`;
    const gw = path.to.kind === 'service' && (path.to.service === 's3' || path.to.service === 'dynamodb');
    out.push(
      makeFinding({
        code: 'PEERING_EDGE_TO_EDGE_UNSUPPORTED',
        severity: 'error',
        title: `${label(from)} cannot use ${peer ? `${label(peer)}'s` : "the peer's"} ${path.to.kind === 'onprem' ? 'VPN/DX' : gw ? 'gateway endpoint' : 'gateways'} over ${pcxId}`,
        explanation: `${how} VPC peering has no edge-to-edge routing: a peering only carries packets whose source and destination are inside the two VPCs, so the peer drops them. Give ${label(from)} its own ${path.to.kind === 'onprem' ? 'VPN/Direct Connect attachment (or a Transit Gateway shared with the peer)' : path.to.kind === 'service' ? 'gateway endpoint (S3/DynamoDB) or interface endpoint' : 'NAT gateway (or use a Transit Gateway for centralised egress)'}.`,
        evidence: [
          ...(r ? ev(r.src, 'route into the peering') : []),
          ev(pcx?.src[0], 'the peering'),
          ev(path.intent.src, 'the path'),
        ],
        fixes: [
          gw
            ? gatewayEndpointFix(
                `Create a ${path.to.service} gateway endpoint in ${label(from)} for ${t ? label(t) : 'its route tables'}${r ? ', and remove the peering route for that traffic' : ''}`,
                idFor(from, 'VPC'),
                from.region ?? path.to.serviceRegion ?? '<REGION>',
                path.to.service!, // gw: s3 or dynamodb
                [tableId],
              )
            : {
                summary: `Give ${label(from)} its own NAT gateway in a public subnet and point ${r?.cidr?.text ?? '0.0.0.0/0'} at it (or move both VPCs behind a Transit Gateway with central egress)`,
                commands: [
                  'aws ec2 create-nat-gateway --subnet-id <PUBLIC_SUBNET_ID> --allocation-id <EIP_ALLOCATION_ID>',
                  `aws ec2 replace-route --route-table-id ${tableId} --destination-cidr-block ${r?.cidr?.text ?? '0.0.0.0/0'} --nat-gateway-id <NEW_NAT_ID>`,
                ],
                terraform: `resource "aws_nat_gateway" "own" {\n  subnet_id     = "<PUBLIC_SUBNET_ID>"\n  allocation_id = "<EIP_ALLOCATION_ID>"\n}\n\nresource "aws_route" "egress" {\n  route_table_id         = "${tableId}"\n  destination_cidr_block = "${r?.cidr?.text ?? '0.0.0.0/0'}"\n  nat_gateway_id         = aws_nat_gateway.own.id\n}`,
              },
        ],
        subject: subjectOf(path, [t?.id, pcx?.id]),
      }),
    );
  }
  return out;
};
