import type { Finding } from '../../report/schema.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import type { Model, Source, Vpc } from '../model/types.js';
import type { Cidr } from '../net/ipv4.js';
import { cidrsOverlap } from '../net/ipv4.js';
import { idFor, label } from '../reason/lookup.js';
import type { Rule } from './rule.js';

function blocksOf(
  model: Model,
  vpcKey: string | undefined,
  fallback: Cidr[],
): { cidr: Cidr; src?: Source }[] {
  const v = vpcKey ? model.vpcs.get(vpcKey) : undefined;
  const out: { cidr: Cidr; src?: Source }[] = v ? v.cidrs.map((c) => ({ cidr: c.cidr, src: c.src })) : [];
  for (const c of fallback) if (!out.some((o) => o.cidr.text === c.text)) out.push({ cidr: c });
  return out;
}

/** PEERING_CIDR_OVERLAP: any block of one VPC overlaps any block of the other. */
export const peeringCidrOverlap: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  const pairs: { a?: string; b?: string; aC: Cidr[]; bC: Cidr[]; src: Source[]; pcx?: string }[] = [];
  for (const p of model.peerings.values()) {
    pairs.push({
      a: p.requester,
      b: p.accepter,
      aC: p.requesterCidrs,
      bC: p.accepterCidrs,
      src: p.src,
      ...(p.id ? { pcx: p.id } : {}),
    });
  }
  // two VPCs the user wants to peer (a failed create, or a path between them with "peering" said)
  if (ctx.symptoms.has('peering-create-failed') && model.peerings.size === 0 && model.vpcs.size === 2) {
    const [a, b] = [...model.vpcs.values()] as [Vpc, Vpc];
    pairs.push({
      a: a.key,
      b: b.key,
      aC: [],
      bC: [],
      src: model.symptoms.filter((s) => s.kind === 'peering-create-failed').map((s) => s.src),
    });
  }
  const seen = new Set<string>();
  for (const pair of pairs) {
    const A = blocksOf(model, pair.a, pair.aC);
    const B = blocksOf(model, pair.b, pair.bC);
    const hits: [{ cidr: Cidr; src?: Source }, { cidr: Cidr; src?: Source }][] = [];
    for (const x of A) for (const y of B) if (cidrsOverlap(x.cidr, y.cidr)) hits.push([x, y]);
    if (hits.length === 0) continue;
    const key = [pair.a, pair.b].sort().join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    const va = pair.a ? model.vpcs.get(pair.a) : undefined;
    const vb = pair.b ? model.vpcs.get(pair.b) : undefined;
    const na = va ? label(va) : 'the requester VPC';
    const vaId = va ? idFor(va, 'VPC') : '<VPC_ID>';
    const nb = vb ? label(vb) : 'the accepter VPC';
    const [x, y] = hits[0]!;
    const secondary = A.indexOf(x) > 0 || B.indexOf(y) > 0;
    out.push(
      makeFinding({
        code: 'PEERING_CIDR_OVERLAP',
        severity: 'error',
        title: `${na} and ${nb} overlap (${x.cidr.text} and ${y.cidr.text}): they cannot be peered`,
        explanation: `A VPC peering connection cannot exist between VPCs whose IPv4 CIDR blocks overlap, and this counts every block of both VPCs${secondary ? ', including secondary blocks' : ''}, not only the ones you mean to use. ${x.cidr.text} (${na}) and ${y.cidr.text} (${nb}) overlap${hits.length > 1 ? `, and ${hits.length - 1} more pair(s) do too` : ''}, so AWS refuses the peering (or it fails) and no route can point at it.`,
        evidence: [
          ...hits.slice(0, 3).flatMap(([p, q]) => [...ev(p.src, 'overlaps'), ...ev(q.src, 'overlaps')]),
          ...pair.src.flatMap((s) => ev(s)),
        ],
        fixes: [
          {
            summary: `Give one VPC a non-overlapping range (a new VPC, or a new secondary block and subnets, then migrate), or connect the two without peering: expose the service with PrivateLink (an NLB + endpoint service), or use a private NAT gateway behind a Transit Gateway for overlapping networks.`,
            commands: [
              `aws ec2 create-vpc-endpoint-service-configuration --network-load-balancer-arns <NLB_ARN in ${nb}> --acceptance-required`,
              `aws ec2 create-vpc-endpoint --vpc-id ${vaId} --vpc-endpoint-type Interface --service-name <endpoint service name> --subnet-ids <SUBNET_IDS> --security-group-ids <SG_ID>`,
            ],
            terraform: `resource "aws_vpc_endpoint_service" "svc" {\n  network_load_balancer_arns = ["<NLB_ARN>"]\n  acceptance_required        = true\n}\n\nresource "aws_vpc_endpoint" "svc" {\n  vpc_id            = "${vaId}"\n  service_name      = aws_vpc_endpoint_service.svc.service_name\n  vpc_endpoint_type = "Interface"\n  subnet_ids        = ["<SUBNET_IDS>"]\n}`,
          },
        ],
        subject: { resourceIds: [va?.id, vb?.id, pair.pcx].filter((s): s is string => !!s) },
      }),
    );
  }
  return out;
};
