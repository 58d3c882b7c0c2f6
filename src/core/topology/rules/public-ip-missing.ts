import type { Finding } from '../../report/schema.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { ANY_IPV4 } from '../net/ipv4.js';
import { idFor, label } from '../reason/lookup.js';
import { forwardRoute, routeText, tableOfPlace } from '../reason/path-facts.js';
import type { Place } from '../reason/place.js';
import { lookupCidr } from '../reason/route-lookup.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Path, Rule } from './rule.js';

/** The instance side of an internet path: the source going out, or the destination coming in. */
function instanceSide(path: Path): { side: Place; outbound: boolean } | undefined {
  if (path.to.kind === 'internet' || path.to.kind === 'service') return { side: path.from, outbound: true };
  if (path.from.kind === 'internet') return { side: path.to, outbound: false };
  return undefined;
}

/** PUBLIC_IP_MISSING: an instance in a public subnet with no public IPv4: the IGW has nothing to translate to. */
export const publicIpMissing: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const path of ctx.paths) {
    if (!path.checks.has('route-fwd')) continue;
    const s = instanceSide(path);
    if (!s) continue;
    const w = s.side.workload;
    if (!w || w.kind === 'lambda' || w.kind === 'elb') continue;
    const choice = tableOfPlace(model, s.side);
    const r = choice.table
      ? s.outbound
        ? forwardRoute(model, path).match?.route
        : lookupCidr(choice.table, ANY_IPV4).route
      : undefined;
    const viaIgw = r?.target.kind === 'igw' || (!choice.table && s.side.subnet?.roleHint === 'public');
    if (!viaIgw) continue;
    if (w.publicIp === undefined) {
      ctx.gap({
        hypothesis: `${label(w)} has no public IPv4 address or Elastic IP, so the internet gateway cannot carry its traffic`,
        ask: `aws ec2 describe-instances --instance-ids ${idFor(w, 'instance')} --query 'Reservations[].Instances[].[PrivateIpAddress,PublicIpAddress,SubnetId]' --output text`,
        order: 10,
      });
      continue;
    }
    if (w.publicIp !== null) continue;
    if (seen.has(w.key)) continue;
    seen.add(w.key);
    const subnet = s.side.subnet;
    out.push(
      makeFinding({
        code: 'PUBLIC_IP_MISSING',
        severity: 'error',
        title: `${label(w)} has no public IPv4 address, so the internet gateway cannot carry its traffic`,
        explanation: `${subnet ? label(subnet) : 'Its subnet'} is public (${r ? routeText(r) : 'it routes to an internet gateway'}), but an internet gateway only translates addresses for instances that have a public IPv4 address or an Elastic IP. ${label(w)} has none, so traffic ${describePath(path)} is dropped at the internet gateway${s.outbound ? ' and the connection times out' : ''}. ${subnet?.mapPublicIp === false ? `${label(subnet)} does not auto-assign public IPs (MapPublicIpOnLaunch false), which is the Terraform default for aws_subnet.` : 'Subnets created by Terraform or the API do not auto-assign public IPs unless told to.'}`,
        evidence: [
          ...w.src.slice(0, 2).flatMap((x) => ev(x)),
          ...(r ? ev(r.src, 'default route to the IGW') : []),
          ...(choice.table ? ev(choice.table.src[0]) : []),
          ev(path.intent.src, 'the path'),
        ],
        fixes: [
          {
            summary: `Attach an Elastic IP to ${label(w)} (or relaunch it with a public IP), and make ${subnet ? label(subnet) : 'the subnet'} auto-assign public IPs for future instances`,
            commands: [
              'aws ec2 allocate-address --domain vpc',
              `aws ec2 associate-address --instance-id ${idFor(w, 'instance')} --allocation-id <EIP_ALLOCATION_ID>`,
              `aws ec2 modify-subnet-attribute --subnet-id ${subnet ? idFor(subnet, 'subnet') : '<SUBNET_ID>'} --map-public-ip-on-launch`,
            ],
            terraform: `resource "aws_eip" "${(w.id ?? 'instance').replace(/\W/g, '_')}" {\n  domain   = "vpc"\n  instance = "${idFor(w, 'instance')}"\n}\n\n# and on the subnet:\n#   map_public_ip_on_launch = true`,
          },
        ],
        subject: subjectOf(path, [w.id, subnet?.id]),
      }),
    );
  }
  return out;
};
