import type { Finding } from '../../report/schema.js';
import { confirmQueries } from '../confirm.js';
import { recordEvidence } from '../evidence.js';
import type { RuleInput } from '../rule-kit.js';
import type { ServiceFlows } from '../service-use.js';
import { bytesLabel, listAnd, plural } from '../wording.js';

const SERVICE_NAME: Record<string, string> = { S3: 'S3', DYNAMODB: 'DynamoDB' };
const ENDPOINT_SUFFIX: Record<string, string> = { S3: 's3', DYNAMODB: 'dynamodb' };

/**
 * AWS_SERVICE_VIA_NAT: S3 or DynamoDB traffic (pkt-dst-aws-service) that goes through a NAT gateway
 * (its ENI, or traffic-path 1 from an instance) or out of the internet gateway (traffic-path 8). A
 * gateway endpoint carries it for free and keeps it off the NAT gateway's per-GB processing charge.
 */
export function awsServiceViaNat({ state }: RuleInput): Finding[] {
  const flows = [...state.services.flows.values()];
  // report the NAT's own records when there are some, instance-side records otherwise
  const natServices = new Set(
    flows.filter((f) => f.path === 'nat-eni').map((f) => `${f.service} ${f.vpcId ?? ''}`),
  );
  return flows
    .filter((f) => f.path === 'nat-eni' || !natServices.has(`${f.service} ${f.vpcId ?? ''}`))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 8)
    .map(finding);
}

function finding(f: ServiceFlows): Finding {
  const name = SERVICE_NAME[f.service] ?? f.service;
  const region = f.region ?? '<REGION>';
  const vpc = f.vpcId ?? '<VPC_ID>';
  const r = f.region ? ` --region ${f.region}` : '';
  const via =
    f.path === 'nat-eni'
      ? `through the NAT gateway interface ${listAnd([...f.enis], 2)}`
      : f.path === 'via-vpc-resource'
        ? `through another resource in the VPC (traffic-path 1, typically the NAT gateway) from ${listAnd([...f.enis], 2)}`
        : `out of the internet gateway (traffic-path 8) from ${listAnd([...f.enis], 2)}`;
  const cost =
    f.path === 'internet-gateway'
      ? 'A gateway endpoint keeps it on the AWS network and off the internet path, at no charge.'
      : 'NAT gateways charge for every GB they process (0.045 USD/GB in us-east-1), while a gateway endpoint for ' +
        `${name} is free and takes this traffic off the NAT gateway entirely.`;
  return {
    code: 'AWS_SERVICE_VIA_NAT',
    severity: 'warning',
    title: `${name} traffic (${bytesLabel(f.bytes)}) goes ${f.path === 'internet-gateway' ? 'out of the internet gateway' : 'through a NAT gateway'}: a free gateway endpoint would carry it`,
    explanation: [
      `${plural(f.conversations, 'conversation')} (${plural(f.records, 'record')}, ${bytesLabel(f.bytes)}) to ${name} (pkt-dst-aws-service ${f.service}) ${f.conversations === 1 ? 'goes' : 'go'} ${via}.`,
      cost,
      'Add a gateway endpoint and associate it with the route tables of the subnets that talk to the service; its prefix-list route is more specific than 0.0.0.0/0, so traffic moves to it at once (open connections through the NAT are reset). Endpoint policies and bucket policies keyed on aws:SourceIp need a look first.',
    ].join(' '),
    evidence: f.samples.map((s) => recordEvidence(s, `${name}`)),
    evidenceOmitted: Math.max(0, f.records - f.samples.length),
    fixes: [
      {
        summary: `Create a gateway endpoint for ${name} in ${vpc} and associate the private subnets' route tables (<ROUTE_TABLE_IDS>: the first command lists the VPC's route tables and their subnets).`,
        commands: [
          `aws ec2 describe-route-tables${r} --filters Name=vpc-id,Values=${vpc} --query 'RouteTables[].{id:RouteTableId,main:Associations[0].Main,subnets:Associations[].SubnetId}'`,
          `aws ec2 create-vpc-endpoint${r} --vpc-id ${vpc} --vpc-endpoint-type Gateway --service-name com.amazonaws.${region}.${ENDPOINT_SUFFIX[f.service] ?? f.service.toLowerCase()} --route-table-ids <ROUTE_TABLE_IDS>`,
        ],
        terraform: [
          `resource "aws_vpc_endpoint" "${ENDPOINT_SUFFIX[f.service] ?? 'service'}" {`,
          `  vpc_id            = "${vpc}"`,
          `  service_name      = "com.amazonaws.${region}.${ENDPOINT_SUFFIX[f.service] ?? f.service.toLowerCase()}"`,
          '  vpc_endpoint_type = "Gateway"',
          '  route_table_ids   = ["<ROUTE_TABLE_ID>"] # the private subnets\' route tables',
          '}',
        ].join('\n'),
      },
    ],
    confirm: confirmQueries({
      format: f.samples[0]?.format,
      filters: [{ field: 'pkt-dst-aws-service', value: f.service }],
      groupBy: ['interface-id', 'traffic-path'],
      sums: ['bytes'],
    }),
    occurrences: f.conversations,
    subject: {
      ...(f.vpcId ? { vpcId: f.vpcId } : {}),
      ...(f.enis.size === 1 ? { interfaceId: [...f.enis][0]! } : {}),
      resourceIds: [...f.enis].slice(0, 20),
    },
  };
}
