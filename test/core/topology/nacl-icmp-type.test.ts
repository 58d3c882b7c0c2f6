import { describe, expect, it } from 'vitest';
import { readModel } from '../../../src/core/topology/analyze-topology.js';
import { describeNaclEntry } from '../../../src/core/topology/model/describe-rule.js';
import { parseCidr } from '../../../src/core/topology/net/ipv4.js';
import { codes, diagnose, evidenceLines, lineOf, textContext } from './helpers.js';

/**
 * A NACL entry for ICMP may name one ICMP type (`IcmpTypeCode`, Terraform `icmp_type`). An outbound
 * entry that lets only echo requests (type 8) out does not let the echo replies (type 0) out, and a
 * deny of echo replies alone does not deny a ping's echo request.
 */
const RECORDS = `2 604133572218 eni-0c81d2e3f4a5b6c7d 203.0.113.77 10.40.1.25 0 0 1 3 252 1764183600 1764183660 ACCEPT OK
2 604133572218 eni-0c81d2e3f4a5b6c7d 10.40.1.25 203.0.113.77 0 0 1 3 252 1764183600 1764183660 REJECT OK`;

const SAY =
  'cannot ping the jump host 10.40.1.25 from our NOC at 203.0.113.77, security group allows ICMP from there';

function icmpEntry(egress: boolean, num: number, action: string, type: number, cidr = '0.0.0.0/0'): string {
  return `                {
                    "CidrBlock": "${cidr}",
                    "Egress": ${egress},
                    "IcmpTypeCode": {
                        "Code": -1,
                        "Type": ${type}
                    },
                    "Protocol": "1",
                    "RuleAction": "${action}",
                    "RuleNumber": ${num}
                },`;
}

function nacl(entries: string): string {
  return `aws ec2 describe-network-acls --network-acl-ids acl-07a1b2c3d4e5f6a7b --output json
{
    "NetworkAcls": [
        {
            "Associations": [
                {
                    "NetworkAclAssociationId": "aclassoc-03c4d5e6f7a8b9c0d",
                    "NetworkAclId": "acl-07a1b2c3d4e5f6a7b",
                    "SubnetId": "subnet-0e4f5a6b7c8d9e0f1"
                }
            ],
            "Entries": [
${entries}
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
                    "Protocol": "-1",
                    "RuleAction": "deny",
                    "RuleNumber": 32767
                }
            ],
            "IsDefault": false,
            "NetworkAclId": "acl-07a1b2c3d4e5f6a7b",
            "Tags": [{ "Key": "Name", "Value": "mgmt-nacl" }],
            "VpcId": "vpc-0d1e2f3a4b5c6d7e8",
            "OwnerId": "604133572218"
        }
    ]
}`;
}

const INBOUND_PING = icmpEntry(false, 100, 'allow', 8, '203.0.113.0/24');

