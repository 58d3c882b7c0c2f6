import { ACTION_ACCEPT, DIR_NONE } from '../flowlog/record-view.js';
import { isSynAck, isSynOnly } from '../flowlog/tcp-flags.js';
import { isIPv6, isPrivateAddress } from './addresses.js';
import { type ConversationLike, FreshEntry, newSideView, type SideView, sideView } from './conversation.js';
import type { FlowRecord } from './flow-record.js';
import { ADDR_SEED, hashString } from './hash.js';
import { isUdpRequestResponsePort, serverPortSide } from './ports.js';

/**
 * What happened to one conversation, seen from the ENI that logged it:
 * - `request-rejected`: the request was REJECTed (SG or NACL on the request's way)
 * - `response-rejected`: the request got through (or is not in the input) but the reply was REJECTed
 * - `unanswered`: the request was ACCEPTed and nothing came back, with signs of retransmission
 * - `handshake-only`: both ways ACCEPTed, yet only TCP handshake packets, retransmitted (the reply
 *   is lost after it leaves)
 * - `ok`: both ways ACCEPTed with data
 * - `one-way`: records of one direction only that prove nothing (a partial paste, one-way UDP)
 * - `late-rejects`: a few REJECTs of a conversation that otherwise works (packets after close)
 * - `bpa`: REJECTed by VPC Block Public Access
 * - `no-action`: the format has no action field
 */
export type Outcome =
  | 'request-rejected'
  | 'response-rejected'
  | 'unanswered'
  | 'handshake-only'
  | 'ok'
  | 'one-way'
  | 'late-rejects'
  | 'bpa'
  | 'no-action';

/** Which end of the conversation the logging ENI is. `transit` ENIs carry other hosts' traffic. */
export type EniRole = 'server' | 'client' | 'transit' | 'unknown';

/** How the initiator was decided, strongest first. */
export type InitiatorBasis = 'tcp-flags' | 'accept-reject' | 'ports' | 'timing' | 'guess';

/** How the ENI's role was decided. */
export type RoleBasis = 'flow-direction' | 'eni-address' | 'text' | 'private-address' | 'transit' | 'guess';

export interface Verdict {
  outcome: Outcome;
  role: EniRole;
  roleBasis: RoleBasis;
  basis: InitiatorBasis;
  /** the side (0: a→b, 1: b→a) that carries the requests */
  reqSide: 0 | 1;
  client: string;
  clientPort: number;
  server: string;
  /** hashString(server, ADDR_SEED), for keying groups without hashing the string again */
  serverHash: number;
  serverPort: number;
  /** the packets' own addresses (pkt-srcaddr/pkt-dstaddr) when they differ from the record's */
  realClient: string;
  /** hashString(realClient, ADDR_SEED) */
  realClientHash: number;
  realServer: string;
  req: SideView;
  resp: SideView;
  /** for unanswered/handshake-only: the retransmission signature was seen (not just inferred) */
  strong: boolean;
  /** the records to cite: the first request record and the first response record */
  reqRef: FlowRecord | undefined;
  respRef: FlowRecord | undefined;
}

const ICMP = 1;
const TCP = 6;
const UDP = 17;
const ICMPV6 = 58;

/**
 * The average size of packets that carry no payload (SYN, SYN-ACK, ACK, FIN, RST: 40-60 bytes over
 * IPv4, 60-80 over IPv6) stays at or below this; any data pushes it above.
 */
function bareLimit(addr: string): number {
  return bareLimitOf(isIPv6(addr));
}

function bareLimitOf(v6: boolean): number {
  return v6 ? 86 : 66;
}

/** `flags` is -1 when the record has none */
function synOnly(flags: number): boolean {
  return flags >= 0 && isSynOnly(flags);
}

function synAck(flags: number): boolean {
  return flags >= 0 && isSynAck(flags);
}

