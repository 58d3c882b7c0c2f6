import { describe, expect, it } from 'vitest';
import { describedEniAddresses } from '../../../src/core/flowdiag/describe-hints.js';

function lines(text: string) {
  return text.split('\n').map((t, i) => ({ line: i + 1, text: t }));
}

describe('describedEniAddresses', () => {
  it("reads a NAT gateway's interface address from describe-nat-gateways (PrivateIp)", () => {
    const { addresses } = describedEniAddresses(
      lines(`nat gw:
{
  "NatGateways": [
    {
      "NatGatewayAddresses": [
        {
          "AllocationId": "eipalloc-0a1b2c3d4e5f60718",
          "NetworkInterfaceId": "eni-0aa11bb22cc33dd44",
          "PrivateIp": "10.0.0.37",
          "PublicIp": "198.51.100.23"
        }
      ],
      "NatGatewayId": "nat-0a1b2c3d4e5f60718",
      "State": "available",
      "SubnetId": "subnet-0d1e2f3a4b5c6d7e8"
    }
  ]
}`),
    );
    expect([...(addresses.get('eni-0aa11bb22cc33dd44') ?? [])]).toEqual(['10.0.0.37']);
  });

  it('ignores route targets that name an ENI without giving it an address', () => {
    const { addresses } = describedEniAddresses(
      lines(`{
  "RouteTables": [
    { "RouteTableId": "rtb-0a1b2c3d4e5f60718",
      "Routes": [ { "DestinationCidrBlock": "10.0.9.9/32", "NetworkInterfaceId": "eni-0aa11bb22cc33dd44", "State": "active" } ] }
  ]
}`),
    );
    expect(addresses.size).toBe(0);
  });

  it('returns nothing, without throwing, for prose and JSON cut off mid-value', () => {
    const { addresses } = describedEniAddresses(
      lines(
        'here it is:\n```\n{ "NetworkInterfaces": [ { "NetworkInterfaceId": "eni-0aa11bb22cc33dd44", "PrivateIpAddress": \n```',
      ),
    );
    expect(addresses.size).toBe(0);
  });
});
