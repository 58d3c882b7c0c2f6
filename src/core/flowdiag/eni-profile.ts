import type { RecordItem } from '../flowlog/types.js';
import { isPrivateAddress } from './addresses.js';
import { detach, detachRecord } from './detach.js';
import type { FlowRecord } from './flow-record.js';
import { ENI_SEED, hashString, hashString2 } from './hash.js';

/**
 * What the records of one network interface say about that interface: its own address (the address
 * every one of its records shares), its subnet/VPC, whether it is requester-managed (instance-id `-`,
 * e.g. a NAT gateway or TGW attachment) and whether it translates addresses like a NAT gateway.
 */
export class EniProfile {
  /** conversations seen on it (each noted once, when its first record arrives) */
  records = 0;
  firstLine = 0;
  /** its own address, learnt per family (a dual-stack ENI has one of each) */
  private readonly v4 = new OwnAddress();
  private readonly v6 = new OwnAddress();
  /** conversations that had records in both directions on this ENI (the log covers both ways) */
  bidirectional = 0;
  subnetId: string | undefined;
  vpcId: string | undefined;
  instanceId: string | undefined;
  /** the format has instance-id and it was `-`: an ENI AWS manages (NAT GW, TGW, endpoint, ELB…) */
  requesterManaged = false;
  region: string | undefined;
  /** its records carry pkt-*-aws-service fields (S3/DynamoDB use can be judged) */
  serviceFields = false;
  /** records whose pkt-srcaddr/pkt-dstaddr differ from srcaddr/dstaddr */
  pktDiffRecords = 0;
  /** of those, records where a private address stands in for a public one: NAT translation */
  natRecords = 0;
  natInbound: RecordItem | undefined;
  natOutbound: RecordItem | undefined;
  /** an address the user's text ties to this ENI ("eni-0abc (10.0.1.5)"), set before the rules run */
  textAddress: string | undefined;

  /** inbound requests REJECTed here: all, from public addresses, and public probes (≤2 packets/record) */
  rejectedInbound = 0;
  rejectedInboundPublic = 0;
  rejectedInboundProbes = 0;
  readonly probeSources = new Set<string>();
  /** the same sources by hash (a fresh string's hash is computed on every Set lookup; a number's is not) */
  private readonly probeSourceByHash = new Map<number, string>();
  readonly probePorts = new Set<number>();

  /** probes counted but not grouped (see FlowState), with their records and a few examples */
  pooledProbes = 0;
  pooledProbeRecords = 0;
  readonly pooledSamples: RecordItem[] = [];

  readonly id: string;
  /** the hash of the id, for keying its groups without strings */
  readonly idHash: number;
  /** a second hash of the id: with idHash, identifies the profile without comparing strings */
  readonly idHash2: number;

  constructor(id: string) {
    this.id = detach(id);
    this.idHash = hashString(this.id, ENI_SEED);
    this.idHash2 = hashString2(this.id);
  }

  poolProbe(c: { records: number }, record: FlowRecord | undefined): void {
    this.pooledProbes++;
    this.pooledProbeRecords += c.records;
    if (record && this.pooledSamples.length < 6) this.pooledSamples.push(detachRecord(record.toItem()));
  }

  /** `clientHash`: hashString(client, ADDR_SEED) */
  noteInboundReject(
    client: string,
    clientHash: number,
    serverPort: number,
    isPublic: boolean,
    probe: boolean,
  ): void {
    this.rejectedInbound++;
    if (!isPublic) return;
    this.rejectedInboundPublic++;
    if (!probe) return;
    this.rejectedInboundProbes++;
    if (this.probeSources.size < 256) {
      const known = this.probeSourceByHash.get(clientHash);
      if (known === undefined) {
        const s = detach(client);
        this.probeSourceByHash.set(clientHash, s);
        this.probeSources.add(s);
      } else if (known !== client && !this.probeSources.has(client)) this.probeSources.add(detach(client));
    }
    if (this.probePorts.size < 256) this.probePorts.add(serverPort);
  }

  /**
   * Internet hosts probing: REJECTed inbound requests from public addresses, nearly all of them
   * single probes, from several sources or to several ports.
   */
  isScanned(): boolean {
    const probes = this.rejectedInboundProbes;
    return (
      probes >= 3 &&
      probes >= 0.8 * this.rejectedInboundPublic &&
      (this.probeSources.size >= 3 || this.probePorts.size >= 3)
    );
  }

  /**
   * {@link note} without the addresses, when they are not needed: false, and nothing noted, for the
   * first conversation of an address family (its addresses become the candidates for the ENI's own).
   */
  noteHashed(v6: boolean, srcHash: number, dstHash: number): boolean {
    const own = v6 ? this.v6 : this.v4;
    if (!own.started) return false;
    this.records++;
    own.noteHashes(srcHash, dstHash);
    return true;
  }

  /** Called once per new conversation of this ENI, with its first record's addresses. */
  note(src: string, srcHash: number, dst: string, dstHash: number): void {
    this.records++;
    (isV6(src) ? this.v6 : this.v4).note(src, srcHash, dst, dstHash);
  }

