import type { Finding } from '../../report/schema.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import type { Endpoint } from '../model/types.js';
import { idFor, label } from '../reason/lookup.js';
import type { Rule } from './rule.js';

function bucketsMentioned(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/s3:\/\/([a-z0-9.-]{3,63})/g)) out.add(m[1]!);
  for (const m of text.matchAll(/arn:aws:s3:::([a-z0-9.-]{3,63})/g)) out.add(m[1]!);
  for (const m of text.matchAll(/\b([a-z0-9.-]{3,63})\.s3[.-]/g)) out.add(m[1]!);
  for (const m of text.matchAll(/\bbucket\s+[`'"]?([a-z0-9][a-z0-9.-]{2,62})/gi))
    out.add(m[1]!.toLowerCase());
  return [...out].filter((b) => !/^(policy|name|the|a|is|in|that|which|and|via|on|has|with)$/.test(b));
}

/** Buckets AWS owns, which a data perimeter on the customer's organisation or accounts never matches. */
const AWS_OWNED = [
  /^prod-[a-z0-9-]+-starport-layer-bucket$/, // ECR image layers
  /^(?:al2023|amazonlinux-2)-repos-/, // Amazon Linux package repositories
  /^amazon-ssm-[a-z0-9-]+$/, // SSM Agent
  /^aws-ssm-[a-z0-9-]+$/,
  /^aws-windows-downloads-/,
  /^amazoncloudwatch-agent/,
  /^aws-codedeploy-/,
];
const PERIMETER_KEYS = /^aws:(?:resourceorgid|resourceorgpaths|resourceaccount)$/;

function resourceCovers(r: string, bucket: string): boolean {
  return (
    r === '*' ||
    r.includes(`:::${bucket}`) ||
    (r.endsWith('*') && `arn:aws:s3:::${bucket}`.startsWith(r.slice(0, -1)))
  );
}

/** ENDPOINT_POLICY_DENIES: a 403 through an endpoint whose policy does not allow the action/resource. */
export const endpointPolicyDenies: Rule = (ctx) => {
  const { model } = ctx;
  if (!ctx.symptoms.has('access-denied')) return [];
  const out: Finding[] = [];
  const text = [...model.symptoms.map((s) => s.src.text), ...model.intents.map((i) => i.src.text)].join(' ');
  const buckets = bucketsMentioned(text);
  const claimed = model.claims.find((c) => c.kind === 'endpoint-policy-restricted');
  const candidates: Endpoint[] = [...model.endpoints.values()].filter((e) => e.policy?.restrictive);
  for (const e of candidates) {
    const allowed = e.policy!.allowedResources;
    // an Allow that keys on the organisation or account never matches a bucket AWS owns
    const missing = buckets.filter(
      (b) =>
        !e.policy!.allows.some(
          (a) =>
            a.resources.some((r) => resourceCovers(r, b)) &&
            !(AWS_OWNED.some((re) => re.test(b)) && a.conditionKeys.some((k) => PERIMETER_KEYS.test(k))),
        ),
    );
    const perimeter = missing.some((b) => AWS_OWNED.some((re) => re.test(b)));
    if (buckets.length > 0 && missing.length === 0 && !e.policy!.deniesWithoutCondition) continue;
    out.push(
      makeFinding({
        code: 'ENDPOINT_POLICY_DENIES',
        severity: 'error',
        title: `The policy on ${label(e)} does not allow ${missing.length ? missing.join(', ') : 'this request'}: a 403, not a network fault`,
        explanation: `The request reaches ${e.service ?? 'the service'} through ${label(e)} (the network path works: a timeout would mean otherwise), and the endpoint's policy is evaluated on every request that crosses it. ${
          perimeter
            ? `Its Allow statements require the bucket to belong to your organisation or accounts (${e.policy!.conditionKeys.filter((k) => PERIMETER_KEYS.test(k)).join(', ')}), but ${missing.filter((b) => AWS_OWNED.some((re) => re.test(b))).join(', ')} is owned by AWS (ECR keeps image layers there), so`
            : `Its Allow statements cover only ${allowed.length ? allowed.slice(0, 4).join(', ') : 'other resources'}${missing.length ? `, not ${missing.map((b) => `arn:aws:s3:::${b}`).join(', ')}` : ''}, so`
        } ${e.service ?? 'the service'} answers 403 AccessDenied. Remember that tooling often needs AWS-owned buckets too (package repos, ECR layers, SSM).`,
        evidence: [
          ev(e.policy!.src, 'endpoint policy'),
          ...model.symptoms
            .filter((s) => s.kind === 'access-denied')
            .slice(0, 2)
            .flatMap((s) => ev(s.src, '403')),
        ],
        fixes: [
          {
            summary: `Add the ${missing.length ? 'bucket(s)' : 'resource'} to ${label(e)}'s policy (or restore the default full-access policy)`,
            commands: [
              `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${idFor(e, 'endpoint')} --policy-document file://endpoint-policy.json`,
            ],
            terraform: `resource "aws_vpc_endpoint_policy" "${(e.id ?? 'endpoint').replace(/\W/g, '_')}" {\n  vpc_endpoint_id = "${idFor(e, 'endpoint')}"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = "*"\n      Action    = ["s3:GetObject", "s3:PutObject", "s3:ListBucket"]\n      Resource  = [${(missing.length ? missing : ['<BUCKET>']).flatMap((b) => [`"arn:aws:s3:::${b}"`, `"arn:aws:s3:::${b}/*"`]).join(', ')}]\n    }]\n  })\n}`,
          },
        ],
        subject: { resourceIds: [e.id].filter((s): s is string => !!s) },
      }),
    );
  }
  if (out.length === 0 && claimed) {
    out.push(
      makeFinding({
        code: 'ENDPOINT_POLICY_DENIES',
        severity: 'error',
        title: 'The endpoint policy does not allow this request: a 403, not a network fault',
        explanation: `A 403 AccessDenied means the request reached the service, so the network path works. The input says the endpoint has a custom policy: every request through the endpoint must be allowed by it as well as by IAM and the bucket policy, so a resource it does not list is refused.`,
        evidence: [
          ev(claimed.src, 'endpoint policy'),
          ...model.symptoms
            .filter((s) => s.kind === 'access-denied')
            .slice(0, 2)
            .flatMap((s) => ev(s.src, '403')),
        ],
        fixes: [
          {
            summary: 'Add the resource to the endpoint policy (or restore the default full-access policy)',
            commands: [
              'aws ec2 describe-vpc-endpoints --query "VpcEndpoints[].[VpcEndpointId,PolicyDocument]"',
              'aws ec2 modify-vpc-endpoint --vpc-endpoint-id <VPCE_ID> --policy-document file://endpoint-policy.json',
            ],
          },
        ],
      }),
    );
  }
  return out;
};