/** Scratch views and verdict: classify() runs once per conversation, and its result is consumed at once. */
const SCRATCH_0 = newSideView();
const SCRATCH_1 = newSideView();
const VERDICT: Verdict = {
  outcome: 'no-action',
  role: 'unknown',
  roleBasis: 'guess',
  basis: 'guess',
  reqSide: 0,
  client: '',
  clientPort: 0,
  server: '',
  serverHash: 0,
  serverPort: 0,
  realClient: '',
  realClientHash: 0,
  realServer: '',
  req: SCRATCH_0,
  resp: SCRATCH_1,
  strong: false,
  reqRef: undefined,
  respRef: undefined,
};

/**
 * Decides who opened the conversation, where the ENI stands in it and what happened to it.
 * `hintAddress` is an address the user's text ties to the ENI, used when records cannot tell.
 * The verdict (and its `req`/`resp` views) is reused by the next call: read it at once.
 */
export function classify(c: ConversationLike, hintAddress?: string): Verdict {
  if (c instanceof FreshEntry && c.rec0 !== undefined && c.rec1 !== undefined) {
    const v = plainPair(c, c.rec0, c.rec1);
    if (v !== undefined) return v;
  }
  const s0 = sideView(c, 0, SCRATCH_0);
  const s1 = sideView(c, 1, SCRATCH_1);
  const icmp = c.proto === ICMP || c.proto === ICMPV6;

  // 1. Who opened it.
  let reqSide: 0 | 1 | undefined;
  let basis: InitiatorBasis = 'guess';
  if (c.proto === TCP && (s0.flags >= 0 || s1.flags >= 0)) {
    if (synOnly(s0.flags) && !synOnly(s1.flags)) reqSide = 0;
    else if (synOnly(s1.flags) && !synOnly(s0.flags)) reqSide = 1;
    else if (synAck(s1.flags) && !synAck(s0.flags)) reqSide = 0;
    else if (synAck(s0.flags) && !synAck(s1.flags)) reqSide = 1;
    if (reqSide !== undefined) basis = 'tcp-flags';
  }
  const ports = icmp ? undefined : serverPortSide(c.pa, c.pb);
  // a REJECTed side can never be the request of an ACCEPTed other side: no reply to a dropped request
  const blocked0 = s0.rejected > 0 && s0.accepted === 0;
  const blocked1 = s1.rejected > 0 && s1.accepted === 0;
  const asym: 0 | 1 | undefined =
    s0.accepted > 0 && blocked1 ? 0 : s1.accepted > 0 && blocked0 ? 1 : undefined;
  let lateRejects = false;
  if (reqSide === undefined && asym !== undefined) {
    const portReq = ports ? (ports.side === 'a' ? 1 : 0) : undefined;
    if (portReq !== undefined && portReq !== asym && ports!.evidence === 'strong') {
      // ports say the REJECTed side is the request, yet its reply was ACCEPTed: these REJECTs are
      // packets that arrived after the connection closed, not a blocked request
      reqSide = portReq;
      basis = 'ports';
      lateRejects = true;
    } else {
      reqSide = asym;
      basis = 'accept-reject';
    }
  }
  if (reqSide === undefined && ports) {
    reqSide = ports.side === 'a' ? 1 : 0;
    basis = 'ports';
    if (ports.evidence === 'weak' && sideView0or1(reqSide, s0, s1).records === 0) {
      // weak port evidence would make a lone record a reply to a request nobody saw: read the
      // record as the request it more plausibly is
      reqSide = reqSide === 0 ? 1 : 0;
      basis = 'guess';
    }
  }
  if (
    reqSide === undefined &&
    s0.records > 0 &&
    s1.records > 0 &&
    s0.start > 0 &&
    s1.start > 0 &&
    s0.start !== s1.start
  ) {
    reqSide = s0.start < s1.start ? 0 : 1;
    basis = 'timing';
  }
  if (reqSide === undefined) {
    reqSide = s0.records > 0 || s1.records === 0 ? 0 : 1;
    basis = 'guess';
  }
  return judge(c, s0, s1, reqSide, basis, lateRejects, hintAddress);
}

