import { describe, expect, it } from 'vitest';
import { codes, diagnose, only } from './helpers.js';

describe('EXPECTED_AMAZON_DNS_NOT_LOGGED', () => {
  it('a user asking why DNS and metadata traffic are missing gets "never logged", citing their words', () => {
    const paste = `audit wants proof the build box only resolves through the vpc resolver, but the flow log has no port 53 traffic at all
and nothing to 169.254.169.254 either although the instance role works. is the flow log broken?
2 771029384566 eni-0d5f7a9c1e3b5d7f9 10.40.3.3 10.40.9.12 44810 443 6 12 2210 1775100000 1775100002 ACCEPT OK
2 771029384566 eni-0d5f7a9c1e3b5d7f9 10.40.9.12 10.40.3.3 443 44810 6 10 8420 1775100000 1775100002 ACCEPT OK`;
    const r = diagnose(paste);
    const f = only(r, 'EXPECTED_AMAZON_DNS_NOT_LOGGED');
    expect(f.severity).toBe('info');
    expect(f.evidence.map((e) => e.kind)).toEqual(['text', 'text']);
    expect(f.evidence.map((e) => e.lines[0])).toEqual([1, 2]);
    expect(f.explanation).toContain('169.254.169.254');
    expect(f.fixes[0]!.commands.join('\n')).toContain('associate-resolver-query-log-config');
    expect(r.counts.error + r.counts.warning).toBe(0);
  });

  it('DNS mentioned without asking about missing records is not answered with it', () => {
    const paste = `dns resolves fine (dig gives 10.40.9.12) but the connection times out
2 771029384566 eni-0d5f7a9c1e3b5d7f9 10.40.3.3 10.40.9.12 44810 443 6 3 180 1775100000 1775100059 REJECT OK`;
    expect(codes(diagnose(paste))).not.toContain('EXPECTED_AMAZON_DNS_NOT_LOGGED');
  });
});
