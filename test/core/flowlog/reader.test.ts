import { describe, expect, it } from 'vitest';
import { FlowLogReader } from '../../../src/core/flowlog/reader.js';
import type { ParseItem, RecordItem } from '../../../src/core/flowlog/types.js';
import { readAll } from '../../helpers/read-all.js';

const V2_ACCEPT =
  '2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK';
const V2_REJECT =
  '2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK';

describe('reading the default v2 format', () => {
  it('reads every field with AWS names, numbers as numbers and IDs as strings', () => {
    const { records } = readAll(V2_ACCEPT);
    expect(records).toHaveLength(1);
    expect(records[0]!.line).toBe(1);
    expect(records[0]!.fields).toMatchObject({
      version: 2,
      'account-id': '123456789010',
      'interface-id': 'eni-1235b8ca123456789',
      srcaddr: '172.31.16.139',
      dstaddr: '172.31.16.21',
      srcport: 20641,
      dstport: 22,
      protocol: 6,
      packets: 20,
      bytes: 4249,
      start: 1418530010,
      end: 1418530070,
      action: 'ACCEPT',
      'log-status': 'OK',
    });
  });

  it('keeps the leading zeros of an account ID', () => {
    const { records } = readAll(V2_ACCEPT.replace('123456789010', '012345678901'));
    expect(records[0]!.fields['account-id']).toBe('012345678901');
  });

  it('treats - as absent in any field and reads NODATA and SKIPDATA as skipped records', () => {
    const { records, skipped, stats } = readAll(
      [
        '2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA',
        '2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - SKIPDATA',
      ].join('\n'),
    );
    expect(records).toHaveLength(0);
    expect(skipped.map((s) => s.status)).toEqual(['NODATA', 'SKIPDATA']);
    expect(skipped[0]!.fields.srcaddr).toBeUndefined();
    expect(skipped[0]!.fields.action).toBeUndefined();
    expect(JSON.parse(JSON.stringify(skipped[0]!.fields))).not.toHaveProperty('srcaddr');
    expect(stats).toMatchObject({ nodata: 1, skipdata: 1, records: 0 });
  });

  it('reads IPv6 addresses and ICMP records', () => {
    const { records } = readAll(
      [
        '2 123456789010 eni-1235b8ca123456789 2001:db8:1234:a100:8d6e:3477:df66:f105 2001:db8:1234:a102:3304:8879:34cf:4071 34892 22 6 54 8855 1477913708 1477913820 ACCEPT OK',
        '2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336 1432917027 1432917142 ACCEPT OK',
      ].join('\n'),
    );
    expect(records.map((r) => r.fields.srcaddr)).toEqual([
      '2001:db8:1234:a100:8d6e:3477:df66:f105',
      '203.0.113.12',
    ]);
    expect(records[1]!.fields.protocol).toBe(1);
  });

  it('counts records by action', () => {
    const { stats } = readAll([V2_ACCEPT, V2_REJECT, V2_REJECT].join('\n'));
    expect(stats).toMatchObject({ records: 3, accept: 1, reject: 2, invalid: 0 });
  });
});

