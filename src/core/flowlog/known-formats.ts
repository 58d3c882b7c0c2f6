import { DEFAULT_V2_FORMAT, TGW_DEFAULT_FORMAT, VPC_FIELDS } from './fields.js';

/**
 * Layouts that real flow logs come in without saying so: AWS's default, the console's "all fields"
 * choice (every field of a version, in AWS's table order), the TGW default, and the custom formats
 * in AWS's own record examples. A headerless line is read with one of these only when exactly one of
 * them fits every token's shape; otherwise vpcdiag asks for the format.
 */
export interface KnownLayout {
  label: string;
  names: readonly string[];
}

const tableOrderUpTo = (version: number): string[] =>
  VPC_FIELDS.filter((f) => f.version <= version).map((f) => f.name);

export const KNOWN_LAYOUTS: readonly KnownLayout[] = [
  { label: 'default v2 format', names: DEFAULT_V2_FORMAT },
  { label: 'Transit Gateway default format', names: TGW_DEFAULT_FORMAT },
  { label: 'Transit Gateway default format without version', names: TGW_DEFAULT_FORMAT.slice(1) },
  ...[3, 4, 5, 7, 8, 10].map((v) => ({
    label: `all v2–v${v} fields in AWS order`,
    names: tableOrderUpTo(v),
  })),
  {
    label: 'AWS example format (TCP flag sequence)',
    names:
      'version vpc-id subnet-id instance-id interface-id account-id type srcaddr dstaddr srcport dstport pkt-srcaddr pkt-dstaddr protocol bytes packets start end action tcp-flags log-status'.split(
        ' ',
      ),
  },
  {
    label: 'AWS example format (NAT gateway)',
    names: 'instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr'.split(' '),
  },
  {
    label: 'AWS example format (transit gateway path)',
    names:
      'version interface-id account-id vpc-id subnet-id instance-id srcaddr dstaddr srcport dstport protocol tcp-flags type pkt-srcaddr pkt-dstaddr action log-status'.split(
        ' ',
      ),
  },
  {
    label: 'AWS example format (service name, traffic path, flow direction)',
    names:
      'version srcaddr dstaddr srcport dstport protocol start end type packets bytes account-id vpc-id subnet-id instance-id interface-id region az-id sublocation-type sublocation-id action tcp-flags pkt-srcaddr pkt-dstaddr pkt-src-aws-service pkt-dst-aws-service traffic-path flow-direction log-status'.split(
        ' ',
      ),
  },
  {
    label: 'AWS example format (ECS)',
    names:
      'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status ecs-task-id ecs-task-arn ecs-task-definition-arn ecs-cluster-name ecs-cluster-arn ecs-container-instance-id ecs-container-instance-arn ecs-container-id ecs-second-container-id ecs-service-name'.split(
        ' ',
      ),
  },
];
