import { describe, expect, it } from 'vitest';
import { codes, diagnose, evidenceLines, find, lineOf } from './helpers.js';

const REPLY_CODES = [
  'NACL_OUTBOUND_BLOCKS_RESPONSE',
  'NACL_INBOUND_BLOCKS_RESPONSE',
  'NACL_EPHEMERAL_RANGE_TOO_NARROW',
] as const;

/**
 * The app subnet lets syslog out but takes nothing back in on high ports; the collector subnet takes
 * syslog in but sends nothing back out on high ports. Fine for one-way UDP, fatal for anything that answers.
 */
function paste(
  sentence: string,
  collectorInbound = 'inbound: 100 allow udp 514 10.0.0.0/16, 110 allow udp 8125 10.0.0.0/16, * deny all',
) {
  return `${sentence}
app subnet app-a 10.0.1.0/24 (subnet-0a11a11a11a11a11a) NACL acl-0a11ce0a11ce0a11c:
inbound: 100 allow tcp 22 10.0.0.0/16, 110 allow tcp 443 10.0.0.0/16, * deny all
outbound: 100 allow udp 514 10.0.20.0/24, 110 allow udp 8125 10.0.20.0/24, 120 allow udp 53 10.0.0.0/16, 130 allow tcp 443 0.0.0.0/0, * deny all
logs subnet logs-a 10.0.20.0/24 (subnet-0c01ec7a0b1c2d3e4) NACL acl-0c0ffee1234567890:
${collectorInbound}
outbound: 100 allow tcp 1024-65535 10.0.0.0/16, * deny all`;
}

describe('one-way UDP has no replies for a NACL to drop', () => {
  it.each([
    'syslog over udp from our app servers 10.0.1.0/24 to the collector 10.0.20.10:514 never arrives',
    "the app servers in subnet app-a (10.0.1.0/24) can't send statsd metrics to 10.0.20.10:8125/udp, nothing shows up",
  ])('"%s": no reply finding on either NACL, and the path is open', (sentence) => {
    const findings = diagnose(paste(sentence)).findings;
    for (const code of REPLY_CODES) expect(codes(findings)).not.toContain(code);
    expect(codes(findings)).not.toContain('NACL_INBOUND_BLOCKS_REQUEST');
    expect(codes(findings)).not.toContain('NACL_OUTBOUND_BLOCKS_REQUEST');
    // the path was read, as UDP, and judged open
    expect(find(findings, 'NETWORK_PATH_OK').subject).toMatchObject({ server: '10.0.20.10', protocol: 17 });
  });

  it('the request direction of one-way UDP is still judged: a collector NACL that takes syslog over TCP only drops it', () => {
    const text = paste(
      'syslog over udp from our app servers 10.0.1.0/24 to the collector 10.0.20.10:514 never arrives',
      'inbound: 100 allow tcp 514 10.0.0.0/16, * deny all',
    );
    const findings = diagnose(text).findings;
    const f = find(findings, 'NACL_INBOUND_BLOCKS_REQUEST');
    expect(f.subject).toMatchObject({ server: '10.0.20.10', serverPort: 514, protocol: 17 });
    expect(f.fixes[0]!.commands.join('\n')).toContain('--ingress --rule-number 110 --protocol 17');
    expect(evidenceLines(f)).toEqual(expect.arrayContaining([1, lineOf(text, 'allow tcp 514')]));
    for (const code of REPLY_CODES) expect(codes(findings)).not.toContain(code);
  });

  it('UDP that answers (DNS) through the same NACLs still gets its reply findings', () => {
    const text = paste(
      "the app servers in subnet app-a (10.0.1.0/24) can't reach our resolver 10.0.20.10 on udp 53, lookups time out",
      'inbound: 100 allow udp 53 10.0.0.0/16, * deny all',
    );
    const findings = diagnose(text).findings;
    const out = find(findings, 'NACL_OUTBOUND_BLOCKS_RESPONSE');
    expect(out.subject).toMatchObject({ server: '10.0.20.10', serverPort: 53, protocol: 17 });
    const inb = find(findings, 'NACL_INBOUND_BLOCKS_RESPONSE');
    expect(inb.subject).toMatchObject({ serverPort: 53, protocol: 17 });
    expect(inb.fixes[0]!.commands.join('\n')).toContain('--ingress');
  });
});