describe('finding the format', () => {
  const custom =
    'version vpc-id subnet-id instance-id interface-id account-id type srcaddr dstaddr srcport dstport pkt-srcaddr pkt-dstaddr protocol bytes packets start end action tcp-flags log-status';
  const customLine =
    '3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 52.213.180.42 10.0.0.62 43416 5001 52.213.180.42 10.0.0.62 6 568 8 1566848875 1566848933 ACCEPT 2 OK';

  it('takes the field order from a header line with hyphens', () => {
    const { records, items } = readAll(`${custom}\n${customLine}`);
    expect(items[0]).toMatchObject({ kind: 'ignored', reason: 'header', line: 1 });
    expect(records[0]!.fields).toMatchObject({
      bytes: 568,
      packets: 8,
      'tcp-flags': 2,
      'vpc-id': 'vpc-abcdefab012345678',
    });
    expect(records[0]!.format.source).toBe('header');
  });

  it('takes the field order from a header with underscores', () => {
    const { records } = readAll(`${custom.replace(/-/g, '_')}\n${customLine}`);
    expect(records[0]!.fields.bytes).toBe(568);
  });

  it("takes the field order from the console's ${field} format string", () => {
    const fmt = custom
      .split(' ')
      .map((f) => `\${${f}}`)
      .join(' ');
    const { records, items } = readAll(`"LogFormat": "${fmt}",\n${customLine}`);
    expect(items[0]).toMatchObject({ kind: 'ignored', reason: 'format' });
    expect(records[0]!.fields.packets).toBe(8);
  });

  it('takes the field order from a `format:` line in the paste', () => {
    const { records } = readAll(`format: ${custom}\n${customLine}`);
    expect(records[0]!.fields.packets).toBe(8);
  });

  it('takes the field order the user gives, in any spelling', () => {
    const { records } = readAll(customLine, custom.replace(/-/g, '_'));
    expect(records[0]!.fields).toMatchObject({ packets: 8, bytes: 568, srcaddr: '52.213.180.42' });
    expect(records[0]!.format.source).toBe('user');
  });

  it('recognises a headerless line of a known AWS layout when only that layout fits', () => {
    const { records } = readAll(customLine);
    expect(records).toHaveLength(1);
    expect(records[0]!.fields).toMatchObject({ bytes: 568, packets: 8 });
  });

  it('asks for the format instead of guessing when the field order cannot be told apart', () => {
    // alphabetical custom format, no header: which address is the source cannot be known
    const { records, invalid, warnings } = readAll(
      [
        'ACCEPT 300 10.44.9.12 443 1731575529 eni-0b3c5d7e9f1a3b5c7 OK 5 6 10.44.1.5 33012 1731575528',
        'REJECT 180 10.44.9.12 8443 1731575534 eni-0b3c5d7e9f1a3b5c7 OK 3 6 10.44.3.87 51724 1731575531',
      ].join('\n'),
    );
    expect(records).toHaveLength(0);
    expect(invalid.map((i) => i.line)).toEqual([1, 2]);
    const amb = warnings.find((w) => w.code === 'format-ambiguous');
    expect(amb?.lines).toEqual([1, 2]);
    expect(amb?.message).toMatch(/describe-flow-logs/);
  });

  it('reads the same headerless lines once the user gives the format', () => {
    const { records } = readAll(
      'ACCEPT 300 10.44.9.12 443 1731575529 eni-0b3c5d7e9f1a3b5c7 OK 5 6 10.44.1.5 33012 1731575528',
      'action bytes dstaddr dstport end interface-id log-status packets protocol srcaddr srcport start',
    );
    expect(records[0]!.fields).toMatchObject({
      srcaddr: '10.44.1.5',
      dstaddr: '10.44.9.12',
      dstport: 443,
      bytes: 300,
    });
  });

  it('switches format at each new header, as in concatenated S3 files', () => {
    const { records } = readAll(
      [
        'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status',
        V2_ACCEPT,
        'srcaddr dstaddr action',
        '10.0.0.1 10.0.0.2 REJECT',
      ].join('\n'),
    );
    expect(records.map((r) => r.fields.action)).toEqual(['ACCEPT', 'REJECT']);
    expect(records[1]!.fields).toEqual({ srcaddr: '10.0.0.1', dstaddr: '10.0.0.2', action: 'REJECT' });
  });

  it('reads field names it does not know as strings', () => {
    const { records } = readAll('version srcaddr future-field action\n11 10.0.0.1 some-value ACCEPT');
    expect(records[0]!.fields['future-field']).toBe('some-value');
  });
});

