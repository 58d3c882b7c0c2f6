import type { RecordItem } from '../flowlog/types.js';
import { isPrivateAddress } from './addresses.js';
import type { Weighted } from './bounded-map.js';
import type { EniRole, InitiatorBasis, Outcome, RoleBasis, Verdict } from './classify.js';
import type { Conversation } from './conversation.js';
import { detach, detachRecord } from './detach.js';
import type { EniProfile } from './eni-profile.js';

/** One conversation kept as an example, with the records to cite. */
export interface Sample {
  client: string;
  clientPort: number;
  records: number;
  reqRecords: number;
  respRecords: number;
  packets: number;
  reqRef: RecordItem | undefined;
  respRef: RecordItem | undefined;
}

const MAX_SAMPLES = 5;
const MAX_CLIENTS = 64;
const MAX_PORT_SAMPLE = 24;

/**
 * Conversations with the same outcome at the same service of the same ENI: (outcome, ENI role, ENI,
 * server, server port, protocol). The unit a finding is written about; it keeps counts, the client
 * addresses and ports (bounded) and the heaviest conversations as evidence.
 */
export class Group implements Weighted {
  conversations = 0;
  records = 0;
  packets = 0;
  bytes = 0;
  /** real client address → conversations (at most MAX_CLIENTS addresses) */
  readonly clients = new Map<string, number>();
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
  readonly basis: Partial<Record<InitiatorBasis, number>> = {};
  readonly roleBasis: Partial<Record<RoleBasis, number>> = {};
  readonly samples: Sample[] = [];
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
    readonly serverPort: number,
    readonly proto: number,
    realServer: string,
  ) {
    this.server = detach(server);
    this.realServer = realServer === server ? this.server : detach(realServer);
  }

  weight(): number {
    return this.conversations;
  }

  add(c: Conversation, v: Verdict): void {
    this.conversations++;
    this.records += c.records;
    const packets = v.req.packets + v.resp.packets;
    this.packets += packets;
    this.bytes += v.req.bytes + v.resp.bytes;
    const client = v.realClient;
    const n = this.clients.get(client);
    if (n !== undefined) this.clients.set(client, n + 1);
    else if (this.clients.size < MAX_CLIENTS) this.clients.set(detach(client), 1);
    else this.clientsUntracked++;
    const port = v.clientPort;
    if (port < this.minClientPort) this.minClientPort = port;
    if (port > this.maxClientPort) this.maxClientPort = port;
    if (this.clientPorts.length < MAX_PORT_SAMPLE && !this.clientPorts.includes(port))
      this.clientPorts.push(port);
    if (!isPrivateAddress(client)) this.publicClients++;
    if (packets <= 2 * c.records) this.probes++;
    if (v.strong) this.strong++;
    this.basis[v.basis] = (this.basis[v.basis] ?? 0) + 1;
    this.roleBasis[v.roleBasis] = (this.roleBasis[v.roleBasis] ?? 0) + 1;
    if (c.firstLine < this.firstLine) this.firstLine = c.firstLine;
    this.keepSample(c, v, packets);
  }

  private keepSample(c: Conversation, v: Verdict, packets: number): void {
    const s = this.samples;
    if (s.length === MAX_SAMPLES && c.records <= s[s.length - 1]!.records) return;
    const sample: Sample = {
      client: detach(v.realClient),
      clientPort: v.clientPort,
      records: c.records,
      reqRecords: v.req.records,
      respRecords: v.resp.records,
      packets,
      reqRef: v.reqRef && detachRecord(v.reqRef),
      respRef: v.respRef && detachRecord(v.respRef),
    };
    let i = s.length;
    while (i > 0 && s[i - 1]!.records < c.records) i--;
    s.splice(i, 0, sample);
    if (s.length > MAX_SAMPLES) s.pop();
  }

  /** Client addresses, most conversations first. */
  clientList(): string[] {
    return [...this.clients.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  }

  /** The weakest way the initiator was decided for any of its conversations. */
  weakestBasis(): InitiatorBasis {
    for (const b of ['guess', 'timing', 'ports', 'accept-reject', 'tcp-flags'] as const)
      if (this.basis[b]) return b;
    return 'guess';
  }

  /** The weakest way the ENI's role was decided. */
  weakestRoleBasis(): RoleBasis {
    for (const b of ['guess', 'private-address', 'text', 'transit', 'eni-address', 'flow-direction'] as const)
      if (this.roleBasis[b]) return b;
    return 'guess';
  }
}

/** What is left of groups that were summarised to bound memory: counts only. */
export interface GroupTail {
  groups: number;
  conversations: number;
  records: number;
}
