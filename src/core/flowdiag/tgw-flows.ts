import type { RecordItem } from '../flowlog/types.js';
import { detach, detachRecord } from './detach.js';

export type LossReason = 'no-route' | 'blackhole' | 'mtu-exceeded' | 'ttl-expired';

export const LOSS_FIELDS: Record<LossReason, string> = {
  'no-route': 'packets-lost-no-route',
  blackhole: 'packets-lost-blackhole',
  'mtu-exceeded': 'packets-lost-mtu-exceeded',
  'ttl-expired': 'packets-lost-ttl-expired',
};

const MAX_SAMPLES = 5;
const MAX_DESTINATIONS = 64;
const MAX_GROUPS = 2_000;
const MAX_KNOWN_ROUTES = 10_000;

/** Lost packets of one reason, at one TGW attachment (where the packets entered the TGW). */
export class LossGroup {
  records = 0;
  lost = 0;
  packets = 0;
  /** records that named no destination attachment/VPC: the TGW found nowhere to send them */
  noDestination = 0;
  readonly destinations = new Map<string, number>();
  destinationsUntracked = 0;
  readonly sources = new Set<string>();
  readonly ports = new Set<number>();
  readonly samples: RecordItem[] = [];
  protocol: number | undefined;

  readonly attachment: string;
  readonly tgwId: string | undefined;
  readonly srcVpc: string | undefined;
  readonly region: string | undefined;

  constructor(
    attachment: string,
    readonly reason: LossReason,
    tgwId: string | undefined,
    srcVpc: string | undefined,
    region: string | undefined,
  ) {
    this.attachment = detach(attachment);
    this.tgwId = detach(tgwId);
    this.srcVpc = detach(srcVpc);
    this.region = detach(region);
  }

  add(item: RecordItem, lost: number): void {
    const f = item.fields;
    this.records++;
    this.lost += lost;
    this.packets += f.packets ?? 0;
    if (f['tgw-pair-attachment-id'] === undefined && f['tgw-dst-vpc-id'] === undefined) this.noDestination++;
    const dst = f.dstaddr;
    if (dst !== undefined) {
      const n = this.destinations.get(dst);
      if (n !== undefined) this.destinations.set(dst, n + 1);
      else if (this.destinations.size < MAX_DESTINATIONS) this.destinations.set(detach(dst), 1);
      else this.destinationsUntracked++;
    }
    if (f.srcaddr !== undefined && this.sources.size < MAX_DESTINATIONS && !this.sources.has(f.srcaddr))
      this.sources.add(detach(f.srcaddr));
    if (f.dstport !== undefined && this.ports.size < MAX_DESTINATIONS) this.ports.add(f.dstport);
    this.protocol ??= f.protocol;
    if (this.samples.length < MAX_SAMPLES) this.samples.push(detachRecord(item));
  }

  destinationList(): string[] {
    return [...this.destinations.entries()].sort((a, b) => b[1] - a[1]).map(([d]) => d);
  }
}

/** Where traffic to an address did get through the TGW: its destination attachment and VPC. */
export interface KnownRoute {
  attachment: string | undefined;
  vpc: string | undefined;
  record: RecordItem;
}

/** Transit Gateway flow-log records: packets-lost-* counters, and which destinations do get routed. */
export class TgwFlows {
  records = 0;
  readonly groups = new Map<string, LossGroup>();
  groupsDropped = 0;
  readonly knownRoutes = new Map<string, KnownRoute>();

  add(item: RecordItem): void {
    this.records++;
    const f = item.fields;
    let anyLost = false;
    for (const reason of Object.keys(LOSS_FIELDS) as LossReason[]) {
      const lost = f[LOSS_FIELDS[reason]];
      if (typeof lost !== 'number' || lost <= 0) continue;
      anyLost = true;
      const attachment = f['tgw-attachment-id'] ?? '-';
      const key = `${attachment} ${reason}`;
      let g = this.groups.get(key);
      if (g === undefined) {
        if (this.groups.size >= MAX_GROUPS) {
          this.groupsDropped++;
          continue;
        }
        g = new LossGroup(attachment, reason, f['tgw-id'], f['tgw-src-vpc-id'], f.region);
        this.groups.set(key, g);
      }
      g.add(item, lost);
    }
    if (!anyLost && f.dstaddr !== undefined && this.knownRoutes.size < MAX_KNOWN_ROUTES) {
      // on an ingress record the pair attachment is the way out; on an egress record it is the way in
      const dir = f['flow-direction'];
      const attachment =
        dir === 'egress'
          ? f['tgw-attachment-id']
          : dir === 'ingress'
            ? f['tgw-pair-attachment-id']
            : undefined;
      const vpc = f['tgw-dst-vpc-id'];
      if ((attachment !== undefined || vpc !== undefined) && !this.knownRoutes.has(f.dstaddr)) {
        this.knownRoutes.set(detach(f.dstaddr), {
          attachment: detach(attachment),
          vpc: detach(vpc),
          record: detachRecord(item),
        });
      }
    }
  }
}
