import type { FlowFormat, RecordItem, SkippedItem } from '../flowlog/types.js';
import { isIPv6, isPrivateAddress } from './addresses.js';
import { classify, type EniRole, type Outcome, type Verdict } from './classify.js';
import { type Conversation, type ConversationLike, FreshEntry } from './conversation.js';
import { ConversationTable } from './conversation-table.js';
import { EniProfile } from './eni-profile.js';
import { Group, type GroupTail } from './group.js';
import { GroupTable, groupHash } from './group-table.js';
import { ADDR_SEED, conversationHash, ENI_SEED, hashString, hashString2 } from './hash.js';
import { ServiceUse } from './service-use.js';
import { SkippedLog } from './skipped-log.js';
import { TgwFlows } from './tgw-flows.js';

/** Limits that keep memory bounded whatever the input: see the README's "Large inputs". */
export const LIMITS = {
  /** records per generation: a conversation is judged two generations after it was first seen,
   * unless it is still going (then it is kept as heavy) */
  generation: 2_048,
  /** long-lived conversations kept with exact counts (the heaviest, when there are more) */
  conversations: 8_192,
  groups: 6_144,
  enis: 20_000,
};

const META_FIELDS = [
  'subnet-id',
  'vpc-id',
  'instance-id',
  'region',
  'pkt-srcaddr',
  'pkt-dstaddr',
  'pkt-src-aws-service',
  'pkt-dst-aws-service',
];

const OUTCOMES: readonly Outcome[] = [
  'request-rejected',
  'response-rejected',
  'unanswered',
  'handshake-only',
  'ok',
  'one-way',
  'late-rejects',
  'bpa',
  'no-action',
];

function outcomeIndex(o: Outcome): number {
  switch (o) {
    case 'request-rejected':
      return 0;
    case 'response-rejected':
      return 1;
    case 'unanswered':
      return 2;
    case 'handshake-only':
      return 3;
    case 'ok':
      return 4;
    case 'one-way':
      return 5;
    case 'late-rejects':
      return 6;
    case 'bpa':
      return 7;
    default:
      return 8;
  }
}

/** Probes grouped per port before an interface's probes are only pooled. */
const PROBES_BEFORE_POOLING = 64;

/**
 * Everything the flow-log rules look at, gathered in one streaming pass: ENI profiles, conversations
 * (the heaviest kept exactly, the tail classified as it is summarised), groups of conversations with
 * the same outcome at the same service, Transit Gateway losses, NODATA/SKIPDATA and AWS-service use.
 */
export class FlowState {
  readonly enis = new Map<string, EniProfile>();
  /** the same profiles by the hash of their id (a number key is much cheaper than a fresh string) */
  private readonly enisByHash = new Map<number, EniProfile>();
  private readonly overflowEni = new EniProfile('');
  readonly conversations: ConversationTable;
  readonly groups: GroupTable;
  /** counts of summarised groups, by `outcome role` */
  readonly tails = new Map<string, GroupTail>();
  /** conversations per outcome, indexed as OUTCOMES */
  private readonly outcomes = new Float64Array(OUTCOMES.length);
  readonly tgw = new TgwFlows();
  readonly skipped = new SkippedLog();
  readonly services = new ServiceUse();
  /** records that carry no addresses (a format without srcaddr/dstaddr) */
  uncorrelated = 0;
  /** records to or from port 53 (DNS to resolvers other than Amazon's, which flow logs do capture) */
  dnsRecords = 0;
  records = 0;
  conversationsSeen = 0;
  private finished = false;
  private lastFormat: FlowFormat | undefined;
  private lastFormatMeta = false;
  private lastFormatInstance = false;

  constructor(limits = LIMITS) {
    this.conversations = new ConversationTable(limits.generation, limits.conversations, (c) => {
      if (!this.poolProbe(c)) this.aggregate(c, classify(c));
    });
    this.groups = new GroupTable(limits.groups, (g) => {
      const key = `${g.outcome} ${g.role}`;
      const t = this.tails.get(key) ?? { groups: 0, conversations: 0, records: 0 };
      t.groups++;
      t.conversations += g.conversations;
      t.records += g.records;
      this.tails.set(key, t);
    });
    this.enisCap = limits.enis;
  }

