import { describe, expect, it } from 'vitest';
import { diagnose, find } from './helpers.js';

describe('NACL blocks-response fixes follow the protocol of the traffic', () => {
  it('UDP syslog replies dropped by the collector subnet NACL are fixed with a UDP 1024-65535 outbound entry', () => {
    const paste = `syslog from the app hosts stopped arriving, collector 10.0.20.10 is in subnet-0c0ll3ct0r0000001
collector subnet NACL acl-0a1b2c3d4e5f60718:
inbound: 100 ALLOW UDP 514 10.0.0.0/16 ; * DENY ALL
outbound: 100 ALLOW TCP 443 0.0.0.0/0 ; * DENY ALL
2 902118437765 eni-0e4a1c7b9d3f5a2c6 10.0.5.21 10.0.20.10 40512 514 17 3 420 1772446445 1772446502 ACCEPT OK
2 902118437765 eni-0e4a1c7b9d3f5a2c6 10.0.20.10 10.0.5.21 514 40512 17 3 180 1772446445 1772446502 REJECT OK`;
    const f = find(diagnose(paste).findings, 'NACL_OUTBOUND_BLOCKS_RESPONSE');
    expect(f.subject).toMatchObject({ serverPort: 514, protocol: 17 });
    expect(f.subject?.resourceIds).toContain('acl-0a1b2c3d4e5f60718');
    const fix = f.fixes[0]!;
    expect(fix.commands.join('\n')).toContain(
      '--egress --rule-number 110 --protocol 17 --port-range From=1024,To=65535',
    );
    expect(fix.terraform).toMatch(/protocol\s+= "udp"/);
    expect(fix.summary).toMatch(/\bUDP 1024-65535\b/);
    expect(fix.summary).not.toContain('TCP');
  });
});
