import type { Finding } from '../../report/schema.js';
import { createRouteFix } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import type { Model, Peering } from '../model/types.js';
import { idFor, label, routeTableOf } from '../reason/lookup.js';
import { forwardRoute, otherSide, peeringById, peeringsBetween, routeText } from '../reason/path-facts.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Rule } from './rule.js';

/** TRANSITIVE_PEERING_UNSUPPORTED: A↔B and B↔C peered does not give A↔C. */
export const transitivePeering: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const path of [...ctx.paths, ...ctx.routePaths]) {
    const a = path.from.vpc?.key;
    const c = path.to.vpc?.key;
    if (!a || !c || a === c || !path.checks.has('route-fwd')) continue;
    if (peeringsBetween(model, a, c).some((p) => p.status !== 'deleted' && p.status !== 'rejected')) continue;
    if (hasTgwBetween(ctx.model, a, c)) continue;
    // a route in A toward C's addresses through a peering with a third VPC B
    const fwd = forwardRoute(model, path);
    const r = fwd.match?.route;
    const viaPcx = r?.target.kind === 'pcx' ? peeringById(model, r.target.id) : undefined;
    let middle: string | undefined;
    let legs: Peering[] = [];
    if (viaPcx) {
      const b = otherSide(viaPcx, a);
      if (b && b !== c) {
        middle = b;
        legs = [viaPcx, ...peeringsBetween(model, b, c)];
      }
    }
    if (!middle) {
      for (const p of model.peerings.values()) {
        const b = otherSide(p, a);
        if (!b || b === c) continue;
        const bc = peeringsBetween(model, b, c);
        if (bc.length) {
          middle = b;
          legs = [p, ...bc];
          break;
        }
      }
    }
    if (!middle) continue;
    const key = `${a}|${c}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const A = model.vpcs.get(a)!;
    const B = model.vpcs.get(middle);
    const C = model.vpcs.get(c)!;
    const cCidr = C.cidrs[0]?.cidr.text ?? path.to.addr?.text ?? '<C_CIDR>';
    const aTable = fwd.choice.table ? idFor(fwd.choice.table, 'route table') : `<route table of ${label(A)}>`;
    const cKnown = routeTableOf(model, path.to.subnet, C.key).table;
    const cTable = cKnown ? idFor(cKnown, 'route table') : `<route table of ${label(C)}>`;
    const aId = idFor(A, 'VPC');
    const cId = idFor(C, 'VPC');
    const aCidr = A.cidrs[0]?.cidr.text ?? path.from.addr?.text ?? '<A_CIDR>';
    out.push(
      makeFinding({
        code: 'TRANSITIVE_PEERING_UNSUPPORTED',
        severity: 'error',
        title: `${label(A)} cannot reach ${label(C)} through ${B ? label(B) : 'a third VPC'}: VPC peering is not transitive`,
        explanation: `${label(A)} is peered with ${B ? label(B) : 'another VPC'}${legs.length > 1 ? `, which is peered with ${label(C)}` : ''}, but there is no peering between ${label(A)} and ${label(C)}. A peering connection only carries traffic whose source and destination are in the two VPCs it joins, so ${B ? label(B) : 'the middle VPC'} never forwards traffic ${describePath(path)}${r && viaPcx ? ` (the route ${routeText(r)} sends it into the peering with ${B ? label(B) : 'the middle VPC'}, which drops it)` : ''}.`,
        evidence: [
          ...legs.flatMap((p) => ev(p.src[0], 'peering')),
          ...(r ? ev(r.src, 'route into the wrong peering') : []),
          ev(path.intent.src, 'the path'),
        ],
        fixes: [
          {
            summary: `Peer ${label(A)} and ${label(C)} directly and route each side's CIDR to the new peering (or attach all three VPCs to a Transit Gateway)`,
            commands: [
              `aws ec2 create-vpc-peering-connection --vpc-id ${aId} --peer-vpc-id ${cId}`,
              'aws ec2 accept-vpc-peering-connection --vpc-peering-connection-id <NEW_PCX_ID>',
              ...createRouteFix('', aTable, cCidr, '<NEW_PCX_ID>').commands,
              ...createRouteFix('', cTable, aCidr, '<NEW_PCX_ID>').commands,
            ],
            terraform: `resource "aws_vpc_peering_connection" "a_c" {\n  vpc_id      = "${aId}"\n  peer_vpc_id = "${cId}"\n  auto_accept = true\n}\n\nresource "aws_route" "a_to_c" {\n  route_table_id            = "${aTable}"\n  destination_cidr_block    = "${cCidr}"\n  vpc_peering_connection_id = aws_vpc_peering_connection.a_c.id\n}\n\nresource "aws_route" "c_to_a" {\n  route_table_id            = "${cTable}"\n  destination_cidr_block    = "${aCidr}"\n  vpc_peering_connection_id = aws_vpc_peering_connection.a_c.id\n}`,
          },
        ],
        subject: subjectOf(path, [A.id, C.id, ...legs.map((p) => p.id)]),
      }),
    );
  }
  return out;
};

export function hasTgwBetween(model: Model, a: string, c: string): boolean {
  const atts = [...model.tgwAttachments.values()];
  return atts.some((x) => x.vpc === a) && atts.some((x) => x.vpc === c);
}
