import { describe, expect, it } from 'vitest';
import { citedLines, codes, diagnose, only } from './helpers.js';

const HEADER =
  'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status tcp-flags flow-direction';

describe('REQUEST_NOT_ANSWERED', () => {
  it('SYNs ACCEPTed into the server again and again with no reply at all point at the host, not the VPC', () => {
    const paste = `grafana can't reach the new prometheus box on 9090, SG + NACL look fine. flow log of the prometheus eni:
${HEADER}
5 113902847566 eni-0a3c5e7a9c1e3a5c7 10.70.2.15 10.70.9.40 52110 9090 6 4 240 1774500001 1774500031 ACCEPT OK 2 ingress
5 113902847566 eni-0a3c5e7a9c1e3a5c7 10.70.2.15 10.70.9.40 52126 9090 6 4 240 1774500040 1774500070 ACCEPT OK 2 ingress
5 113902847566 eni-0a3c5e7a9c1e3a5c7 10.70.9.40 10.70.1.2 40222 443 6 14 2210 1774500002 1774500003 ACCEPT OK 3 egress
5 113902847566 eni-0a3c5e7a9c1e3a5c7 10.70.1.2 10.70.9.40 443 40222 6 12 9410 1774500002 1774500003 ACCEPT OK 19 ingress`;
    const r = diagnose(paste);
    const f = only(r, 'REQUEST_NOT_ANSWERED');
    expect(f.severity).toBe('error');
    expect(citedLines(f)).toEqual([3, 4]);
    expect(f.explanation).toContain('host');
    expect(f.fixes[0]!.commands.join('\n')).toContain("ss -tlnp 'sport = :9090'");
    expect(f.subject).toMatchObject({ server: '10.70.9.40', serverPort: 9090, client: '10.70.2.15' });
    expect(codes(r)).not.toContain('INBOUND_REQUEST_REJECTED');
  });

  it('a one-way record that carries data is a partial paste, not an unanswered request', () => {
    const r = diagnose(
      '2 113902847566 eni-0a3c5e7a9c1e3a5c7 10.70.2.15 10.70.9.40 52110 9090 6 22 18430 1774500001 1774500058 ACCEPT OK',
    );
    expect(codes(r)).not.toContain('REQUEST_NOT_ANSWERED');
    expect(r.notes.join(' ')).toContain('one direction only');
  });

  it('a bare exchange over within the same second (a TCP health check whose reply is not in the paste) is not unanswered', () => {
    const r = diagnose(
      '2 113902847566 eni-0a3c5e7a9c1e3a5c7 10.70.0.5 10.70.9.40 33012 9090 6 4 224 1774500001 1774500001 ACCEPT OK',
    );
    expect(codes(r)).not.toContain('REQUEST_NOT_ANSWERED');
  });
});
