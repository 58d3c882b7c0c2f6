import type { RecordItem } from '../flowlog/types.js';
import { isPrivateAddress } from './addresses.js';
import type { Verdict } from './classify.js';
import type { ConversationLike } from './conversation.js';
import { detach, detachRecord } from './detach.js';

/** The services a gateway VPC endpoint can carry, as pkt-*-aws-service names them. */
export const GATEWAY_ENDPOINT_SERVICES: ReadonlySet<string> = new Set(['S3', 'DYNAMODB']);

/** How traffic to the service left: through a NAT gateway's ENI, or an instance's own path. */
export type ServicePath = 'nat-eni' | 'via-vpc-resource' | 'internet-gateway';

export class ServiceFlows {
  bytes = 0;
  records = 0;
  conversations = 0;
  readonly enis = new Set<string>();
  readonly samples: RecordItem[] = [];

  constructor(
    readonly service: string,
    readonly path: ServicePath,
    readonly vpcId: string | undefined,
    readonly region: string | undefined,
  ) {}
}

/**
 * S3/DynamoDB traffic that goes through a NAT gateway or an internet gateway (pkt-dst-aws-service,
 * traffic-path, NAT ENIs). A conversation counts on the leg whose server is the service's public
 * address, so the NAT's inside leg is not counted twice.
 */
export class ServiceUse {
  readonly flows = new Map<string, ServiceFlows>();

  add(c: ConversationLike, v: Verdict): void {
    const req = v.reqRef?.fields;
    const resp = v.respRef?.fields;
    if (req === undefined && resp === undefined) return;
    const service = req?.['pkt-dst-aws-service'] ?? resp?.['pkt-src-aws-service'];
    if (service === undefined || !GATEWAY_ENDPOINT_SERVICES.has(service)) return;
    if (isPrivateAddress(v.server)) return; // the inside leg of a NAT, or an endpoint address
    let path: ServicePath | undefined;
    if (c.eni.isNat()) path = 'nat-eni';
    else {
      const tp = req?.['traffic-path'];
      if (tp === 1) path = 'via-vpc-resource';
      else if (tp === 8) path = 'internet-gateway';
    }
    if (path === undefined) return; // 2 (IGW or gateway endpoint) and 7 (gateway endpoint) prove nothing
    const vpc = c.eni.vpcId;
    const key = `${service} ${path} ${vpc ?? ''}`;
    let s = this.flows.get(key);
    if (s === undefined) {
      s = new ServiceFlows(detach(service), path, vpc, c.eni.region);
      this.flows.set(key, s);
    }
    s.conversations++;
    s.records += c.records;
    s.bytes += v.req.bytes + v.resp.bytes;
    if (s.enis.size < 32) s.enis.add(c.eni.id);
    if (s.samples.length < 4) {
      if (v.reqRef) s.samples.push(detachRecord(v.reqRef));
      if (v.respRef && s.samples.length < 4) s.samples.push(detachRecord(v.respRef));
    }
  }
}
