import { describe, expect, it } from 'vitest';
import {
  cidrContains,
  coveringCidr,
  isPrivateAddress,
  parseIPv6,
} from '../../../src/core/flowdiag/addresses.js';
import { confirmQueries } from '../../../src/core/flowdiag/confirm.js';
import { naclCidrFor, sgCidrsFor } from '../../../src/core/flowdiag/fixes.js';
import { clientRangesFor, serverPortSide } from '../../../src/core/flowdiag/ports.js';
import { compileFormat } from '../../../src/core/flowlog/format.js';

describe('addresses', () => {
  it('private means RFC 1918, CGNAT, link-local, loopback, ULA; documentation ranges count as public', () => {
    for (const a of [
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '100.64.0.1',
      '169.254.169.254',
      'fd00::1',
      'fe80::1',
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['172.32.0.1', '203.0.113.5', '198.51.100.1', '8.8.8.8', '2001:db8::1', '100.128.0.1'])
      expect(isPrivateAddress(a), a).toBe(false);
  });

  it('the covering block of a set of clients is the smallest one that holds them all', () => {
    expect(coveringCidr(['10.40.0.87', '10.40.1.142'])).toBe('10.40.0.0/23');
    expect(coveringCidr(['172.16.20.31', '172.16.20.54', '172.16.40.12'])).toBe('172.16.0.0/18');
    expect(coveringCidr(['2001:db8:1234:a100::5', '2001:db8:1234:a102::9'])).toBe('2001:db8:1234:a100::/62');
    expect(cidrContains('10.40.0.0/23', '10.40.1.142')).toBe(true);
    expect(cidrContains('10.40.0.0/23', '10.40.2.1')).toBe(false);
    expect(parseIPv6('::ffff:10.0.0.1')).toBe(0xffff0a000001n);
  });

  it('NACL CIDRs widen to 0.0.0.0/0 for internet clients; SG rules list a few hosts one by one', () => {
    expect(naclCidrFor(['203.0.113.5', '8.8.8.8'])).toBe('0.0.0.0/0');
    expect(naclCidrFor(['10.1.1.1'])).toBe('10.1.1.1/32');
    expect(sgCidrsFor(['10.1.1.1', '10.1.1.9'])).toEqual(['10.1.1.1/32', '10.1.1.9/32']);
    expect(sgCidrsFor(['10.1.1.1', '10.1.1.2', '10.1.1.3', '10.1.1.4', '10.1.1.9'])).toEqual(['10.1.1.0/28']);
  });
});

describe('ports', () => {
  it('a service port wins over an ephemeral one; two unknown high ports tell nothing', () => {
    expect(serverPortSide(51000, 443)).toEqual({ side: 'b', evidence: 'strong' });
    expect(serverPortSide(9100, 45000)).toEqual({ side: 'a', evidence: 'strong' });
    expect(serverPortSide(7400, 51000)?.side).toBe('a');
    expect(serverPortSide(7400, 51000)?.evidence).toBe('weak');
    expect(serverPortSide(40000, 52000)).toBeUndefined();
    expect(serverPortSide(123, 123)).toBeUndefined();
  });

  it('names the client OS ranges the ports point to', () => {
    expect(clientRangesFor([61377, 64002]).join(' ')).toContain('49152-65535');
    expect(clientRangesFor([2100]).join(' ')).toContain('1024-65535');
    expect(clientRangesFor([40000, 50000]).join(' ')).toContain('32768-60999');
  });
});

describe('confirm queries', () => {
  const filters = [
    { field: 'interface-id', value: 'eni-0a1b2c3d4e5f60718' },
    { field: 'dstport', value: 443 },
  ];

  it("use Logs Insights' discovered fields for the default format and AWS's Athena column names, quoting start/end", () => {
    const q = confirmQueries({ format: undefined, filters, groupBy: ['action'], range: ['srcport'] });
    expect(q.logsInsights).toContain('filter interfaceId = "eni-0a1b2c3d4e5f60718" and dstPort = 443');
    expect(q.logsInsights).not.toContain('parse @message');
    expect(q.athena).toContain("interface_id = 'eni-0a1b2c3d4e5f60718'");
    expect(q.athena).toContain('dstport = 443');
    expect(q.athena).toContain('"start" >= to_unixtime');
    expect(q.athena).toContain('GROUP BY "action"');
    expect(q.athena).toContain('FROM vpc_flow_logs');
  });

  it('parse custom formats in Logs Insights, in the order of the format', () => {
    const fmt = compileFormat(
      ['interface-id', 'srcaddr', 'dstaddr', 'dstport', 'action', 'tcp-flags'],
      'header',
      'h',
    );
    const q = confirmQueries({ format: fmt, filters, groupBy: ['action'] });
    expect(q.logsInsights.split('\n')[0]).toBe(
      'parse @message "* * * * * *" as interface_id, srcaddr, dstaddr, dstport, action, tcp_flags',
    );
    expect(q.logsInsights).toContain('dstport = "443"');
  });
});