describe('paste noise', () => {
  it('reads records inside Markdown code fences and block quotes', () => {
    const { records, stats } = readAll(['```', V2_ACCEPT, '```', `> ${V2_REJECT}`].join('\n'));
    expect(records.map((r) => r.line)).toEqual([2, 4]);
    expect(stats.invalid).toBe(0);
  });

  it('undoes Slack escaping', () => {
    const { records } = readAll(`&gt; ${V2_ACCEPT}`);
    expect(records).toHaveLength(1);
  });

  it('strips the ISO timestamp the CloudWatch console puts in front, with tabs', () => {
    const { records } = readAll(`Timestamp\tMessage\n2014-12-14T04:06:50.000Z\t${V2_ACCEPT}`);
    expect(records).toHaveLength(1);
    expect(records[0]!.line).toBe(2);
  });

  it('strips the timestamp and stream name of `aws logs tail`', () => {
    const { records } = readAll(`2014-12-14T04:06:50.000000+00:00 eni-1235b8ca123456789-all ${V2_ACCEPT}`);
    expect(records).toHaveLength(1);
  });

  it('reads a CloudWatch CSV export', () => {
    const { records, stats } = readAll(
      `timestamp,message\n1418530010000,"${V2_ACCEPT}"\n1418530010000,${V2_REJECT}`,
    );
    expect(records.map((r) => r.fields.action)).toEqual(['ACCEPT', 'REJECT']);
    expect(stats.invalid).toBe(0);
  });

  it('reads JSON-wrapped lines and CloudWatch subscription payloads', () => {
    const sub = JSON.stringify({
      messageType: 'DATA_MESSAGE',
      logStream: 'eni-1235b8ca123456789-all',
      logEvents: [
        { id: '1', timestamp: 1418530010000, message: V2_ACCEPT },
        { id: '2', timestamp: 1418530010000, message: V2_REJECT },
      ],
    });
    const { records } = readAll(`{"message": "${V2_ACCEPT}"}\n${sub}\n    "message": "${V2_REJECT}",`);
    expect(records).toHaveLength(4);
    expect(records.map((r) => r.line)).toEqual([1, 2, 2, 3]);
  });

  it('reads Logs Insights table rows, by @message or by field columns', () => {
    const { records } = readAll(
      [
        '| @timestamp | @message |',
        '|---|---|',
        `| 2014-12-14 04:06:50.000 | ${V2_ACCEPT} |`,
        '',
        '| srcAddr | dstAddr | dstPort | action |',
        '| 10.0.0.5 | 10.0.1.9 | 5432 | REJECT |',
      ].join('\n'),
    );
    expect(records).toHaveLength(2);
    expect(records[1]!.fields).toEqual({
      srcaddr: '10.0.0.5',
      dstaddr: '10.0.1.9',
      dstport: 5432,
      action: 'REJECT',
    });
  });

  it('copes with CRLF, tabs and runs of spaces', () => {
    const { records } = readAll(`${V2_ACCEPT.replace(/ /g, '\t')}\r\n${V2_REJECT.replace(/ /g, '   ')}\r\n`);
    expect(records).toHaveLength(2);
  });

  it('drops trailing comments and ignores elisions', () => {
    const { records, items } = readAll(`${V2_ACCEPT} # the SSH session\n...\n${V2_REJECT} // blocked`);
    expect(records).toHaveLength(2);
    expect(items[1]).toMatchObject({ kind: 'ignored', reason: 'elision' });
  });

  it('re-splits records that a chat client ran together on one line, prose around them', () => {
    const line = `flow logs from the eni: \`\`\`${V2_ACCEPT} ${V2_REJECT} ${V2_ACCEPT}\`\`\` any idea??`;
    const { records, stats } = readAll(line);
    expect(records.map((r) => [r.line, r.part])).toEqual([
      [1, 0],
      [1, 1],
      [1, 2],
    ]);
    expect(records[1]!.fields.action).toBe('REJECT');
    expect(stats.invalid).toBe(0);
  });

  it('ignores prose and config JSON around the records without calling them invalid', () => {
    const { stats } = readAll(
      [
        'hey, our ALB targets went unhealthy, SG allows 8080',
        '{',
        '  "CidrBlock": "0.0.0.0/0",',
        '}',
        V2_ACCEPT,
      ].join('\n'),
    );
    expect(stats).toMatchObject({ records: 1, invalid: 0, ignored: 4 });
  });
});