describe('NACL entries keep their ICMP type', () => {
  it('an outbound entry allowing only echo requests (type 8) does not let the echo reply out', () => {
    const text = `${SAY}\n${RECORDS}\n${nacl(`${INBOUND_PING}\n${icmpEntry(true, 100, 'allow', 8)}`)}`;
    const findings = diagnose(text).findings;
    const replies = findings.filter((f) => f.code === 'NACL_OUTBOUND_BLOCKS_RESPONSE');
    expect(replies, codes(findings).join(', ')).toHaveLength(1);
    const f = replies[0]!;
    expect(f.severity).toBe('error');
    expect(f.subject?.resourceIds).toContain('acl-07a1b2c3d4e5f6a7b');
    // the type 8 entry does not match the reply: the * entry drops it
    expect(evidenceLines(f)).toEqual(expect.arrayContaining([2, 3, lineOf(text, '"RuleNumber": 32767')]));
    const cmd = f.fixes[0]!.commands.join('\n');
    expect(cmd).toContain('--network-acl-id acl-07a1b2c3d4e5f6a7b --egress');
    expect(cmd).toContain('--protocol 1 --icmp-type-code Type=0,Code=-1');
    expect(codes(findings)).not.toContain('NACL_INBOUND_BLOCKS_REQUEST');
  });

  for (const type of [0, -1]) {
    it(`an outbound entry allowing ICMP type ${type} lets the reply out: the NACL is not blamed`, () => {
      const text = `${SAY}\n${RECORDS}\n${nacl(`${INBOUND_PING}\n${icmpEntry(true, 100, 'allow', type)}`)}`;
      const replies = diagnose(text).findings.filter((f) => f.code === 'NACL_OUTBOUND_BLOCKS_RESPONSE');
      for (const f of replies) expect(f.subject?.resourceIds ?? []).not.toContain('acl-07a1b2c3d4e5f6a7b');
    });
  }

  it('an outbound deny of echo replies only, ahead of an allow of all ICMP, is the entry cited', () => {
    const text = `${SAY}\n${RECORDS}\n${nacl(`${INBOUND_PING}\n${icmpEntry(true, 90, 'deny', 0)}\n${icmpEntry(true, 100, 'allow', -1)}`)}`;
    const f = diagnose(text).findings.find((x) => x.code === 'NACL_OUTBOUND_BLOCKS_RESPONSE');
    expect(f).toBeDefined();
    expect(f!.subject?.resourceIds).toContain('acl-07a1b2c3d4e5f6a7b');
    expect(evidenceLines(f!)).toContain(lineOf(text, '"RuleNumber": 90'));
  });

  it('an inbound deny of echo replies only does not drop the echo request of a ping', () => {
    const entries = `${icmpEntry(false, 90, 'deny', 0)}\n${icmpEntry(false, 100, 'allow', -1, '203.0.113.0/24')}\n${icmpEntry(true, 100, 'allow', -1)}`;
    const text = `${SAY}\nthe jump host is in subnet-0e4f5a6b7c8d9e0f1 (10.40.1.0/24)\n${nacl(entries)}`;
    const findings = diagnose(text).findings;
    expect(codes(findings)).not.toContain('NACL_INBOUND_BLOCKS_REQUEST');
  });

  it('an inbound entry allowing only echo replies drops the echo request of a ping', () => {
    const entries = `${icmpEntry(false, 100, 'allow', 0, '203.0.113.0/24')}\n${icmpEntry(true, 100, 'allow', -1)}`;
    const text = `${SAY}\nthe jump host is in subnet-0e4f5a6b7c8d9e0f1 (10.40.1.0/24)\n${nacl(entries)}`;
    const findings = diagnose(text).findings;
    const f = findings.find((x) => x.code === 'NACL_INBOUND_BLOCKS_REQUEST');
    expect(f, codes(findings).join(', ')).toBeDefined();
    expect(f!.fixes[0]!.commands.join('\n')).toContain('--ingress');
    expect(f!.fixes[0]!.commands.join('\n')).toContain('--protocol 1 --icmp-type-code');
    // the inbound * entry (the last in the list) drops it: the type 0 entry does not match a ping
    expect(evidenceLines(f!)).toContain(lineOf(text, '"RuleNumber": 32767', true));
  });

  it('Terraform icmp_type 8 on an egress aws_network_acl_rule does not let the echo reply out', () => {
    const tf = `resource "aws_network_acl_rule" "ping_in" {
  network_acl_id = "acl-07a1b2c3d4e5f6a7b"
  rule_number    = 100
  egress         = false
  protocol       = "icmp"
  rule_action    = "allow"
  cidr_block     = "203.0.113.0/24"
  icmp_type      = 8
  icmp_code      = -1
}

resource "aws_network_acl_rule" "ping_out" {
  network_acl_id = "acl-07a1b2c3d4e5f6a7b"
  rule_number    = 100
  egress         = true
  protocol       = "icmp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  icmp_type      = 8
  icmp_code      = -1
}`;
    const text = `${SAY}\nthe jump host is in subnet-0e4f5a6b7c8d9e0f1 (10.40.1.0/24), its nacl is acl-07a1b2c3d4e5f6a7b\n${RECORDS}\n${tf}`;
    const findings = diagnose(text).findings;
    const f = findings.find((x) => x.code === 'NACL_OUTBOUND_BLOCKS_RESPONSE');
    expect(f, codes(findings).join(', ')).toBeDefined();
    expect(f!.subject?.resourceIds).toContain('acl-07a1b2c3d4e5f6a7b');
    expect(f!.fixes[0]!.commands.join('\n')).toContain('--icmp-type-code Type=0,Code=-1');
  });
});

