import type { Evidence, Finding } from '../../report/schema.js';
import { confirmQueries } from '../confirm.js';
import { recordEvidence } from '../evidence.js';
import type { RuleInput } from '../rule-kit.js';
import type { KnownRoute, LossGroup } from '../tgw-flows.js';
import { listAnd, plural } from '../wording.js';

/**
 * TGW_ROUTE_MISSING from TGW records alone: packets-lost-no-route (or -blackhole) with no destination
 * attachment: the TGW route table associated with the source attachment has no usable route to the
 * destination. When other records show where that destination is attached, the fix names it.
 */
export function tgwRouteMissing({ state }: RuleInput): Finding[] {
  const out: Finding[] = [];
  for (const g of state.tgw.groups.values()) {
    if (g.reason !== 'no-route' && g.reason !== 'blackhole') continue;
    if (g.reason === 'no-route' && g.noDestination === 0) continue;
    out.push(finding(g, state.tgw.knownRoutes));
    if (out.length >= 8) break;
  }
  return out;
}

function finding(g: LossGroup, known: ReadonlyMap<string, KnownRoute>): Finding {
  const dests = g.destinationList();
  const r = g.region ? ` --region ${g.region}` : '';
  const routed = dests.flatMap((d) => {
    const k = known.get(d);
    return k ? [{ d, k }] : [];
  });
  const dstAttachment = routed.find((x) => x.k.attachment)?.k.attachment;
  const blackhole = g.reason === 'blackhole';
  const evidence: Evidence[] = g.samples
    .slice(0, 3)
    .map((s) =>
      recordEvidence(
        s,
        blackhole
          ? `packets-lost-blackhole ${s.fields['packets-lost-blackhole']}`
          : `packets-lost-no-route ${s.fields['packets-lost-no-route']} of ${s.fields.packets} packets, no destination attachment`,
      ),
    );
  for (const x of routed.slice(0, 2))
    evidence.push(
      recordEvidence(
        x.k.record,
        `the same destination is routed from another attachment${x.k.attachment ? ` to ${x.k.attachment}` : ''}`,
      ),
    );
  const commands = [
    `TGW_RTB=$(aws ec2 describe-transit-gateway-attachments${r} --transit-gateway-attachment-ids ${g.attachment} --query 'TransitGatewayAttachments[0].Association.TransitGatewayRouteTableId' --output text)`,
    `aws ec2 search-transit-gateway-routes${r} --transit-gateway-route-table-id "$TGW_RTB" --filters Name=route-search.longest-prefix-match,Values=${dests[0] ?? '<DESTINATION>'}/32`,
  ];
  const dest = dstAttachment ?? '<DESTINATION_ATTACHMENT_ID>';
  commands.push(
    `aws ec2 enable-transit-gateway-route-table-propagation${r} --transit-gateway-route-table-id "$TGW_RTB" --transit-gateway-attachment-id ${dest}`,
    `# or a static route: aws ec2 create-transit-gateway-route${r} --transit-gateway-route-table-id "$TGW_RTB" --destination-cidr-block <DESTINATION_VPC_CIDR> --transit-gateway-attachment-id ${dest}`,
  );
  const explanation = [
    blackhole
      ? `${plural(g.lost, 'packet')} from ${g.attachment}${g.srcVpc ? ` (${g.srcVpc})` : ''} to ${listAnd(dests, 4, dests.length + g.destinationsUntracked)} hit a blackhole route in the transit gateway route table associated with that attachment: the route's attachment was deleted, or the route was made to drop.`
      : `${plural(g.noDestination, 'record')} from ${g.attachment}${g.srcVpc ? ` (${g.srcVpc})` : ''} to ${listAnd(dests, 4, dests.length + g.destinationsUntracked)} count every packet in packets-lost-no-route and name no destination attachment: the transit gateway route table associated with ${g.attachment} has no route to ${dests.length === 1 ? 'that address' : 'those addresses'}.`,
    routed.length
      ? `Traffic to ${listAnd(
          routed.map((x) => x.d),
          2,
        )} from another attachment does get through${dstAttachment ? ` to ${dstAttachment}` : ''}, so the destination is attached: the route table that ${g.attachment} is associated with lacks the route (or the propagation) that the other one has, a common result of splitting route tables.`
      : '',
    `Add the route: propagate the destination's attachment into that route table, or add a static route. The destination's side needs a route back as well (its TGW route table and its subnets' route tables).`,
  ]
    .filter(Boolean)
    .join(' ');
  return {
    code: 'TGW_ROUTE_MISSING',
    severity: 'error',
    title: `The transit gateway route table of ${g.attachment} has ${blackhole ? 'a blackhole route' : 'no route'} to ${listAnd(dests, 2)}`,
    explanation,
    evidence,
    evidenceOmitted: Math.max(0, g.records - g.samples.slice(0, 3).length),
    fixes: [
      {
        summary: `Find the route table associated with ${g.attachment}, then propagate ${dstAttachment ?? "the destination VPC's attachment (<DESTINATION_ATTACHMENT_ID>)"} into it (or add a static route).`,
        commands,
        terraform: [
          'resource "aws_ec2_transit_gateway_route_table_propagation" "destination" {',
          `  transit_gateway_attachment_id  = "${dest}"`,
          `  transit_gateway_route_table_id = "<TGW_ROUTE_TABLE_ID>" # the one ${g.attachment} is associated with (the first command prints it)`,
          '}',
        ].join('\n'),
      },
    ],
    confirm: confirmQueries({
      format: g.samples[0]?.format,
      tgw: true,
      filters: [
        { field: 'tgw-attachment-id', value: g.attachment },
        { field: blackhole ? 'packets-lost-blackhole' : 'packets-lost-no-route', value: 0, op: '>' },
      ],
      groupBy: ['dstaddr', 'dstport'],
      sums: [blackhole ? 'packets-lost-blackhole' : 'packets-lost-no-route'],
    }),
    occurrences: g.records,
    subject: {
      resourceIds: [g.attachment, ...(g.tgwId ? [g.tgwId] : []), ...(dstAttachment ? [dstAttachment] : [])],
      ...(g.srcVpc ? { vpcId: g.srcVpc } : {}),
      ...(dests[0] ? { server: dests[0] } : {}),
      ...(g.protocol !== undefined ? { protocol: g.protocol } : {}),
      ...(g.ports.size === 1 ? { serverPort: [...g.ports][0]! } : {}),
      clients: [...g.sources].slice(0, 20),
    },
  };
}
