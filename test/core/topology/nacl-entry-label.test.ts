import { describe, expect, it } from 'vitest';
import { readModel } from '../../../src/core/topology/analyze-topology.js';
import { describeNaclEntry } from '../../../src/core/topology/model/describe-rule.js';
import { parseCidr } from '../../../src/core/topology/net/ipv4.js';
import { textContext } from './helpers.js';

/**
 * A NACL entry reads the same in the evidence whatever the paste was: ICMP by name, a full port range as
 * "all ports", rule 32767 as `*`, and "to"/"from" before the peer. Five readers used to build the label
 * themselves; the English rule lines wrote ICMP as `1` and `0-65535`, Terraform wrote 32767.
 */
function entries(text: string): string[] {
  const { model } = readModel(textContext(text));
  return [...model.nacls.values()].flatMap((n) => n.entries.map((e) => e.src.text ?? ''));
}

const cidr = (s: string) => parseCidr(s)!;

describe('describeNaclEntry', () => {
  it('names ICMP, writes a full range as all ports, 32767 as *, and the peer with to/from', () => {
    const base = { egress: false, action: 'allow' as const, cidr: cidr('10.20.0.0/16') };
    expect(describeNaclEntry({ ...base, number: 100, protocol: 1 })).toBe(
      'inbound 100 ALLOW icmp all from 10.20.0.0/16',
    );
    expect(describeNaclEntry({ ...base, number: 110, protocol: 6, ports: { from: 0, to: 65535 } })).toBe(
      'inbound 110 ALLOW tcp all ports from 10.20.0.0/16',
    );
    expect(
      describeNaclEntry({
        ...base,
        egress: true,
        number: 120,
        protocol: 6,
        ports: { from: 1024, to: 65535 },
      }),
    ).toBe('outbound 120 ALLOW tcp 1024-65535 to 10.20.0.0/16');
    expect(
      describeNaclEntry({ ...base, action: 'deny', number: 32767, protocol: -1, cidr: cidr('0.0.0.0/0') }),
    ).toBe('inbound * DENY all all from 0.0.0.0/0');
  });
});

describe('NACL entries read from different pastes are labelled alike', () => {
  it('rule lines in a message: ICMP by name, 0-65535 as all ports, 32767 as *, from the peer', () => {
    const labels =
      entries(`the reporting box can't ping the db hosts and the ETL job to them times out, here is the db subnet's NACL acl-0a1b2c3d4e5f60718
inbound:
100 ALLOW ICMP 10.20.0.0/16 (echo from the app tier, for the health checks)
110 ALLOW TCP 0-65535 10.20.0.0/16 (everything from the app tier on tcp)
32767 DENY ALL 0.0.0.0/0 (the default deny rule at the end of the list)`);
    expect(labels).toEqual([
      'inbound 100 ALLOW icmp all from 10.20.0.0/16',
      'inbound 110 ALLOW tcp all ports from 10.20.0.0/16',
      'inbound * DENY all all from 0.0.0.0/0',
    ]);
  });

  it('Terraform aws_network_acl_rule with rule_number 32767: written as *', () => {
    const labels = entries(`resource "aws_network_acl_rule" "deny_rest" {
  network_acl_id = "acl-0a1b2c3d4e5f60718"
  rule_number    = 32767
  egress         = false
  protocol       = "-1"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
}`);
    expect(labels).toEqual(['inbound * DENY all all from 0.0.0.0/0']);
  });

  it('describe-network-acls JSON: the same label as the other readers', () => {
    const labels = entries(`{
  "NetworkAcls": [
    {
      "NetworkAclId": "acl-0a1b2c3d4e5f60718",
      "VpcId": "vpc-0c3d4e5f6a7b8c9d0",
      "IsDefault": false,
      "Associations": [],
      "Entries": [
        { "CidrBlock": "10.20.0.0/16", "Egress": false, "Protocol": "1", "IcmpTypeCode": { "Code": -1, "Type": -1 }, "RuleAction": "allow", "RuleNumber": 100 },
        { "CidrBlock": "0.0.0.0/0", "Egress": false, "Protocol": "-1", "RuleAction": "deny", "RuleNumber": 32767 }
      ]
    }
  ]
}`);
    expect(labels).toEqual([
      'inbound 100 ALLOW icmp all from 10.20.0.0/16',
      'inbound * DENY all all from 0.0.0.0/0',
    ]);
  });
});
