import { describe, expect, it } from 'vitest';
import { analyze, codes, evidenceLines, find, lineOf } from './helpers.js';

/**
 * "can't reach the vendor's api on the internet" with no port: the request check must not invent one
 * (it used to judge the request against the reply's ephemeral range, so a NACL allowing only 443 out read
 * as a deny). Where the port decides it, vpcdiag asks for the port and says which ports the NACL lets out.
 */
const paste = (
  outbound: string,
  path = 'path worker -> internet timeout',
) => `the ingest worker can't reach the vendor's api on the internet, calls time out
vpc ingest vpc-0a2b3c4d5e6f70819 10.90.0.0/16 us-west-2
subnet ing-a 10.90.2.0/24 rt=rt-ing nacl=acl-ing
rt rt-ing vpc=ingest routes: 0.0.0.0/0 -> igw-0d1e2f3a4b5c6d7e8
nacl acl-ing in: 100 allow tcp 1024-65535 0.0.0.0/0; * deny all 0.0.0.0/0 out: ${outbound}; * deny all 0.0.0.0/0
sg sg-ing vpc=ingest out: all 0.0.0.0/0
host worker 10.90.2.31 subnet=ing-a sgs=sg-ing public-ip=34.210.7.19
${path}`;

const NACL_JSON = `our batch box 10.91.4.12 (subnet-0b5c6d7e8f9a0b1c2) can't get out to the internet, everything times out. route table has 0.0.0.0/0 -> igw-0e9d8c7b6a5f43210, SG egress is the default allow all. here's the nacl:
{
  "NetworkAcls": [
    {
      "NetworkAclId": "acl-0f1a2b3c4d5e6f708",
      "VpcId": "vpc-0c3d4e5f6a7b8c9d0",
      "IsDefault": false,
      "Associations": [{ "NetworkAclAssociationId": "aclassoc-0a1b2c3d", "NetworkAclId": "acl-0f1a2b3c4d5e6f708", "SubnetId": "subnet-0b5c6d7e8f9a0b1c2" }],
      "Entries": [
        { "CidrBlock": "0.0.0.0/0", "Egress": true, "Protocol": "6", "PortRange": { "From": 443, "To": 443 }, "RuleAction": "allow", "RuleNumber": 100 },
        { "CidrBlock": "0.0.0.0/0", "Egress": true, "Protocol": "-1", "RuleAction": "deny", "RuleNumber": 32767 },
        { "CidrBlock": "0.0.0.0/0", "Egress": false, "Protocol": "6", "PortRange": { "From": 1024, "To": 65535 }, "RuleAction": "allow", "RuleNumber": 100 },
        { "CidrBlock": "0.0.0.0/0", "Egress": false, "Protocol": "-1", "RuleAction": "deny", "RuleNumber": 32767 }
      ]
    }
  ]
}`;

describe('NETWORK_PATH_OK on an internet path whose port was not given', () => {
  it('a NACL that lets only TCP 443 out: no verdict either way, the port is asked for, citing the allow rule', () => {
    const text = paste('100 allow tcp 443 0.0.0.0/0');
    const t = analyze(text);
    expect(codes(t.findings)).toEqual(['NEED_MORE_INFO']);
    const f = find(t.findings, 'NEED_MORE_INFO');
    expect(f.questions?.some((q) => /which port/.test(q))).toBe(true);
    // the NACL was pasted whole: asking for it again would be noise
    expect(f.questions?.some((q) => /describe-network-acls/.test(q))).toBe(false);
    expect(evidenceLines(f)).toContain(lineOf(text, 'nacl acl-ing'));
  });

  it('the same NACL in describe-network-acls JSON: the port is asked for, citing rule 100', () => {
    const t = analyze(NACL_JSON);
    expect(codes(t.findings)).not.toContain('NETWORK_PATH_OK');
    expect(codes(t.findings)).not.toContain('NACL_OUTBOUND_BLOCKS_REQUEST');
    const f = find(t.findings, 'NEED_MORE_INFO');
    expect(f.questions?.some((q) => /which port/.test(q))).toBe(true);
    expect(evidenceLines(f)).toContain(lineOf(NACL_JSON, '"PortRange": { "From": 443'));
  });

  it('the same NACL with the port given as 443: the path is OK', () => {
    const t = analyze(paste('100 allow tcp 443 0.0.0.0/0', 'path worker -> internet:443 timeout'));
    expect(codes(t.findings)).toEqual(['NETWORK_PATH_OK']);
  });

  it('a NACL that lets every port out: judged without a port, the path is OK and nothing is asked', () => {
    const t = analyze(paste('100 allow all 0.0.0.0/0'));
    expect(codes(t.findings)).toEqual(['NETWORK_PATH_OK']);
  });

  it('a NACL whose only outbound allow is for the private range drops the request whatever the port: NACL_OUTBOUND_BLOCKS_REQUEST, the fix leaves the port to fill in', () => {
    const text = paste('100 allow tcp 443 10.0.0.0/8');
    const t = analyze(text);
    expect(codes(t.findings)).toEqual(['NACL_OUTBOUND_BLOCKS_REQUEST']);
    const f = find(t.findings, 'NACL_OUTBOUND_BLOCKS_REQUEST');
    expect(evidenceLines(f)).toContain(lineOf(text, 'nacl acl-ing'));
    const cmd = f.fixes[0]!.commands?.[0] ?? '';
    expect(cmd).toMatch(/--network-acl-id <NACL id of acl-ing> --egress/);
    expect(cmd).toContain(
      '--protocol 6 --port-range From=<PORT>,To=<PORT> --cidr-block 0.0.0.0/0 --rule-action allow',
    );
  });
});
