import { describe, expect, it } from 'vitest';
import { codes, diagnose, evidenceLines, lineOf } from './helpers.js';

/**
 * AWS's ping example: the security group lets the ping in and (being stateful) its reply out, but the
 * subnet's network ACL has no outbound rule for ICMP, so the echo reply is REJECTed on its way back.
 */
const RECORDS = `2 318846712094 eni-04f5e6d7c8b9a0f12 198.51.100.23 10.20.4.37 0 0 1 4 336 1764180000 1764180058 ACCEPT OK
2 318846712094 eni-04f5e6d7c8b9a0f12 10.20.4.37 198.51.100.23 0 0 1 4 336 1764180000 1764180058 REJECT OK`;

function nacl(egress: string): string {
  return `$ aws ec2 describe-network-acls --filters Name=association.subnet-id,Values=subnet-0b7c8d9e0f1a2b3c4
{
    "NetworkAcls": [
        {
            "Associations": [
                {
                    "NetworkAclAssociationId": "aclassoc-0e1f2a3b4c5d6e7f8",
                    "NetworkAclId": "acl-0f3e2d1c0b9a8f7e6",
                    "SubnetId": "subnet-0b7c8d9e0f1a2b3c4"
                }
            ],
            "Entries": [
${egress}
                {
                    "CidrBlock": "0.0.0.0/0",
                    "Egress": true,
                    "Protocol": "-1",
                    "RuleAction": "deny",
                    "RuleNumber": 32767
                },
                {
                    "CidrBlock": "0.0.0.0/0",
                    "Egress": false,
                    "PortRange": { "From": 443, "To": 443 },
                    "Protocol": "6",
                    "RuleAction": "allow",
                    "RuleNumber": 100
                },
                {
                    "CidrBlock": "198.51.100.0/24",
                    "Egress": false,
                    "IcmpTypeCode": { "Code": -1, "Type": 8 },
                    "Protocol": "1",
                    "RuleAction": "allow",
                    "RuleNumber": 110
                },
                {
                    "CidrBlock": "0.0.0.0/0",
                    "Egress": false,
                    "Protocol": "-1",
                    "RuleAction": "deny",
                    "RuleNumber": 32767
                }
            ],
            "IsDefault": false,
            "NetworkAclId": "acl-0f3e2d1c0b9a8f7e6",
            "Tags": [ { "Key": "Name", "Value": "web-public-nacl" } ],
            "VpcId": "vpc-0a9b8c7d6e5f4a3b2",
            "OwnerId": "318846712094"
        }
    ]
}`;
}

const TCP_REPLIES = `                {
                    "CidrBlock": "0.0.0.0/0",
                    "Egress": true,
                    "PortRange": { "From": 1024, "To": 65535 },
                    "Protocol": "6",
                    "RuleAction": "allow",
                    "RuleNumber": 100
                },`;

const SAY =
  'ping from our office (198.51.100.23) to the web box 10.20.4.37 gets no answer, the SG allows icmp from there';

