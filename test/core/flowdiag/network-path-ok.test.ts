import { describe, expect, it } from 'vitest';
import { codes, diagnose, only } from './helpers.js';

describe('NETWORK_PATH_OK', () => {
  it('conversations ACCEPTed both ways with data, and a user saying "connection refused": info, no fault, the host is named', () => {
    const paste = `getting connection refused from the search api, is it the SG?
2 335019283746 eni-0b4d6f8a0c2e4b6d8 10.12.5.5 10.12.9.9 47001 9200 6 9 1210 1774700000 1774700002 ACCEPT OK
2 335019283746 eni-0b4d6f8a0c2e4b6d8 10.12.9.9 10.12.5.5 9200 47001 6 8 6900 1774700000 1774700002 ACCEPT OK`;
    const r = diagnose(paste);
    const f = only(r, 'NETWORK_PATH_OK');
    expect(f.severity).toBe('info');
    expect(f.explanation).toContain('Connection refused');
    expect(r.counts.error + r.counts.warning).toBe(0);
    expect(r.verdict.startsWith('No fault found')).toBe(true);
  });

  it('is not claimed when something else is rejected', () => {
    const paste = [
      '2 335019283746 eni-0b4d6f8a0c2e4b6d8 10.12.5.5 10.12.9.9 47001 9200 6 9 1210 1774700000 1774700002 ACCEPT OK',
      '2 335019283746 eni-0b4d6f8a0c2e4b6d8 10.12.9.9 10.12.5.5 9200 47001 6 8 6900 1774700000 1774700002 ACCEPT OK',
      '2 335019283746 eni-0b4d6f8a0c2e4b6d8 10.12.6.1 10.12.9.9 47111 9200 6 3 180 1774700005 1774700060 REJECT OK',
    ].join('\n');
    expect(codes(diagnose(paste))).not.toContain('NETWORK_PATH_OK');
  });
});
