import type { Finding } from '../../report/schema.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { ANY_IPV4 } from '../net/ipv4.js';
import { idFor, label, routeTableOf } from '../reason/lookup.js';
import { routeText } from '../reason/path-facts.js';
import { lookupCidr } from '../reason/route-lookup.js';
import type { Rule } from './rule.js';

/** NAT_GATEWAY_IN_PRIVATE_SUBNET: a public NAT gateway whose own subnet has no route to an internet gateway. */
export const natGatewayInPrivateSubnet: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  for (const nat of model.nats.values()) {
    if (nat.connectivity === 'private' || !nat.subnet) continue;
    if (nat.state === 'deleted' || nat.state === 'failed') continue;
    const subnet = model.subnets.get(nat.subnet);
    if (!subnet) continue;
    const { table, how } = routeTableOf(model, subnet, nat.vpc);
    if (!table) {
      ctx.gap({
        hypothesis: `${label(nat)} sits in ${label(subnet)}, which may have no route to an internet gateway`,
        ask: `aws ec2 describe-route-tables --filters Name=association.subnet-id,Values=${idFor(subnet, 'subnet')}`,
        order: 30,
      });
      continue;
    }
    const def = lookupCidr(table, ANY_IPV4);
    const r = def.route;
    if (r?.target.kind === 'igw') continue;
    if (!r && !def.complete) continue;
    const publicSubnets = [...model.subnets.values()].filter((s) => {
      if (s === subnet || (nat.vpc && s.vpc && s.vpc !== nat.vpc)) return false;
      const t = routeTableOf(model, s, nat.vpc).table;
      return t ? lookupCidr(t, ANY_IPV4).route?.target.kind === 'igw' : s.roleHint === 'public';
    });
    const usedBy = [...model.routeTables.values()].filter((t) =>
      t.routes.some((x) => x.target.id?.toLowerCase() === (nat.id ?? '').toLowerCase()),
    );
    const igw = [...model.igws.values()].find(
      (g) => !nat.vpc || g.vpcs.includes(nat.vpc) || g.vpcs.length === 0,
    );
    const target = publicSubnets[0];
    const self = r?.target.kind === 'nat' && r.target.id?.toLowerCase() === nat.id?.toLowerCase();
    // prose that puts the NAT in "the public subnet" and its own default route on itself was read into the
    // wrong table, not a real loop: only pasted config can show that
    if (
      self &&
      subnet.roleHint === 'public' &&
      !table.src.some((s) => s.kind === 'config') &&
      how !== 'explicit'
    )
      continue;
    out.push(
      makeFinding({
        code: 'NAT_GATEWAY_IN_PRIVATE_SUBNET',
        severity: 'error',
        title: `NAT gateway ${label(nat)} is in ${label(subnet)}, a subnet with no route to an internet gateway`,
        explanation: `A public NAT gateway forwards traffic to the internet through the internet gateway of its own subnet's route table. ${label(nat)} sits in ${label(subnet)}, whose route table ${label(table)}${how === 'main' ? ' (the main table)' : ''} ${r ? `sends 0.0.0.0/0 to ${r.target.id ?? r.target.kind}${self ? ', the NAT gateway itself' : ''} (${routeText(r)})` : 'has no default route'}, not to an internet gateway. So everything the private subnets send to the NAT gateway ${self ? 'loops back to it' : 'has nowhere to go'} and times out, even though the NAT gateway shows Available with an Elastic IP. It must live in a public subnet${target ? ` such as ${label(target)}` : ''}.`,
        evidence: [
          ev(nat.src[0], 'the NAT gateway'),
          ...ev(nat.src.find((s) => /is in|subnet/i.test(s.text) && s !== nat.src[0])),
          ev(table.src[0], `route table of ${label(subnet)}`),
          ...(r ? ev(r.src, 'default route') : []),
          ...usedBy
            .slice(0, 2)
            .flatMap((t) =>
              ev(
                t.routes.find((x) => x.target.id?.toLowerCase() === (nat.id ?? '').toLowerCase())?.src,
                'private subnets use it',
              ),
            ),
        ],
        fixes: [
          {
            summary: `Create a NAT gateway in a public subnet${target ? ` (${label(target)})` : ''}, point the private route tables at it, then delete ${label(nat)}`,
            commands: [
              'aws ec2 allocate-address --domain vpc',
              `aws ec2 create-nat-gateway --subnet-id ${target ? idFor(target, 'subnet') : '<PUBLIC_SUBNET_ID>'} --allocation-id <EIP_ALLOCATION_ID>`,
              ...usedBy.map(
                (t) =>
                  `aws ec2 replace-route --route-table-id ${idFor(t, 'route table')} --destination-cidr-block 0.0.0.0/0 --nat-gateway-id <NEW_NAT_GATEWAY_ID>`,
              ),
              `aws ec2 delete-nat-gateway --nat-gateway-id ${idFor(nat, 'NAT gateway')}`,
            ],
            terraform: `resource "aws_eip" "nat" {\n  domain = "vpc"\n}\n\nresource "aws_nat_gateway" "public" {\n  subnet_id     = "${target ? idFor(target, 'subnet') : '<PUBLIC_SUBNET_ID>'}"   # a subnet whose route table has 0.0.0.0/0 -> ${igw?.id ?? 'igw-…'}\n  allocation_id = aws_eip.nat.id\n}\n${usedBy
              .map(
                (t) =>
                  `\nresource "aws_route" "${(t.id ?? t.key).replace(/\W/g, '_')}_default" {\n  route_table_id         = "${idFor(t, 'route table')}"\n  destination_cidr_block = "0.0.0.0/0"\n  nat_gateway_id         = aws_nat_gateway.public.id\n}\n`,
              )
              .join('')}`,
          },
        ],
        subject: { resourceIds: [nat.id, subnet.id, table.id].filter((s): s is string => !!s) },
      }),
    );
  }
  return out;
};
