import type { Model } from './types.js';

function n(count: number, one: string, many = `${one}s`): string | undefined {
  return count > 0 ? `${count} ${count === 1 ? one : many}` : undefined;
}

/** "2 VPCs, 1 peering, 3 route tables, 2 SGs" */
export function summarize(m: Model): string | undefined {
  const parts = [
    n(m.vpcs.size, 'VPC'),
    n(m.subnets.size, 'subnet'),
    n(m.peerings.size, 'peering'),
    n(m.routeTables.size, 'route table'),
    n(m.nacls.size, 'network ACL'),
    n(m.sgs.size, 'SG'),
    n(m.endpoints.size, 'endpoint'),
    n(m.nats.size, 'NAT gateway'),
    n(m.igws.size, 'internet gateway'),
    n([...m.workloads.values()].filter((w) => w.kind === 'ec2').length, 'instance'),
    n([...m.workloads.values()].filter((w) => w.kind === 'lambda').length, 'Lambda function'),
    n(
      [...m.workloads.values()].filter((w) => w.kind !== 'ec2' && w.kind !== 'lambda').length,
      'other workload',
    ),
    n(m.tgwAttachments.size, 'TGW attachment'),
    n(m.tgwRouteTables.size, 'TGW route table'),
    n(m.hostedZones.size, 'hosted zone'),
    n(m.bucketPolicies.length, 'bucket policy', 'bucket policies'),
  ].filter((x): x is string => x !== undefined);
  const paths = m.intents.filter((i) => !i.works).length;
  if (paths) parts.push(n(paths, 'path')!);
  if (m.symptoms.length) parts.push(`symptom: ${[...new Set(m.symptoms.map((s) => s.kind))].join(', ')}`);
  return parts.length ? parts.join(', ') : undefined;
}
