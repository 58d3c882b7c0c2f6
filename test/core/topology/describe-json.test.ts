import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FindingCode } from '../../../src/core/report/codes.js';
import type { Severity } from '../../../src/core/report/schema.js';
import { codes, diagnose, evidenceLines, lineOf } from './helpers.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'topology');
const read = (name: string) => readFileSync(join(DIR, `${name}.txt`), 'utf8');

interface JsonCase {
  name: string;
  file: string;
  /** evidence: needles whose line must be cited; a leading `^` means the last line that holds it */
  expect: { code: FindingCode; severity?: Severity; evidence?: string[]; fix?: string }[];
  forbid?: FindingCode[];
}

const CASES: JsonCase[] = [
  {
    name: 'the return route only in the main table, while the server subnet has its own table',
    file: '01-json-peering-return-route-main-only',
    expect: [
      {
        code: 'PEERING_RETURN_ROUTE_MISSING',
        evidence: ['^"RouteTableId": "rtb-0b9b9b9b9b9b9b9b9"', '^"RouteTableId": "rtb-0b1b2b3b4b5b6b7b8"'],
        fix: 'aws ec2 create-route --route-table-id rtb-0b9b9b9b9b9b9b9b9 --destination-cidr-block 10.60.0.0/16 --vpc-peering-connection-id pcx-0f1e2d3c4b5a69788',
      },
    ],
    forbid: ['PEERING_ROUTE_MISSING'],
  },
  {
    name: 'the route to the peer only in the public table, not in the workers table',
    file: '02-json-peering-route-only-in-public-table',
    expect: [
      {
        code: 'PEERING_ROUTE_MISSING',
        evidence: ['^"RouteTableId": "rtb-0b7b6b5b4b3b2b1b0"'],
        fix: '--route-table-id rtb-0b7b6b5b4b3b2b1b0',
      },
    ],
  },
  {
    name: 'secondary CIDR blocks that overlap make a peering fail',
    file: '03-json-peering-overlap-secondary-block',
    expect: [{ code: 'PEERING_CIDR_OVERLAP', evidence: ['"CidrBlock": "100.64.0.0/16"'] }],
  },
  {
    name: 'a pending request past its ExpirationTime has expired',
    file: '04-json-peering-request-expired',
    expect: [{ code: 'PEERING_NOT_ACTIVE', evidence: ['"Code": "pending-acceptance"'] }],
  },
  {
    name: 'a route to a third VPC through the peering with the shared VPC',
    file: '05-json-transitive-through-shared',
    expect: [{ code: 'TRANSITIVE_PEERING_UNSUPPORTED' }],
  },
  {
    name: 'an outbound ephemeral rule that stops at 60999 for NLB health checks',
    file: '06-json-nacl-ephemeral-linux-only',
    expect: [{ code: 'NACL_EPHEMERAL_RANGE_TOO_NARROW', evidence: ['"RuleNumber": 32767'] }],
    forbid: ['NACL_OUTBOUND_BLOCKS_RESPONSE'],
  },
  {
    name: 'an SG whose only egress is 443 cannot open 3306',
    file: '07-json-sg-egress-blocks-db',
    expect: [
      {
        code: 'SG_OUTBOUND_BLOCKS',
        evidence: ['"GroupId": "sg-0e1e2e3e4e5e6e7e8"'],
        fix: 'authorize-security-group-egress --group-id sg-0e1e2e3e4e5e6e7e8',
      },
    ],
  },
  {
    name: 'the instance SG has no rule for port 3000',
    file: '08-json-sg-inbound-blocks',
    expect: [
      { code: 'SG_INBOUND_BLOCKS', fix: 'authorize-security-group-ingress --group-id sg-0f7f7f7f7f7f7f7f7' },
    ],
    forbid: ['SG_INBOUND_SOURCE_MISMATCH'],
  },
  {
    name: 'SSM interface endpoints left on the default SG do not admit the instances',
    file: '09-json-endpoint-default-sg',
    expect: [{ code: 'ENDPOINT_SG_BLOCKS_CLIENTS', fix: '--group-id sg-0a5a5a5a5a5a5a5a5' }],
  },
  {
    name: 'private DNS off on the endpoint, and dig shows a public address',
    file: '10-json-private-dns-off',
    expect: [
      {
        code: 'INTERFACE_ENDPOINT_PRIVATE_DNS_OFF',
        evidence: ['"PrivateDnsEnabled": false'],
        fix: 'modify-vpc-endpoint --vpc-endpoint-id vpce-0c1c2c3c4c5c6c7c8 --private-dns-enabled',
      },
    ],
  },
  {
    name: 'the DynamoDB gateway endpoint sits on the main table only',
    file: '11-json-dynamodb-endpoint-main-table-only',
    expect: [
      {
        code: 'GATEWAY_ENDPOINT_ROUTE_TABLE_NOT_ASSOCIATED',
        fix: '--add-route-table-ids rtb-0d7d7d7d7d7d7d7d7',
      },
    ],
  },
  {
    name: 'a NAT gateway in a subnet whose table sends 0.0.0.0/0 back to the NAT',
    file: '12-json-nat-in-private-subnet',
    expect: [
      { code: 'NAT_GATEWAY_IN_PRIVATE_SUBNET', evidence: ['"NatGatewayId": "nat-0e1e2e3e4e5e6e7e8"'] },
    ],
  },
  {
    name: 'describe-instances without PublicIpAddress behind an IGW route',
    file: '13-json-public-ip-missing',
    expect: [{ code: 'PUBLIC_IP_MISSING', fix: 'associate-address --instance-id i-0a9b8c7d6e5f4a3b2' }],
  },
  {
    name: 'a default route to a terminated NAT instance is a blackhole',
    file: '14-json-route-blackhole-nat-instance',
    expect: [{ code: 'ROUTE_BLACKHOLE', evidence: ['"State": "blackhole"'] }],
  },
  {
    name: 'the app VPC table has no route back through the TGW',
    file: '15-json-tgw-return-route-missing',
    expect: [
      {
        code: 'TGW_RETURN_ROUTE_MISSING',
        fix: '--route-table-id rtb-0c3c3c3c3c3c3c3c3 --destination-cidr-block 10.100.0.0/16 --transit-gateway-id tgw-0c1d2e3f4a5b6c7d8',
      },
    ],
  },
  {
    name: 'pods in us-east-1c with an attachment only in 1a and 1b',
    file: '16-json-tgw-attachment-missing-az',
    expect: [
      {
        code: 'TGW_ATTACHMENT_MISSING_AZ',
        fix: 'modify-transit-gateway-vpc-attachment --transit-gateway-attachment-id tgw-attach-0d3d3d3d3d3d3d3d3',
      },
    ],
  },
  {
    name: 'the TGW route table of the dev attachment has no route to shared services',
    file: '17-json-tgw-route-table-no-route',
    expect: [{ code: 'TGW_ROUTE_MISSING', fix: 'tgw-rtb-0e4e4e4e4e4e4e4e4' }],
  },
  {
    name: 'a peering with routes both ways and an SG that admits the client is reported as working',
    file: '18-json-ok-peering-both-ways',
    expect: [{ code: 'NETWORK_PATH_OK', severity: 'info' }],
    forbid: [
      'PEERING_ROUTE_MISSING',
      'PEERING_RETURN_ROUTE_MISSING',
      'SG_INBOUND_BLOCKS',
      'SG_INBOUND_SOURCE_MISMATCH',
    ],
  },
];

describe('pasted describe-* JSON', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const input = read(c.file);
      const report = diagnose(input);
      const got = codes(report.findings);
      expect(report.kind).toBe('topology');
      for (const e of c.expect) {
        const f = report.findings.find((x) => x.code === e.code);
        expect(f, `${e.code} missing; got ${got.join(', ') || 'nothing'}`).toBeDefined();
        expect(f!.severity).toBe(e.severity ?? 'error');
        for (const needle of e.evidence ?? []) {
          const last = needle.startsWith('^');
          expect(evidenceLines(f!)).toContain(lineOf(input, last ? needle.slice(1) : needle, last));
        }
        if (e.fix) expect(f!.fixes.flatMap((x) => x.commands).join('\n')).toContain(e.fix);
      }
      for (const code of c.forbid ?? []) expect(got).not.toContain(code);
    });
  }
});