  private readonly enisCap: number;

  addSkipped(item: SkippedItem): void {
    this.skipped.add(item);
  }

  /** The hot path: one record. */
  add(item: RecordItem): void {
    if (item.format.tgw) {
      this.tgw.add(item);
      return;
    }
    this.records++;
    const f = item.fields;
    const src = f.srcaddr;
    const dst = f.dstaddr;
    if (src === undefined || dst === undefined) {
      this.uncorrelated++;
      return;
    }
    const eniId = f['interface-id'] ?? '';
    const proto = f.protocol ?? -1;
    let sp = f.srcport ?? 0;
    let dp = f.dstport ?? 0;
    if (proto === 1 || proto === 58) {
      sp = 0;
      dp = 0;
    } else if (sp === 53 || dp === 53) this.dnsRecords++;
    // Everything below compares hashes, not strings: the field strings are slices of the input chunk,
    // and comparing or hashing them again and again is what costs on large inputs.
    const hs = hashString(src, ADDR_SEED);
    const hd = hashString(dst, ADDR_SEED);
    const forward = hs < hd || (hs === hd && (src < dst || (src === dst && sp <= dp)));
    const table = this.conversations;
    const index = table.tick();
    const eniHash = hashString(eniId, ENI_SEED);
    let c: Conversation | FreshEntry | undefined;
    let h: number;
    if (forward) {
      h = conversationHash(eniHash, proto, hs, sp, hd, dp);
      c = table.find(h, eniHash, proto, hs, sp, hd, dp);
    } else {
      h = conversationHash(eniHash, proto, hd, dp, hs, sp);
      c = table.find(h, eniHash, proto, hd, dp, hs, sp);
    }
    if (c !== undefined) {
      c.lastRecord = index;
      if (c instanceof FreshEntry) {
        if (c.add(forward ? 0 : 1, item)) return;
        const full = c.toConversation();
        table.graduate(c, full);
        c = full;
      }
      c.add(forward ? 0 : 1, item);
      return;
    }

    // A new conversation: what it says about its ENI is noted once, not per record.
    let eni = this.enisByHash.get(eniHash);
    if (eni === undefined || eni.idHash2 !== hashString2(eniId))
      eni = this.enis.get(eniId) ?? this.newEni(eniId, eniHash);
    eni.note(src, hs, dst, hd);
    if (item.format !== this.lastFormat) {
      const names = item.format.fields.map((s) => s.name);
      this.lastFormat = item.format;
      this.lastFormatMeta = META_FIELDS.some((m) => names.includes(m));
      this.lastFormatInstance = names.includes('instance-id');
    }
    if (this.lastFormatMeta) eni.noteMeta(item, this.lastFormatInstance);
    if (eni.firstLine === 0) eni.firstLine = item.line;
    this.conversationsSeen++;
    const e = forward
      ? new FreshEntry(h, eniId, eniHash, eni, proto, src, hs, sp, dst, hd, dp, 0, item)
      : new FreshEntry(h, eniId, eniHash, eni, proto, dst, hd, dp, src, hs, sp, 1, item);
    e.lastRecord = index;
    table.insert(e);
  }

  private newEni(id: string, hash: number): EniProfile {
    if (this.enis.size >= this.enisCap) return this.overflowEni;
    const p = new EniProfile(id);
    this.enis.set(p.id, p);
    if (!this.enisByHash.has(hash)) this.enisByHash.set(hash, p);
    return p;
  }

  /**
   * Classifies the conversations still held. Call once, after the last record; `hints` maps ENI ids
   * to the address the user's text gives them.
   */
  finish(hints: ReadonlyMap<string, string> = new Map()): void {
    if (this.finished) return;
    this.finished = true;
    for (const [id, addr] of hints) {
      const p = this.enis.get(id);
      if (p) p.textAddress = addr;
    }
    for (const c of this.conversations.values()) this.aggregate(c, classify(c));
  }

