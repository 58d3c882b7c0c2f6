import type { Finding } from '../../report/schema.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { ANY_IPV4 } from '../net/ipv4.js';
import { label, routeTableOf } from '../reason/lookup.js';
import { forwardRoute, routeText } from '../reason/path-facts.js';
import { resolvePlace } from '../reason/place.js';
import { lookupCidr } from '../reason/route-lookup.js';
import { describePath, subjectOf } from './path-subject.js';
import { ALL_CHECKS, type Path, type Rule } from './rule.js';

/** LAMBDA_ENI_NO_PUBLIC_IP: a VPC Lambda in a "public" subnet never gets a public IP. */
export const lambdaEniNoPublicIp: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  const seen = new Set<string>();
  // a VPC Lambda that times out, in subnets whose default route is an internet gateway: whatever it
  // calls outside the VPC cannot answer, even when the text does not say what it calls
  const extra: Path[] = [];
  const failing = model.symptoms.find(
    (s) => s.kind === 'timeout' || s.kind === 'broken' || s.kind === 'no-internet',
  );
  if (failing) {
    for (const w of model.workloads.values()) {
      if (w.kind !== 'lambda' || w.subnets.length === 0) continue;
      if (
        ctx.paths.some((p) => p.from.workload === w && (p.to.kind === 'internet' || p.to.kind === 'service'))
      )
        continue;
      const tables = w.subnets.map((k) => routeTableOf(model, model.subnets.get(k)).table);
      const allIgw =
        tables.length > 0 && tables.every((t) => t && lookupCidr(t, ANY_IPV4).route?.target.kind === 'igw');
      if (!allIgw) continue;
      const intent = {
        from: { kind: 'entity' as const, key: w.key },
        to: { kind: 'internet' as const, label: 'anything outside the VPC' },
        protocol: 6,
        port: 443,
        src: failing.src,
        origin: 'text' as const,
      };
      extra.push({
        intent,
        from: resolvePlace(model, intent.from),
        to: resolvePlace(model, intent.to),
        protocol: 6,
        port: 443,
        checks: new Set(ALL_CHECKS),
      });
    }
  }
  for (const path of [...ctx.paths, ...extra]) {
    if (!path.checks.has('route-fwd')) continue;
    const w = path.from.workload;
    if (w?.kind !== 'lambda') continue;
    if (path.to.kind !== 'internet' && path.to.kind !== 'service') continue;
    const fwd = forwardRoute(model, path);
    const r = fwd.match?.route;
    const viaIgw = r
      ? r.target.kind === 'igw'
      : !fwd.choice.table &&
        (path.from.subnet?.roleHint === 'public' ||
          model.claims.some((c) => c.kind === 'no-nat' && /public/i.test(c.src.text)));
    if (!viaIgw) continue;
    if (seen.has(w.key)) continue;
    seen.add(w.key);
    const subnets = w.subnets.map((k) => model.subnets.get(k)).filter((s) => s !== undefined);
    const nat = [...model.nats.values()].find((n) => !w.vpc || n.vpc === w.vpc);
    out.push(
      makeFinding({
        code: 'LAMBDA_ENI_NO_PUBLIC_IP',
        severity: 'error',
        title: `${label(w)} runs in a public subnet: a VPC Lambda never gets a public IP, so it has no internet access`,
        explanation: `A Lambda function attached to a VPC sends its traffic from network interfaces that only have private IPs, even in a subnet whose route table points 0.0.0.0/0 at an internet gateway${r ? ` (${routeText(r)})` : ''}. The internet gateway drops traffic from addresses without a public IP, so calls ${describePath(path)} time out. Put the function in private subnets whose default route goes to a NAT gateway (or use VPC endpoints for AWS services).`,
        evidence: [
          ...w.src.slice(0, 2).flatMap((s) => ev(s)),
          ...(r ? ev(r.src, 'default route to the IGW') : []),
          ...subnets.slice(0, 2).flatMap((s) => ev(s.src[0])),
          ev(path.intent.src, 'the path'),
        ],
        fixes: [
          {
            summary: `Move ${label(w)} to private subnets that route 0.0.0.0/0 to a NAT gateway${nat ? ` (${label(nat)})` : ''}`,
            commands: [
              `aws lambda update-function-configuration --function-name ${w.name ?? w.id ?? '<FUNCTION_NAME>'} --vpc-config SubnetIds=<PRIVATE_SUBNET_IDS>,SecurityGroupIds=${
                w.sgs
                  .map((k) => model.sgs.get(k)?.id)
                  .filter(Boolean)
                  .join(',') || '<SG_IDS>'
              }`,
            ],
            terraform: `resource "aws_lambda_function" "fn" {\n  # …\n  vpc_config {\n    subnet_ids         = ["<PRIVATE_SUBNET_IDS>"]   # route 0.0.0.0/0 -> ${nat?.id ?? 'nat-…'}\n    security_group_ids = ["${
              w.sgs
                .map((k) => model.sgs.get(k)?.id)
                .filter(Boolean)
                .join('", "') || '<SG_IDS>'
            }"]\n  }\n}`,
          },
        ],
        subject: subjectOf(path, [w.id, ...subnets.map((s) => s.id)]),
      }),
    );
  }
  return out;
};