describe('lines that cannot be read', () => {
  it('says which field is wrong, with the line number', () => {
    const { invalid } = readAll(`${V2_ACCEPT}\n${V2_REJECT.replace('49761', 'abc')}`);
    expect(invalid).toHaveLength(1);
    expect(invalid[0]!.line).toBe(2);
    expect(invalid[0]!.reason).toMatch(/srcport/);
  });

  it('says when a record is cut off', () => {
    const { invalid } = readAll(`${V2_ACCEPT}\n2 123456789010 eni-1235b8ca123456789 172.31.9.69 ...`);
    expect(invalid[0]!.reason).toMatch(/cut off/);
  });

  it('never throws on arbitrary text', () => {
    const nasty = [
      '\u0000\u0001',
      '{"message": 5}',
      '[[[',
      '| | |',
      '${}',
      'format:',
      '`'.repeat(50),
      '2 '.repeat(500),
      '\uD800',
    ];
    expect(() => readAll(nasty.join('\n'))).not.toThrow();
  });
});

describe('Transit Gateway flow logs', () => {
  const tgw =
    '6 TransitGatewayAttachment 118273645091 tgw-0c7a2e4b9d1f3a5e6 tgw-attach-0d1e2f3a4b5c6d7e8 340918273645 - vpc-0a4d6f8b0c2e4a6d8 - subnet-0e3a5c7e9a1c3e5a7 - eni-0f4b6d8f0a2c4e6b8 - use1-az2 - - 10.50.14.61 10.80.12.30 51544 5432 6 3 180 1731052862 1731052869 OK IPv4 3 0 0 0 2 us-east-1 ingress - -';

  it('recognises the 36-field default TGW layout and reads its packets-lost counters', () => {
    const { records, stats } = readAll(tgw);
    expect(records[0]!.format.tgw).toBe(true);
    expect(records[0]!.fields).toMatchObject({
      'resource-type': 'TransitGatewayAttachment',
      'tgw-attachment-id': 'tgw-attach-0d1e2f3a4b5c6d7e8',
      'packets-lost-no-route': 3,
      'packets-lost-blackhole': 0,
      'tcp-flags': 2,
      'flow-direction': 'ingress',
    });
    expect(records[0]!.fields['tgw-dst-vpc-id']).toBeUndefined();
    expect(records[0]!.fields.action).toBeUndefined();
    expect(stats.tgwRecords).toBe(1);
  });

  it('reads TGW and VPC records mixed in one paste', () => {
    const { records } = readAll(`${tgw}\n${V2_ACCEPT}`);
    expect(records.map((r) => r.format.tgw)).toEqual([true, false]);
  });
});

