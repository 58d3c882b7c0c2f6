import { describe, expect, it } from 'vitest';
import { targetFlagFor } from '../../../src/core/topology/findings/fixes.js';
import { analyze, evidenceLines, find, lineOf } from './helpers.js';

/** Each kind of route target has its own create-route flag and aws_route attribute. */
const FLAG_OF: Record<string, [string, string]> = {
  vgw: ['--gateway-id', 'gateway_id'],
  igw: ['--gateway-id', 'gateway_id'],
  tgw: ['--transit-gateway-id', 'transit_gateway_id'],
  pcx: ['--vpc-peering-connection-id', 'vpc_peering_connection_id'],
  nat: ['--nat-gateway-id', 'nat_gateway_id'],
};

/** Every create-route of a NO_ROUTE_TO_DESTINATION fix: the flag and the target it is given. */
function routeTargets(text: string): { flag: string; target: string; tfAttr?: string; tfTarget?: string }[] {
  const f = find(analyze(text).findings, 'NO_ROUTE_TO_DESTINATION');
  return f.fixes.map((x) => {
    const m = /--(gateway-id|transit-gateway-id|vpc-peering-connection-id|nat-gateway-id) (\S+)/.exec(
      x.commands?.[0] ?? '',
    );
    const tf =
      /\n {2}(gateway_id|transit_gateway_id|vpc_peering_connection_id|nat_gateway_id)\s*= "([^"]+)"/.exec(
        x.terraform ?? '',
      );
    return { flag: `--${m?.[1]}`, target: m?.[2] ?? '', tfAttr: tf?.[1], tfTarget: tf?.[2] };
  });
}

/** A target's kind from its ID or its placeholder (`<VGW_ID>`). */
const kindOf = (target: string) => /^<?(vgw|igw|tgw|pcx|nat)[-_]/i.exec(target)?.[1]?.toLowerCase() ?? '?';

function expectPairedRight(rs: ReturnType<typeof routeTargets>): void {
  for (const r of rs) {
    const [flag, attr] = FLAG_OF[kindOf(r.target)] ?? ['?', '?'];
    expect(r.flag, r.target).toBe(flag);
    expect(r.tfAttr, r.target).toBe(attr);
    expect(r.tfTarget).toBe(r.target);
  }
}

const VPN_NAMED = `app servers in 10.40.0.0/16 (vpc-0a4f3c2b1d0e98765, eu-west-1) can't reach the on-prem ldap at 192.168.20.15:636, times out.
we have a site-to-site VPN, vgw-0e1d2c3b4a5968778 attached to the vpc, both tunnels UP
{
  "RouteTables": [
    {
      "RouteTableId": "rtb-0c1d2e3f4a5b6c7d8",
      "VpcId": "vpc-0a4f3c2b1d0e98765",
      "Associations": [{ "RouteTableAssociationId": "rtbassoc-0aa11bb22cc33dd44", "SubnetId": "subnet-0f9e8d7c6b5a43210", "Main": false }],
      "Routes": [
        { "DestinationCidrBlock": "10.40.0.0/16", "GatewayId": "local", "State": "active", "Origin": "CreateRouteTable" },
        { "DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": "nat-0123456789abcdef0", "State": "active", "Origin": "CreateRoute" }
      ]
    }
  ]
}
app host is 10.40.3.21 in subnet-0f9e8d7c6b5a43210`;

const TGW_NAMED = `orders vpc vpc-0d2e4f6a8b0c1d3e5 10.60.0.0/16 is attached to the transit gateway tgw-0f1e2d3c4b5a69788, shared with the billing vpc 10.61.0.0/16.
rtb-0aa1bb2cc3dd4ee5f (orders private subnets): 10.60.0.0/16 local, 0.0.0.0/0 -> nat-0b1c2d3e4f5a6b7c8
orders worker 10.60.12.7 -> billing api 10.61.4.20:8443 times out`;

const SISTER_TABLE = `app vpc 10.40.0.0/16 talks to the datacenter 172.20.0.0/16 over a site-to-site vpn
rtb-0c1d2e3f4a5b6c7d8 (private-a): 10.40.0.0/16 local, 0.0.0.0/0 -> nat-0123456789abcdef0
rtb-0d2e3f4a5b6c7d8e9 (private-b): 10.40.0.0/16 local, 172.20.0.0/16 -> vgw-0e1d2c3b4a5968778, 0.0.0.0/0 -> nat-0123456789abcdef0
subnet-0aaa1111bbbb2222c (private-a) 10.40.1.0/24 uses rtb-0c1d2e3f4a5b6c7d8
jobs in private-a (10.40.1.33) can't reach 172.20.5.10:5432 on prem, ones in private-b can`;

const VPN_UNNAMED = `app vpc 10.40.0.0/16, on-prem is 172.20.0.0/16 behind a site-to-site vpn
rtb-0c1d2e3f4a5b6c7d8: 10.40.0.0/16 local, 0.0.0.0/0 -> nat-0123456789abcdef0
app 10.40.1.33 can't reach 172.20.5.10:5432 on prem`;

const VPC_UNNAMED = `orders vpc 10.60.0.0/16 and the billing vpc 10.61.0.0/16, same account.
rtb-0aa1bb2cc3dd4ee5f (orders private subnets): 10.60.0.0/16 local, 0.0.0.0/0 -> nat-0b1c2d3e4f5a6b7c8
orders worker 10.60.12.7 -> billing api 10.61.4.20:8443 times out`;

