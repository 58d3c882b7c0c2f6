import { describe, expect, it } from 'vitest';
import type { TextLine } from '../../../src/core/analysis-context.js';
import { parseAwsCommand } from '../../../src/core/topology/readers/json/aws-command.js';
import { findJsonBlocks } from '../../../src/core/topology/readers/json/find-json-blocks.js';
import { readLooseJson, toPlain } from '../../../src/core/topology/readers/json/loose-json.js';
import {
  rewrapSubList,
  undoQueryProjection,
} from '../../../src/core/topology/readers/json/query-projection.js';

const lines = (text: string, first = 1): TextLine[] =>
  text.split('\n').map((t, i) => ({ line: first + i, text: t }));

describe('loose JSON', () => {
  it('reads a value cut short with "..." and says it was truncated, keeping line numbers', () => {
    const ls = lines(`{
  "RouteTables": [
    {
      "RouteTableId": "rtb-0a1b2c3d4e5f60718",
      "Routes": [
        { "DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local" },
        ...
      ]
    }`);
    const r = readLooseJson(ls, 0)!;
    expect(r.truncated).toBe(true);
    expect(toPlain(r.value)).toEqual({
      RouteTables: [
        {
          RouteTableId: 'rtb-0a1b2c3d4e5f60718',
          Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' }],
        },
      ],
    });
    expect(r.value.line).toBe(1);
  });

  it('finds several outputs one after another, each with the command above it, among prose', () => {
    const ls = lines(`here you go
$ aws ec2 describe-vpcs --vpc-ids vpc-0a1b2c3d4e5f60718
{ "Vpcs": [ { "VpcId": "vpc-0a1b2c3d4e5f60718", "CidrBlock": "10.0.0.0/16" } ] }
and the peering:
[cloudshell-user@ip-10-0-0-1 ~]$ aws ec2 describe-vpc-peering-connections \\
   --vpc-peering-connection-ids pcx-0aa11bb22cc33dd44
{
  "VpcPeeringConnections": []
}`);
    const seg = findJsonBlocks(ls);
    expect(seg.blocks).toHaveLength(2);
    expect(seg.blocks[0]!.cmd?.operation).toBe('describe-vpcs');
    expect(seg.blocks[1]!.cmd?.operation).toBe('describe-vpc-peering-connections');
    expect(seg.blocks[1]!.cmd?.options.get('vpc-peering-connection-ids')).toEqual(['pcx-0aa11bb22cc33dd44']);
    expect(seg.blocks[1]!.start).toBe(6);
    // the prose lines are left for the English reader
    expect(seg.used.has(0)).toBe(false);
    expect(seg.used.has(3)).toBe(false);
  });

  it('a sentence that starts like a command is not one', () => {
    const seg = findJsonBlocks(lines('aws s3 cp of a 2 GB file hangs at 40%'));
    expect(seg.commands).toHaveLength(0);
  });
});

describe('aws command lines', () => {
  it('reads options, filters, --query and --output', () => {
    const c = parseAwsCommand(
      `$ aws ec2 describe-network-acls --filters Name=association.subnet-id,Values=subnet-0a,subnet-0b --query 'NetworkAcls[0].Entries' --output json`,
      7,
    )!;
    expect(c.service).toBe('ec2');
    expect(c.operation).toBe('describe-network-acls');
    expect(c.filters).toEqual([{ name: 'association.subnet-id', values: ['subnet-0a', 'subnet-0b'] }]);
    expect(c.query).toBe('NetworkAcls[0].Entries');
    expect(c.output).toBe('json');
    expect(c.line).toBe(7);
  });
});

describe('--query output', () => {
  it('puts AWS field names back for a dict projection', () => {
    const ls = lines(
      `[ { "id": "i-0a1b2c3d4e5f60718", "ip": "10.0.1.5", "subnet": "subnet-0a1b2c3d4e5f60718" } ]`,
    );
    const cmd = parseAwsCommand(
      `aws ec2 describe-instances --query 'Reservations[].Instances[].{id:InstanceId,ip:PrivateIpAddress,subnet:SubnetId}'`,
      1,
    );
    const v = undoQueryProjection(readLooseJson(ls, 0)!.value, cmd);
    expect(toPlain(v)).toEqual([
      {
        InstanceId: 'i-0a1b2c3d4e5f60718',
        PrivateIpAddress: '10.0.1.5',
        SubnetId: 'subnet-0a1b2c3d4e5f60718',
      },
    ]);
  });

  it('puts NACL entries printed alone back under the NACL the command names', () => {
    const ls = lines(
      `[ { "CidrBlock": "0.0.0.0/0", "Egress": false, "Protocol": "-1", "RuleAction": "deny", "RuleNumber": 32767 } ]`,
    );
    const cmd = parseAwsCommand(
      `aws ec2 describe-network-acls --network-acl-ids acl-0a1b2c3d4e5f60718 --query 'NetworkAcls[0].Entries'`,
      1,
    );
    const v = toPlain(rewrapSubList(readLooseJson(ls, 0)!.value, cmd)) as Record<string, unknown>;
    expect(v.NetworkAclId).toBe('acl-0a1b2c3d4e5f60718');
    expect(v.Entries).toHaveLength(1);
  });

  it('an SG egress list goes back as IpPermissionsEgress', () => {
    const ls = lines(
      `[ { "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [ { "CidrIp": "0.0.0.0/0" } ] } ]`,
    );
    const cmd = parseAwsCommand(
      `aws ec2 describe-security-groups --group-ids sg-0a1b2c3d4e5f60718 --query 'SecurityGroups[0].IpPermissionsEgress'`,
      1,
    );
    const v = toPlain(rewrapSubList(readLooseJson(ls, 0)!.value, cmd)) as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['GroupId', 'IpPermissionsEgress']);
  });
});
