import { describe, expect, it } from 'vitest';
import { citedLines, codes, diagnose, errors, linesWith, only } from './helpers.js';

describe('NACL_OUTBOUND_BLOCKS_RESPONSE', () => {
  it("AWS's ping example (SG allows, NACL drops the reply) blames the NACL outbound of the server's subnet", () => {
    const paste = [
      '2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336 1432917027 1432917142 ACCEPT OK',
      '2 123456789010 eni-1235b8ca123456789 172.31.16.139 203.0.113.12 0 0 1 4 336 1432917094 1432917142 REJECT OK',
    ].join('\n');
    const r = diagnose(paste);
    const f = only(r, 'NACL_OUTBOUND_BLOCKS_RESPONSE');
    expect(f.severity).toBe('error');
    expect(citedLines(f)).toEqual([1, 2]);
    expect(f.subject).toMatchObject({
      interfaceId: 'eni-1235b8ca123456789',
      server: '172.31.16.139',
      client: '203.0.113.12',
      protocol: 1,
    });
    const cmd = f.fixes[0]!.commands.join('\n');
    expect(cmd).toContain('create-network-acl-entry');
    expect(cmd).toContain('--egress');
    // create-network-acl-entry documents --protocol as a number; ICMP takes a type and code, no ports
    expect(cmd).toContain('--protocol 1 --icmp-type-code Type=-1,Code=-1');
    expect(cmd).not.toContain('--port-range');
    expect(cmd).toContain('--cidr-block 203.0.113.12/32');
    const tf = f.fixes[0]!.terraform!;
    expect(tf).toMatch(/protocol\s+= "icmp"/);
    expect(tf).toMatch(/icmp_type\s+= -1/);
    expect(tf).toMatch(/icmp_code\s+= -1/);
    expect(tf).not.toContain('from_port');
    expect(f.fixes[0]!.summary).toContain('ICMP');
    expect(f.fixes[0]!.summary).not.toMatch(/UDP|TCP|1024-65535/);
    expect(codes(r)).not.toContain('INBOUND_REQUEST_REJECTED');
  });

  it('GRE replies REJECTed after an ACCEPTed tunnel packet are named GRE and fixed with protocol 47, no ports', () => {
    const eni = 'eni-0b7d2f94c1e3a5068';
    const paste = [
      `2 551203948817 ${eni} 198.51.100.7 10.20.4.15 0 0 47 40 52800 1775803000 1775803059 ACCEPT OK`,
      `2 551203948817 ${eni} 10.20.4.15 198.51.100.7 0 0 47 38 50160 1775803000 1775803059 REJECT OK`,
      `2 551203948817 ${eni} 198.51.100.8 10.20.4.15 0 0 47 12 15840 1775803002 1775803059 ACCEPT OK`,
      `2 551203948817 ${eni} 10.20.4.15 198.51.100.8 0 0 47 11 14520 1775803002 1775803059 REJECT OK`,
    ].join('\n');
    const f = only(diagnose(paste), 'NACL_OUTBOUND_BLOCKS_RESPONSE');
    expect(f.subject).toMatchObject({ server: '10.20.4.15', protocol: 47 });
    const fix = f.fixes[0]!;
    const entry = fix.commands.find((c) => c.includes('create-network-acl-entry'))!;
    expect(entry).toContain('--egress');
    expect(entry).toContain('--protocol 47 --cidr-block 198.51.100.0/28');
    expect(entry).not.toMatch(/--port-range|--icmp-type-code/);
    expect(fix.terraform).toMatch(/protocol\s+= "47"/);
    expect(fix.terraform).not.toMatch(/from_port|icmp_type/);
    expect(fix.summary).toContain('GRE');
    expect(fix.summary).not.toMatch(/UDP|1024-65535/);
    expect(f.explanation).not.toMatch(/UDP|ephemeral ports|port 0/);
  });

  it('TCP replies REJECTed after ACCEPTed health checks, pasted from the CloudWatch console, cite every pair', () => {
    const paste = `health checks on the orders target group fail since the nacl change, SG allows 8443 from the alb
copied from the console, stream eni-0e4a1c7b9d3f5a2c6-all:

Timestamp\tMessage
2026-03-02T10:14:05.000Z\t2 902118437765 eni-0e4a1c7b9d3f5a2c6 10.8.0.41 10.8.12.77 27715 8443 6 3 180 1772446445 1772446502 ACCEPT OK
2026-03-02T10:14:05.000Z\t2 902118437765 eni-0e4a1c7b9d3f5a2c6 10.8.12.77 10.8.0.41 8443 27715 6 3 164 1772446445 1772446502 REJECT OK
2026-03-02T10:14:09.000Z\t2 902118437765 eni-0e4a1c7b9d3f5a2c6 10.8.1.19 10.8.12.77 5182 8443 6 3 180 1772446449 1772446502 ACCEPT OK
2026-03-02T10:14:09.000Z\t2 902118437765 eni-0e4a1c7b9d3f5a2c6 10.8.12.77 10.8.1.19 8443 5182 6 3 164 1772446449 1772446502 REJECT OK
2026-03-02T10:14:11.000Z\t2 902118437765 eni-0e4a1c7b9d3f5a2c6 10.8.12.77 10.8.33.5 51288 5432 6 20 4210 1772446451 1772446502 ACCEPT OK
2026-03-02T10:14:11.000Z\t2 902118437765 eni-0e4a1c7b9d3f5a2c6 10.8.33.5 10.8.12.77 5432 51288 6 18 7790 1772446451 1772446502 ACCEPT OK`;
    const r = diagnose(paste);
    const f = only(r, 'NACL_OUTBOUND_BLOCKS_RESPONSE');
    expect(f.severity).toBe('error');
    expect(f.occurrences).toBe(2);
    expect(citedLines(f)).toEqual(
      [...linesWith(paste, '27715'), ...linesWith(paste, ' 5182 ')].sort((a, b) => a - b),
    );
    expect(f.subject).toMatchObject({ server: '10.8.12.77', serverPort: 8443, protocol: 6 });
    expect(f.subject?.clients?.sort()).toEqual(['10.8.0.41', '10.8.1.19']);
    // the two ALB nodes are covered by one block; the ports are the clients' ephemeral range
    expect(f.fixes[0]!.commands.join('\n')).toContain(
      '--port-range From=1024,To=65535 --cidr-block 10.8.0.0/23',
    );
    expect(f.fixes[0]!.terraform).toContain('resource "aws_network_acl_rule"');
    expect(f.confirm?.athena).toContain('"start"');
    expect(f.confirm?.athena).toContain('srcport = 8443');
    expect(f.confirm?.logsInsights).toContain('srcPort = 8443');
    // the database conversation works and is not blamed
    expect(errors(r)).toHaveLength(1);
  });

  it('replies that are REJECTed only after the connection carried data (late packets) are not blamed', () => {
    const paste = [
      '2 902118437765 eni-0e4a1c7b9d3f5a2c6 10.8.0.41 10.8.12.77 40112 443 6 40 5210 1772446445 1772446502 ACCEPT OK',
      '2 902118437765 eni-0e4a1c7b9d3f5a2c6 10.8.12.77 10.8.0.41 443 40112 6 38 61022 1772446445 1772446502 ACCEPT OK',
      '2 902118437765 eni-0e4a1c7b9d3f5a2c6 10.8.12.77 10.8.0.41 443 40112 6 1 40 1772446503 1772446503 REJECT OK',
    ].join('\n');
    const r = diagnose(paste);
    expect(codes(r)).not.toContain('NACL_OUTBOUND_BLOCKS_RESPONSE');
    expect(errors(r)).toEqual([]);
  });

  it('a conversation ACCEPTed both ways raises no NACL finding', () => {
    const r = diagnose(
      [
        '2 902118437765 eni-0e4a1c7b9d3f5a2c6 203.0.113.50 10.8.12.77 51022 443 6 12 1820 1772446445 1772446502 ACCEPT OK',
        '2 902118437765 eni-0e4a1c7b9d3f5a2c6 10.8.12.77 203.0.113.50 443 51022 6 10 9340 1772446445 1772446502 ACCEPT OK',
      ].join('\n'),
    );
    expect(codes(r)).not.toContain('NACL_OUTBOUND_BLOCKS_RESPONSE');
    expect(codes(r)).toContain('NETWORK_PATH_OK');
  });
});

