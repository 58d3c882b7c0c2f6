import { describe, expect, it } from 'vitest';
import { codes, diagnose, only } from './helpers.js';

const HEADER =
  'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status vpc-id subnet-id instance-id region pkt-srcaddr pkt-dstaddr pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path';

describe('AWS_SERVICE_VIA_NAT', () => {
  it('S3 traffic crossing a NAT gateway interface recommends a free gateway endpoint with the VPC and Region filled in', () => {
    const paste = `${HEADER}
5 220918374655 eni-0d3f5b7d9f1b3d5f7 10.33.8.14 10.33.0.12 41220 443 6 90000 131200000 1775300000 1775300059 ACCEPT OK vpc-0b2d4f6a8c0e2b4d6 subnet-0c3e5a7c9e1b3d5f7 - us-west-2 10.33.8.14 52.218.152.9 - S3 ingress -
5 220918374655 eni-0d3f5b7d9f1b3d5f7 10.33.0.12 52.218.152.9 20110 443 6 90000 131200000 1775300000 1775300059 ACCEPT OK vpc-0b2d4f6a8c0e2b4d6 subnet-0c3e5a7c9e1b3d5f7 - us-west-2 10.33.0.12 52.218.152.9 - S3 egress 8
5 220918374655 eni-0d3f5b7d9f1b3d5f7 52.218.152.9 10.33.0.12 443 20110 6 40000 2100000 1775300000 1775300059 ACCEPT OK vpc-0b2d4f6a8c0e2b4d6 subnet-0c3e5a7c9e1b3d5f7 - us-west-2 52.218.152.9 10.33.0.12 S3 - ingress -
5 220918374655 eni-0d3f5b7d9f1b3d5f7 10.33.0.12 10.33.8.14 443 41220 6 40000 2100000 1775300000 1775300059 ACCEPT OK vpc-0b2d4f6a8c0e2b4d6 subnet-0c3e5a7c9e1b3d5f7 - us-west-2 52.218.152.9 10.33.8.14 S3 - egress 1`;
    const r = diagnose(paste);
    const f = only(r, 'AWS_SERVICE_VIA_NAT');
    expect(f.severity).toBe('warning');
    expect(f.title).toContain('133.3 MB');
    expect(f.fixes[0]!.commands.join('\n')).toContain(
      'create-vpc-endpoint --region us-west-2 --vpc-id vpc-0b2d4f6a8c0e2b4d6 --vpc-endpoint-type Gateway --service-name com.amazonaws.us-west-2.s3',
    );
    expect(f.confirm?.athena).toContain("pkt_dst_aws_service = 'S3'");
    expect(codes(r)).toContain('EXPECTED_NAT_SOURCE_TRANSLATION');
  });

  it('S3 traffic that already leaves through a gateway endpoint (traffic-path 7) is fine', () => {
    const paste = `${HEADER}
5 220918374655 eni-0a3c5e7a9c1e3a5c7 10.33.8.14 52.218.152.9 41220 443 6 9000 13120000 1775300000 1775300059 ACCEPT OK vpc-0b2d4f6a8c0e2b4d6 subnet-0c3e5a7c9e1b3d5f7 i-0c5e7a9c1e3a5c7e9 us-west-2 10.33.8.14 52.218.152.9 - S3 egress 7
5 220918374655 eni-0a3c5e7a9c1e3a5c7 52.218.152.9 10.33.8.14 443 41220 6 4000 210000 1775300000 1775300059 ACCEPT OK vpc-0b2d4f6a8c0e2b4d6 subnet-0c3e5a7c9e1b3d5f7 i-0c5e7a9c1e3a5c7e9 us-west-2 52.218.152.9 10.33.8.14 S3 - ingress -`;
    expect(codes(diagnose(paste))).not.toContain('AWS_SERVICE_VIA_NAT');
  });
});
