import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzePaste, codes, diagnose, evidenceLines, find, flowFinding, lineOf } from './helpers.js';

const EXAMPLES = new URL('../../../../shared/examples/', import.meta.url);
const example = (name: string) => readFileSync(new URL(name, EXAMPLES), 'utf8');
/** the shared examples sit beside the repository (as in CI); tests that read them skip without them */
const withExamples = it.skipIf(!existsSync(EXAMPLES));

describe('flow-log findings pinned down by the pasted config', () => {
  withExamples(
    'ALB health checks: the generic reply REJECT becomes the NACL egress rule that drops it (example 01)',
    () => {
      const text = example('01-nacl-egress-blocks-alb-healthcheck.txt');
      const flow = [
        flowFinding(
          'NACL_OUTBOUND_BLOCKS_RESPONSE',
          {
            interfaceId: 'eni-0c2d7e5f8a9b1c3d4',
            client: '10.40.0.87',
            server: '10.40.10.23',
            serverPort: 8080,
            protocol: 6,
            clientPorts: [18422, 24811],
          },
          [120, 121, 126, 127],
        ),
      ];
      const t = analyzePaste(text, flow);
      const f = find(t.findings, 'NACL_OUTBOUND_BLOCKS_RESPONSE');
      expect(f.title).toContain('acl-07c3e1d2b9a4f5e60');
      expect(f.title).toContain('32767');
      // the * egress entry, and the records the flow rules cited
      expect(evidenceLines(f)).toEqual(expect.arrayContaining([65, 70, 120]));
      const cmd = f.fixes[0]!.commands.join('\n');
      expect(cmd).toContain('--network-acl-id acl-07c3e1d2b9a4f5e60 --egress');
      expect(cmd).toContain('From=1024,To=65535');
      expect(t.supersedes).toEqual(flow);
    },
  );

  withExamples(
    'RDS timeouts from new instances: both REJECTed clients pin to the SG rule naming the old group (example 02)',
    () => {
      const text = example('02-sg-rule-points-at-old-app-sg.txt');
      const sub = {
        interfaceId: 'eni-0e7f9a1b3c5d7e9f0',
        server: '10.12.21.14',
        serverPort: 5432,
        protocol: 6,
      };
      const flow = [
        flowFinding(
          'INBOUND_REQUEST_REJECTED',
          { ...sub, client: '10.12.11.57', clientPorts: [49822, 49836] },
          [127, 131],
        ),
        flowFinding(
          'INBOUND_REQUEST_REJECTED',
          { ...sub, client: '10.12.12.203', clientPorts: [37114] },
          [128],
        ),
      ];
      const t = analyzePaste(text, flow);
      const mism = t.findings.filter((f) => f.code === 'SG_INBOUND_SOURCE_MISMATCH');
      expect(mism).toHaveLength(1);
      expect(mism[0]!.severity).toBe('error');
      expect(mism[0]!.explanation).toContain('10.12.12.203');
      expect(evidenceLines(mism[0]!)).toEqual(expect.arrayContaining([14, 63, 127, 128]));
      expect(mism[0]!.fixes[0]!.commands[0]).toContain(
        "--group-id sg-04d6f8a2c1e3b5d79 --ip-permissions 'IpProtocol=tcp,FromPort=5432,ToPort=5432,UserIdGroupPairs=[{GroupId=sg-0b7e2c4a6d8f1e3a5}]'",
      );
      expect(t.supersedes).toHaveLength(2);
      expect(codes(t.findings)).not.toContain('SG_INBOUND_BLOCKS');
    },
  );

  withExamples(
    'peering, all ACCEPT: the flow finding stays and the config names the table without the return route (example 04)',
    () => {
      const text = example('04-cloudwatch-console-peering-no-return-route.txt');
      const flow = [
        flowFinding(
          'RETURN_ROUTE_MISSING',
          {
            interfaceId: 'eni-0d4e8b1a9c2f3e5d7',
            client: '10.10.2.45',
            server: '10.30.4.20',
            serverPort: 8443,
            protocol: 6,
            clientPorts: [50412, 50436],
          },
          [14, 15, 18, 19],
        ),
      ];
      const t = analyzePaste(text, flow);
      const f = find(t.findings, 'PEERING_RETURN_ROUTE_MISSING');
      expect(f.title).toContain('rtb-05e2c4a6b8d0f1e3c');
      expect(evidenceLines(f)).toEqual(
        expect.arrayContaining([lineOf(text, '"SubnetId": "subnet-0c9d8e7f6a5b4c3d2"')]),
      );
      expect(f.fixes[0]!.commands[0]).toBe(
        'aws ec2 create-route --route-table-id rtb-05e2c4a6b8d0f1e3c --destination-cidr-block 10.10.0.0/16 --vpc-peering-connection-id pcx-0f3a9c2e71b4d5a68',
      );
      // a missing return route is a finding of its own in the flow logs: it is not replaced
      expect(t.supersedes ?? []).toEqual([]);
    },
  );

  it('an explicit NACL deny below the allow: INBOUND_REQUEST_REJECTED becomes rule 90, with both fixes', () => {
    const text = `reports-db (10.20.3.15) in subnet db-a is unreachable from the etl box 10.20.1.40 on 5432
nacl on db-a: inbound 90 deny tcp 5432 10.20.0.0/22, 100 allow all 10.20.0.0/16, * deny. outbound 100 allow all 0.0.0.0/0
db SG sg-0123456789abcdef0 allows 5432 from 10.20.0.0/16
2 111122223333 eni-0aaa1111bbbb22223 10.20.1.40 10.20.3.15 40001 5432 6 3 180 1718953321 1718953378 REJECT OK`;
    const flow = [
      flowFinding(
        'INBOUND_REQUEST_REJECTED',
        {
          interfaceId: 'eni-0aaa1111bbbb22223',
          client: '10.20.1.40',
          server: '10.20.3.15',
          serverPort: 5432,
          protocol: 6,
          clientPorts: [40001],
        },
        [4],
      ),
    ];
    const t = analyzePaste(text, flow);
    const f = find(t.findings, 'NACL_INBOUND_BLOCKS_REQUEST');
    expect(f.title).toContain('rule 90');
    expect(evidenceLines(f)).toEqual(expect.arrayContaining([2, 4]));
    expect(f.fixes.map((x) => x.commands[0])).toEqual([
      expect.stringContaining('--ingress --rule-number 89'),
      expect.stringContaining('delete-network-acl-entry'),
    ]);
    expect(t.supersedes).toEqual(flow);
  });

  it('an outbound REJECT at the client pins to the SG egress that only allows 443', () => {
    const text = `batch worker i-0abc1234def567890 (10.5.1.20, sg-0aaa1111bbbb22223) can't reach the partner sftp 198.51.100.7 port 22
sg-0aaa1111bbbb22223 outbound: tcp 443 0.0.0.0/0 only`;
    const flow = [
      flowFinding(
        'OUTBOUND_REQUEST_REJECTED',
        {
          interfaceId: 'eni-0bbb1111bbbb22223',
          client: '10.5.1.20',
          server: '198.51.100.7',
          serverPort: 22,
          protocol: 6,
          clientPorts: [51515],
        },
        [5],
      ),
    ];
    const t = analyzePaste(text, flow);
    const f = find(t.findings, 'SG_OUTBOUND_BLOCKS');
    expect(f.fixes[0]!.commands[0]).toContain(
      'authorize-security-group-egress --group-id sg-0aaa1111bbbb22223',
    );
    expect(f.fixes[0]!.commands[0]).toContain('CidrIp=198.51.100.7/32');
    expect(t.supersedes).toEqual(flow);
  });

  it('replies REJECTed to some client ports only: the NACL range is too narrow for Windows clients', () => {
    const text = `windows build agents in subnet agents-a (10.7.4.0/24) pull from the artifact server 10.7.9.30:443, about 1 in 4 downloads time out
nacl acl-0c0ffee0c0ffee001 on agents-a:
inbound: 100 allow tcp 32768-60999 0.0.0.0/0
outbound: 100 allow tcp 443 10.7.0.0/16`;
    const flow = [
      flowFinding(
        'NACL_INBOUND_BLOCKS_RESPONSE',
        {
          interfaceId: 'eni-0ccc1111bbbb22223',
          client: '10.7.4.21',
          server: '10.7.9.30',
          serverPort: 443,
          protocol: 6,
          clientPorts: [50001, 62010, 64522],
        },
        [9, 10],
      ),
    ];
    const t = analyzePaste(text, flow);
    const f = find(t.findings, 'NACL_EPHEMERAL_RANGE_TOO_NARROW');
    expect(f.explanation).toContain('62010');
    expect(evidenceLines(f)).toEqual(expect.arrayContaining([3, 9]));
    expect(t.supersedes).toEqual(flow);
  });

  it('a REJECT the config does not explain is kept, and nothing is made up', () => {
    const text = `db SG sg-0123456789abcdef0 allows 5432 from 10.20.0.0/16
nacls are the default allow-all`;
    const flow = [
      flowFinding(
        'INBOUND_REQUEST_REJECTED',
        {
          interfaceId: 'eni-0aaa1111bbbb22223',
          client: '10.20.1.40',
          server: '10.20.3.15',
          serverPort: 5432,
          protocol: 6,
          clientPorts: [40001],
        },
        [7],
      ),
    ];
    const t = analyzePaste(text, flow);
    expect(codes(t.findings)).not.toContain('SG_INBOUND_BLOCKS');
    expect(codes(t.findings)).not.toContain('NACL_INBOUND_BLOCKS_REQUEST');
    expect(t.supersedes ?? []).toEqual([]);
  });

  it('a flow finding without a subject is left alone', () => {
    const text = `nacl acl-0c0ffee0c0ffee001 inbound: 100 allow tcp 443 0.0.0.0/0
outbound: 100 allow tcp 443 0.0.0.0/0`;
    const bare = { ...flowFinding('NACL_OUTBOUND_BLOCKS_RESPONSE', {}, [5]), subject: undefined };
    const t = analyzePaste(text, [bare]);
    expect(t.supersedes ?? []).toEqual([]);
  });
});

