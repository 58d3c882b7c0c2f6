import type { Finding, Fix } from '../../report/schema.js';
import { modifyVpcAttributeFixes } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { isPublicIp, parseIp } from '../net/ipv4.js';
import { idFor, label } from '../reason/lookup.js';
import { privateDnsState } from '../reason/service-path.js';
import type { Rule } from './rule.js';

/** INTERFACE_ENDPOINT_PRIVATE_DNS_OFF: the service name resolves to public IPs, so clients bypass the endpoint. */
export const interfaceEndpointPrivateDnsOff: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  for (const e of model.endpoints.values()) {
    if (e.type === 'Gateway' || !e.service) continue;
    const vpcOff = (() => {
      const v = e.vpc ? model.vpcs.get(e.vpc) : undefined;
      return v?.dnsSupport === false || v?.dnsHostnames === false;
    })();
    if (e.type === undefined && e.privateDns === undefined && !vpcOff) continue;
    if (e.type === undefined && (e.service === 's3' || e.service === 'dynamodb') && e.routeTables.length)
      continue;
    const state = privateDnsState(model, e);
    const publicAnswers = model.dnsAnswers.filter(
      (d) =>
        d.name.toLowerCase().includes(e.service!.split('.')[0]!) &&
        d.ips.some((ip) => {
          const n = parseIp(ip);
          return n !== undefined && isPublicIp(n);
        }),
    );
    if (state !== 'off' && !(state === 'unknown' && publicAnswers.length > 0)) continue;
    // the endpoint's service is on a path, or a complaint names no other destination
    const used =
      ctx.paths.some((p) => p.to.service === e.service) ||
      publicAnswers.length > 0 ||
      (ctx.symptoms.size > 0 &&
        ctx.paths.every((p) => p.to.kind === 'unknown' || p.to.service === e.service));
    if (!used) continue;
    const vpc = e.vpc ? model.vpcs.get(e.vpc) : undefined;
    const attrsOff = vpc && (vpc.dnsSupport === false || vpc.dnsHostnames === false);
    const s3 = e.service === 's3';
    const ddb = e.service === 'dynamodb';
    const region = e.serviceRegion ?? vpc?.region ?? '<REGION>';
    const host = `${e.service}.${region}.amazonaws.com`;
    const fixes: Fix[] = [];
    if (e.privateDns === false || state === 'unknown') {
      fixes.push({
        summary: `Turn on private DNS for ${label(e)}${s3 ? ' (S3 needs a gateway endpoint in the VPC too, or use the endpoint-specific names)' : ''}`,
        commands: [
          `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${idFor(e, 'endpoint')} --private-dns-enabled`,
        ],
        terraform: `resource "aws_vpc_endpoint" "${e.service.replace(/\W/g, '_')}" {\n  # the existing ${e.id ?? 'endpoint'}\n  private_dns_enabled = true\n}`,
      });
    }
    if (attrsOff && vpc)
      fixes.push(
        modifyVpcAttributeFixes(idFor(vpc, 'VPC'), vpc.dnsSupport !== false, vpc.dnsHostnames !== false),
      );
    const why = attrsOff
      ? `${label(vpc!)} has ${[vpc!.dnsSupport === false && 'enableDnsSupport', vpc!.dnsHostnames === false && 'enableDnsHostnames'].filter(Boolean).join(' and ')} off, and private DNS for an interface endpoint needs both on (Terraform's aws_vpc leaves enable_dns_hostnames false by default)`
      : e.privateDns === false
        ? `private DNS is off on ${label(e)}`
        : `${host} answers with public addresses`;
    out.push(
      makeFinding({
        code: 'INTERFACE_ENDPOINT_PRIVATE_DNS_OFF',
        severity: 'error',
        title: `${host} does not resolve to ${label(e)}: ${attrsOff ? "the VPC's DNS attributes are off" : 'private DNS is off'}`,
        explanation: `Clients use the service's standard name, ${host}. Only private DNS makes that name resolve to the endpoint's private addresses inside the VPC; here ${why}, so it resolves to ${e.service}'s public addresses and traffic heads for the internet (a NAT gateway, or nowhere in a private subnet) instead of the endpoint.${ddb ? ' DynamoDB interface endpoints did not support private DNS at launch (2024): clients must use the endpoint-specific DNS name unless your Region now offers it.' : ''}${s3 ? ' S3 interface endpoints do not turn private DNS on by default; without it use the endpoint-specific bucket.vpce-… names.' : ''}`,
        evidence: [
          ev(e.src.find((s) => /privatedns/i.test(s.text.replace(/\s/g, ''))) ?? e.src[0], 'private DNS'),
          ...(attrsOff ? vpc!.src.filter((s) => /dns/i.test(s.text)).flatMap((s) => ev(s)) : []),
          ...publicAnswers.slice(0, 2).flatMap((d) => ev(d.src, 'public answer')),
        ],
        fixes,
        subject: { resourceIds: [e.id, vpc?.id].filter((s): s is string => !!s) },
      }),
    );
  }
  return out;
};
