import { describe, expect, it } from 'vitest';
import { citedLines, codes, diagnose, only } from './helpers.js';

describe('NACL_INBOUND_BLOCKS_RESPONSE', () => {
  it("replies REJECTed coming back to the client's ENI (v5 header with flow-direction) blame the client subnet's NACL inbound", () => {
    const paste = `build agents can't pull from the internal registry since friday. flow log from the agent (s3 export):
version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id sublocation-type sublocation-id pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path
5 330912874456 eni-0a91c3e5b7d9f1a3b 10.14.6.30 10.14.40.8 38822 5000 6 4 240 1774000010 1774000069 ACCEPT OK vpc-0c1e3a5b7d9f2e4a6 subnet-0b2d4f6a8c0e1f3a5 i-0d4f6a8c0e2b4d6f8 2 IPv4 10.14.6.30 10.14.40.8 eu-west-1 euw1-az2 - - - - egress 1
5 330912874456 eni-0a91c3e5b7d9f1a3b 10.14.40.8 10.14.6.30 5000 38822 6 4 240 1774000010 1774000069 REJECT OK vpc-0c1e3a5b7d9f2e4a6 subnet-0b2d4f6a8c0e1f3a5 i-0d4f6a8c0e2b4d6f8 18 IPv4 10.14.40.8 10.14.6.30 eu-west-1 euw1-az2 - - - - ingress -`;
    const r = diagnose(paste);
    const f = only(r, 'NACL_INBOUND_BLOCKS_RESPONSE');
    expect(f.severity).toBe('error');
    expect(citedLines(f)).toEqual([3, 4]);
    expect(f.subject).toMatchObject({
      interfaceId: 'eni-0a91c3e5b7d9f1a3b',
      subnetId: 'subnet-0b2d4f6a8c0e1f3a5',
      vpcId: 'vpc-0c1e3a5b7d9f2e4a6',
      server: '10.14.40.8',
      serverPort: 5000,
      client: '10.14.6.30',
    });
    const cmds = f.fixes[0]!.commands.join('\n');
    // the subnet is known from the records: no interface lookup, and the region is passed
    expect(cmds).toContain('Values=subnet-0b2d4f6a8c0e1f3a5');
    expect(cmds).toContain('--region eu-west-1');
    expect(cmds).toContain(
      '--ingress --rule-number <RULE_NUMBER> --protocol tcp --port-range From=1024,To=65535 --cidr-block 10.14.40.8/32',
    );
    expect(codes(r)).not.toContain('NACL_OUTBOUND_BLOCKS_RESPONSE');
  });

  it("the user's text settles which end the ENI is when its records cannot (one conversation, both ends private)", () => {
    const paste = `workers lost redis after the nacl rollout. flow log from worker-3's eni (10.30.9.14):
2 558102937461 eni-0f3b5d7a9c1e3b5d7 10.30.9.14 10.30.60.5 41880 6379 6 3 180 1774100000 1774100059 ACCEPT OK
2 558102937461 eni-0f3b5d7a9c1e3b5d7 10.30.60.5 10.30.9.14 6379 41880 6 3 180 1774100000 1774100059 REJECT OK`;
    const r = diagnose(paste);
    const f = only(r, 'NACL_INBOUND_BLOCKS_RESPONSE');
    expect(citedLines(f)).toEqual([2, 3]);
    expect(codes(r)).not.toContain('NACL_OUTBOUND_BLOCKS_RESPONSE');
  });

  it('without any hint, the same two records are read as the server side and say it is uncertain', () => {
    const paste = [
      '2 558102937461 eni-0f3b5d7a9c1e3b5d7 10.30.9.14 10.30.60.5 41880 6379 6 3 180 1774100000 1774100059 ACCEPT OK',
      '2 558102937461 eni-0f3b5d7a9c1e3b5d7 10.30.60.5 10.30.9.14 6379 41880 6 3 180 1774100000 1774100059 REJECT OK',
    ].join('\n');
    const r = diagnose(paste);
    const f = only(r, 'NACL_OUTBOUND_BLOCKS_RESPONSE');
    expect(f.severity).toBe('warning');
    expect(f.explanation).toContain('NACL_INBOUND_BLOCKS_RESPONSE');
    expect(f.questions?.join(' ')).toContain('describe-network-interfaces');
  });
});

describe('NACL_INBOUND_BLOCKS_RESPONSE for ICMPv6', () => {
  it('echo replies over IPv6 REJECTed coming back are named ICMPv6 and fixed with protocol 58 and an IPv6 block', () => {
    const eni = 'eni-07d1c3a5e9b2f4a61';
    const me = '2600:1f18:4a2:a10::20';
    const paste = ['44', '45', '46']
      .flatMap((h, i) => [
        `2 889102738455 ${eni} ${me} 2600:1f18:4a2:b30::${h} 0 0 58 3 312 ${1775800010 + 2 * i} 1775800069 ACCEPT OK`,
        `2 889102738455 ${eni} 2600:1f18:4a2:b30::${h} ${me} 0 0 58 3 312 ${1775800011 + 2 * i} 1775800069 REJECT OK`,
      ])
      .join('\n');
    const found = diagnose(paste).findings.filter((f) => f.code === 'NACL_INBOUND_BLOCKS_RESPONSE');
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.subject).toMatchObject({ client: me, protocol: 58 });
      const fix = f.fixes[0]!;
      const entry = fix.commands.find((c) => c.includes('create-network-acl-entry'))!;
      expect(entry).toContain('--ingress');
      expect(entry).toMatch(
        /--protocol 58 --icmp-type-code Type=-1,Code=-1 --ipv6-cidr-block 2600:1f18:4a2:b30::4[4-6]\/128/,
      );
      expect(entry).not.toContain('--port-range');
      expect(fix.terraform).toMatch(/protocol\s+= "58"/);
      expect(fix.terraform).toMatch(/ipv6_cidr_block\s+= "2600:1f18:4a2:b30::4[4-6]\/128"/);
      expect(fix.terraform).toMatch(/icmp_type\s+= -1/);
      expect(fix.summary).toContain('ICMPv6');
      expect(f.explanation).toContain('allows ICMPv6 from');
    }
  });
});
