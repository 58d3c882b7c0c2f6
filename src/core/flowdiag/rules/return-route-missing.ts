import type { Finding } from '../../report/schema.js';
import { coveringCidr, prefixLength } from '../addresses.js';
import { recordEvidence } from '../evidence.js';
import type { Group } from '../group.js';
import {
  certaintyNote,
  clientsPhrase,
  groupConfirm,
  groupEvidence,
  groupService,
  type RuleInput,
  rollUp,
  subjectOf,
} from '../rule-kit.js';
import { eniName, listAnd, plural } from '../wording.js';

/**
 * RETURN_ROUTE_MISSING: at the server's ENI both directions are ACCEPTed, yet only bare handshake
 * packets, repeated: the client keeps re-sending its SYN and the server keeps answering, so the
 * SYN-ACKs leave the ENI and are lost afterwards, usually for want of a route back to the client in
 * the server subnet's route table (a return route added to the main table while the subnet has its
 * own, a 0.0.0.0/0 route to a NAT gateway, a peering or TGW route missing on this side).
 */
export function returnRouteMissing({ state }: RuleInput): Finding[] {
  const groups = state.groupsOf('handshake-only').filter((g) => g.role !== 'client');
  const { shown, rollup } = rollUp(
    'RETURN_ROUTE_MISSING',
    'error',
    groups,
    state.tail('handshake-only', 'server', 'unknown', 'transit'),
    'both directions ACCEPTed, yet handshakes never complete',
  );
  const out = shown.map((g) => {
    const ok = state.sibling(g, 'ok');
    return finding(g, ok);
  });
  if (rollup) out.push(rollup);
  return out;
}

function finding(g: Group, ok: Group | undefined): Finding {
  const eni = eniName(g.eni);
  const r = g.eni.region ? ` --region ${g.eni.region}` : '';
  const clients = g.clientList();
  const cover = coveringCidr(clients);
  // one client says nothing about its network's CIDR: the route should cover that network
  const clientCidr = clients.length > 1 && cover && prefixLength(cover) >= 16 ? cover : undefined;
  const working = ok ? ok.clientList().filter((c) => !g.clients.has(c)) : [];
  const explanation = [
    `At ${eni} both directions of ${plural(g.conversations, 'conversation')} from ${clientsPhrase(g)} to ${groupService(g)} were ACCEPTed, yet they carry only bare handshake packets, repeated over seconds: the client kept re-sending its SYN and ${g.realServer} kept answering with SYN-ACKs that left the interface, so the replies are lost after they leave.`,
    `The usual cause is the route table of ${g.realServer}'s subnet${g.eni.subnetId ? ` (${g.eni.subnetId})` : ''}: no route back to ${listAnd(clients, 3)}, or a broader route (0.0.0.0/0 to a NAT or internet gateway) that sends the replies elsewhere, for example when the return route was added to the main route table while this subnet has its own. The client subnet's network ACL inbound, or an asymmetric path through a stateful firewall, can do the same.`,
    working.length
      ? `${working.length === 1 ? 'Client' : 'Clients'} ${listAnd(working, 3)} ${working.length === 1 ? 'does' : 'do'} complete connections to the same port, so ${g.realServer} and its security group are fine; what differs is the way back to these clients.`
      : '',
    "The client's own flow log settles it: if the SYN-ACKs never arrive there, the return route is missing.",
    certaintyNote(g),
  ]
    .filter(Boolean)
    .join(' ');
  const subnetLookup = g.eni.subnetId ? g.eni.subnetId : g.eni.id ? '"$SUBNET_ID"' : '<SUBNET_ID>';
  const commands: string[] = [];
  if (!g.eni.subnetId && g.eni.id)
    commands.push(
      `SUBNET_ID=$(aws ec2 describe-network-interfaces${r} --network-interface-ids ${g.eni.id} --query 'NetworkInterfaces[0].SubnetId' --output text)`,
    );
  commands.push(
    `RTB_ID=$(aws ec2 describe-route-tables${r} --filters Name=association.subnet-id,Values=${subnetLookup} --query 'RouteTables[0].RouteTableId' --output text)   # "None": the subnet uses the VPC's main route table`,
    `aws ec2 describe-route-tables${r} --route-table-ids "$RTB_ID" --query 'RouteTables[0].Routes'`,
    `aws ec2 create-route${r} --route-table-id "$RTB_ID" --destination-cidr-block ${clientCidr ?? '<CLIENT_CIDR>'} --vpc-peering-connection-id <PCX_ID>   # or --transit-gateway-id <TGW_ID>, --gateway-id <VGW_ID>: whichever carries the requests in`,
  );
  const tfSubnet = g.eni.subnetId
    ? `"${g.eni.subnetId}"`
    : g.eni.id
      ? 'data.aws_network_interface.server.subnet_id'
      : '"<SUBNET_ID>"';
  const terraform = [
    ...(!g.eni.subnetId && g.eni.id
      ? ['data "aws_network_interface" "server" {', `  id = "${g.eni.id}"`, '}', '']
      : []),
    `data "aws_route_table" "server_subnet" {`,
    `  subnet_id = ${tfSubnet}`,
    '}',
    '',
    'resource "aws_route" "back_to_clients" {',
    '  route_table_id            = data.aws_route_table.server_subnet.id',
    `  destination_cidr_block    = "${clientCidr ?? '<CLIENT_CIDR>'}"`,
    '  vpc_peering_connection_id = "<PCX_ID>" # or transit_gateway_id / gateway_id: whichever carries the requests in',
    '}',
  ].join('\n');
  const ev = groupEvidence(g, { req: 'SYNs ACCEPTed in, repeated', resp: 'SYN-ACKs ACCEPTed out, repeated' });
  const okSample = ok?.samples.find((s) => !g.clients.has(s.client));
  if (okSample?.reqRef) ev.evidence.push(recordEvidence(okSample.reqRef, 'another client, data flows'));
  return {
    code: 'RETURN_ROUTE_MISSING',
    severity: 'error',
    title: `Replies from ${groupService(g)} leave ${eni} but never reach ${clients.length === 1 ? clients[0] : 'the clients'}: check the route back`,
    explanation,
    ...ev,
    fixes: [
      {
        summary: `Add a route back to the clients (${clientCidr ?? `<CLIENT_CIDR>: the CIDR of the network that ${listAnd(clients, 2)} ${clients.length === 1 ? 'is' : 'are'} in`}) in the route table of ${g.realServer}'s subnet, through the peering connection, transit gateway or gateway the requests arrive by (<PCX_ID>: the records cannot tell which).`,
        commands,
        terraform,
      },
    ],
    confirm: groupConfirm(g, 'both'),
    occurrences: g.conversations,
    subject: subjectOf(g),
    questions: [
      `The route table of the server's subnet: aws ec2 describe-route-tables${r} --filters Name=association.subnet-id,Values=${g.eni.subnetId ?? '<SUBNET_ID>'}`,
      `Flow-log records from the client's interface (${listAnd(clients, 2)}) for the same minutes.`,
    ],
  };
}