describe('a REJECTed ICMP echo reply is pinned on the pasted NACL entry', () => {
  it('the SG allows the ping, the NACL has no outbound ICMP rule: the * egress entry drops the echo reply', () => {
    const text = `${SAY}\n${RECORDS}\n${nacl(TCP_REPLIES)}`;
    const findings = diagnose(text).findings;
    const replies = findings.filter((f) => f.code === 'NACL_OUTBOUND_BLOCKS_RESPONSE');
    // one finding: the NACL entry, not the generic "the subnet's NACL" from the records alone
    expect(replies).toHaveLength(1);
    const f = replies[0]!;
    expect(f.subject).toMatchObject({ client: '198.51.100.23', server: '10.20.4.37', protocol: 1 });
    expect(f.subject?.resourceIds).toContain('acl-0f3e2d1c0b9a8f7e6');
    const star = lineOf(text, '"RuleNumber": 32767');
    expect(evidenceLines(f)).toEqual(expect.arrayContaining([2, 3, star]));
    const cmd = f.fixes[0]!.commands.join('\n');
    expect(cmd).toContain(
      'aws ec2 create-network-acl-entry --network-acl-id acl-0f3e2d1c0b9a8f7e6 --egress --rule-number 110 --protocol 1 --icmp-type-code Type=0,Code=-1 --cidr-block 198.51.100.0/24 --rule-action allow',
    );
    expect(cmd).not.toContain('--port-range');
    expect(f.fixes[0]!.terraform).toMatch(/protocol\s+= "icmp"/);
    expect(f.fixes[0]!.terraform).toMatch(/icmp_type\s+= 0\b/);
    expect(f.fixes[0]!.terraform).toMatch(/icmp_code\s+= -1\b/);
    expect(codes(findings)).not.toContain('NACL_INBOUND_BLOCKS_REQUEST');
    // ICMP has no port: the 0 the records carry is not a TCP port
    expect(`${f.title} ${f.explanation} ${f.fixes[0]!.summary}`).not.toMatch(/\bTCP\b/);
  });

  it('an explicit deny of ICMP out is the entry cited, and the fix goes below it', () => {
    const deny = `                {
                    "CidrBlock": "0.0.0.0/0",
                    "Egress": true,
                    "Protocol": "1",
                    "IcmpTypeCode": { "Code": -1, "Type": -1 },
                    "RuleAction": "deny",
                    "RuleNumber": 90
                },
${TCP_REPLIES}`;
    const text = `${SAY}\n${RECORDS}\n${nacl(deny)}`;
    const replies = diagnose(text).findings.filter((f) => f.code === 'NACL_OUTBOUND_BLOCKS_RESPONSE');
    expect(replies).toHaveLength(1);
    const f = replies[0]!;
    expect(f.title).toContain('rule 90');
    expect(evidenceLines(f)).toContain(lineOf(text, '"RuleNumber": 90'));
    expect(f.fixes[0]!.commands.join('\n')).toMatch(
      /--egress --rule-number (\d+) --protocol 1 --icmp-type-code Type=0,Code=-1/,
    );
    const n = Number(/--rule-number (\d+)/.exec(f.fixes[0]!.commands.join('\n'))![1]);
    expect(n).toBeLessThan(90);
  });

  it("a NACL that lets ICMP out pins nothing: the records' finding stays as it is", () => {
    const allow = `                {
                    "CidrBlock": "0.0.0.0/0",
                    "Egress": true,
                    "Protocol": "1",
                    "IcmpTypeCode": { "Code": -1, "Type": -1 },
                    "RuleAction": "allow",
                    "RuleNumber": 90
                },
${TCP_REPLIES}`;
    const text = `${SAY}\n${RECORDS}\n${nacl(allow)}`;
    const replies = diagnose(text).findings.filter((f) => f.code === 'NACL_OUTBOUND_BLOCKS_RESPONSE');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.subject?.resourceIds ?? []).not.toContain('acl-0f3e2d1c0b9a8f7e6');
  });

  it('a ping described in words: the client subnet NACL without inbound ICMP drops the echo reply coming back', () => {
    const text = `ping from the bastion 10.0.1.15 to the reporting db 10.0.2.20 gets no reply
bastion subnet subnet-0ba5710a1b2c3d4e5 10.0.1.0/24 nacl acl-0ba57100ba57100ba:
inbound: 100 allow tcp 22 203.0.113.0/24, 110 allow tcp 1024-65535 0.0.0.0/0, * deny all
outbound: 100 allow all 0.0.0.0/0
db subnet subnet-0db2c3d4e5f6a7b8c 10.0.2.0/24`;
    const findings = diagnose(text).findings;
    const f = findings.find((x) => x.code === 'NACL_INBOUND_BLOCKS_RESPONSE');
    expect(f, codes(findings).join(', ')).toBeDefined();
    expect(f!.subject).toMatchObject({ client: '10.0.1.15', server: '10.0.2.20', protocol: 1 });
    expect(evidenceLines(f!)).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(f!.fixes[0]!.commands.join('\n')).toContain(
      '--network-acl-id acl-0ba57100ba57100ba --ingress --rule-number 120 --protocol 1 --icmp-type-code Type=0,Code=-1 --cidr-block 10.0.2.0/24',
    );
    expect(codes(findings)).not.toContain('NACL_OUTBOUND_BLOCKS_REQUEST');
  });
});