  /** The hash (ADDR_SEED) of its own address in that family, for comparing without strings; 0 when unknown. */
  addressHash(v6: boolean): number {
    return (v6 ? this.v6 : this.v4).ownHash();
  }

  /** Called with the first record of each new conversation, when its format has v3+ metadata fields. */
  noteMeta(item: RecordItem, hasInstanceField: boolean): void {
    const f = item.fields;
    if (this.subnetId === undefined && f['subnet-id'] !== undefined) this.subnetId = detach(f['subnet-id']);
    if (this.vpcId === undefined && f['vpc-id'] !== undefined) this.vpcId = detach(f['vpc-id']);
    if (this.region === undefined && f.region !== undefined) this.region = detach(f.region);
    if (
      !this.serviceFields &&
      (f['pkt-dst-aws-service'] !== undefined || f['pkt-src-aws-service'] !== undefined)
    )
      this.serviceFields = true;
    if (hasInstanceField) {
      const inst = f['instance-id'];
      if (inst === undefined) this.requesterManaged = true;
      else if (this.instanceId === undefined) this.instanceId = detach(inst);
    }
    const src = f.srcaddr;
    const dst = f.dstaddr;
    const ps = f['pkt-srcaddr'];
    const pd = f['pkt-dstaddr'];
    const srcDiff = ps !== undefined && src !== undefined && ps !== src;
    const dstDiff = pd !== undefined && dst !== undefined && pd !== dst;
    if (!srcDiff && !dstDiff) return;
    this.pktDiffRecords++;
    if (dstDiff && isPrivateAddress(dst!) && !isPrivateAddress(pd!)) {
      this.natRecords++;
      this.natInbound ??= detachRecord(item);
    } else if (srcDiff && isPrivateAddress(src!) && !isPrivateAddress(ps!)) {
      this.natRecords++;
      this.natOutbound ??= detachRecord(item);
    }
  }

  /**
   * The ENI's own address (IPv4 when it has one, else IPv6, or in the family asked for): the address
   * that (nearly) every conversation of that family shares. Undefined when the records cannot tell
   * (a single conversation, or an ENI that forwards other hosts' traffic).
   */
  address(v6?: boolean): string | undefined {
    if (v6 === undefined) return this.v4.own() ?? this.v6.own();
    return (v6 ? this.v6 : this.v4).own();
  }

  /** The addresses its own address must be among (those of its first conversation in each family). */
  candidates(): string[] {
    return [...this.v4.candidates(), ...this.v6.candidates()];
  }

  /** Records on it carry other hosts' addresses on both sides: a TGW, firewall or endpoint ENI. */
  isTransit(v6 = false): boolean {
    return this.id !== '' && (v6 ? this.v6 : this.v4).isTransit();
  }

  /** Looks like a NAT gateway's ENI: it translated private sources to public destinations. */
  isNat(): boolean {
    return this.natRecords > 0;
  }
}

function isV6(addr: string): boolean {
  // an IPv6 address has a colon within its first five characters; IPv4 never does
  for (let i = 0; i < 5 && i < addr.length; i++) if (addr.charCodeAt(i) === 58) return true;
  return false;
}

/**
 * One family's own-address detection: the ENI's own address must be one of the two addresses of its
 * first conversation, and appears in (nearly) all of its conversations.
 */
class OwnAddress {
  private conversations = 0;
  private candA: string | undefined;
  private candB: string | undefined;
  private hashA = 0;
  private hashB = 0;
  private countA = 0;
  private countB = 0;

  get started(): boolean {
    return this.conversations > 0;
  }

  note(src: string, srcHash: number, dst: string, dstHash: number): void {
    if (this.conversations > 0) {
      this.noteHashes(srcHash, dstHash);
      return;
    }
    this.conversations = 1;
    this.candA = detach(src);
    this.candB = detach(dst);
    this.hashA = srcHash;
    this.hashB = dstHash;
    this.countA = 1;
    this.countB = 1;
  }

  /** A conversation after the first: only the hashes count. */
  noteHashes(srcHash: number, dstHash: number): void {
    this.conversations++;
    if (srcHash === this.hashA || dstHash === this.hashA) this.countA++;
    if (srcHash === this.hashB || dstHash === this.hashB) this.countB++;
  }

  /** 0: A, 1: B, -1: cannot tell */
  private which(): number {
    const n = this.conversations;
    if (n === 0) return -1;
    const threshold = n * 0.9;
    if (this.countA >= threshold && this.countA > this.countB) return 0;
    if (this.countB >= threshold && this.countB > this.countA) return 1;
    return -1;
  }

  own(): string | undefined {
    const w = this.which();
    return w === 0 ? this.candA : w === 1 ? this.candB : undefined;
  }

  ownHash(): number {
    const w = this.which();
    return w === 0 ? this.hashA : w === 1 ? this.hashB : 0;
  }

  candidates(): string[] {
    return [this.candA, this.candB].filter((c): c is string => c !== undefined);
  }

  isTransit(): boolean {
    if (this.conversations < 4) return false;
    const threshold = this.conversations * 0.9;
    return this.countA < threshold && this.countB < threshold;
  }
}
