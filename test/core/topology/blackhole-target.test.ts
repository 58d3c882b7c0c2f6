import { describe, expect, it } from 'vitest';
import { analyze, find } from './helpers.js';

/** A blackhole route's replacement target keeps the flag of its kind: never --gateway-id for a TGW or an ENI. */
const table = (
  route: string,
) => `shared-services can't reach anything in 10.20.0.0/16 since yesterday, times out
{
  "RouteTables": [
    {
      "RouteTableId": "rtb-0e1f2a3b4c5d6e7f8",
      "VpcId": "vpc-0a1a2b3c4d5e6f701",
      "Associations": [{ "RouteTableAssociationId": "rtbassoc-0b1c2d3e", "SubnetId": "subnet-0c1d2e3f4a5b6c7d8", "Main": false }],
      "Routes": [
        { "DestinationCidrBlock": "10.10.0.0/16", "GatewayId": "local", "State": "active", "Origin": "CreateRouteTable" },
        ${route}
      ]
    }
  ]
}`;

function replaceCommand(text: string): { cli: string; tf: string } {
  const f = find(analyze(text).findings, 'ROUTE_BLACKHOLE');
  return { cli: f.fixes[0]!.commands?.[0] ?? '', tf: f.fixes[0]!.terraform ?? '' };
}

describe('ROUTE_BLACKHOLE replaces the route with a target of the same kind', () => {
  it('a route to a deleted Transit Gateway attachment: --transit-gateway-id and transit_gateway_id', () => {
    const { cli, tf } = replaceCommand(
      table(
        '{ "DestinationCidrBlock": "10.20.0.0/16", "TransitGatewayId": "tgw-0a9b8c7d6e5f40312", "State": "blackhole", "Origin": "CreateRoute" }',
      ),
    );
    expect(cli).toMatch(
      /replace-route --route-table-id rtb-0e1f2a3b4c5d6e7f8 --destination-cidr-block 10.20.0.0\/16 --transit-gateway-id <\S+>$/,
    );
    expect(tf).toMatch(/transit_gateway_id\s*= "</);
  });

  it('a route to a network interface that was deleted: --network-interface-id and network_interface_id', () => {
    const { cli, tf } = replaceCommand(
      table(
        '{ "DestinationCidrBlock": "10.20.0.0/16", "NetworkInterfaceId": "eni-0f1e2d3c4b5a69788", "State": "blackhole", "Origin": "CreateRoute" }',
      ),
    );
    expect(cli).toMatch(/--network-interface-id <\S+>$/);
    expect(tf).toMatch(/network_interface_id\s*= "</);
  });
});