describe('shapes people paste that the Elastic corpora turned up', () => {
  const v5 =
    '5 98765432101 eni-0f3a9c2e7b1d4a6c8 10.20.4.17 52.94.133.131 41822 443 6 14 2871 1731575529 1731575588 ACCEPT OK vpc-0c4e2a8f6b0d2e4a6 subnet-0a9e7c5b3d1f9e7c5 i-0d6b4f2a8c0e6b4d2 3 IPv4 10.20.4.17 52.94.133.131 eu-west-1 euw1-az2 - - - S3 egress 8';

  it('reads a headerless line of a known layout whose account ID lost its leading zero', () => {
    // 098765432101 through a spreadsheet: 11 digits
    const { records, warnings } = readAll(v5);
    expect(records).toHaveLength(1);
    expect(records[0]!.fields).toMatchObject({ 'account-id': '98765432101', 'traffic-path': 8, bytes: 2871 });
    expect(warnings.map((w) => w.code)).toEqual(['format-inferred']);
  });

  it('reads a headerless Transit Gateway line whose AZ fields hold AZ names', () => {
    const tgw =
      'TransitGatewayAttachment 210987654321 tgw-0b5d7f9a1c3e5b7d9 tgw-attach-0e2a4c6e8a0c2e4a6 210987654321 210987654321 vpc-0a2c4e6a8c0e2a4c6 vpc-0b3d5f7b9d1f3b5d7 subnet-0c4e6a8c0e2a4c6e8 subnet-0d5f7b9d1f3b5d7f9 eni-0e6a8c0e2a4c6e8a0 eni-0f7b9d1f3b5d7f9b1 eu-west-1a eu-west-1b - 10.20.4.17 10.30.8.9 51544 5432 6 3 180 1731575529 1731575588 OK IPv4 0 3 0 0 2 eu-west-1 egress - -';
    const { records } = readAll(tgw);
    expect(records).toHaveLength(1);
    expect(records[0]!.format.tgw).toBe(true);
    expect(records[0]!.fields).toMatchObject({ 'tgw-src-az-id': 'eu-west-1a', 'packets-lost-blackhole': 3 });
  });

  it('calls a record of an unknown layout with redacted IDs unreadable, not prose', () => {
    // alphabetical custom format with ECS fields, IDs redacted with x: no known layout, so ask
    const { invalid, stats } = readAll(
      'ACCEPT arn:aws:ecs:eu-west-1:123456789012:cluster/payments payments 10.20.4.17 443 ingress eni-0xxxxxxxxxxxxxxx1 IPv4 eu-west-1 euw1-az2 10.20.9.30 41822 subnet-0xxxxxxxxxxxxxxx2 vpc-0xxxxxxxxxxxxxxx3 S3',
    );
    expect(stats.ignored).toBe(0);
    expect(invalid).toHaveLength(1);
  });
});

describe('edge cases the property tests turned up', () => {
  it('says a counter of more digits than a number can hold is too large, instead of rounding it', () => {
    const { records, invalid } = readAll(
      `${V2_ACCEPT}\n${V2_REJECT.replace(' 4249 ', ' 98765432109876543210 ')}`,
    );
    expect(records).toHaveLength(1);
    expect(invalid.map((i) => i.line)).toEqual([2]);
    expect(invalid[0]!.reason).toMatch(/bytes .*too large/);
  });

  it('splits on a tab after a space the same way on every path', () => {
    const { records } = readAll(
      'account-id interface-id action\n123456789010 \teni-0a1b2c3d4e5f60718 REJECT',
    );
    expect(records[0]!.fields['interface-id']).toBe('eni-0a1b2c3d4e5f60718');
  });

  it('numbers the events of a CloudWatch payload as parts, an unreadable event included', () => {
    const sub = JSON.stringify({
      messageType: 'DATA_MESSAGE',
      logEvents: [
        { id: '1', timestamp: 1418530010000, message: V2_ACCEPT },
        { id: '2', timestamp: 1418530010000, message: 'CWL CONTROL MESSAGE: Checking health of destination' },
        { id: '3', timestamp: 1418530010000, message: V2_REJECT.replace('3389', 'rdp') },
      ],
    });
    const { items } = readAll(sub);
    expect(items.map((i) => [i.kind, i.line, i.part])).toEqual([
      ['record', 1, 0],
      ['invalid', 1, 1],
    ]);
  });

  it('keeps a tab-separated console timestamp out of the first field of a file line read in place', () => {
    const items: ParseItem[] = [];
    const reader = new FlowLogReader({
      format: 'account-id interface-id srcaddr dstaddr action',
      onItem: (i) => items.push(i),
    });
    const file = '2024-11-14T09:12:09.000Z\t123456789010 eni-0a1b2c3d4e5f60718 10.0.1.5 10.0.2.9 REJECT\n';
    reader.lineIn(file, 0, file.indexOf('\n'));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'record' });
    expect((items[0] as RecordItem).fields['account-id']).toBe('123456789010');
  });
});

describe('prose that happens to have as many words as a record', () => {
  it('is ignored, not reported as an invalid record', () => {
    const { stats } = readAll(
      [
        '2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK',
        'the node SG allows 9100 from sg-prometheus but the scrape still times out, why?',
      ].join('\n'),
    );
    expect(stats).toMatchObject({ records: 1, invalid: 0, ignored: 1 });
  });
});