/** Given who opened the conversation: where the ENI stands and what happened. */
function judge(
  c: ConversationLike,
  s0: SideView,
  s1: SideView,
  reqSide: 0 | 1,
  basis: InitiatorBasis,
  lateRejects: boolean,
  hintAddress: string | undefined,
): Verdict {
  const req = reqSide === 0 ? s0 : s1;
  const resp = reqSide === 0 ? s1 : s0;
  const client = reqSide === 0 ? c.a : c.b;
  const clientPort = reqSide === 0 ? c.pa : c.pb;
  const server = reqSide === 0 ? c.b : c.a;
  const serverHash = reqSide === 0 ? c.hb : c.ha;
  const clientHash = reqSide === 0 ? c.ha : c.hb;
  const serverPort = reqSide === 0 ? c.pb : c.pa;
  const reqRef = req.rejectRef && req.accepted === 0 ? req.rejectRef : (req.acceptRef ?? req.rejectRef);
  const respRef = resp.rejectRef && resp.accepted === 0 ? resp.rejectRef : (resp.acceptRef ?? resp.rejectRef);
  // pkt-* addresses only differ on ENIs that recorded such a difference (NAT, TGW, secondary IPs)
  const pkt = c.eni.pktDiffRecords > 0;
  const realClient = (pkt && realAddress(reqRef, 'src', respRef, 'dst')) || client;
  const realServer = (pkt && realAddress(reqRef, 'dst', respRef, 'src')) || server;

  // 2. Where the ENI stands.
  const { role, roleBasis } = roleOf(c, req, resp, client, server, serverHash, clientHash, hintAddress);

  // 3. What happened.
  let outcome: Outcome;
  let strong = false;
  if (req.accepted + req.rejected + resp.accepted + resp.rejected === 0) outcome = 'no-action';
  else if (c.bpa > 0) outcome = 'bpa';
  else if (lateRejects) outcome = 'late-rejects';
  else if (req.rejected > 0 && req.accepted === 0) {
    outcome =
      resp.accepted > 0 && !(c.proto === TCP && synOnly(req.flags)) ? 'late-rejects' : 'request-rejected';
  } else if (resp.rejected > 0 && resp.accepted === 0) {
    // An inbound "reply" from the internet with no request from this interface in the log, no
    // tcp-flags and one or two packets is an unsolicited probe from a service port (scanners use 53,
    // 80, 443…), not a reply: judge it as the request it is.
    if (
      basis === 'ports' &&
      role === 'client' &&
      req.records === 0 &&
      resp.flags < 0 &&
      resp.packets <= 2 * resp.records &&
      !isPrivateAddress(server)
    )
      return judge(c, s0, s1, reqSide === 0 ? 1 : 0, 'guess', false, hintAddress);
    outcome = 'response-rejected';
  } else if (req.accepted > 0 && resp.records === 0) {
    const sig = unansweredSignature(c, req, server, serverPort, c.eni.bidirectional > 0);
    outcome = sig === undefined ? 'one-way' : 'unanswered';
    strong = sig === 'strong';
  } else if (req.accepted > 0 && resp.accepted > 0) {
    const hs = c.proto === TCP ? handshakeOnly(req, resp, server) : undefined;
    outcome = hs ? 'handshake-only' : 'ok';
    strong = hs === 'strong';
  } else outcome = 'one-way';

  const v = VERDICT;
  v.outcome = outcome;
  v.role = role;
  v.roleBasis = roleBasis;
  v.basis = basis;
  v.reqSide = reqSide;
  v.client = client;
  v.clientPort = clientPort;
  v.server = server;
  v.serverHash = serverHash;
  v.serverPort = serverPort;
  v.realClient = realClient;
  v.realClientHash = realClient === client ? clientHash : hashString(realClient, ADDR_SEED);
  v.realServer = realServer;
  v.req = req;
  v.resp = resp;
  v.strong = strong;
  v.reqRef = reqRef;
  v.respRef = respRef;
  return v;
}

/**
 * The fast path for the commonest conversation of large logs: one request and one reply, both
 * ACCEPTed, TCP or UDP, with data, without tcp-flags or flow-direction, ports that tell the server,
 * and an ENI whose own address is known. Gives exactly the verdict the general path would (an `ok`),
 * without its bookkeeping; undefined when any condition does not hold.
 */
