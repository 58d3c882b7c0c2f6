import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, codes, diagnose, evidenceLines, find, lineOf } from './helpers.js';

describe('compact notation', () => {
  const PEERED = `web in app can't reach db on 5432, times out. exact setup:
vpc app vpc-0a1b2c3d4e5f60001 10.0.0.0/16 us-east-1
vpc data 10.1.0.0/16 us-east-1
subnet app-a 10.0.1.0/24 us-east-1a rt=rt-app nacl=nacl-app
subnet data-a 10.1.1.0/24 rt=rt-data
rt rt-app vpc=app routes: 10.1.0.0/16 -> pcx-0aaa0000000000001, 0.0.0.0/0 -> nat-0aaa0000000000001
rt rt-data vpc=data routes: 0.0.0.0/0 -> nat-0bbb0000000000001
pcx pcx-0aaa0000000000001 app <-> data active
nacl nacl-app in: 100 allow tcp 1024-65535 0.0.0.0/0; * deny all 0.0.0.0/0 out: 100 allow all 0.0.0.0/0
sg sg-db vpc=data in: tcp 5432 sg-web
sg sg-web vpc=app out: all 0.0.0.0/0
host web 10.0.1.10 subnet=app-a sgs=sg-web
host db 10.1.1.20 subnet=data-a sgs=sg-db
path web -> db:5432 timeout`;

  it('reads every line and finds the missing return route, citing the route table line', () => {
    const t = analyze(PEERED);
    expect(t.recognised).toBe(true);
    expect(t.warnings).toEqual([]);
    expect(t.summary).toMatch(/^2 VPCs, 2 subnets, 1 peering, 2 route tables, 1 network ACL, 2 SGs/);
    const f = find(t.findings, 'PEERING_RETURN_ROUTE_MISSING');
    expect(f.severity).toBe('error');
    expect(evidenceLines(f)).toContain(lineOf(PEERED, 'rt rt-data'));
    expect(evidenceLines(f)).toContain(lineOf(PEERED, 'path web'));
    // the NACL lets replies in on 1024-65535 and sends anything out: not a blocker
    expect(codes(t.findings)).not.toContain('NACL_OUTBOUND_BLOCKS_REQUEST');
    expect(codes(t.findings)).not.toContain('NACL_INBOUND_BLOCKS_RESPONSE');
  });

  const FIXED = PEERED.replace(
    'rt rt-data vpc=data routes: 0.0.0.0/0',
    'rt rt-data vpc=data routes: 10.0.0.0/16 -> pcx-0aaa0000000000001; 0.0.0.0/0',
  );

  it("with the return route in place, the one control not shown (data-a's NACL) is asked for, not assumed", () => {
    const t = analyze(FIXED);
    expect(codes(t.findings)).toEqual(['NEED_MORE_INFO']);
    const q = t.findings[0]!.questions ?? [];
    expect(q).toHaveLength(1);
    expect(q[0]).toContain('describe-network-acls');
  });

  it('and once that NACL is said to be the default one, nothing is wrong', () => {
    const t = analyze(`${FIXED}\nnacl acl-data vpc=data default subnets=data-a`);
    expect(codes(t.findings)).toEqual(['NETWORK_PATH_OK']);
  });

  it('a NACL whose inbound list stops short of the ephemeral ports drops the replies', () => {
    const text = `vpc shared 10.0.0.0/16
subnet priv 10.0.2.0/24 rt=rt-priv nacl=acl-priv
rt rt-priv main routes: 0.0.0.0/0 -> nat-0123456789abcdef0
nacl acl-priv in: 100 allow tcp 32768-60999 0.0.0.0/0 out: 100 allow tcp 443 0.0.0.0/0
host app 10.0.2.15 subnet=priv
path app -> 52.94.10.10:443 timeout`;
    const t = analyze(text);
    const f = find(t.findings, 'NACL_EPHEMERAL_RANGE_TOO_NARROW');
    expect(evidenceLines(f)).toContain(lineOf(text, 'nacl acl-priv'));
  });

  it('an interface endpoint whose SG does not allow 443 from the clients', () => {
    const text = `vpc prod vpc-0fedcba9876543210 10.8.0.0/16 dns=on
subnet app 10.8.1.0/24 vpc=prod
vpce vpce-0aaa1111bbbb22223 secretsmanager interface vpc=prod subnets=app sgs=sg-ep private-dns=on
sg sg-ep vpc=prod in: tcp 443 10.9.0.0/16
host worker 10.8.1.44 subnet=app
path worker -> secretsmanager:443 timeout`;
    const t = analyze(text);
    const f = find(t.findings, 'ENDPOINT_SG_BLOCKS_CLIENTS');
    expect(evidenceLines(f)).toContain(lineOf(text, 'sg sg-ep'));
  });

  it('names a TGW attachment with no subnet in the AZ of the source', () => {
    const text = `vpc a 10.1.0.0/16 us-east-1
vpc b 10.2.0.0/16 us-east-1
subnet a-1a 10.1.1.0/24 us-east-1a rt=rt-a
subnet a-1c 10.1.3.0/24 us-east-1c rt=rt-a
subnet b-1a 10.2.1.0/24 us-east-1a rt=rt-b
rt rt-a vpc=a routes: 10.2.0.0/16 -> tgw-0abc0000000000001
rt rt-b vpc=b routes: 10.1.0.0/16 -> tgw-0abc0000000000001
tgw-attach tgw-attach-0aaa0000000000001 vpc=a subnets=a-1a azs=us-east-1a
tgw-attach tgw-attach-0bbb0000000000001 vpc=b subnets=b-1a azs=us-east-1a
host job 10.1.3.7 subnet=a-1c
host api 10.2.1.9 subnet=b-1a
path job -> api:8080 timeout`;
    const t = analyze(text);
    find(t.findings, 'TGW_ATTACHMENT_MISSING_AZ');
  });

  it('a line whose VPC cannot be told is reported and not guessed', () => {
    const text = `vpc a 10.1.0.0/16
vpc b 10.2.0.0/16
sg sg-lonely in: tcp 22 0.0.0.0/0`;
    const t = analyze(text);
    expect(t.warnings.map((w) => w.line)).toEqual([3]);
    expect(t.warnings[0]!.message).toMatch(/vpc=/);
  });

  it('a bad item in a line is reported with its line and the rest is still read', () => {
    const text = `vpc a 10.1.0.0/16
rt rt-a vpc=a routes: 10.9.0.0/33 -> pcx-0aaa0000000000001; 0.0.0.0/0 -> igw-0aaa0000000000001`;
    const t = analyze(text);
    expect(t.warnings).toHaveLength(1);
    expect(t.warnings[0]!.line).toBe(2);
    expect(t.warnings[0]!.message).toMatch(/10\.9\.0\.0\/33/);
    expect(t.summary).toMatch(/1 route table/);
  });

  it('English that starts with a keyword is left to the English reader', () => {
    const text = `vpc A 10.0.0.0/16 peered with B (10.1.0.0/16), B peered with C 10.2.0.0/16.
A can't reach C`;
    const t = analyze(text);
    expect(t.warnings).toEqual([]);
    find(t.findings, 'TRANSITIVE_PEERING_UNSUPPORTED');
  });
});

