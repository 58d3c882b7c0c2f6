import { ACTION_REJECT, REASON_NONE, RecordView } from '../flowlog/record-view.js';
import type { FlowFormat, RecordItem, SkippedItem } from '../flowlog/types.js';
import { isIPv6, isPrivateAddress } from './addresses.js';
import { classify, type EniRole, type Outcome, type Verdict } from './classify.js';
import { type Conversation, type ConversationLike, FreshEntry } from './conversation.js';
import { ConversationTable } from './conversation-table.js';
import { EniProfile } from './eni-profile.js';
import { FlowRecord } from './flow-record.js';
import { Group, type GroupTail } from './group.js';
import { GroupTable, groupHash } from './group-table.js';
import { conversationHash } from './hash.js';
import { ServiceUse } from './service-use.js';
import { SkippedLog } from './skipped-log.js';
import { TgwFlows } from './tgw-flows.js';
import { isIcmp } from './wording.js';

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
  /** the view that records read the careful way go through */
  private readonly itemView = new RecordView();
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

  /** One record read the careful way (a chat paste): the same path as {@link addView}. */
  add(item: RecordItem): void {
    if (item.format.tgw) {
      this.tgw.add(item);
      return;
    }
    this.addView(this.itemView.setItem(item));
  }

  /**
   * The hot path: one record, as the reader's view of it (see RecordView: numbers, hashes, places in
   * the text). Nothing is built for a record that joins a conversation already held but a small
   * FlowRecord; strings are only cut out of the text for a new conversation.
   */
  addView(v: RecordView): void {
    this.records++;
    if (v.srcStart < 0 || v.dstStart < 0) {
      this.uncorrelated++;
      return;
    }
    const proto = v.protocol;
    let sp = Math.max(v.srcport, 0);
    let dp = Math.max(v.dstport, 0);
    if (isIcmp(proto)) {
      sp = 0;
      dp = 0;
    } else if (sp === 53 || dp === 53) this.dnsRecords++;
    // Everything below compares hashes, not strings (the reader hashed the addresses as it read them).
    const hs = v.srcHash;
    const hd = v.dstHash;
    const forward = hs < hd || (hs === hd && forwardOnTie(v.srcaddr()!, v.dstaddr()!, sp, dp));
    const table = this.conversations;
    const index = table.tick();
    const eniHash = v.eniHash;
    let c: Conversation | FreshEntry | undefined;
    let h: number;
    if (forward) {
      h = conversationHash(eniHash, proto, hs, sp, hd, dp);
      c = table.find(h, eniHash, proto, hs, sp, hd, dp);
    } else {
      h = conversationHash(eniHash, proto, hd, dp, hs, sp);
      c = table.find(h, eniHash, proto, hd, dp, hs, sp);
    }
    const r = new FlowRecord(v);
    if (c !== undefined) {
      c.lastRecord = index;
      if (c instanceof FreshEntry) {
        if (c.add(forward ? 0 : 1, r)) return;
        const full = c.toConversation();
        table.graduate(c, full);
        c = full;
      }
      c.add(forward ? 0 : 1, r);
      return;
    }

    // A new conversation: what it says about its ENI is noted once, not per record.
    let eni = this.enisByHash.get(eniHash);
    if (eni === undefined || eni.idHash2 !== v.eniHash2) {
      const eniId = v.eniId();
      eni = this.enis.get(eniId) ?? this.newEni(eniId, eniHash);
    }
    if (!eni.noteHashed(v.srcIsV6(), hs, hd)) eni.note(v.srcaddr()!, hs, v.dstaddr()!, hd);
    if (v.format !== this.lastFormat) {
      const names = v.format!.fields.map((s) => s.name);
      this.lastFormat = v.format;
      this.lastFormatMeta = META_FIELDS.some((m) => names.includes(m));
      this.lastFormatInstance = names.includes('instance-id');
    }
    if (this.lastFormatMeta) eni.noteMeta(r.toItem(), this.lastFormatInstance);
    if (eni.firstLine === 0) eni.firstLine = v.line;
    this.conversationsSeen++;
    const item = v.item !== undefined;
    const src = item ? v.srcaddr() : undefined;
    const dst = item ? v.dstaddr() : undefined;
    const e = forward
      ? new FreshEntry(h, eniHash, eni, proto, src, hs, sp, dst, hd, dp, 0, r)
      : new FreshEntry(h, eniHash, eni, proto, dst, hd, dp, src, hs, sp, 1, r);
    // read in place: the addresses stay places in the text until they are needed
    if (!item)
      if (forward) e.at(v.text, v.srcStart, v.srcEnd, v.dstStart, v.dstEnd);
      else e.at(v.text, v.dstStart, v.dstEnd, v.srcStart, v.srcEnd);
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
    const r = c.rec0 ?? c.rec1;
    if (r === undefined || (c.rec0 !== undefined && c.rec1 !== undefined)) return false;
    if (r.action !== ACTION_REJECT || r.flags >= 0 || r.rejectReason !== REASON_NONE) return false;
    if (r.packets > 2 || (c.proto !== 6 && c.proto !== 17)) return false;
    // the record's own source and destination: side 0 records go from a to b (TCP and UDP ports are
    // the record's own)
    const side0 = r === c.rec0;
    const src = side0 ? c.a : c.b;
    const dstHash = side0 ? c.hb : c.ha;
    if (dstHash !== eni.addressHash(isIPv6(src)) || isPrivateAddress(src) || !eni.isScanned()) return false;
    this.outcomes[0]!++; // request-rejected
    eni.noteInboundReject(src, side0 ? c.ha : c.hb, side0 ? c.pb : c.pa, true, true);
    eni.poolProbe(c, r);
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
        eni.noteInboundReject(v.realClient, v.realClientHash, v.serverPort, true, true);
        eni.poolProbe(c, v.reqRef);
        return;
      }
      eni.noteInboundReject(v.realClient, v.realClientHash, v.serverPort, isPublic, probe);
    }
    const h = groupHash(outcome, v.role, eni, c.proto, v.serverHash, v.serverPort);
    let g = this.groups.find(h, outcome, v.role, eni, c.proto, v.server, v.serverHash, v.serverPort);
    if (g === undefined) {
      g = new Group(outcome, v.role, eni, v.server, v.serverHash, v.serverPort, c.proto, v.realServer);
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
    const h = groupHash(outcome, g.role, g.eni, g.proto, g.serverHash, g.serverPort);
    return this.groups.find(h, outcome, g.role, g.eni, g.proto, g.server, g.serverHash, g.serverPort);
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

/** Which way a key is written when both addresses hash alike (the same address, or a collision). */
function forwardOnTie(src: string, dst: string, sp: number, dp: number): boolean {
  return src < dst || (src === dst && sp <= dp);
}