  /** Conversations still held in full (for notes). */
  get heldConversations(): number {
    return this.conversations.size;
  }

  /**
   * The fast path for the bulk of a scan: a lone REJECTed record of one or two packets from an
   * internet address to an interface already known to be scanned is counted as a probe without the
   * full classification (which would reach the same verdict: see classify's probe rule).
   */
  private poolProbe(c: ConversationLike): boolean {
    if (!(c instanceof FreshEntry)) return false;
    const eni = c.eni;
    if (eni.rejectedInboundProbes < PROBES_BEFORE_POOLING) return false;
    const item = c.item0 ?? c.item1;
    if (item === undefined || (c.item0 !== undefined && c.item1 !== undefined)) return false;
    const f = item.fields;
    if (f.action !== 'REJECT' || f['tcp-flags'] !== undefined || f['reject-reason'] !== undefined)
      return false;
    if ((f.packets ?? 0) > 2 || (c.proto !== 6 && c.proto !== 17)) return false;
    const src = f.srcaddr!;
    const dstHash = item === c.item0 ? c.hb : c.ha;
    if (dstHash !== eni.addressHash(isIPv6(src)) || isPrivateAddress(src) || !eni.isScanned()) return false;
    this.outcomes[0]!++; // request-rejected
    eni.noteInboundReject(src, f.dstport ?? 0, true, true);
    eni.poolProbe(c, item);
    return true;
  }

  private aggregate(c: ConversationLike, v: Verdict): void {
    const outcome = v.outcome;
    this.outcomes[outcomeIndex(outcome)]!++;
    if (c.eni.serviceFields) this.services.add(c, v);
    if (outcome === 'one-way' || outcome === 'late-rejects' || outcome === 'no-action') return;
    const eni = c.eni;
    if (outcome === 'request-rejected' && v.role !== 'client') {
      const isPublic = !isPrivateAddress(v.realClient);
      const probe = v.req.packets + v.resp.packets <= 2 * c.records;
      // once an interface is plainly being scanned, further probes are only counted (a scan of every
      // port would otherwise make a group per port)
      if (isPublic && probe && eni.rejectedInboundProbes >= PROBES_BEFORE_POOLING && eni.isScanned()) {
        eni.noteInboundReject(v.realClient, v.serverPort, true, true);
        eni.poolProbe(c, v.reqRef);
        return;
      }
      eni.noteInboundReject(v.realClient, v.serverPort, isPublic, probe);
    }
    const h = groupHash(outcome, v.role, eni, c.proto, v.server, v.serverPort);
    let g = this.groups.find(h, outcome, v.role, eni, c.proto, v.server, v.serverPort);
    if (g === undefined) {
      g = new Group(outcome, v.role, eni, v.server, v.serverPort, c.proto, v.realServer);
      this.groups.insert(h, g);
    }
    g.add(c, v);
  }

  /** Groups of one outcome, most conversations first. */
  groupsOf(outcome: Outcome): Group[] {
    const out: Group[] = [];
    for (const g of this.groups.values()) if (g.outcome === outcome) out.push(g);
    return out.sort((a, b) => b.conversations - a.conversations || a.firstLine - b.firstLine);
  }

  /** The group with the same ENI, role, service and protocol but another outcome. */
  sibling(g: Group, outcome: Outcome): Group | undefined {
    const h = groupHash(outcome, g.role, g.eni, g.proto, g.server, g.serverPort);
    return this.groups.find(h, outcome, g.role, g.eni, g.proto, g.server, g.serverPort);
  }

  /** What was summarised of the groups of this outcome and these ENI roles. */
  tail(outcome: Outcome, ...roles: EniRole[]): GroupTail | undefined {
    let out: GroupTail | undefined;
    for (const role of roles) {
      const t = this.tails.get(`${outcome} ${role}`);
      if (!t) continue;
      out ??= { groups: 0, conversations: 0, records: 0 };
      out.groups += t.groups;
      out.conversations += t.conversations;
      out.records += t.records;
    }
    return out;
  }

  outcomeCount(o: Outcome): number {
    return this.outcomes[outcomeIndex(o)]!;
  }
}