function plainPair(c: FreshEntry, r0: FlowRecord, r1: FlowRecord): Verdict | undefined {
  const proto = c.proto;
  if (proto !== TCP && proto !== UDP) return undefined;
  if (r0.action !== ACTION_ACCEPT || r1.action !== ACTION_ACCEPT) return undefined;
  if (r0.flags >= 0 || r1.flags >= 0) return undefined;
  if (r0.dir !== DIR_NONE || r1.dir !== DIR_NONE) return undefined;
  if (c.eni.pktDiffRecords > 0) return undefined;
  const ports = serverPortSide(c.pa, c.pb);
  if (ports === undefined) return undefined;
  const v6 = isIPv6(c.a);
  const own = c.eni.addressHash(v6);
  if (own === 0) return undefined;
  const reqSide: 0 | 1 = ports.side === 'a' ? 1 : 0;
  const pk0 = r0.packets;
  const by0 = r0.bytes;
  const pk1 = r1.packets;
  const by1 = r1.bytes;
  if (proto === TCP) {
    // both sides bare: possibly a handshake that never completes, which the general path judges
    const limit = bareLimitOf(v6);
    if ((pk0 === 0 || by0 / pk0 <= limit) && (pk1 === 0 || by1 / pk1 <= limit)) return undefined;
  }
  const serverHash = reqSide === 0 ? c.hb : c.ha;
  const clientHash = reqSide === 0 ? c.ha : c.hb;
  const role: EniRole = own === serverHash ? 'server' : own === clientHash ? 'client' : 'transit';
  fillAccepted(SCRATCH_0, r0);
  fillAccepted(SCRATCH_1, r1);
  const v = VERDICT;
  v.outcome = 'ok';
  v.role = role;
  v.roleBasis = role === 'transit' ? 'transit' : 'eni-address';
  v.basis = 'ports';
  v.reqSide = reqSide;
  v.client = reqSide === 0 ? c.a : c.b;
  v.clientPort = reqSide === 0 ? c.pa : c.pb;
  v.server = reqSide === 0 ? c.b : c.a;
  v.serverHash = serverHash;
  v.serverPort = reqSide === 0 ? c.pb : c.pa;
  v.realClient = v.client;
  v.realClientHash = clientHash;
  v.realServer = v.server;
  v.req = reqSide === 0 ? SCRATCH_0 : SCRATCH_1;
  v.resp = reqSide === 0 ? SCRATCH_1 : SCRATCH_0;
  v.strong = false;
  v.reqRef = reqSide === 0 ? r0 : r1;
  v.respRef = reqSide === 0 ? r1 : r0;
  return v;
}

function fillAccepted(out: SideView, r: FlowRecord): void {
  out.accepted = 1;
  out.rejected = 0;
  out.unknown = 0;
  out.records = 1;
  out.packets = r.packets;
  out.bytes = r.bytes;
  out.flags = -1;
  out.dir = 0;
  out.start = r.start;
  out.end = r.end;
  out.acceptRef = r;
  out.rejectRef = undefined;
}

function sideView0or1(side: 0 | 1, s0: SideView, s1: SideView): SideView {
  return side === 0 ? s0 : s1;
}

function realAddress(
  a: FlowRecord | undefined,
  aEnd: 'src' | 'dst',
  b: FlowRecord | undefined,
  bEnd: 'src' | 'dst',
): string | undefined {
  const fromA = a?.toItem().fields[aEnd === 'src' ? 'pkt-srcaddr' : 'pkt-dstaddr'];
  if (typeof fromA === 'string') return fromA;
  const fromB = b?.toItem().fields[bEnd === 'src' ? 'pkt-srcaddr' : 'pkt-dstaddr'];
  return typeof fromB === 'string' ? fromB : undefined;
}

