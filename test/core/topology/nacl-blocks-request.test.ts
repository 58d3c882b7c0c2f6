import { describe, expect, it } from 'vitest';
import { deleteNaclEntryFix } from '../../../src/core/topology/findings/fixes.js';
import { diagnose, find } from './helpers.js';

describe('NACL_INBOUND_BLOCKS_REQUEST: deleting the deny entry', () => {
  it('the delete fix for a deny entry that drops the request is the shared delete-entry fix, CLI and Terraform', () => {
    const paste = `billing-db 10.31.6.12 in subnet-0b1d3f5a7c9e2b4d6 times out from the invoicing workers 10.31.2.0/24 on 5432
network acl acl-0f2e4d6c8a0b1c3e5 on subnet-0b1d3f5a7c9e2b4d6:
inbound: 80 DENY TCP 5432 10.31.0.0/20 ; 100 ALLOW ALL 10.31.0.0/16 ; * DENY ALL
outbound: 100 ALLOW ALL 0.0.0.0/0 ; * DENY ALL`;
    const f = find(diagnose(paste).findings, 'NACL_INBOUND_BLOCKS_REQUEST');
    const del = f.fixes.find((x) => x.commands.some((c) => c.includes('delete-network-acl-entry')));
    expect(del).toBeDefined();
    expect(del!.commands).toEqual([
      'aws ec2 delete-network-acl-entry --network-acl-id acl-0f2e4d6c8a0b1c3e5 --ingress --rule-number 80',
    ]);
    const shared = deleteNaclEntryFix(del!.summary, 'acl-0f2e4d6c8a0b1c3e5', 80, false);
    expect(del).toEqual(shared);
    // both ways Terraform holds the entry: a standalone aws_network_acl_rule or an inline ingress block
    expect(del!.terraform).toContain('rule_number = 80');
    expect(del!.terraform).toContain('ingress block with rule_no = 80');
  });

  it('pings REJECTed at a db host whose NACL allows only TCP are fixed with an ICMP entry: type and code, no port range', () => {
    const paste = `pings from the monitoring host 10.7.1.5 to the db host 10.7.2.9 (subnet-0d8b2f4a6c8e0a2b4) fail, ssh works
db subnet nacl acl-0c4e6a8b0d2f4a6c8: inbound 100 allow tcp 22 10.7.0.0/16, 110 allow tcp 5432 10.7.0.0/16, * deny all
outbound 100 allow all 0.0.0.0/0
2 318402957716 eni-04f2b6d8a1c3e5f79 10.7.1.5 10.7.2.9 0 0 1 4 336 1775900101 1775900160 REJECT OK
2 318402957716 eni-04f2b6d8a1c3e5f79 10.7.1.5 10.7.2.9 0 0 1 4 336 1775900161 1775900220 REJECT OK`;
    const f = find(diagnose(paste).findings, 'NACL_INBOUND_BLOCKS_REQUEST');
    expect(f.subject).toMatchObject({ server: '10.7.2.9', protocol: 1 });
    const fix = f.fixes[0]!;
    expect(fix.commands).toEqual([
      'aws ec2 create-network-acl-entry --network-acl-id acl-0c4e6a8b0d2f4a6c8 --ingress --rule-number 120 --protocol 1 --icmp-type-code Type=-1,Code=-1 --cidr-block 10.7.1.5/32 --rule-action allow',
    ]);
    expect(fix.terraform).toMatch(/protocol\s+= "icmp"/);
    expect(fix.terraform).toMatch(/icmp_type\s+= -1/);
    expect(fix.terraform).toMatch(/icmp_code\s+= -1/);
    expect(fix.terraform).not.toMatch(/from_port|to_port/);
  });
});