describe('end to end, with the flow-log rules', () => {
  withExamples(
    'example 01: one finding names the NACL entry; the generic reply REJECT is not repeated',
    () => {
      const r = diagnose(example('01-nacl-egress-blocks-alb-healthcheck.txt'));
      expect(r.kind).toBe('mixed');
      expect(codes(r.findings)).toEqual(['NACL_OUTBOUND_BLOCKS_RESPONSE']);
      expect(r.findings[0]!.title).toContain('acl-07c3e1d2b9a4f5e60');
    },
  );

  withExamples('example 02: the REJECTed clients become the SG rule that names the old group', () => {
    const r = diagnose(example('02-sg-rule-points-at-old-app-sg.txt'));
    expect(codes(r.findings)).toEqual(['SG_INBOUND_SOURCE_MISMATCH']);
  });

  withExamples(
    'example 03: the shadowed deny, and the ICMP it still catches reported as the rule working',
    () => {
      const r = diagnose(example('03-nacl-deny-rule-never-matches.txt'));
      const f = find(r.findings, 'NACL_RULE_ORDER_SHADOWED');
      expect(f.severity).toBe('error');
      expect(r.findings.filter((x) => x.severity === 'error').map((x) => x.code)).toEqual([
        'NACL_RULE_ORDER_SHADOWED',
      ]);
    },
  );

  withExamples('example 04: both the records and the config speak, each naming what it sees', () => {
    const r = diagnose(example('04-cloudwatch-console-peering-no-return-route.txt'));
    expect(codes(r.findings).sort()).toEqual(['PEERING_RETURN_ROUTE_MISSING', 'RETURN_ROUTE_MISSING']);
  });

  it('records and prose: a TGW return route missing on a table printed with a row --query', () => {
    const text = `orders (10.20.0.0/16) -> billing (10.21.0.0/16) via tgw-0a1b2c3d4e5f60789 times out; billing's flow logs show ACCEPT both ways
2 123456789012 eni-0b6c7d8e9f0a1b2c3 10.20.5.5 10.21.3.8 39102 8080 6 3 180 1795689601 1795689660 ACCEPT OK
2 123456789012 eni-0b6c7d8e9f0a1b2c3 10.21.3.8 10.20.5.5 8080 39102 6 5 300 1795689601 1795689660 ACCEPT OK
2 123456789012 eni-0b6c7d8e9f0a1b2c3 10.20.5.5 10.21.3.8 39118 8080 6 3 180 1795689632 1795689690 ACCEPT OK
2 123456789012 eni-0b6c7d8e9f0a1b2c3 10.21.3.8 10.20.5.5 8080 39118 6 5 300 1795689632 1795689690 ACCEPT OK
$ aws ec2 describe-route-tables --filters Name=association.subnet-id,Values=subnet-0c7d8e9f0a1b2c3d4 --query 'RouteTables[0].[RouteTableId,Routes]'
[
    "rtb-0f4a5b6c7d8e9f0a1",
    [
        { "DestinationCidrBlock": "10.21.0.0/16", "GatewayId": "local", "State": "active" },
        { "DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": "nat-0d8e9f0a1b2c3d4e5", "State": "active" }
    ]
]`;
    const r = diagnose(text);
    const f = find(r.findings, 'TGW_RETURN_ROUTE_MISSING');
    expect(f.fixes[0]!.commands[0]).toBe(
      'aws ec2 create-route --route-table-id rtb-0f4a5b6c7d8e9f0a1 --destination-cidr-block 10.20.0.0/16 --transit-gateway-id tgw-0a1b2c3d4e5f60789',
    );
    expect(evidenceLines(f)).toContain(lineOf(text, '"rtb-0f4a5b6c7d8e9f0a1"'));
  });
});
