import type { Finding } from '../../report/schema.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { label } from '../reason/lookup.js';
import { forwardRoute, otherSide, peeringById, routeText } from '../reason/path-facts.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Rule } from './rule.js';

/** PEERING_EDGE_TO_EDGE_UNSUPPORTED: using the peer's IGW, NAT gateway, VPN/DX or gateway endpoint. */
export const peeringEdgeToEdge: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const path of ctx.paths) {
    if (!path.checks.has('route-fwd')) continue;
    const outside = path.to.kind === 'internet' || path.to.kind === 'service' || path.to.kind === 'onprem';
    if (!outside || !path.from.vpc) continue;
    const { choice, match } = forwardRoute(model, path);
    const r = match?.route;
    if (!choice.table || r?.target.kind !== 'pcx') continue;
    const pcx = peeringById(model, r.target.id);
    const peerKey = pcx ? otherSide(pcx, path.from.vpc.key) : undefined;
    const peer = peerKey ? model.vpcs.get(peerKey) : undefined;
    const key = `${choice.table.key}|${r.target.id}|${path.to.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const what =
      path.to.kind === 'onprem'
        ? 'VPN or Direct Connect connection'
        : path.to.kind === 'service'
          ? `gateway endpoint or NAT gateway for ${path.to.service}`
          : 'internet gateway or NAT gateway';
    out.push(
      makeFinding({
        code: 'PEERING_EDGE_TO_EDGE_UNSUPPORTED',
        severity: 'error',
        title: `${label(path.from.vpc)} sends ${path.to.label} traffic into ${r.target.id}: a peer's ${path.to.kind === 'onprem' ? 'VPN/DX' : 'gateways'} cannot be used`,
        explanation: `The route ${routeText(r)} in ${label(choice.table)} hands traffic ${describePath(path)} to the peering${peer ? ` with ${label(peer)}` : ''}, hoping to use its ${what}. VPC peering has no edge-to-edge routing: a peering only carries packets whose source and destination are inside the two VPCs, so the peer drops them. Give ${label(path.from.vpc)} its own ${path.to.kind === 'onprem' ? 'VPN/Direct Connect attachment (or a Transit Gateway shared with the peer)' : path.to.kind === 'service' ? 'gateway endpoint (S3/DynamoDB) or interface endpoint' : 'NAT gateway (or use a Transit Gateway for centralised egress)'}.`,
        evidence: [
          ev(r.src, 'route into the peering'),
          ev(pcx?.src[0], 'the peering'),
          ev(path.intent.src, 'the path'),
        ],
        fixes: [
          path.to.kind === 'service' && (path.to.service === 's3' || path.to.service === 'dynamodb')
            ? {
                summary: `Create a ${path.to.service} gateway endpoint in ${label(path.from.vpc)} for ${label(choice.table)}, and remove the peering route for that traffic`,
                commands: [
                  `aws ec2 create-vpc-endpoint --vpc-id ${path.from.vpc.id ?? '<VPC_ID>'} --vpc-endpoint-type Gateway --service-name com.amazonaws.${path.from.vpc.region ?? '<REGION>'}.${path.to.service} --route-table-ids ${choice.table.id ?? '<RTB_ID>'}`,
                ],
                terraform: `resource "aws_vpc_endpoint" "${path.to.service}" {\n  vpc_id            = "${path.from.vpc.id ?? '<VPC_ID>'}"\n  service_name      = "com.amazonaws.${path.from.vpc.region ?? '<REGION>'}.${path.to.service}"\n  vpc_endpoint_type = "Gateway"\n  route_table_ids   = ["${choice.table.id ?? '<RTB_ID>'}"]\n}`,
              }
            : {
                summary: `Give ${label(path.from.vpc)} its own NAT gateway in a public subnet and point ${r.cidr?.text ?? 'the route'} at it (or move both VPCs behind a Transit Gateway with central egress)`,
                commands: [
                  'aws ec2 create-nat-gateway --subnet-id <PUBLIC_SUBNET_ID> --allocation-id <EIP_ALLOCATION_ID>',
                  `aws ec2 replace-route --route-table-id ${choice.table.id ?? '<RTB_ID>'} --destination-cidr-block ${r.cidr?.text ?? '0.0.0.0/0'} --nat-gateway-id <NEW_NAT_ID>`,
                ],
                terraform: `resource "aws_nat_gateway" "own" {\n  subnet_id     = "<PUBLIC_SUBNET_ID>"\n  allocation_id = "<EIP_ALLOCATION_ID>"\n}\n\nresource "aws_route" "egress" {\n  route_table_id         = "${choice.table.id ?? '<RTB_ID>'}"\n  destination_cidr_block = "${r.cidr?.text ?? '0.0.0.0/0'}"\n  nat_gateway_id         = aws_nat_gateway.own.id\n}`,
              },
        ],
        subject: subjectOf(path, [choice.table.id, r.target.id]),
      }),
    );
  }
  return out;
};
