import type { Finding } from '../../report/schema.js';
import { confirmQueries } from '../confirm.js';
import type { Group } from '../group.js';
import {
  clientsPhrase,
  groupEvidence,
  groupService,
  type RuleInput,
  rollUp,
  subjectOf,
} from '../rule-kit.js';
import { eniName, plural } from '../wording.js';

/**
 * BLOCK_PUBLIC_ACCESS_REJECT: REJECTs whose reject-reason is BPA: VPC Block Public Access, an account-
 * level setting, dropped internet traffic whatever the SGs and NACLs allow.
 */
export function blockPublicAccessReject({ state }: RuleInput): Finding[] {
  const { shown, rollup } = rollUp(
    'BLOCK_PUBLIC_ACCESS_REJECT',
    'error',
    state.groupsOf('bpa'),
    state.tail('bpa', 'server', 'client', 'unknown', 'transit'),
    'traffic REJECTed by VPC Block Public Access',
  );
  const out = shown.map(finding);
  if (rollup) out.push(rollup);
  return out;
}

function finding(g: Group): Finding {
  const eni = eniName(g.eni);
  const r = g.eni.region ? ` --region ${g.eni.region}` : '';
  const outboundOnly = g.role === 'client';
  const mode = outboundOnly ? 'allow-egress' : 'allow-bidirectional';
  const target = g.eni.subnetId
    ? `--subnet-id ${g.eni.subnetId}`
    : g.eni.vpcId
      ? `--vpc-id ${g.eni.vpcId}`
      : g.eni.id
        ? '--subnet-id "$SUBNET_ID"'
        : '--subnet-id <SUBNET_ID>';
  const commands: string[] = [`aws ec2 describe-vpc-block-public-access-options${r}`];
  if (!g.eni.subnetId && !g.eni.vpcId && g.eni.id)
    commands.push(
      `SUBNET_ID=$(aws ec2 describe-network-interfaces${r} --network-interface-ids ${g.eni.id} --query 'NetworkInterfaces[0].SubnetId' --output text)`,
    );
  commands.push(
    `aws ec2 create-vpc-block-public-access-exclusion${r} ${target} --internet-gateway-exclusion-mode ${mode}`,
  );
  const tfTarget = g.eni.subnetId
    ? `  subnet_id                       = "${g.eni.subnetId}"`
    : g.eni.vpcId
      ? `  vpc_id                          = "${g.eni.vpcId}"`
      : '  subnet_id                       = "<SUBNET_ID>"';
  return {
    code: 'BLOCK_PUBLIC_ACCESS_REJECT',
    severity: 'error',
    title: `VPC Block Public Access drops internet traffic ${outboundOnly ? 'from' : 'to'} ${eni}`,
    explanation: [
      `${plural(g.conversations, 'conversation')} between ${clientsPhrase(g)} and ${groupService(g)} ${g.conversations === 1 ? 'was' : 'were'} REJECTed with reject-reason BPA: VPC Block Public Access, an account-wide setting, blocks internet gateway traffic for this VPC or subnet, whatever its security groups, network ACLs and routes allow.`,
      `If this traffic should flow, exclude the ${g.eni.subnetId ? 'subnet' : 'subnet or VPC'} from BPA (${mode}); if BPA is meant to block it, nothing is wrong.`,
    ].join(' '),
    ...groupEvidence(g, { req: 'REJECTed, reject-reason BPA', resp: 'REJECTed, reject-reason BPA' }),
    fixes: [
      {
        summary: `Check the account's BPA mode, then exclude ${g.eni.subnetId ?? g.eni.vpcId ?? `the subnet of ${eni}`} (${mode}).`,
        commands,
        terraform: [
          'resource "aws_vpc_block_public_access_exclusion" "this" {',
          tfTarget,
          `  internet_gateway_exclusion_mode = "${mode}"`,
          '}',
        ].join('\n'),
      },
    ],
    confirm: confirmQueries({
      format: g.samples[0]?.reqRef?.format ?? g.samples[0]?.respRef?.format,
      filters: [
        { field: 'action', value: 'REJECT' },
        { field: 'reject-reason', value: 'BPA' },
      ],
      groupBy: ['interface-id', 'srcaddr', 'dstaddr', 'dstport'],
    }),
    occurrences: g.conversations,
    subject: subjectOf(g),
  };
}
