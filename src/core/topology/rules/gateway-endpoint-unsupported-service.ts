import type { Finding } from '../../report/schema.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { idFor, label } from '../reason/lookup.js';
import type { Rule } from './rule.js';

/** GATEWAY_ENDPOINT_UNSUPPORTED_SERVICE: gateway endpoints exist only for S3 and DynamoDB. */
export const gatewayEndpointUnsupportedService: Rule = (ctx) => {
  const { model } = ctx;
  const bad = [...model.endpoints.values()].filter(
    (e) => e.type === 'Gateway' && e.service && e.service !== 's3' && e.service !== 'dynamodb',
  );
  if (bad.length === 0) return [];
  const out: Finding[] = [];
  const services = [...new Set(bad.map((e) => e.service!))];
  const vpc = bad.map((e) => (e.vpc ? model.vpcs.get(e.vpc) : undefined)).find(Boolean);
  const region = bad.find((e) => e.serviceRegion)?.serviceRegion ?? vpc?.region ?? '<REGION>';
  const subnets = [
    ...new Set(model.workloads.size ? [...model.workloads.values()].flatMap((w) => w.subnets) : []),
  ]
    .map((k) => model.subnets.get(k))
    .filter((s) => s !== undefined);
  const vpcId = vpc ? idFor(vpc, 'VPC') : '<VPC_ID>';
  const subnetArg = subnets.length
    ? subnets.map((s) => idFor(s, 'subnet')).join(' ')
    : '<PRIVATE_SUBNET_IDS>';
  out.push(
    makeFinding({
      code: 'GATEWAY_ENDPOINT_UNSUPPORTED_SERVICE',
      severity: 'error',
      title: `Gateway endpoints exist only for S3 and DynamoDB: ${services.join(' and ')} need${services.length === 1 ? 's' : ''} an interface endpoint`,
      explanation: `A gateway VPC endpoint (a prefix-list route in your route tables) is offered for exactly two services, Amazon S3 and DynamoDB. ${services.join(' and ')} ${services.length === 1 ? 'is' : 'are'} only reachable privately through an interface endpoint (AWS PrivateLink): an endpoint network interface in each chosen subnet, with a security group that allows HTTPS (443) from the clients and private DNS on so the normal service name resolves to it. It is not a missing permission and not a Region roll-out: the console lists only S3 and DynamoDB under "Gateway", and the API answers "Endpoint type (Gateway) does not match service type (Interface)". Interface endpoints are billed per AZ-hour and per GB.`,
      evidence: bad
        .flatMap((e) => e.src.slice(0, 3).map((s) => ev(s, `${e.service} as Gateway`)))
        .concat(
          model.symptoms
            .filter((s) => /gateway|interface|does not match/i.test(s.src.text))
            .flatMap((s) => ev(s.src)),
        ),
      fixes: services.map((svc) => ({
        summary: `Create ${svc} as an Interface endpoint in the private subnets, with private DNS and an SG allowing 443 from the clients`,
        commands: [
          `aws ec2 create-vpc-endpoint --vpc-id ${vpcId} --vpc-endpoint-type Interface --service-name com.amazonaws.${region}.${svc} --subnet-ids ${subnetArg} --security-group-ids <ENDPOINT_SG_ID> --private-dns-enabled`,
        ],
        terraform: `resource "aws_vpc_endpoint" "${svc.replace(/\W/g, '_')}" {\n  vpc_id              = "${vpcId}"\n  service_name        = "com.amazonaws.${region}.${svc}"\n  vpc_endpoint_type   = "Interface"\n  subnet_ids          = [${subnets.length ? subnets.map((s) => `"${idFor(s, 'subnet')}"`).join(', ') : '"<PRIVATE_SUBNET_IDS>"'}]\n  security_group_ids  = ["<ENDPOINT_SG_ID>"]   # inbound tcp/443 from the clients' SG\n  private_dns_enabled = true\n}`,
      })),
      subject: {
        resourceIds: bad
          .map((e) => e.id)
          .filter((s): s is string => !!s)
          .concat(vpc?.id ? [vpc.id] : []),
      },
    }),
  );
  void label;
  return out;
};
