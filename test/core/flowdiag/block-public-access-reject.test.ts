import { describe, expect, it } from 'vitest';
import { citedLines, codes, diagnose, only } from './helpers.js';

const HEADER =
  'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status vpc-id subnet-id flow-direction reject-reason';

describe('BLOCK_PUBLIC_ACCESS_REJECT', () => {
  it('REJECTs with reject-reason BPA name VPC Block Public Access and the exclusion that lifts it', () => {
    const paste = `${HEADER}
8 908172635411 eni-0f1a3c5e7a9c1e3a5 198.51.100.23 10.3.0.44 51234 443 6 2 120 1774800000 1774800059 REJECT OK vpc-0e1a3c5e7a9c1e3a5 subnet-0a1c3e5a7c9e1a3c5 ingress BPA
8 908172635411 eni-0f1a3c5e7a9c1e3a5 198.51.100.90 10.3.0.44 40112 443 6 2 120 1774800003 1774800059 REJECT OK vpc-0e1a3c5e7a9c1e3a5 subnet-0a1c3e5a7c9e1a3c5 ingress BPA`;
    const r = diagnose(paste);
    const f = only(r, 'BLOCK_PUBLIC_ACCESS_REJECT');
    expect(f.severity).toBe('error');
    expect(citedLines(f)).toEqual([2, 3]);
    expect(f.fixes[0]!.commands.join('\n')).toContain(
      'create-vpc-block-public-access-exclusion --subnet-id subnet-0a1c3e5a7c9e1a3c5 --internet-gateway-exclusion-mode allow-bidirectional',
    );
    expect(f.fixes[0]!.terraform).toContain('aws_vpc_block_public_access_exclusion');
    expect(codes(r)).not.toContain('INBOUND_REQUEST_REJECTED');
    expect(codes(r)).not.toContain('EXPECTED_SCANNER_TRAFFIC_REJECTED');
  });

  it('a REJECT whose reject-reason is "-" is an SG or NACL matter, not BPA', () => {
    const paste = `${HEADER}
8 908172635411 eni-0f1a3c5e7a9c1e3a5 10.3.9.2 10.3.0.44 51234 443 6 3 180 1774800000 1774800059 REJECT OK vpc-0e1a3c5e7a9c1e3a5 subnet-0a1c3e5a7c9e1a3c5 ingress -`;
    const r = diagnose(paste);
    expect(codes(r)).not.toContain('BLOCK_PUBLIC_ACCESS_REJECT');
    expect(codes(r)).toContain('INBOUND_REQUEST_REJECTED');
  });
});
