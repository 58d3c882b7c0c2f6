import { describe, expect, it } from 'vitest';
import { citedLines, codes, diagnose, linesWith, only } from './helpers.js';

describe('RETURN_ROUTE_MISSING', () => {
  it('both directions ACCEPTed at the server but only retransmitted handshakes, while a local client works', () => {
    const paste = `partners in the peered vpc (10.90.0.0/16) time out on the ledger api 10.50.3.44:9443, our own services are fine
2 229103847566 eni-0c1e3a5c7e9a1c3e5 10.90.4.12 10.50.3.44 51210 9443 6 6 360 1774600000 1774600031 ACCEPT OK
2 229103847566 eni-0c1e3a5c7e9a1c3e5 10.50.3.44 10.90.4.12 9443 51210 6 6 360 1774600000 1774600031 ACCEPT OK
2 229103847566 eni-0c1e3a5c7e9a1c3e5 10.50.7.21 10.50.3.44 39900 9443 6 14 2940 1774600010 1774600011 ACCEPT OK
2 229103847566 eni-0c1e3a5c7e9a1c3e5 10.50.3.44 10.50.7.21 9443 39900 6 12 18804 1774600010 1774600011 ACCEPT OK
2 229103847566 eni-0c1e3a5c7e9a1c3e5 10.90.4.12 10.50.3.44 51210 9443 6 1 60 1774600062 1774600062 ACCEPT OK
2 229103847566 eni-0c1e3a5c7e9a1c3e5 10.50.3.44 10.90.4.12 9443 51210 6 3 180 1774600062 1774600093 ACCEPT OK`;
    const r = diagnose(paste);
    const f = only(r, 'RETURN_ROUTE_MISSING');
    expect(f.severity).toBe('error');
    // the first request and reply records of the failing conversation, then the working client for contrast
    const failing = linesWith(paste, '51210');
    expect(citedLines(f)).toEqual([...failing.slice(0, 2), ...linesWith(paste, '39900 9443')]);
    expect(f.evidenceOmitted).toBe(2);
    expect(f.explanation).toContain('10.50.7.21');
    const cmds = f.fixes[0]!.commands.join('\n');
    expect(cmds).toContain('describe-route-tables');
    expect(cmds).toContain('create-route');
    expect(f.subject).toMatchObject({ server: '10.50.3.44', serverPort: 9443, client: '10.90.4.12' });
    expect(codes(r)).not.toContain('NETWORK_PATH_OK');
  });

  it('a short healthy exchange of bare packets (health check, both sides within a second) is not a missing route', () => {
    const paste = [
      '2 229103847566 eni-0c1e3a5c7e9a1c3e5 10.50.0.9 10.50.3.44 40100 9443 6 4 224 1774600000 1774600000 ACCEPT OK',
      '2 229103847566 eni-0c1e3a5c7e9a1c3e5 10.50.3.44 10.50.0.9 9443 40100 6 3 164 1774600000 1774600000 ACCEPT OK',
    ].join('\n');
    expect(codes(diagnose(paste))).not.toContain('RETURN_ROUTE_MISSING');
  });
});
