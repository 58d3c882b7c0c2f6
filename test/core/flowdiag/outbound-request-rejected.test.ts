import { describe, expect, it } from 'vitest';
import { citedLines, codes, diagnose, only } from './helpers.js';

const HEADER =
  'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id sublocation-type sublocation-id pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path';

describe('OUTBOUND_REQUEST_REJECTED', () => {
  it('SYNs REJECTed leaving the client (egress) blame its SG egress or NACL outbound, naming both fixes', () => {
    const paste = `${HEADER}
5 447120938851 eni-0e2a4c6e8a0c2e4a6 10.9.4.21 10.9.70.3 44120 9200 6 3 180 1774400001 1774400058 REJECT OK vpc-0a2c4e6a8c0e2a4c6 subnet-0c2e4a6c8e0a2c4e6 i-0a4c6e8a0c2e4a6c8 2 IPv4 10.9.4.21 10.9.70.3 us-east-2 use2-az1 - - - - egress -
5 447120938851 eni-0e2a4c6e8a0c2e4a6 10.9.4.21 10.9.70.3 44136 9200 6 3 180 1774400062 1774400119 REJECT OK vpc-0a2c4e6a8c0e2a4c6 subnet-0c2e4a6c8e0a2c4e6 i-0a4c6e8a0c2e4a6c8 2 IPv4 10.9.4.21 10.9.70.3 us-east-2 use2-az1 - - - - egress -`;
    const r = diagnose(paste);
    const f = only(r, 'OUTBOUND_REQUEST_REJECTED');
    expect(f.severity).toBe('error');
    expect(citedLines(f)).toEqual([2, 3]);
    const all = f.fixes.map((x) => x.commands.join('\n')).join('\n');
    expect(all).toContain(
      "authorize-security-group-egress --region us-east-2 --group-id <SG_ID> --ip-permissions 'IpProtocol=tcp,FromPort=9200,ToPort=9200,IpRanges=[{CidrIp=10.9.70.3/32}]'",
    );
    expect(all).toContain(
      '--egress --rule-number <RULE_NUMBER_1> --protocol tcp --port-range From=9200,To=9200 --cidr-block 10.9.70.3/32',
    );
    expect(f.subject).toMatchObject({ client: '10.9.4.21', server: '10.9.70.3', serverPort: 9200 });
    expect(codes(r)).not.toContain('INBOUND_REQUEST_REJECTED');
  });

  it('egress requests that were ACCEPTed raise nothing of the kind', () => {
    const paste = `${HEADER}
5 447120938851 eni-0e2a4c6e8a0c2e4a6 10.9.4.21 10.9.70.3 44120 9200 6 12 1810 1774400001 1774400058 ACCEPT OK vpc-0a2c4e6a8c0e2a4c6 subnet-0c2e4a6c8e0a2c4e6 i-0a4c6e8a0c2e4a6c8 3 IPv4 10.9.4.21 10.9.70.3 us-east-2 use2-az1 - - - - egress -
5 447120938851 eni-0e2a4c6e8a0c2e4a6 10.9.70.3 10.9.4.21 9200 44120 6 10 22810 1774400001 1774400058 ACCEPT OK vpc-0a2c4e6a8c0e2a4c6 subnet-0c2e4a6c8e0a2c4e6 i-0a4c6e8a0c2e4a6c8 19 IPv4 10.9.70.3 10.9.4.21 us-east-2 use2-az1 - - - - ingress -`;
    const r = diagnose(paste);
    expect(codes(r)).not.toContain('OUTBOUND_REQUEST_REJECTED');
    expect(codes(r)).toContain('NETWORK_PATH_OK');
  });
});
