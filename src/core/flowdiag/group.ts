import type { RecordItem } from '../flowlog/types.js';
import { isPrivateAddress } from './addresses.js';
import type { EniRole, InitiatorBasis, Outcome, RoleBasis, Verdict } from './classify.js';
import type { ConversationLike } from './conversation.js';
import { detach } from './detach.js';
import type { EniProfile } from './eni-profile.js';
import type { FlowRecord } from './flow-record.js';

/**
 * One conversation kept as an example, with the records to cite. The records keep their own copy of
 * their line and are only read into items when a rule cites them: most samples are replaced by
 * heavier ones, or dropped with their group, before that.
 */
export class Sample {
  constructor(
    readonly client: string,
    readonly clientPort: number,
    readonly records: number,
    readonly reqRecords: number,
    readonly respRecords: number,
    readonly packets: number,
    private readonly req: FlowRecord | undefined,
    private readonly resp: FlowRecord | undefined,
  ) {}

  get reqRef(): RecordItem | undefined {
    return this.req?.toItem();
  }

  get respRef(): RecordItem | undefined {
    return this.resp?.toItem();
  }
}

const MAX_SAMPLES = 3;
const MAX_CLIENTS = 8;
const MAX_PORT_SAMPLE = 12;

const BASES: readonly InitiatorBasis[] = ['guess', 'timing', 'ports', 'accept-reject', 'tcp-flags'];
const ROLE_BASES: readonly RoleBasis[] = [
  'guess',
  'private-address',
  'text',
  'transit',
  'eni-address',
  'flow-direction',
];

/**
 * Conversations with the same outcome at the same service of the same ENI: (outcome, ENI role, ENI,
 * server, server port, protocol). The unit a finding is written about; it keeps counts, the client
 * addresses and ports (bounded) and the heaviest conversations as evidence.
 */
export class Group {
  conversations = 0;
  records = 0;
  packets = 0;
  bytes = 0;
  /** real client address → conversations (at most MAX_CLIENTS addresses) */
  readonly clients = new Map<string, number>();
  /** clients.size, kept here so that a full map is not looked at for every conversation */
  private clientsKept = 0;
  /** conversations whose client address was not kept */
  clientsUntracked = 0;
  minClientPort = Number.POSITIVE_INFINITY;
  maxClientPort = -1;
  readonly clientPorts: number[] = [];
  /** conversations from public addresses */
  publicClients = 0;
  /** conversations of at most 2 packets per record (probes) */
  probes = 0;
  /** conversations whose symptom was seen, not inferred (retransmissions) */
  strong = 0;
  /** the weakest way the initiator (index in BASES) and the ENI's role (in ROLE_BASES) were decided */
  private basisMin = BASES.length - 1;
  private roleBasisMin = ROLE_BASES.length - 1;
  readonly samples: Sample[] = [];
  /** the records of the lightest sample once MAX_SAMPLES are kept (a lighter conversation is not
   * kept), else -1: read instead of the samples themselves for every conversation */
  private sampleFloor = -1;
  firstLine = Number.POSITIVE_INFINITY;
  /** the server's address (in records) and as its packets carry it (pkt-*, when that differs) */
  readonly server: string;
  realServer: string;
  /** GroupTable bookkeeping */
  hash = 0;
  next: Group | undefined;

  constructor(
    readonly outcome: Outcome,
    readonly role: EniRole,
    readonly eni: EniProfile,
    server: string,
    /** hashString(server, ADDR_SEED) */
    readonly serverHash: number,
    readonly serverPort: number,
    readonly proto: number,
    realServer: string,
  ) {
    this.server = detach(server);
    this.realServer = realServer === server ? this.server : detach(realServer);
  }

  add(c: ConversationLike, v: Verdict): void {
    this.conversations++;
    this.records += c.records;
    const packets = v.req.packets + v.resp.packets;
    this.packets += packets;
    this.bytes += v.req.bytes + v.resp.bytes;
    const client = v.realClient;
    if (this.clientsKept < MAX_CLIENTS) {
      const n = this.clients.get(client);
      if (n === undefined) {
        this.clients.set(detach(client), 1);
        this.clientsKept++;
      } else this.clients.set(client, n + 1);
    } else this.clientsUntracked++; // past MAX_CLIENTS, per-client counts stop: good enough to order them
    const port = v.clientPort;
    if (port < this.minClientPort) this.minClientPort = port;
    if (port > this.maxClientPort) this.maxClientPort = port;
    if (this.clientPorts.length < MAX_PORT_SAMPLE && !this.clientPorts.includes(port))
      this.clientPorts.push(port);
    if (!isPrivateAddress(client)) this.publicClients++;
    if (packets <= 2 * c.records) this.probes++;
    if (v.strong) this.strong++;
    const b = basisIndex(v.basis);
    if (b < this.basisMin) this.basisMin = b;
    const rb = roleBasisIndex(v.roleBasis);
    if (rb < this.roleBasisMin) this.roleBasisMin = rb;
    if (c.firstLine < this.firstLine) this.firstLine = c.firstLine;
    this.keepSample(c, v, packets);
  }

  private keepSample(c: ConversationLike, v: Verdict, packets: number): void {
    if (c.records <= this.sampleFloor) return;
    const s = this.samples;
    const sample = new Sample(
      detach(v.realClient),
      v.clientPort,
      c.records,
      v.req.records,
      v.resp.records,
      packets,
      v.reqRef?.detach(),
      v.respRef?.detach(),
    );
    let i = s.length;
    while (i > 0 && s[i - 1]!.records < c.records) i--;
    s.splice(i, 0, sample);
    if (s.length > MAX_SAMPLES) s.pop();
    this.sampleFloor = s.length === MAX_SAMPLES ? s[s.length - 1]!.records : -1;
  }

  /** Client addresses, most conversations first. */
  clientList(): string[] {
    return [...this.clients.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  }

  /** The weakest way the initiator was decided for any of its conversations. */
  weakestBasis(): InitiatorBasis {
    return BASES[this.basisMin]!;
  }

  /** The weakest way the ENI's role was decided. */
  weakestRoleBasis(): RoleBasis {
    return ROLE_BASES[this.roleBasisMin]!;
  }
}

function basisIndex(b: InitiatorBasis): number {
  switch (b) {
    case 'guess':
      return 0;
    case 'timing':
      return 1;
    case 'ports':
      return 2;
    case 'accept-reject':
      return 3;
    default:
      return 4;
  }
}

function roleBasisIndex(b: RoleBasis): number {
  switch (b) {
    case 'guess':
      return 0;
    case 'private-address':
      return 1;
    case 'text':
      return 2;
    case 'transit':
      return 3;
    case 'eni-address':
      return 4;
    default:
      return 5;
  }
}

/** What is left of groups that were summarised to bound memory: counts only. */
export interface GroupTail {
  groups: number;
  conversations: number;
  records: number;
}
