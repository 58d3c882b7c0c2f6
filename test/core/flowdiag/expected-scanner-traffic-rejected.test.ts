import { describe, expect, it } from 'vitest';
import { codes, diagnose, errors, only } from './helpers.js';

describe('EXPECTED_SCANNER_TRAFFIC_REJECTED', () => {
  it('single probes from many internet hosts to many ports, pasted from `aws logs tail`, are expected noise', () => {
    const ts = (s: number) => new Date(s * 1000).toISOString().replace('Z', '000+00:00');
    const eni = 'eni-0c3e5a7c9e1b3d5f7';
    const probes: [string, number, number, number][] = [
      ['198.51.100.14', 40112, 22, 1],
      ['203.0.113.77', 61022, 3389, 1],
      ['192.0.2.201', 55310, 445, 2],
      ['198.51.100.200', 43891, 23, 1],
      ['203.0.113.5', 38210, 6379, 1],
      ['192.0.2.33', 5060, 5060, 1],
      ['198.51.100.14', 40112, 2375, 1],
    ];
    const lines = probes.map(([src, sp, dp, pk], i) => {
      const t = 1774900000 + i * 7;
      const proto = dp === 5060 ? 17 : 6;
      return `${ts(t)} ${eni}-all 2 440918273655 ${eni} ${src} 10.5.1.20 ${sp} ${dp} ${proto} ${pk} ${pk * 40} ${t} ${t + 1} REJECT OK`;
    });
    const r = diagnose(
      `new SIEM says lots of REJECTs on the web box, are we under attack?\n${lines.join('\n')}`,
    );
    const f = only(r, 'EXPECTED_SCANNER_TRAFFIC_REJECTED');
    expect(f.severity).toBe('info');
    expect(f.occurrences).toBe(7);
    expect(f.evidence.every((e) => e.kind === 'record' && e.lines[0]! >= 2)).toBe(true);
    expect(f.explanation).toContain('3389');
    expect(errors(r)).toEqual([]);
    expect(codes(r)).not.toContain('INBOUND_REQUEST_REJECTED');
  });

  it('a public client retrying a blocked port (several SYNs per record) is a real rejection, not scanning', () => {
    const paste = [
      '2 440918273655 eni-0c3e5a7c9e1b3d5f7 198.51.100.14 10.5.1.20 40112 8443 6 4 240 1774900000 1774900031 REJECT OK',
      '2 440918273655 eni-0c3e5a7c9e1b3d5f7 203.0.113.77 10.5.1.20 61022 8443 6 4 240 1774900003 1774900031 REJECT OK',
      '2 440918273655 eni-0c3e5a7c9e1b3d5f7 192.0.2.201 10.5.1.20 55310 8443 6 5 300 1774900005 1774900041 REJECT OK',
    ].join('\n');
    const r = diagnose(paste);
    expect(codes(r)).not.toContain('EXPECTED_SCANNER_TRAFFIC_REJECTED');
    expect(codes(r)).toContain('INBOUND_REQUEST_REJECTED');
  });
});
