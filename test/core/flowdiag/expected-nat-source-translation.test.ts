import { describe, expect, it } from 'vitest';
import { codes, diagnose, only } from './helpers.js';

const HEADER =
  'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status instance-id pkt-srcaddr pkt-dstaddr flow-direction traffic-path';

describe('EXPECTED_NAT_SOURCE_TRANSLATION', () => {
  it("a NAT gateway's own address in srcaddr/dstaddr, with the real ends in pkt-*, is expected", () => {
    const paste = `why does 10.21.0.7 show up everywhere in the flow log? that's not one of our instances
${HEADER}
5 660192837455 eni-0e3a5c7e9a1c3e5a7 10.21.14.9 10.21.0.7 50122 443 6 20 3100 1775000000 1775000059 ACCEPT OK - 10.21.14.9 151.101.0.223 ingress -
5 660192837455 eni-0e3a5c7e9a1c3e5a7 10.21.0.7 151.101.0.223 33810 443 6 20 3100 1775000000 1775000059 ACCEPT OK - 10.21.0.7 151.101.0.223 egress 8
5 660192837455 eni-0e3a5c7e9a1c3e5a7 151.101.0.223 10.21.0.7 443 33810 6 18 90210 1775000000 1775000059 ACCEPT OK - 151.101.0.223 10.21.0.7 ingress -
5 660192837455 eni-0e3a5c7e9a1c3e5a7 10.21.0.7 10.21.14.9 443 50122 6 18 90210 1775000000 1775000059 ACCEPT OK - 151.101.0.223 10.21.14.9 egress 1`;
    const r = diagnose(paste);
    const f = only(r, 'EXPECTED_NAT_SOURCE_TRANSLATION');
    expect(f.severity).toBe('info');
    expect(f.title).toContain('10.21.0.7');
    expect(f.evidence[0]!.lines).toEqual([3]);
    expect(r.counts.error).toBe(0);
  });

  it('pkt-* addresses that differ only by private addresses (pod IPs on a node) are not NAT', () => {
    const paste = `${HEADER}
5 660192837455 eni-0b3d5f7a9c1e3b5d7 10.21.14.9 10.21.30.2 50122 8080 6 20 3100 1775000000 1775000059 ACCEPT OK i-0a1b3c5d7e9f1a3b5 10.21.14.9 10.21.31.77 ingress -
5 660192837455 eni-0b3d5f7a9c1e3b5d7 10.21.30.2 10.21.14.9 8080 50122 6 18 9021 1775000000 1775000059 ACCEPT OK i-0a1b3c5d7e9f1a3b5 10.21.31.77 10.21.14.9 egress 1`;
    expect(codes(diagnose(paste))).not.toContain('EXPECTED_NAT_SOURCE_TRANSLATION');
  });
});
