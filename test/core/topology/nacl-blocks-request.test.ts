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
});
