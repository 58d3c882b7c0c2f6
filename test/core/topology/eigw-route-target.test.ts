import { describe, expect, it } from 'vitest';
import { createRouteFix, targetFlagFor } from '../../../src/core/topology/findings/fixes.js';

/**
 * An egress-only internet gateway (eigw-…) carries IPv6 only: its route takes --egress-only-internet-gateway-id
 * (Terraform egress_only_gateway_id) and an IPv6 destination (--destination-ipv6-cidr-block). With
 * --gateway-id or --destination-cidr-block the command fails.
 */
describe('egress-only internet gateways as route targets', () => {
  it('an eigw ID and a placeholder that says egress-only take --egress-only-internet-gateway-id', () => {
    expect(targetFlagFor('eigw-0c4d5e6f7a8b9c0d1')).toBe('egress-only-internet-gateway-id');
    expect(targetFlagFor('<EIGW_ID>')).toBe('egress-only-internet-gateway-id');
    expect(targetFlagFor('<egress-only internet gateway ID of app-vpc>')).toBe(
      'egress-only-internet-gateway-id',
    );
    // a plain internet gateway keeps --gateway-id
    expect(targetFlagFor('<internet gateway ID of app-vpc>')).toBe('gateway-id');
    expect(targetFlagFor('igw-0d1e2f3a4b5c6d7e8')).toBe('gateway-id');
  });

  it('the route ::/0 to an eigw: an IPv6 destination flag in the CLI and in Terraform', () => {
    const fix = createRouteFix(
      'Send ::/0 from rtb-0a1b2c3d4e5f60718 to the egress-only internet gateway',
      'rtb-0a1b2c3d4e5f60718',
      '::/0',
      'eigw-0c4d5e6f7a8b9c0d1',
    );
    expect(fix.commands).toEqual([
      'aws ec2 create-route --route-table-id rtb-0a1b2c3d4e5f60718 --destination-ipv6-cidr-block ::/0 --egress-only-internet-gateway-id eigw-0c4d5e6f7a8b9c0d1',
    ]);
    expect(fix.terraform).toMatch(/destination_ipv6_cidr_block\s*= "::\/0"/);
    expect(fix.terraform).toMatch(/egress_only_gateway_id\s*= "eigw-0c4d5e6f7a8b9c0d1"/);
    expect(fix.terraform).not.toMatch(/destination_cidr_block|\bgateway_id/);
  });

  it('an IPv4 route keeps --destination-cidr-block', () => {
    const fix = createRouteFix('x', 'rtb-0a1b2c3d4e5f60718', '0.0.0.0/0', 'igw-0d1e2f3a4b5c6d7e8');
    expect(fix.commands?.[0]).toMatch(/--destination-cidr-block 0\.0\.0\.0\/0 --gateway-id igw-/);
  });
});
