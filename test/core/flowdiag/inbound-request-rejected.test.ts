import { describe, expect, it } from 'vitest';
import { citedLines, codes, diagnose, linesWith, only } from './helpers.js';

describe('INBOUND_REQUEST_REJECTED', () => {
  const paste = `billing workers (10.44.21.0/24) get timeouts to postgres, the reporting box works fine. rds eni flow log:
2 661029384755 eni-0d7f9b1d3f5a7c9e1 10.44.21.17 10.44.80.30 50411 5432 6 3 180 1774300010 1774300067 REJECT OK
2 661029384755 eni-0d7f9b1d3f5a7c9e1 10.44.21.90 10.44.80.30 37720 5432 6 3 180 1774300012 1774300067 REJECT OK
2 661029384755 eni-0d7f9b1d3f5a7c9e1 10.44.3.12 10.44.80.30 60118 5432 6 22 3840 1774300015 1774300067 ACCEPT OK
2 661029384755 eni-0d7f9b1d3f5a7c9e1 10.44.80.30 10.44.3.12 5432 60118 6 19 88120 1774300015 1774300067 ACCEPT OK
2 661029384755 eni-0d7f9b1d3f5a7c9e1 10.44.21.17 10.44.80.30 50433 5432 6 3 180 1774300071 1774300127 REJECT OK`;

  it('requests REJECTed from some clients while another gets in: the SG is more likely, with the describe commands that settle it', () => {
    const r = diagnose(paste);
    const f = only(r, 'INBOUND_REQUEST_REJECTED');
    expect(f.severity).toBe('error');
    expect(f.occurrences).toBe(3);
    expect(citedLines(f)).toEqual(
      [...linesWith(paste, 'REJECT'), ...linesWith(paste, '60118 5432')].sort((a, b) => a - b),
    );
    expect(f.title).toContain('security group');
    expect(f.explanation).toContain('10.44.3.12');
    expect(f.questions?.join('\n')).toContain('describe-security-groups');
    expect(f.questions?.join('\n')).toContain('describe-network-acls');
    const sg = f.fixes[0]!;
    expect(sg.commands.join('\n')).toContain(
      "authorize-security-group-ingress --group-id <SG_ID> --ip-permissions 'IpProtocol=tcp,FromPort=5432,ToPort=5432,IpRanges=[{CidrIp=10.44.21.17/32},{CidrIp=10.44.21.90/32}]'",
    );
    expect(sg.terraform).toContain('aws_vpc_security_group_ingress_rule');
    // NACLs are stateless: the NACL alternative opens the replies too
    const nacl = f.fixes[1]!.commands.join('\n');
    expect(nacl).toContain('--ingress');
    expect(nacl).toContain('--port-range From=5432,To=5432');
    expect(nacl).toContain('--egress');
    expect(f.subject).toMatchObject({
      interfaceId: 'eni-0d7f9b1d3f5a7c9e1',
      server: '10.44.80.30',
      serverPort: 5432,
    });
    expect(f.subject?.clients?.sort()).toEqual(['10.44.21.17', '10.44.21.90']);
    expect(f.confirm?.athena).toContain('dstport = 5432');
  });

  it('a REJECT at a NAT gateway interface can only be its subnet NACL (NAT gateways have no security groups)', () => {
    const nat = `version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status instance-id pkt-srcaddr pkt-dstaddr
5 661029384755 eni-0b1d3f5a7c9e1b3d5 10.44.21.17 10.44.0.9 41200 443 6 8 1210 1774300010 1774300067 ACCEPT OK - 10.44.21.17 198.51.100.40
5 661029384755 eni-0b1d3f5a7c9e1b3d5 10.44.0.9 198.51.100.40 21980 443 6 8 1210 1774300010 1774300067 ACCEPT OK - 10.44.0.9 198.51.100.40
5 661029384755 eni-0b1d3f5a7c9e1b3d5 198.51.100.40 10.44.0.9 443 21980 6 9 8890 1774300010 1774300067 ACCEPT OK - 198.51.100.40 10.44.0.9
5 661029384755 eni-0b1d3f5a7c9e1b3d5 10.44.0.9 10.44.21.17 443 41200 6 9 8890 1774300010 1774300067 ACCEPT OK - 198.51.100.40 10.44.21.17
5 661029384755 eni-0b1d3f5a7c9e1b3d5 10.44.22.8 10.44.0.9 39002 5432 6 3 180 1774300020 1774300077 REJECT OK - 10.44.22.8 10.44.0.9`;
    const f = only(diagnose(nat), 'INBOUND_REQUEST_REJECTED');
    expect(f.explanation).toContain('NAT gateways have no security groups');
    expect(f.questions).toBeUndefined();
    expect(f.fixes.every((x) => !x.commands.join(' ').includes('authorize-security-group'))).toBe(true);
  });

  it('one rejected ping from the internet is a warning, not an error', () => {
    const r = diagnose(
      '2 661029384755 eni-0d7f9b1d3f5a7c9e1 203.0.113.45 10.44.80.30 0 0 1 2 168 1774300010 1774300067 REJECT OK',
    );
    const f = only(r, 'INBOUND_REQUEST_REJECTED');
    expect(f.severity).toBe('warning');
  });

  it('requests that were ACCEPTed are not reported as rejected', () => {
    const r = diagnose(
      [
        '2 661029384755 eni-0d7f9b1d3f5a7c9e1 10.44.3.12 10.44.80.30 60118 5432 6 22 3840 1774300015 1774300067 ACCEPT OK',
        '2 661029384755 eni-0d7f9b1d3f5a7c9e1 10.44.80.30 10.44.3.12 5432 60118 6 19 88120 1774300015 1774300067 ACCEPT OK',
      ].join('\n'),
    );
    expect(codes(r)).not.toContain('INBOUND_REQUEST_REJECTED');
  });

  it('records without an interface column still name the interface, as the logging interface', () => {
    const paste = `flow log from the cache box, custom format without the interface column:
srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status
10.61.4.22 10.61.9.40 51012 6379 6 3 180 1774300010 1774300067 REJECT OK
10.61.4.23 10.61.9.40 40220 6379 6 3 180 1774300012 1774300067 REJECT OK
10.61.4.22 10.61.9.40 51040 6379 6 3 180 1774300071 1774300127 REJECT OK`;
    const f = only(diagnose(paste), 'INBOUND_REQUEST_REJECTED');
    expect(citedLines(f)).toEqual(linesWith(paste, 'REJECT'));
    expect(f.subject?.interfaceId).toBeUndefined();
    expect(f.explanation).toContain('coming into the logging interface');
    expect(f.explanation).not.toMatch(/\binto\s+,|undefined/);
  });
});