function roleOf(
  c: ConversationLike,
  req: SideView,
  resp: SideView,
  client: string,
  server: string,
  serverHash: number,
  clientHash: number,
  hint: string | undefined,
): { role: EniRole; roleBasis: RoleBasis } {
  // flow-direction is relative to the ENI: a request arriving means the ENI is the server's
  if (req.dir === 1 || resp.dir === 2) return { role: 'server', roleBasis: 'flow-direction' };
  if (req.dir === 2 || resp.dir === 1) return { role: 'client', roleBasis: 'flow-direction' };
  const v6 = isIPv6(c.a);
  const own = c.eni.addressHash(v6);
  if (own !== 0) {
    // compare address hashes, not the strings (see FlowState.add)
    if (own === serverHash) return { role: 'server', roleBasis: 'eni-address' };
    if (own === clientHash) return { role: 'client', roleBasis: 'eni-address' };
    return { role: 'transit', roleBasis: 'transit' };
  }
  if (c.eni.isTransit(v6)) return { role: 'transit', roleBasis: 'transit' };
  const textual = hint ?? c.eni.textAddress;
  if (textual === server) return { role: 'server', roleBasis: 'text' };
  if (textual === client) return { role: 'client', roleBasis: 'text' };
  const ps = isPrivateAddress(server);
  const pc = isPrivateAddress(client);
  if (ps && !pc) return { role: 'server', roleBasis: 'private-address' };
  if (pc && !ps) return { role: 'client', roleBasis: 'private-address' };
  return { role: 'unknown', roleBasis: 'guess' };
}

/**
 * Requests ACCEPTed with no reply at all: is that a symptom? `strong` when the requests show
 * retransmission (several bare SYNs over seconds); `weak` when the records only allow it; undefined
 * when one-way records prove nothing (a paste of one direction, one-way UDP, data already flowing).
 */
function unansweredSignature(
  c: ConversationLike,
  req: SideView,
  server: string,
  serverPort: number,
  logCoversBothWays: boolean,
): 'strong' | 'weak' | undefined {
  if (c.proto === TCP) {
    const bare = req.packets > 0 && req.bytes / req.packets <= bareLimit(server);
    if (req.flags >= 0) {
      if (req.flags !== 2) return undefined; // FIN/RST/SYN-ACK seen: the connection did something
      if (req.packets >= 2 && bare) return 'strong';
      return logCoversBothWays && bare ? 'weak' : undefined;
    }
    if (!bare) return undefined;
    // SYN retransmissions are spread over seconds (1 s, 3 s, 7 s…); a bare exchange that ends within
    // a second (a TCP health check: SYN, ACK, FIN, ACK) is not one
    if (req.packets >= 3 && req.end - req.start >= 3) return 'strong';
    if (req.packets >= 2 && req.end - req.start >= 1 && logCoversBothWays) return 'weak';
    return undefined;
  }
  if (c.proto === UDP) {
    if (!isUdpRequestResponsePort(serverPort)) return undefined;
    return req.packets >= 2 && logCoversBothWays ? 'weak' : undefined;
  }
  if (c.proto === ICMP || c.proto === ICMPV6) {
    return req.packets >= 3 && logCoversBothWays ? 'weak' : undefined;
  }
  return undefined;
}

/**
 * Both directions ACCEPTed but only bare handshake packets, repeated over seconds: the server keeps
 * answering SYNs that the client keeps resending, so its SYN-ACKs never reach the client.
 */
function handshakeOnly(req: SideView, resp: SideView, server: string): 'strong' | 'weak' | undefined {
  const limit = bareLimit(server);
  if (req.packets === 0 || resp.packets === 0) return undefined;
  if (req.bytes / req.packets > limit || resp.bytes / resp.packets > limit) return undefined;
  if (req.flags >= 0 && resp.flags >= 0) {
    const closed = (req.flags & 5) !== 0 || (resp.flags & 5) !== 0; // FIN or RST: the connection ended normally
    if (closed || !synOnly(req.flags) || resp.flags !== 18) return undefined;
    return req.packets >= 2 && resp.packets >= 2 ? 'strong' : undefined;
  }
  // without flags: a TCP health check (SYN, ACK, FIN, ACK) is also all bare packets, but it is over
  // within a second; retransmitted SYNs are spread over seconds
  if (req.packets >= 3 && resp.packets >= 2 && req.end - req.start >= 3) return 'strong';
  return undefined;
}
