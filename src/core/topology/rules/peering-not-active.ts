import type { Finding } from '../../report/schema.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import type { Peering } from '../model/types.js';
import { idFor, label } from '../reason/lookup.js';
import type { Rule } from './rule.js';

const DAY = 86_400_000;

/** The effective state of a peering at `now`: a pending request older than 7 days has expired. */
export function effectiveStatus(p: Peering, now: Date): string | undefined {
  if (p.status === 'pending-acceptance') {
    if (p.expiration && p.expiration.getTime() <= now.getTime() && now.getTime() > 0) return 'expired';
    if (p.requested && now.getTime() - p.requested.getTime() > 7 * DAY) return 'expired';
  }
  return p.status;
}

/** PEERING_NOT_ACTIVE: pending (or expired after 7 days), rejected, failed, deleted: routes to it are blackholes. */
export const peeringNotActive: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const p of ctx.model.peerings.values()) {
    const status = effectiveStatus(p, ctx.now);
    if (!status || status === 'active' || status === 'provisioning') continue;
    const id = p.id ?? label(p);
    const req = p.requester ? ctx.model.vpcs.get(p.requester) : undefined;
    const acc = p.accepter ? ctx.model.vpcs.get(p.accepter) : undefined;
    const pcxId = idFor(p, 'peering connection');
    const reqId = req ? idFor(req, 'VPC') : '<REQUESTER_VPC_ID>';
    const accId = acc ? idFor(acc, 'VPC') : '<ACCEPTER_VPC_ID>';
    const blackholes = [...ctx.model.routeTables.values()].flatMap((t) =>
      t.routes.filter((r) => r.target.id?.toLowerCase() === id.toLowerCase()).map((r) => ({ t, r })),
    );
    const expiredByAge = status === 'expired' && p.status === 'pending-acceptance';
    const pending = status === 'pending-acceptance' || status === 'initiating-request';
    const why = pending
      ? `${id} is still ${status}: the accepter (${acc ? label(acc) : 'the other VPC'}'s owner${p.accepterRegion ? `, in ${p.accepterRegion}` : ''}) has not accepted it, and a request that is not accepted within 7 days expires.`
      : expiredByAge
        ? `${id} was requested more than 7 days ago and never accepted, so the request has expired (pending requests expire after 168 hours) and can no longer be accepted.`
        : `${id} is ${status}. Only an active peering carries traffic.`;
    const region =
      p.accepterRegion && p.accepterRegion !== p.requesterRegion ? ` --region ${p.accepterRegion}` : '';
    const fix = pending
      ? {
          summary: `Accept ${id} from the accepter account${p.accepterRegion ? ` in ${p.accepterRegion}` : ''}, then check the routes on both sides`,
          commands: [`aws ec2 accept-vpc-peering-connection --vpc-peering-connection-id ${pcxId}${region}`],
          terraform: `resource "aws_vpc_peering_connection_accepter" "peer" {\n  provider                  = aws.accepter\n  vpc_peering_connection_id = "${pcxId}"\n  auto_accept               = true\n}`,
        }
      : {
          summary: `Create a new peering request, have it accepted within 7 days, and point the routes that used ${id} at the new one`,
          commands: [
            `aws ec2 create-vpc-peering-connection --vpc-id ${reqId} --peer-vpc-id ${accId}${p.accepterRegion ? ` --peer-region ${p.accepterRegion}` : ''}`,
            'aws ec2 accept-vpc-peering-connection --vpc-peering-connection-id <NEW_PCX_ID>',
            ...blackholes
              .slice(0, 4)
              .map(
                ({ t, r }) =>
                  `aws ec2 replace-route --route-table-id ${idFor(t, 'route table')} --destination-cidr-block ${r.cidr?.text} --vpc-peering-connection-id <NEW_PCX_ID>`,
              ),
          ],
          terraform: `resource "aws_vpc_peering_connection" "new" {\n  vpc_id      = "${reqId}"\n  peer_vpc_id = "${accId}"\n${p.accepterRegion ? `  peer_region = "${p.accepterRegion}"\n` : ''}}`,
        };
    out.push(
      makeFinding({
        code: 'PEERING_NOT_ACTIVE',
        severity: 'error',
        title: `Peering ${id} is ${status}, not active: routes to it go nowhere`,
        explanation: `${why} While it is not active, every route that targets it is a blackhole${blackholes.length ? ` (${blackholes.map(({ t }) => label(t)).join(', ')})` : ''}, so traffic between ${req ? label(req) : 'the requester'} and ${acc ? label(acc) : 'the accepter'} is dropped.`,
        evidence: [
          ev(p.statusSrc ?? p.src[0], `status ${p.status}`),
          ...blackholes.slice(0, 4).map(({ r }) => ev(r.src, 'route to the peering')),
        ],
        fixes: [fix],
        subject: { resourceIds: [p.id, req?.id, acc?.id].filter((s): s is string => !!s) },
      }),
    );
  }
  return out;
};
