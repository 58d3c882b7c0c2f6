import { describe, expect, it } from 'vitest';
import { analyze, codes, evidenceLines, find, lineOf } from './helpers.js';

/**
 * An internet peer never has a private address: an internet gateway neither sends to nor takes in
 * RFC 1918, shared (100.64/10) or link-local ranges. A security-group rule for 10.0.0.0/8 therefore cannot
 * match it, exactly as a NACL entry for that range cannot; it is not "maybe" the peer.
 */
const OUT = `the reporting box can't reach the partner api on the internet (https 443), curl just hangs
vpc reports vpc-0e7a1c2b3d4f50617 10.70.0.0/16 eu-central-1
subnet rep-pub 10.70.1.0/24 rt=rt-rep
rt rt-rep vpc=reports routes: 0.0.0.0/0 -> igw-0a9b8c7d6e5f40312
sg sg-0b1c2d3e4f5a60718 vpc=reports out: tcp 443 10.0.0.0/8; tcp 5432 10.70.0.0/16
host reporter 10.70.1.44 subnet=rep-pub sgs=sg-0b1c2d3e4f5a60718 public-ip=3.120.44.9
path reporter -> internet:443 timeout`;

const IN = `customers on the internet get a timeout on https://shop.example.com (443), the box has a public IP
vpc shop vpc-0f1e2d3c4b5a69788 10.80.0.0/16 us-east-2
subnet shop-pub 10.80.0.0/24 rt=rt-shop
rt rt-shop vpc=shop routes: 0.0.0.0/0 -> igw-0c2d3e4f5a6b7c8d9
sg sg-0d3e4f5a6b7c8d9e0 vpc=shop in: tcp 443 10.0.0.0/8; tcp 22 172.16.0.0/12
host web 10.80.0.15 subnet=shop-pub sgs=sg-0d3e4f5a6b7c8d9e0 public-ip=18.220.10.5
path internet -> web:443 timeout`;

describe('security groups and an internet peer', () => {
  it('an egress rule for 10.0.0.0/8 only does not let a request out to the internet: SG_OUTBOUND_BLOCKS names that rule', () => {
    const t = analyze(OUT);
    const f = find(t.findings, 'SG_OUTBOUND_BLOCKS');
    expect(evidenceLines(f)).toContain(lineOf(OUT, 'sg sg-0b1c2d3e4f5a60718'));
    expect(f.fixes[0]!.commands?.[0]).toContain('--group-id sg-0b1c2d3e4f5a60718');
    expect(f.fixes[0]!.commands?.[0]).toContain('FromPort=443,ToPort=443');
    expect(codes(t.findings)).not.toContain('NETWORK_PATH_OK');
    expect(codes(t.findings)).not.toContain('NEED_MORE_INFO');
  });

  it('an ingress rule for 443 from private ranges only does not let internet clients in: SG_INBOUND_SOURCE_MISMATCH opens 443 to the internet, nothing asked', () => {
    const t = analyze(IN);
    const f = find(t.findings, 'SG_INBOUND_SOURCE_MISMATCH');
    expect(evidenceLines(f)).toContain(lineOf(IN, 'sg sg-0d3e4f5a6b7c8d9e0'));
    expect(f.fixes[0]!.commands?.[0]).toContain(
      'authorize-security-group-ingress --group-id sg-0d3e4f5a6b7c8d9e0',
    );
    expect(codes(t.findings)).not.toContain('NEED_MORE_INFO');
  });

  it('the same box with 0.0.0.0/0 allowed on 443 out is not blocked by its security group', () => {
    const t = analyze(OUT.replace('tcp 443 10.0.0.0/8', 'tcp 443 0.0.0.0/0'));
    expect(codes(t.findings)).not.toContain('SG_OUTBOUND_BLOCKS');
  });
});
