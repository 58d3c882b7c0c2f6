import type { TextLine } from '../../../analysis-context.js';
import type { ModelBuilder } from '../../model/builder.js';
import { readPolicy } from '../../model/policy-info.js';
import { isRegion } from '../../net/regions.js';
import type { DescribeContext } from './describe/context.js';
import { readBucketPolicy, readHostedZone } from './describe/dns-policy.js';
import { readEndpoint } from './describe/endpoint.js';
import { readInternetGateway, readNatGateway } from './describe/gateways.js';
import { readNacl } from './describe/nacl.js';
import { readPeering } from './describe/peering.js';
import { readRouteTable } from './describe/route-table.js';
import { readSecurityGroup } from './describe/security-group.js';
import { readTgwAssociations, readTgwAttachment, readTgwRoutes, readTgwRouteTable } from './describe/tgw.js';
import { readSubnet, readVpc, readVpcAttribute } from './describe/vpc-subnet.js';
import {
  readDbInstance,
  readInstance,
  readLambda,
  readNetworkInterface,
  readTargetHealth,
} from './describe/workloads.js';
import type { JsonBlock } from './find-json-blocks.js';
import { arr, hasKeys, type JNode, str, toPlain } from './loose-json.js';
import { rewrapSubList, undoQueryProjection } from './query-projection.js';

type Reader = (o: JNode, ctx: DescribeContext) => void;

/** Which describe-* object this is, by the keys it has (so partial pastes are read too). */
function classify(o: JNode): Reader | undefined {
  if (o.t !== 'obj') return undefined;
  const has = (...k: string[]) => hasKeys(o, ...k);
  const any = (...k: string[]) => k.some((x) => hasKeys(o, x));
  if (has('RouteTableId') && any('Routes', 'Associations')) return readRouteTable;
  if (has('NetworkAclId') && any('Entries', 'Associations', 'IsDefault')) return readNacl;
  if (has('GroupId') && any('IpPermissions', 'IpPermissionsEgress')) return readSecurityGroup;
  if (has('VpcPeeringConnectionId') && any('AccepterVpcInfo', 'RequesterVpcInfo', 'Status'))
    return readPeering;
  if (has('VpcEndpointId') && any('ServiceName', 'VpcEndpointType')) return readEndpoint;
  if (has('NatGatewayId') && any('SubnetId', 'State', 'NatGatewayAddresses')) return readNatGateway;
  if (has('InternetGatewayId') && any('Attachments')) return readInternetGateway;
  if (has('InstanceId') && any('PrivateIpAddress', 'SubnetId', 'InstanceType', 'SecurityGroups'))
    return readInstance;
  if (has('NetworkInterfaceId') && any('PrivateIpAddress', 'InterfaceType', 'Groups') && any('SubnetId'))
    return readNetworkInterface;
  if (
    has('TransitGatewayAttachmentId') &&
    any('ResourceId', 'VpcId', 'SubnetIds') &&
    any('TransitGatewayId', 'State')
  )
    return readTgwAttachment;
  if (has('TransitGatewayRouteTableId') && any('DefaultAssociationRouteTable', 'TransitGatewayId'))
    return readTgwRouteTable;
  if (has('SubnetId', 'CidrBlock') && any('AvailabilityZone', 'VpcId', 'MapPublicIpOnLaunch'))
    return readSubnet;
  if (has('VpcId') && any('EnableDnsSupport', 'EnableDnsHostnames')) return readVpcAttribute;
  if (
    has('VpcId') &&
    any('CidrBlock', 'CidrBlockAssociationSet') &&
    any('State', 'DhcpOptionsId', 'IsDefault', 'InstanceTenancy', 'OwnerId')
  )
    return readVpc;
  if (has('FunctionName') && any('VpcConfig')) return readLambda;
  if (has('DBInstanceIdentifier') && any('DBSubnetGroup', 'VpcSecurityGroups', 'Endpoint'))
    return readDbInstance;
  if (any('HostedZone') && any('VPCs')) return readHostedZone;
  if (has('Target', 'TargetHealth')) return readTargetHealth;
  return undefined;
}

function walk(o: JNode, ctx: DescribeContext, depth: number): number {
  if (depth > 12) return 0;
  if (o.t === 'arr') return o.items.reduce((n, x) => n + walk(x, ctx, depth + 1), 0);
  if (o.t !== 'obj') return 0;
  const r = classify(o);
  if (r) {
    r(o, ctx);
    return 1;
  }
  let n = 0;
  for (const e of o.entries) n += walk(e.value, ctx, depth + 1);
  return n;
}

function optionValue(block: JsonBlock, name: string): string | undefined {
  return block.cmd?.options.get(name)?.[0];
}

/**
 * Reads the describe-* (and a few neighbouring: lambda, rds, route53, s3api) outputs among the JSON
 * blocks into the model. Returns the blocks it understood.
 */
