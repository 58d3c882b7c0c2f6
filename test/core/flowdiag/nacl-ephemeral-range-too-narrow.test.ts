import { describe, expect, it } from 'vitest';
import { codes, diagnose, only } from './helpers.js';

describe('NACL_EPHEMERAL_RANGE_TOO_NARROW', () => {
  it('a one-line Discord paste where replies to ports above 61000 fail and lower ones pass, for the same clients', () => {
    // records run together on one line, as Discord's string option delivers them
    const paste =
      'wiki times out for the mac users, refresh and it works. nacl outbound is 32768-61000 to the office. logs: ```' +
      '2 771203948566 eni-0c4e6a8b0d2f4a6c8 172.20.8.15 10.2.4.9 63011 443 6 3 180 1774200001 1774200058 ACCEPT OK ' +
      '2 771203948566 eni-0c4e6a8b0d2f4a6c8 10.2.4.9 172.20.8.15 443 63011 6 3 180 1774200001 1774200058 REJECT OK ' +
      '2 771203948566 eni-0c4e6a8b0d2f4a6c8 172.20.8.15 10.2.4.9 52219 443 6 18 2410 1774200004 1774200009 ACCEPT OK ' +
      '2 771203948566 eni-0c4e6a8b0d2f4a6c8 10.2.4.9 172.20.8.15 443 52219 6 16 20410 1774200004 1774200009 ACCEPT OK ' +
      '2 771203948566 eni-0c4e6a8b0d2f4a6c8 172.20.8.62 10.2.4.9 65102 443 6 3 180 1774200012 1774200058 ACCEPT OK ' +
      '2 771203948566 eni-0c4e6a8b0d2f4a6c8 10.2.4.9 172.20.8.62 443 65102 6 3 180 1774200012 1774200058 REJECT OK ' +
      '2 771203948566 eni-0c4e6a8b0d2f4a6c8 172.20.8.62 10.2.4.9 49877 443 6 15 2233 1774200014 1774200019 ACCEPT OK ' +
      '2 771203948566 eni-0c4e6a8b0d2f4a6c8 10.2.4.9 172.20.8.62 443 49877 6 13 18322 1774200014 1774200019 ACCEPT OK' +
      '``` help';
    const r = diagnose(paste);
    const f = only(r, 'NACL_EPHEMERAL_RANGE_TOO_NARROW');
    expect(f.severity).toBe('error');
    expect(f.evidence.every((e) => e.lines.length === 1 && e.lines[0] === 1)).toBe(true);
    expect(f.evidence.some((e) => e.text.includes(' 63011 ') && e.text.endsWith('REJECT OK'))).toBe(true);
    expect(f.explanation).toContain('49152-65535');
    expect(f.fixes[0]!.commands.join('\n')).toContain(
      '--egress --rule-number <RULE_NUMBER> --protocol tcp --port-range From=1024,To=65535',
    );
    expect(f.subject?.clients?.sort()).toEqual(['172.20.8.15', '172.20.8.62']);
    // the generic finding for the same evidence is not repeated
    expect(codes(r)).not.toContain('NACL_OUTBOUND_BLOCKS_RESPONSE');
  });

  it('replies to low ports (NAT gateway or Lambda clients) failing while high ones pass: the range starts too high', () => {
    const paste = [
      '2 771203948566 eni-0c4e6a8b0d2f4a6c8 10.2.0.77 10.2.4.9 8120 443 6 3 180 1774200001 1774200058 ACCEPT OK',
      '2 771203948566 eni-0c4e6a8b0d2f4a6c8 10.2.4.9 10.2.0.77 443 8120 6 3 180 1774200001 1774200058 REJECT OK',
      '2 771203948566 eni-0c4e6a8b0d2f4a6c8 10.2.0.77 10.2.4.9 40120 443 6 14 2010 1774200003 1774200008 ACCEPT OK',
      '2 771203948566 eni-0c4e6a8b0d2f4a6c8 10.2.4.9 10.2.0.77 443 40120 6 12 11020 1774200003 1774200008 ACCEPT OK',
    ].join('\n');
    const f = only(diagnose(paste), 'NACL_EPHEMERAL_RANGE_TOO_NARROW');
    expect(f.explanation).toContain('1024-65535');
    expect(f.title).toContain('below 40120');
  });

  it('replies REJECTed only to clients of another network (a peered VPC) are a NACL destination problem, not a port range', () => {
    const paste = [
      '2 771203948566 eni-0c4e6a8b0d2f4a6c8 10.61.7.14 10.2.4.9 50122 9092 6 5 300 1774200001 1774200058 ACCEPT OK',
      '2 771203948566 eni-0c4e6a8b0d2f4a6c8 10.2.4.9 10.61.7.14 9092 50122 6 5 300 1774200001 1774200058 REJECT OK',
      '2 771203948566 eni-0c4e6a8b0d2f4a6c8 10.2.9.8 10.2.4.9 44310 9092 6 48 9120 1774200003 1774200058 ACCEPT OK',
      '2 771203948566 eni-0c4e6a8b0d2f4a6c8 10.2.4.9 10.2.9.8 9092 44310 6 51 380122 1774200003 1774200058 ACCEPT OK',
    ].join('\n');
    const r = diagnose(paste);
    expect(codes(r)).not.toContain('NACL_EPHEMERAL_RANGE_TOO_NARROW');
    expect(only(r, 'NACL_OUTBOUND_BLOCKS_RESPONSE').fixes[0]!.commands.join('\n')).toContain(
      '--cidr-block 10.61.7.14/32',
    );
  });
});
