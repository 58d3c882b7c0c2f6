import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/report/schema.js';
import { codes, diagnose, evidenceLines, find } from './helpers.js';

const isTcp = (port: number) => (f: Finding) => f.subject?.protocol === 6 && f.subject.serverPort === port;

describe('traffic the user says works is evidence the path is open, never a fault', () => {
  it('a REJECTed ping reply with "ssh works fine" raises nothing on TCP 22 and does not put the db subnet NACL on the bastion side', () => {
    const paste = `can't ping the reporting db 10.0.2.20 from the bastion 10.0.1.15, ssh works fine though. flow logs from the db's eni:
2 612345678901 eni-0db0a1b2c3d4e5f60 10.0.1.15 10.0.2.20 0 0 1 4 336 1764150000 1764150060 ACCEPT OK
2 612345678901 eni-0db0a1b2c3d4e5f60 10.0.2.20 10.0.1.15 0 0 1 4 336 1764150000 1764150060 REJECT OK
bastion subnet subnet-0ba5710a1b2c3d4e5 10.0.1.0/24
db subnet subnet-0db2c3d4e5f6a7b8c 10.0.2.0/24 nacl acl-0db5ab3e7aa11b2c3:
inbound: 100 allow tcp 22 10.0.0.0/16, 110 allow icmp 10.0.0.0/16, * deny all
outbound: 100 allow tcp 1024-65535 10.0.0.0/16, * deny all`;
    const findings = diagnose(paste).findings;
    expect(findings.filter(isTcp(22))).toEqual([]);
    expect(codes(findings)).not.toContain('NACL_INBOUND_BLOCKS_RESPONSE');
    expect(codes(findings)).not.toContain('NACL_OUTBOUND_BLOCKS_REQUEST');
    // what is wrong: the ICMP echo reply is dropped leaving the db's subnet, by the db NACL's * egress entry
    const f = find(findings, 'NACL_OUTBOUND_BLOCKS_RESPONSE');
    expect(f.subject).toMatchObject({ client: '10.0.1.15', server: '10.0.2.20', protocol: 1 });
    expect(f.subject?.resourceIds).toContain('acl-0db5ab3e7aa11b2c3');
    expect(evidenceLines(f)).toEqual(expect.arrayContaining([2, 3, 5, 7]));
    expect(evidenceLines(f)).not.toContain(4);
  });

  it('a path that used to time out and now works is not blamed on the NACL the paste shows', () => {
    const paste = `this morning ssh from the bastion 10.0.1.15 to the reporting db 10.0.2.20 timed out
ssh works fine now, only ping to it still fails
bastion subnet subnet-0ba5710a1b2c3d4e5 10.0.1.0/24
db subnet subnet-0db2c3d4e5f6a7b8c 10.0.2.0/24 nacl acl-0db5ab3e7aa11b2c3:
inbound: 100 allow tcp 5432 10.0.0.0/16, 110 allow icmp 10.0.0.0/16, * deny all
outbound: 100 allow tcp 1024-65535 10.0.0.0/16, * deny all`;
    const findings = diagnose(paste).findings;
    expect(findings.filter(isTcp(22))).toEqual([]);
    expect(codes(findings)).not.toContain('NACL_INBOUND_BLOCKS_REQUEST');
  });

  it('the port of a clause that works is not given to the failing traffic: "https works, http times out" is TCP 80', () => {
    const paste = `https from the app box 10.0.1.20 to the api 10.0.2.50 works but http to it times out
api subnet subnet-0a9i0a1b2c3d4e5f6 10.0.2.0/24 nacl acl-0a9i0a9i0a9i0a9i0:
inbound: 100 allow tcp 443 10.0.0.0/16, * deny all
outbound: 100 allow tcp 1024-65535 10.0.0.0/16, * deny all`;
    const findings = diagnose(paste).findings;
    const f = find(findings, 'NACL_INBOUND_BLOCKS_REQUEST');
    expect(f.subject).toMatchObject({
      client: '10.0.1.20',
      server: '10.0.2.50',
      serverPort: 80,
      protocol: 6,
    });
    expect(f.fixes.flatMap((x) => x.commands).join('\n')).toContain(
      '--protocol 6 --port-range From=80,To=80',
    );
    expect(evidenceLines(f)).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(findings.filter(isTcp(443))).toEqual([]);
  });

  it('"ssh works from the office" does not clear the failing ssh path from the vpn clients', () => {
    const paste = `ssh from the vpn clients 172.16.8.0/22 to the bastion 10.0.1.15 times out, ssh works fine from the office 192.168.10.0/24
the bastion i-0ba5710a1b2c3d4e5 (10.0.1.15) has sg-0ba5710a1b2c3d4e5 which only allows inbound tcp 22 from 192.168.10.0/24`;
    const f = find(diagnose(paste).findings, 'SG_INBOUND_SOURCE_MISMATCH');
    expect(f.subject).toMatchObject({ server: '10.0.1.15', serverPort: 22, protocol: 6 });
    expect(f.fixes.flatMap((x) => x.commands).join('\n')).toContain(
      'IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=172.16.8.0/22}]',
    );
    expect(evidenceLines(f)).toEqual([1, 2]);
  });
});
