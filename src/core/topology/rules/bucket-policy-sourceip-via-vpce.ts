import type { Finding } from '../../report/schema.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { idFor, label } from '../reason/lookup.js';
import { gatewayEndpointsFor, interfaceEndpointFor } from '../reason/service-path.js';
import type { Rule } from './rule.js';

/** BUCKET_POLICY_SOURCEIP_VIA_VPCE: aws:SourceIp cannot match requests that arrive through a VPC endpoint. */
export const bucketPolicySourceIpViaVpce: Rule = (ctx) => {
  const { model } = ctx;
  const endpoints = [
    ...gatewayEndpointsFor(model, 's3'),
    ...(interfaceEndpointFor(model, undefined, 's3') ? [interfaceEndpointFor(model, undefined, 's3')!] : []),
  ];
  const viaEndpointClaimed =
    model.claims.some((c) => c.kind === 'policy-sourceip') &&
    (endpoints.length > 0 || model.services.some((s) => s.service === 's3'));
  const out: Finding[] = [];
  const policies = model.bucketPolicies.filter((b) => b.policy.conditionKeys.includes('aws:sourceip'));
  const claim = model.claims.find((c) => c.kind === 'policy-sourceip');
  if (policies.length === 0 && !claim) return [];
  if (endpoints.length === 0 && !viaEndpointClaimed) return [];
  const ep = endpoints[0];
  const vpce = ep ? idFor(ep, 'endpoint') : '<VPCE_ID>';
  const bucket = policies[0]?.bucket ?? '<BUCKET>';
  out.push(
    makeFinding({
      code: 'BUCKET_POLICY_SOURCEIP_VIA_VPCE',
      severity: 'error',
      title: `The bucket policy keys on aws:SourceIp, which never matches requests that come through ${ep ? label(ep) : 'the VPC endpoint'}`,
      explanation: `Through a VPC endpoint, S3 sees the client's private address and the endpoint ID, not the NAT gateway's or office's public IP. A bucket policy condition on aws:SourceIp (public ranges) therefore never matches: an Allow that depends on it does not apply, and a Deny with NotIpAddress denies everything, so requests get 403 AccessDenied since the endpoint was added. Key the policy on aws:SourceVpce (the endpoint) or aws:SourceVpc instead (aws:VpcSourceIp for private addresses).`,
      evidence: [
        ...policies.slice(0, 2).flatMap((p) => ev(p.policy.src, 'aws:SourceIp condition')),
        ...(claim ? ev(claim.src) : []),
        ...(ep ? ev(ep.src[0], 'the endpoint') : []),
        ...model.symptoms
          .filter((s) => s.kind === 'access-denied')
          .slice(0, 1)
          .flatMap((s) => ev(s.src, '403')),
      ],
      fixes: [
        {
          summary: `Replace the aws:SourceIp condition with aws:SourceVpce = ${vpce}`,
          commands: [
            `aws s3api put-bucket-policy --bucket ${bucket} --policy file://bucket-policy.json   # Condition: {"StringEquals": {"aws:SourceVpce": "${vpce}"}}`,
          ],
          terraform: `data "aws_iam_policy_document" "bucket" {\n  statement {\n    effect    = "Deny"\n    actions   = ["s3:*"]\n    resources = ["arn:aws:s3:::${bucket}", "arn:aws:s3:::${bucket}/*"]\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n    condition {\n      test     = "StringNotEquals"\n      variable = "aws:SourceVpce"\n      values   = ["${vpce}"]\n    }\n  }\n}`,
        },
      ],
      subject: { resourceIds: [ep?.id].filter((s): s is string => !!s) },
    }),
  );
  return out;
};
