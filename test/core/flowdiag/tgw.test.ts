import { describe, expect, it } from 'vitest';
import { citedLines, codes, diagnose, only } from './helpers.js';

/** One TGW record in the 36-field default format. */
function tgw(o: {
  attach: string;
  srcVpc: string;
  dstVpc?: string;
  pair?: string;
  src: string;
  dst: string;
  sport: number;
  dport: number;
  packets: number;
  noRoute?: number;
  blackhole?: number;
  mtu?: number;
  dir?: 'ingress' | 'egress';
  t: number;
}): string {
  return [
    6,
    'TransitGatewayAttachment',
    '118273645091',
    'tgw-0a1b2c3d4e5f60718',
    o.attach,
    '118273645091',
    o.dstVpc ? '118273645091' : '-',
    o.srcVpc,
    o.dstVpc ?? '-',
    'subnet-0a1b2c3d4e5f60718',
    o.dstVpc ? 'subnet-0b2c3d4e5f6071829' : '-',
    'eni-0a1b2c3d4e5f60718',
    o.dstVpc ? 'eni-0b2c3d4e5f6071829' : '-',
    'use1-az1',
    o.dstVpc ? 'use1-az1' : '-',
    o.pair ?? '-',
    o.src,
    o.dst,
    o.sport,
    o.dport,
    6,
    o.packets,
    o.packets * 60,
    o.t,
    o.t + 5,
    'OK',
    'IPv4',
    o.noRoute ?? 0,
    o.blackhole ?? 0,
    o.mtu ?? 0,
    0,
    2,
    'us-east-1',
    o.dir ?? 'ingress',
    '-',
    '-',
  ].join(' ');
}

describe('Transit Gateway flow logs', () => {
  const stagingAttach = 'tgw-attach-0c1d2e3f4a5b6c7d8';
  const prodAttach = 'tgw-attach-0d2e3f4a5b6c7d8e9';
  const sharedAttach = 'tgw-attach-0e3f4a5b6c7d8e9f0';
  const lines = [
    tgw({
      attach: stagingAttach,
      srcVpc: 'vpc-0a9b8c7d6e5f40312',
      src: '10.60.4.4',
      dst: '10.80.2.9',
      sport: 51020,
      dport: 6379,
      packets: 3,
      noRoute: 3,
      t: 1775400000,
    }),
    tgw({
      attach: prodAttach,
      srcVpc: 'vpc-0b8c7d6e5f4031201',
      dstVpc: 'vpc-0c7d6e5f403120112',
      pair: sharedAttach,
      src: '10.70.3.3',
      dst: '10.80.2.9',
      sport: 44100,
      dport: 6379,
      packets: 20,
      t: 1775400002,
    }),
    tgw({
      attach: stagingAttach,
      srcVpc: 'vpc-0a9b8c7d6e5f40312',
      src: '10.60.4.9',
      dst: '10.80.2.9',
      sport: 51388,
      dport: 6379,
      packets: 4,
      noRoute: 4,
      t: 1775400010,
    }),
  ];
  const paste = `staging can't reach the shared redis since we split the tgw route tables, prod is fine\n${lines.join('\n')}`;

  it('packets-lost-no-route with no destination attachment: TGW_PACKETS_LOST and TGW_ROUTE_MISSING, naming the attachment prod reaches', () => {
    const r = diagnose(paste);
    const lost = only(r, 'TGW_PACKETS_LOST');
    expect(lost.severity).toBe('error');
    expect(citedLines(lost)).toEqual([2, 4]);
    const route = only(r, 'TGW_ROUTE_MISSING');
    expect(route.severity).toBe('error');
    expect(citedLines(route)).toEqual([2, 3, 4]);
    const cmds = route.fixes[0]!.commands.join('\n');
    expect(cmds).toContain(`--transit-gateway-attachment-ids ${stagingAttach}`);
    expect(cmds).toContain(
      `enable-transit-gateway-route-table-propagation --region us-east-1 --transit-gateway-route-table-id "$TGW_RTB" --transit-gateway-attachment-id ${sharedAttach}`,
    );
    expect(route.subject?.resourceIds).toContain(stagingAttach);
    expect(route.subject?.server).toBe('10.80.2.9');
    expect(route.confirm?.logsInsights).toContain('parse @message');
    expect(route.confirm?.athena).toContain('packets_lost_no_route > 0');
  });

  it('a blackhole route is a TGW_ROUTE_MISSING too', () => {
    const r = diagnose(
      tgw({
        attach: stagingAttach,
        srcVpc: 'vpc-0a9b8c7d6e5f40312',
        src: '10.60.4.4',
        dst: '10.80.2.9',
        sport: 51020,
        dport: 6379,
        packets: 3,
        blackhole: 3,
        t: 1775400000,
      }),
    );
    expect(only(r, 'TGW_ROUTE_MISSING').title).toContain('blackhole');
  });

  it('packets-lost-mtu-exceeded gives MTU_PMTUD_BLACKHOLE with the ICMP rule that lets path MTU discovery work', () => {
    const r = diagnose(
      tgw({
        attach: prodAttach,
        srcVpc: 'vpc-0b8c7d6e5f4031201',
        dstVpc: 'vpc-0c7d6e5f403120112',
        pair: sharedAttach,
        src: '10.70.3.3',
        dst: '10.80.2.9',
        sport: 44100,
        dport: 5432,
        packets: 40,
        mtu: 12,
        t: 1775400002,
      }),
    );
    const f = only(r, 'MTU_PMTUD_BLACKHOLE');
    expect(f.severity).toBe('error');
    expect(f.fixes.map((x) => x.commands.join('\n')).join('\n')).toContain('--icmp-type-code Type=3,Code=4');
    expect(codes(r)).toContain('TGW_PACKETS_LOST');
    expect(codes(r)).not.toContain('TGW_ROUTE_MISSING');
  });

  it('TGW records without lost packets raise nothing', () => {
    const r = diagnose(lines[1]!);
    expect(r.findings).toEqual([]);
    expect(r.input.tgwRecords).toBe(1);
  });
});
