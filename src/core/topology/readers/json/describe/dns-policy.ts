import { readPolicy } from '../../../model/policy-info.js';
import { arr, field, fieldLine, type JNode, str, toPlain } from '../loose-json.js';
import { type DescribeContext, lineSrc } from './context.js';

/** route53 get-hosted-zone: the zone and the VPCs it is associated with. */
export function readHostedZone(o: JNode, ctx: DescribeContext): void {
  const hz = field(o, 'HostedZone') ?? o;
  const name = (str(hz, 'Name') ?? '').replace(/\.$/, '');
  if (!name) return;
  const id = str(hz, 'Id')?.replace('/hostedzone/', '');
  const z = ctx.b.hostedZone(
    { name, ...(id ? { id } : {}) },
    name,
    lineSrc(ctx, fieldLine(hz, 'Name'), o.line),
  );
  const priv = field(field(hz, 'Config'), 'PrivateZone');
  if (priv?.t === 'bool') z.private = priv.v as boolean;
  const vpcs = arr(o, 'VPCs');
  for (const v of vpcs) {
    const vid = str(v, 'VPCId');
    if (!vid) continue;
    const vpc = ctx.b.vpc({ id: vid });
    const region = str(v, 'VPCRegion');
    if (region && !vpc.region) vpc.region = region;
    if (!z.vpcs.includes(vpc.key)) z.vpcs.push(vpc.key);
  }
  if (field(o, 'VPCs')) z.complete = true;
}

/** s3api get-bucket-policy ({"Policy": "…"}) or a bare policy document the user pasted. */
export function readBucketPolicy(o: JNode, ctx: DescribeContext, bucket?: string): void {
  const raw = str(o, 'Policy');
  const src = lineSrc(
    ctx,
    fieldLine(o, raw ? 'Policy' : 'Statement'),
    o.line,
    `${bucket ? `${bucket} ` : ''}bucket policy`,
  );
  const info = readPolicy(raw ?? toPlain(o), src);
  if (!info) return;
  const lines: number[] = [];
  for (let l = o.line; l <= o.endLine && lines.length < 60; l++) lines.push(l);
  info.src = { ...src, lines };
  ctx.b.model.bucketPolicies.push({ ...(bucket ? { bucket } : {}), policy: info });
}