describe('NACL_OUTBOUND_BLOCKS_RESPONSE over IPv6', () => {
  it("a dual-stack ENI's own IPv6 address is learnt apart from its IPv4 one, and the fix uses --ipv6-cidr-block", () => {
    const eni = 'eni-0c5e7a9c1e3b5d7f9';
    const v6 = '2001:db8:40:10::20';
    const paste = [
      `2 889102738455 ${eni} 10.40.0.9 10.40.10.20 41000 443 6 12 2100 1775800000 1775800002 ACCEPT OK`,
      `2 889102738455 ${eni} 10.40.10.20 10.40.0.9 443 41000 6 10 9100 1775800000 1775800002 ACCEPT OK`,
      `2 889102738455 ${eni} 10.40.0.17 10.40.10.20 41220 443 6 12 2100 1775800003 1775800005 ACCEPT OK`,
      `2 889102738455 ${eni} 10.40.10.20 10.40.0.17 443 41220 6 10 9100 1775800003 1775800005 ACCEPT OK`,
      `2 889102738455 ${eni} 2001:db8:99::7 ${v6} 50122 443 6 3 240 1775800010 1775800069 ACCEPT OK`,
      `2 889102738455 ${eni} ${v6} 2001:db8:99::7 443 50122 6 3 240 1775800010 1775800069 REJECT OK`,
      `2 889102738455 ${eni} 2001:db8:99::8 ${v6} 50140 443 6 3 240 1775800012 1775800069 ACCEPT OK`,
      `2 889102738455 ${eni} ${v6} 2001:db8:99::8 443 50140 6 3 240 1775800012 1775800069 REJECT OK`,
    ].join('\n');
    const f = only(diagnose(paste), 'NACL_OUTBOUND_BLOCKS_RESPONSE');
    expect(f.severity).toBe('error');
    expect(f.subject).toMatchObject({ server: v6, serverPort: 443 });
    expect(f.fixes[0]!.commands.join('\n')).toContain('--ipv6-cidr-block 2001:db8:99::/124');
  });
});
