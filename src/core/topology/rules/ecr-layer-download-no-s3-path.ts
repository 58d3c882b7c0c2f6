import type { Fix } from '../../report/schema.js';
import { gatewayEndpointFix } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import type { RouteTable, Subnet } from '../model/types.js';
import { ANY_IPV4 } from '../net/ipv4.js';
import { idFor, label, routeTableOf } from '../reason/lookup.js';
import { lookupCidr } from '../reason/route-lookup.js';
import { gatewayEndpointsFor } from '../reason/service-path.js';
import type { Rule } from './rule.js';

/** ECR_LAYER_DOWNLOAD_NO_S3_PATH: ECR image layers come from S3; the task subnets have no way to S3. */
export const ecrLayerDownloadNoS3Path: Rule = (ctx) => {
  const { model } = ctx;
  const ecrEndpoints = [...model.endpoints.values()].filter((e) => e.service?.startsWith('ecr'));
  const talksEcr =
    ctx.symptoms.has('image-pull-timeout') ||
    model.services.some((s) => s.service.startsWith('ecr')) ||
    ecrEndpoints.length > 0;
  if (!talksEcr) return [];
  // the subnets the tasks run in: path sources, else the ECR endpoints' subnets
  const subnets = new Set<Subnet>();
  for (const p of ctx.paths) if (p.from.subnet) subnets.add(p.from.subnet);
  if (subnets.size === 0)
    for (const e of ecrEndpoints)
      for (const k of e.subnets) {
        const s = model.subnets.get(k);
        if (s) subnets.add(s);
      }
  const tables = new Set<RouteTable>();
  for (const s of subnets) {
    const t = routeTableOf(model, s).table;
    if (t) tables.add(t);
  }
  if (tables.size === 0) for (const t of model.routeTables.values()) tables.add(t);
  const s3Eps = gatewayEndpointsFor(model, 's3');
  const noS3Claim = model.claims.find((c) => c.kind === 'no-endpoint' && /s3/i.test(c.detail ?? c.src.text));
  const noNatClaim = model.claims.find((c) => c.kind === 'no-nat');
  const blocked: { t?: RouteTable; why: string }[] = [];
  if (tables.size === 0) {
    // no table pasted: "no NAT", ECR endpoints and no S3 gateway endpoint anywhere in the input
    if ((noS3Claim || (s3Eps.length === 0 && noNatClaim)) && (noNatClaim || ecrEndpoints.length > 0))
      blocked.push({ why: 'the input says there is no S3 gateway endpoint and no NAT gateway' });
  }
  for (const t of tables) {
    const hasS3 =
      t.routes.some(
        (r) =>
          (r.prefixList || r.target.kind === 'vpce') &&
          (s3Eps.some((e) => e.id?.toLowerCase() === r.target.id?.toLowerCase()) ||
            /s3/i.test(r.src.text) ||
            (s3Eps.length === 0 && !r.target.id)),
      ) || s3Eps.some((e) => e.routeTables.includes(t.key));
    if (hasS3) continue;
    const def = lookupCidr(t, ANY_IPV4).route;
    if (def && (def.target.kind === 'nat' || def.target.kind === 'igw' || def.target.kind === 'tgw'))
      continue;
    if (!def && !t.complete && !noNatClaim) continue;
    blocked.push({
      t,
      why: `${label(t)} has no S3 gateway endpoint route and ${def ? `sends 0.0.0.0/0 to ${def.target.id}` : 'no default route'}`,
    });
  }
  // SG egress of the tasks that leaves out S3 (only the endpoints' 443 allowed)
  const sgBlock: string[] = [];
  for (const p of ctx.paths) {
    const sgs = p.from.sgs ?? [];
    if (sgs.length && sgs.every((g) => g.egressComplete) && s3Eps.length) {
      const pls = sgs
        .flatMap((g) => g.egress.flatMap((r) => r.peers))
        .some((x) => x.kind === 'pl' || (x.kind === 'cidr' && x.cidr.bits === 0));
      if (!pls) for (const g of sgs) if (!sgBlock.includes(idFor(g, 'SG'))) sgBlock.push(idFor(g, 'SG'));
    }
  }
  if (blocked.length === 0 && sgBlock.length === 0) {
    if (ctx.symptoms.has('image-pull-timeout') && s3Eps.length === 0 && tables.size === 0) {
      ctx.gap({
        hypothesis:
          'the task subnets have no path to S3 for the image layers (no S3 gateway endpoint, no NAT)',
        ask: 'aws ec2 describe-route-tables --filters Name=association.subnet-id,Values=<TASK_SUBNET_ID> and aws ec2 describe-vpc-endpoints --filters Name=vpc-id,Values=<VPC_ID>',
        order: 10,
      });
    }
    return [];
  }
  const vpc = [...model.vpcs.values()][0];
  const region = vpc?.region ?? ecrEndpoints.find((e) => e.serviceRegion)?.serviceRegion ?? '<REGION>';
  const rtbs = blocked.map((b) => b.t).filter((t): t is RouteTable => !!t);
  const pl =
    [...model.routeTables.values()]
      .flatMap((t) => t.routes)
      .find((r) => r.prefixList?.startsWith('pl-') && /s3/i.test(r.src.text))?.prefixList ??
    '<S3_PREFIX_LIST_ID>';
  const sgs = sgBlock
    .map((id) => [...model.sgs.values()].find((g) => idFor(g, 'SG') === id))
    .filter((g) => g !== undefined);
  const fixes: Fix[] = [];
  if (blocked.length)
    fixes.push(
      gatewayEndpointFix(
        `Add the S3 gateway endpoint (free) to ${rtbs.length ? rtbs.map(label).join(', ') : "the task subnets' route tables"}`,
        vpc ? idFor(vpc, 'VPC') : '<VPC_ID>',
        region,
        's3',
        rtbs.length ? rtbs.map((t) => idFor(t, 'route table')) : ['<RTB_IDS>'],
      ),
    );
  if (sgBlock.length)
    fixes.push({
      summary: `Allow egress 443 to the S3 prefix list from ${sgBlock.join(', ')}`,
      commands: [
        ...(pl.startsWith('pl-')
          ? []
          : [
              `aws ec2 describe-prefix-lists --filters Name=prefix-list-name,Values=com.amazonaws.${region}.s3 --query 'PrefixLists[].PrefixListId'`,
            ]),
        ...sgBlock.map(
          (g) =>
            `aws ec2 authorize-security-group-egress --group-id ${g} --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,PrefixListIds=[{PrefixListId=${pl}}]'`,
        ),
      ],
      terraform: sgBlock
        .map(
          (g) =>
            `resource "aws_vpc_security_group_egress_rule" "s3_${g.replace(/\W/g, '_')}" {\n  security_group_id = "${g}"\n  ip_protocol       = "tcp"\n  from_port         = 443\n  to_port           = 443\n  prefix_list_id    = ${pl.startsWith('pl-') ? `"${pl}"` : `data.aws_prefix_list.s3.id   # data "aws_prefix_list" "s3" { name = "com.amazonaws.${region}.s3" }`}\n}`,
        )
        .join('\n\n'),
    });
  return [
    makeFinding({
      code: 'ECR_LAYER_DOWNLOAD_NO_S3_PATH',
      severity: 'error',
      title: blocked.length
        ? 'Image pulls need S3: the task subnets have no path to S3 for the image layers'
        : `Image pulls need S3: ${sgBlock.join(', ')} does not allow egress to S3 for the image layers`,
      explanation: `Pulling from ECR takes three things: ecr.api (auth), ecr.dkr (the manifest) and S3, because the image layers are served from an S3 bucket (prod-${region}-starport-layer-bucket). ${blocked.length ? blocked.map((b) => b.why).join('; ') : 'The task security group does not allow egress to the S3 prefix list'}, so the manifest is fetched and the layer download hangs until CannotPullContainerError … i/o timeout.`,
      evidence: [
        ...rtbs.flatMap((t) => ev(t.src[0], 'task route table')),
        ...sgs.flatMap((g) => [
          ...ev(g!.src[0], 'task security group'),
          ...g!.egress.slice(0, 3).flatMap((r) => ev(r.src)),
        ]),
        ...ecrEndpoints.slice(0, 2).flatMap((e) => ev(e.src[0])),
        ...model.symptoms
          .filter((s) => s.kind === 'image-pull-timeout')
          .slice(0, 1)
          .flatMap((s) => ev(s.src, 'the error')),
        ...(noS3Claim ? ev(noS3Claim.src) : []),
      ],
      fixes,
      subject: { resourceIds: rtbs.map((t) => t.id).filter((s): s is string => !!s) },
    }),
  ];
};