describe('YAML and JSON topology documents', () => {
  const YAML = `app can't reach the db, here is the topology:
\`\`\`yaml
vpcs:
  - name: app
    id: vpc-0a1b2c3d4e5f60001
    cidr: 10.0.0.0/16
    region: us-east-1
    subnets:
      - {id: subnet-0aaa0000000000001, cidr: 10.0.1.0/24, az: us-east-1a, routeTable: rtb-0aaa0000000000001}
    routeTables:
      - id: rtb-0aaa0000000000001
        routes:
          - 10.0.0.0/16 -> local
          - 0.0.0.0/0 -> nat-0aaa0000000000001
    hosts:
      - {name: api, ip: 10.0.1.10, subnet: subnet-0aaa0000000000001, securityGroups: [sg-0aaa0000000000001]}
    securityGroups:
      - id: sg-0aaa0000000000001
        outbound: ["all 0.0.0.0/0"]
  - name: data
    id: vpc-0a1b2c3d4e5f60002
    cidr: 10.1.0.0/16
    subnets:
      - {id: subnet-0bbb0000000000001, cidr: 10.1.1.0/24, routeTable: rtb-0bbb0000000000001, color: red}
    routeTables:
      - id: rtb-0bbb0000000000001
        routes: ["10.0.0.0/16 -> pcx-0aaa0000000000001", "10.1.0.0/33 -> local"]
    hosts:
      - {name: db, ip: 10.1.1.20, subnet: subnet-0bbb0000000000001, securityGroups: [sg-0bbb0000000000001]}
    securityGroups:
      - id: sg-0bbb0000000000001
        inbound: ["tcp 5432 10.0.0.0/16"]
peerings:
  - {id: pcx-0aaa0000000000001, between: [app, data], status: active}
path: {from: api, to: db, port: 5432, symptom: timeout}
\`\`\``;

  it('reads YAML, finds the missing route with its real IDs, and cites the YAML lines', () => {
    const t = analyze(YAML);
    const f = find(t.findings, 'PEERING_ROUTE_MISSING');
    expect(evidenceLines(f)).toEqual(
      expect.arrayContaining([
        lineOf(YAML, '- id: rtb-0aaa'),
        lineOf(YAML, '0.0.0.0/0 -> nat-0aaa'),
        lineOf(YAML, 'path:'),
      ]),
    );
    expect(f.fixes[0]!.commands.join('\n')).toContain(
      'aws ec2 create-route --route-table-id rtb-0aaa0000000000001 --destination-cidr-block 10.1.0.0/16 --vpc-peering-connection-id pcx-0aaa0000000000001',
    );
    expect(f.fixes.some((x) => x.terraform?.includes('resource "aws_route"'))).toBe(true);
  });

  it('points each invalid field at its path and line, and ignores only that', () => {
    const t = analyze(YAML);
    const msgs = t.warnings.map((w) => [w.line, w.message]);
    expect(msgs).toContainEqual([
      lineOf(YAML, 'color: red'),
      expect.stringContaining('vpcs[1].subnets[0].color'),
    ]);
    expect(msgs).toContainEqual([
      lineOf(YAML, '10.1.0.0/33'),
      expect.stringContaining('vpcs[1].routeTables[0].routes[1]'),
    ]);
    expect(t.summary).toMatch(/2 VPCs, 2 subnets, 1 peering, 2 route tables/);
  });

  it('field problems reach the report as input warnings', () => {
    const report = diagnose(YAML);
    expect(report.warnings.map((w) => w.line)).toEqual(
      expect.arrayContaining([lineOf(YAML, 'color: red'), lineOf(YAML, '10.1.0.0/33')]),
    );
  });

  it('a YAML syntax error is reported with its line', () => {
    const text = `vpcs:
  - name: a
    cidr: 10.0.0.0/16
    subnets: [ {name: x, cidr: 10.0.1.0/24
`;
    const t = analyze(text);
    expect(t.warnings.length).toBeGreaterThan(0);
    expect(t.warnings[0]!.code).toBe('topology-yaml');
  });

  it('reads a JSON document, reports a wrong enum value at its field, and keeps the rest', () => {
    const text = `{
  "vpcs": [
    {"name": "shared", "cidr": "10.0.0.0/16",
     "subnets": [{"name": "priv", "cidr": "10.0.1.0/24", "routeTable": "rt-priv"}],
     "routeTables": [{"name": "rt-priv", "routes": ["0.0.0.0/0 -> nat-0abc1234567890123"]}],
     "endpoints": [{"service": "dynamodb", "type": "gateway", "routeTables": ["rt-other"]}],
     "hosts": [{"name": "worker", "subnet": "priv", "ip": "10.0.1.5"}]}
  ],
  "path": {"from": "worker", "to": "dynamodb", "port": 443, "protocol": "tcpp"}
}`;
    const t = analyze(text);
    expect(t.warnings).toHaveLength(1);
    expect(t.warnings[0]!.line).toBe(9);
    expect(t.warnings[0]!.message).toContain('topology.path.protocol');
    const f = find(t.findings, 'GATEWAY_ENDPOINT_ROUTE_TABLE_NOT_ASSOCIATED');
    expect(evidenceLines(f)).toEqual(expect.arrayContaining([5, 6, 9]));
  });

  it('a YAML document with nothing wrong says so through the whole pipeline', () => {
    const text = `vpcs:
  - name: web
    cidr: 10.0.0.0/16
    internetGateway: igw-0123456789abcdef0
    subnets:
      - {name: public-a, cidr: 10.0.0.0/24, routeTable: rt-public}
    routeTables:
      - {name: rt-public, routes: ["0.0.0.0/0 -> igw-0123456789abcdef0"]}
    securityGroups:
      - {name: sg-web, inbound: ["tcp 443 0.0.0.0/0"], outbound: ["all 0.0.0.0/0"]}
    nacls:
      - {name: acl-default, default: true, subnets: [public-a]}
    hosts:
      - {name: web1, ip: 10.0.0.10, publicIp: 54.10.20.30, subnet: public-a, securityGroups: [sg-web]}
paths:
  - {from: web1, to: internet, port: 443}`;
    const report = diagnose(text);
    expect(report.kind).toBe('topology');
    expect(codes(report.findings)).toEqual(['NETWORK_PATH_OK']);
  });
});

describe('the README examples', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(
    readme.indexOf('### Describing a network'),
    readme.indexOf('## The Slack app'),
  );
  const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => m[2]!);

  it('the compact example reads without warnings and finds the missing return route', () => {
    const t = analyze(blocks[1]!);
    expect(t.warnings).toEqual([]);
    find(t.findings, 'PEERING_RETURN_ROUTE_MISSING');
  });

  it('the YAML example reads without warnings and finds the missing return route', () => {
    const t = analyze(blocks[2]!);
    expect(t.warnings).toEqual([]);
    expect(codes(t.findings)).toEqual(['PEERING_RETURN_ROUTE_MISSING']);
  });

  it('the English example finds the missing route into the peering', () => {
    const t = analyze(blocks[0]!);
    find(t.findings, 'PEERING_ROUTE_MISSING');
  });
});