const OTHER_PEERING = `orders vpc vpc-0d2e4f6a8b0c1d3e5 10.60.0.0/16 is peered with the logging vpc vpc-0e3f5a7b9c1d2e4f6 10.62.0.0/16 over pcx-0a7b6c5d4e3f21098, active
rtb-0aa1bb2cc3dd4ee5f (orders private subnets): 10.60.0.0/16 local, 10.62.0.0/16 -> pcx-0a7b6c5d4e3f21098, 0.0.0.0/0 -> nat-0b1c2d3e4f5a6b7c8
billing vpc vpc-0f4a6b8c0d2e3f5a7 is 10.61.0.0/16
orders worker 10.60.12.7 -> billing api 10.61.4.20:8443 times out`;

describe('NO_ROUTE_TO_DESTINATION routes to the gateway the paste names, with that gateway’s flag', () => {
  it('a site-to-site VPN whose vgw is named: --gateway-id vgw-… and gateway_id, citing the line that names it', () => {
    const rs = routeTargets(VPN_NAMED);
    expect(rs).toEqual([
      {
        flag: '--gateway-id',
        target: 'vgw-0e1d2c3b4a5968778',
        tfAttr: 'gateway_id',
        tfTarget: 'vgw-0e1d2c3b4a5968778',
      },
    ]);
    const f = find(analyze(VPN_NAMED).findings, 'NO_ROUTE_TO_DESTINATION');
    expect(evidenceLines(f)).toContain(lineOf(VPN_NAMED, 'vgw-0e1d2c3b4a5968778'));
  });

  it('a transit gateway named only in a sentence: --transit-gateway-id tgw-… for the other VPC’s whole block', () => {
    const f = find(analyze(TGW_NAMED).findings, 'NO_ROUTE_TO_DESTINATION');
    expect(f.fixes[0]!.commands?.[0]).toContain(
      '--destination-cidr-block 10.61.0.0/16 --transit-gateway-id tgw-0f1e2d3c4b5a69788',
    );
    expect(f.fixes[0]!.terraform).toMatch(/transit_gateway_id\s*= "tgw-0f1e2d3c4b5a69788"/);
    expect(evidenceLines(f)).toContain(lineOf(TGW_NAMED, 'tgw-0f1e2d3c4b5a69788'));
  });

  it('another table of the VPC already sends the on-premises range to a vgw: the same range, the same vgw, that route as evidence', () => {
    const f = find(analyze(SISTER_TABLE).findings, 'NO_ROUTE_TO_DESTINATION');
    expect(f.fixes).toHaveLength(1);
    expect(f.fixes[0]!.commands?.[0]).toBe(
      'aws ec2 create-route --route-table-id rtb-0c1d2e3f4a5b6c7d8 --destination-cidr-block 172.20.0.0/16 --gateway-id vgw-0e1d2c3b4a5968778',
    );
    expect(evidenceLines(f)).toContain(lineOf(SISTER_TABLE, 'rtb-0d2e3f4a5b6c7d8e9'));
  });

  it('a VPN with no gateway named: one fix per possible target, a vgw by --gateway-id and a TGW by --transit-gateway-id', () => {
    const rs = routeTargets(VPN_UNNAMED);
    expect(rs.map((r) => [r.flag, r.target])).toEqual([
      ['--gateway-id', '<VGW_ID>'],
      ['--transit-gateway-id', '<TGW_ID>'],
    ]);
    expectPairedRight(rs);
  });

  it('another VPC with nothing said about how they connect: a TGW fix and a peering fix, never one placeholder for both', () => {
    const rs = routeTargets(VPC_UNNAMED);
    expect(rs.map((r) => r.flag)).toEqual(['--transit-gateway-id', '--vpc-peering-connection-id']);
    expectPairedRight(rs);
    for (const r of rs) expect(r.target).not.toMatch(/_OR_/);
  });

  it('a peering the paste shows going to a third VPC is not offered as the way to this one', () => {
    const rs = routeTargets(OTHER_PEERING);
    expect(rs.map((r) => r.target)).not.toContain('pcx-0a7b6c5d4e3f21098');
    expect(rs.map((r) => r.flag)).toEqual(['--transit-gateway-id', '--vpc-peering-connection-id']);
    expectPairedRight(rs);
  });

  it('every pasted case pairs each target with its own flag and Terraform attribute', () => {
    for (const t of [VPN_NAMED, TGW_NAMED, SISTER_TABLE, VPN_UNNAMED, VPC_UNNAMED, OTHER_PEERING])
      expectPairedRight(routeTargets(t));
  });
});

describe('targetFlagFor', () => {
  it('gives a virtual private gateway and an internet gateway --gateway-id, a TGW, peering and NAT their own flags', () => {
    expect(targetFlagFor('vgw-0e1d2c3b4a5968778')).toBe('gateway-id');
    expect(targetFlagFor('igw-0c1c2c3d4e5f60002')).toBe('gateway-id');
    expect(targetFlagFor('tgw-0f1e2d3c4b5a69788')).toBe('transit-gateway-id');
    expect(targetFlagFor('pcx-0a1b2c3d4e5f60718')).toBe('vpc-peering-connection-id');
    expect(targetFlagFor('nat-0123456789abcdef0')).toBe('nat-gateway-id');
    expect(targetFlagFor('<VGW_ID>')).toBe('gateway-id');
    expect(targetFlagFor('<virtual private gateway id of vgw-onprem>')).toBe('gateway-id');
    expect(targetFlagFor('<transit gateway id of tgw-hub>')).toBe('transit-gateway-id');
    expect(targetFlagFor('<NAT gateway id of nat-web>')).toBe('nat-gateway-id');
  });

  it('refuses a placeholder that could be gateways of different kinds rather than pick a flag for it', () => {
    expect(() => targetFlagFor('<TGW_OR_PCX_OR_VGW_ID>')).toThrow(/one fix per kind/);
  });
});