describe('describeNaclEntry with an ICMP type', () => {
  const cidr = parseCidr('0.0.0.0/0')!;
  it('shows the type (and code) when the entry names one, and "all" when it is -1', () => {
    const base = { number: 100, egress: true, action: 'allow' as const, protocol: 1, cidr };
    expect(describeNaclEntry({ ...base, icmp: { type: 8, code: -1 } })).toBe(
      'outbound 100 ALLOW icmp type 8 to 0.0.0.0/0',
    );
    expect(describeNaclEntry({ ...base, icmp: { type: 3, code: 4 } })).toBe(
      'outbound 100 ALLOW icmp type 3 code 4 to 0.0.0.0/0',
    );
    expect(describeNaclEntry({ ...base, icmp: { type: -1, code: -1 } })).toBe(
      'outbound 100 ALLOW icmp all to 0.0.0.0/0',
    );
    expect(describeNaclEntry(base)).toBe('outbound 100 ALLOW icmp all to 0.0.0.0/0');
  });
});

describe('the ICMP type of a NACL entry in words and console tables', () => {
  const labels = (text: string): string[] => {
    const { model } = readModel(textContext(text));
    return [...model.nacls.values()].flatMap((n) => n.entries.map((e) => describeNaclEntry(e)));
  };

  it('an English rule line with "icmp type 8", "echo reply" or plain icmp keeps the type it names', () => {
    const got = labels(`mgmt subnet nacl acl-07a1b2c3d4e5f6a7b
inbound: 100 allow icmp echo reply 0.0.0.0/0, 110 allow icmp 10.40.0.0/16, * deny all
outbound: 100 allow icmp type 8 0.0.0.0/0, 110 allow icmp echo-request 10.40.0.0/16, * deny all`);
    expect(got).toEqual(
      expect.arrayContaining([
        'inbound 100 ALLOW icmp type 0 from 0.0.0.0/0',
        'inbound 110 ALLOW icmp all from 10.40.0.0/16',
        'outbound 100 ALLOW icmp type 8 to 0.0.0.0/0',
        'outbound 110 ALLOW icmp type 8 to 10.40.0.0/16',
      ]),
    );
  });

  it('a console NACL table row typed "Echo Request" does not let the echo reply out', () => {
    const text = `${SAY}
the jump host is in subnet-0e4f5a6b7c8d9e0f1 (10.40.1.0/24), its nacl acl-07a1b2c3d4e5f6a7b inbound allows icmp from 203.0.113.0/24. outbound:
Rule number	Type	Protocol	Port range	Destination	Allow/Deny
100	Echo Request	ICMP (1)	N/A	0.0.0.0/0	Allow
110	Custom TCP	TCP (6)	1024 - 65535	0.0.0.0/0	Allow
*	All traffic	All	All	0.0.0.0/0	Deny
${RECORDS}`;
    expect(labels(text)).toContain('outbound 100 ALLOW icmp type 8 to 0.0.0.0/0');
    const f = diagnose(text).findings.find((x) => x.code === 'NACL_OUTBOUND_BLOCKS_RESPONSE');
    expect(f).toBeDefined();
    expect(f!.subject?.resourceIds).toContain('acl-07a1b2c3d4e5f6a7b');
    expect(evidenceLines(f!)).toContain(lineOf(text, '*\tAll traffic'));
    expect(f!.fixes[0]!.commands.join('\n')).toContain('--icmp-type-code Type=0,Code=-1');
  });
});
