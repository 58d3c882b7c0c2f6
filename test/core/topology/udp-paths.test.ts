import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/report/schema.js';
import { codes, diagnose, evidenceLines, find, lineOf } from './helpers.js';

// The collector's subnet lets syslog in over TCP only, and so does its SG; the app servers send it over UDP.
const COLLECTOR = `logs subnet logs-a 10.0.20.0/24 (subnet-0c01ec7a0b1c2d3e4) NACL acl-0c0ffee1234567890:
inbound: 100 allow tcp 514 10.0.0.0/16, 110 allow tcp 1024-65535 0.0.0.0/0, * deny all
outbound: 100 allow all 0.0.0.0/0
the collector i-0c01ec7a0b1c2d3e4 (10.0.20.10) has sg-0a1b2c3d4e5f67890 which only allows inbound tcp 514 from 10.0.0.0/16`;

const APP = 'the app servers in subnet app-a (10.0.1.0/24)';

function commands(f: Finding): string {
  return f.fixes.flatMap((x) => x.commands).join('\n');
}

describe('a port written with its protocol gives that protocol and the whole port', () => {
  it.each([
    `${APP} can't send syslog to the collector 10.0.20.10:514/udp, nothing arrives`,
    `${APP} can't reach the collector 10.0.20.10 on 514/udp`,
    `${APP} can't reach the collector 10.0.20.10 on udp/514`,
    `${APP} can't reach the collector 10.0.20.10 on UDP 514`,
    `${APP} can't reach the collector 10.0.20.10 on udp port 514`,
    `${APP} can't reach the collector 10.0.20.10 port 514 (udp)`,
    `${APP} can't send syslog over udp to 10.0.20.10:514`,
    `from ${APP}, syslog over udp to 10.0.20.10:514 times out`,
    `syslog over udp from ${APP} to the collector 10.0.20.10:514 never arrives`,
  ])('"%s" is UDP 514: the TCP-only NACL and SG rules are blamed with UDP fixes', (sentence) => {
    const paste = `${sentence}\n${COLLECTOR}`;
    const findings = diagnose(paste).findings;
    const nacl = find(findings, 'NACL_INBOUND_BLOCKS_REQUEST');
    expect(nacl.subject).toMatchObject({ server: '10.0.20.10', serverPort: 514, protocol: 17 });
    expect(commands(nacl)).toContain(
      '--ingress --rule-number 120 --protocol 17 --port-range From=514,To=514',
    );
    expect(nacl.fixes[0]!.terraform).toMatch(/protocol\s+= "udp"/);
    expect(evidenceLines(nacl)).toEqual(expect.arrayContaining([1, 2, 3]));
    const sg = find(findings, 'SG_INBOUND_BLOCKS');
    expect(sg.subject).toMatchObject({ serverPort: 514, protocol: 17 });
    expect(commands(sg)).toContain('IpProtocol=udp,FromPort=514,ToPort=514');
    expect(evidenceLines(sg)).toEqual(expect.arrayContaining([1, lineOf(paste, 'sg-0a1b2c3d4e5f67890')]));
    // no finding speaks of TCP, nor of a cut port (51)
    expect(findings.filter((f) => f.subject?.protocol === 6)).toEqual([]);
    expect(findings.filter((f) => f.subject?.serverPort === 51)).toEqual([]);
  });

  it.each([
    `${APP} can't reach the collector 10.0.20.10 on tcp 514`,
    `${APP} can't reach the collector 10.0.20.10 on 514/tcp`,
    `${APP} can't reach the collector 10.0.20.10:514`,
  ])('"%s" is TCP 514, which the NACL and the SG allow', (sentence) => {
    const findings = diagnose(`${sentence}\n${COLLECTOR}`).findings;
    expect(codes(findings)).not.toContain('NACL_INBOUND_BLOCKS_REQUEST');
    expect(codes(findings)).not.toContain('SG_INBOUND_BLOCKS');
    expect(findings.filter((f) => f.subject?.protocol === 17)).toEqual([]);
  });

  it('udp said with another port does not make the failing port UDP', () => {
    const paste = `we opened udp 53 in the nacl last week, but the app box 10.0.1.20 can't reach the api 10.0.2.50 on 443 now
api subnet subnet-0a9e0a1b2c3d4e5f6 10.0.2.0/24 nacl acl-0a9e0a9e0a9e0a9e0:
inbound: 100 allow udp 53 10.0.0.0/16, * deny all
outbound: 100 allow all 0.0.0.0/0`;
    const f = find(diagnose(paste).findings, 'NACL_INBOUND_BLOCKS_REQUEST');
    expect(f.subject).toMatchObject({
      client: '10.0.1.20',
      server: '10.0.2.50',
      serverPort: 443,
      protocol: 6,
    });
    expect(commands(f)).toContain('--protocol 6 --port-range From=443,To=443');
    expect(evidenceLines(f)).toEqual([1, 2, 3]);
  });

  it('the compact notation reads host:port/udp as a UDP path', () => {
    const paste = `subnet app-a 10.0.1.0/24 vpc=prod
subnet logs-a 10.0.20.0/24 vpc=prod nacl=acl-logs
nacl acl-logs vpc=prod in: 100 allow tcp 514 10.0.0.0/16; 110 allow tcp 1024-65535 0.0.0.0/0 out: 100 allow all 0.0.0.0/0
host collector subnet=logs-a ip=10.0.20.10 sgs=sg-logs
sg sg-logs vpc=prod in: tcp 514 10.0.0.0/16
path app-a -> 10.0.20.10:514/udp`;
    const findings = diagnose(paste).findings;
    const nacl = find(findings, 'NACL_INBOUND_BLOCKS_REQUEST');
    expect(nacl.subject).toMatchObject({ server: '10.0.20.10', serverPort: 514, protocol: 17 });
    expect(commands(nacl)).toContain('--protocol 17 --port-range From=514,To=514');
    expect(evidenceLines(nacl)).toEqual(expect.arrayContaining([3, 6]));
    expect(commands(find(findings, 'SG_INBOUND_BLOCKS'))).toContain('IpProtocol=udp,FromPort=514,ToPort=514');
  });
});

describe('a UDP request-and-reply path is fixed with UDP entries on both ways', () => {
  it('"dns (udp 53)" to a resolver whose subnet NACL lets only TCP replies out is fixed with a UDP 1024-65535 outbound entry', () => {
    const paste = `name lookups fail on the app servers: dns (udp 53) from subnet app-a (10.0.1.0/24) to our resolver 10.0.30.53 times out
resolver subnet dns-a 10.0.30.0/24 (subnet-0d45a1b2c3d4e5f60) NACL acl-0d45d45d45d45d45d:
inbound: 100 allow udp 53 10.0.0.0/16, 110 allow tcp 53 10.0.0.0/16, * deny all
outbound: 100 allow tcp 1024-65535 10.0.0.0/16, * deny all`;
    const findings = diagnose(paste).findings;
    expect(codes(findings)).not.toContain('NACL_INBOUND_BLOCKS_REQUEST');
    const f = find(findings, 'NACL_OUTBOUND_BLOCKS_RESPONSE');
    expect(f.subject).toMatchObject({ server: '10.0.30.53', serverPort: 53, protocol: 17 });
    expect(commands(f)).toContain('--egress --rule-number 110 --protocol 17 --port-range From=1024,To=65535');
    expect(f.fixes[0]!.summary).toMatch(/\bUDP 1024-65535\b/);
    expect(evidenceLines(f)).toEqual(expect.arrayContaining([1, 2, 4]));
  });
});