export function readDescribeJson(
  blocks: readonly JsonBlock[],
  b: ModelBuilder,
  lines: readonly TextLine[],
): JsonBlock[] {
  const byLine = new Map(lines.map((l) => [l.line, l.text]));
  const read: JsonBlock[] = [];
  for (const block of blocks) {
    const regionOpt = optionValue(block, 'region');
    const ctx: DescribeContext = {
      b,
      ...(block.cmd ? { cmd: block.cmd } : {}),
      ...(regionOpt && isRegion(regionOpt) ? { region: regionOpt } : {}),
      lineText: (l) => byLine.get(l) ?? '',
    };
    const v = rewrapSubList(undoQueryProjection(block.value, block.cmd), block.cmd);
    let n = 0;
    const op = block.cmd?.operation ?? '';
    // outputs whose items do not say which table they belong to
    if (
      v.t === 'obj' &&
      hasKeys(v, 'Routes') &&
      (op === 'search-transit-gateway-routes' ||
        arr(v, 'Routes').some(
          (r) =>
            hasKeys(r, 'TransitGatewayAttachments') ||
            str(r, 'Type') === 'propagated' ||
            str(r, 'Type') === 'static',
        ))
    ) {
      readTgwRoutes(arr(v, 'Routes'), ctx, optionValue(block, 'transit-gateway-route-table-id'));
      n++;
    } else if (
      v.t === 'obj' &&
      op === 'get-transit-gateway-route-table-associations' &&
      optionValue(block, 'transit-gateway-route-table-id')
    ) {
      readTgwAssociations(
        arr(v, 'Associations'),
        ctx,
        optionValue(block, 'transit-gateway-route-table-id')!,
        'associations',
      );
      n++;
    } else if (
      v.t === 'obj' &&
      hasKeys(v, 'TransitGatewayRouteTablePropagations') &&
      optionValue(block, 'transit-gateway-route-table-id')
    ) {
      readTgwAssociations(
        arr(v, 'TransitGatewayRouteTablePropagations'),
        ctx,
        optionValue(block, 'transit-gateway-route-table-id')!,
        'propagations',
      );
      n++;
    } else if (
      v.t === 'obj' &&
      op === 'get-function-configuration' &&
      hasKeys(v, 'SubnetIds') &&
      !hasKeys(v, 'FunctionName')
    ) {
      // `--query VpcConfig`: the function's name is in the command
      readLambda(
        {
          ...v,
          entries: [
            {
              key: 'FunctionName',
              line: v.line,
              value: {
                t: 'str',
                v: optionValue(block, 'function-name') ?? 'the function',
                line: v.line,
                endLine: v.line,
              },
            },
            { key: 'VpcConfig', line: v.line, value: v },
          ],
        },
        ctx,
      );
      n++;
    } else if (v.t === 'obj' && hasKeys(v, 'HostedZoneSummaries') && optionValue(block, 'vpc-id')) {
      // route53 list-hosted-zones-by-vpc: every private zone the VPC is associated with
      const vpc = b.vpc({ id: optionValue(block, 'vpc-id')! });
      const region = optionValue(block, 'vpc-region');
      if (region && !vpc.region) vpc.region = region;
      const lines: number[] = [];
      for (let l = v.line; l <= v.endLine && lines.length < 30; l++) lines.push(l);
      vpc.zones = {
        names: arr(v, 'HostedZoneSummaries')
          .map((z) => (str(z, 'Name') ?? '').replace(/\.$/, '').toLowerCase())
          .filter(Boolean),
        src: {
          kind: 'config',
          lines,
          text: `${vpc.id} private hosted zones: ${arr(v, 'HostedZoneSummaries').length}`,
        },
      };
      n++;
    } else if (
      v.t === 'obj' &&
      (op === 'get-bucket-policy' ||
        ((hasKeys(v, 'Statement') ||
          (hasKeys(v, 'Effect') && (hasKeys(v, 'Action') || hasKeys(v, 'Resource')))) &&
          isBucketPolicyLead(block)))
    ) {
      // one statement pasted alone is a policy with that statement
      const doc: JNode = hasKeys(v, 'Statement')
        ? v
        : {
            t: 'obj',
            line: v.line,
            endLine: v.endLine,
            entries: [{ key: 'Statement', line: v.line, value: v }],
          };
      const bucket =
        optionValue(block, 'bucket') ??
        /arn:aws:s3:::([a-z0-9.-]{3,63})/.exec(JSON.stringify(toPlain(v)))?.[1];
      readBucketPolicy(doc, ctx, bucket);
      n++;
    } else if (
      v.t === 'obj' &&
      hasKeys(v, 'Statement') &&
      (/endpoint policy|vpce policy|policy on the endpoint/.test(block.lead) ||
        // "the s3 gateway endpoint vpce-… has this policy:" just above
        /\b(?:endpoint|vpce-[0-9a-f]+)\b[^.]*\b(?:has|with|uses|got)\s+(?:this|the\s+following|a)\s+policy\b/.test(
          block.lead,
        ))
    ) {
      readEndpointPolicy(v, ctx, block, lines);
      n++;
    } else {
      n = walk(v, ctx, 0);
    }
    if (n > 0) read.push(block);
  }
  return read;
}

function isBucketPolicyLead(block: JsonBlock): boolean {
  if (/bucket policy|bucket-policy/.test(block.lead)) return true;
  const text = JSON.stringify(block.value);
  return /aws:SourceIp/i.test(text) && /arn:aws:s3:::/.test(text) && !/endpoint policy/.test(block.lead);
}

function readEndpointPolicy(
  v: JNode,
  ctx: DescribeContext,
  block: JsonBlock,
  lines0: readonly TextLine[],
): void {
  // attach to the endpoint the text names (just above, or earlier in the message), or the only one there is
  let named = /vpce-[0-9a-z]+/.exec(block.lead)?.[0];
  for (let i = block.start - 1; i >= 0 && !named; i--) {
    const ids = [...new Set(lines0[i]!.text.match(/\bvpce-[0-9a-f]{8,17}\b/g) ?? [])];
    if (ids.length === 1) named = ids[0];
  }
  const eps = ctx.b.all('vpce');
  const ep = named ? ctx.b.endpoint({ id: named }) : (eps[0] ?? ctx.b.endpoint({ name: 'the endpoint' }));
  const lines: number[] = [];
  for (let l = v.line; l <= v.endLine && lines.length < 60; l++) lines.push(l);
  const info = readPolicy(toPlain(v), { kind: 'config', lines, text: `${ep.id ?? 'endpoint'} policy` });
  if (info) ep.policy = info;
}
