import type { SecurityGroup, SgPeer } from '../../model/types.js';
import type { PortRange } from '../../net/protocol.js';
import { clean, isNameToken } from './refs.js';
import type { Sentence } from './sentence.js';

/**
 * Security group rules in the many ways people list them, read by one grammar instead of one pattern per
 * phrasing: a clause opener (a direction word, "allows", "lets in", "allowlist:"), then items separated by
 * commas, "and" or semicolons, each either `<what> from|to <peer>` or `<peer> on <what>`:
 *
 *   "db security group in eu-west-1: inbound 5432 from sg-0f… (app sg)"
 *   "ES cluster sg (sg-0e9…) allowlist: 443 from 10.0.0.0/8, 22 from bastion"
 *   "RDS SG only lets in sg-0a1b… on 3306"
 *   "  ssh 22 from 10.1.0.0/16"   (under a "… inbound rules:" header)
 *
 * The group is the one the line names before the clause; a header line ending in "inbound rules:" makes
 * the following item lines its rules. "only", "that's the only rule" and "nothing else" make the list whole.
 */
export interface SgClauseDeps {
  parseWhat(what: string): { protocol: number; ranges: (PortRange | undefined)[] } | undefined;
  parsePeer(x: Sentence, raw: string): SgPeer[];
  subjectSg(x: Sentence, upTo: number): SecurityGroup | undefined;
  addRule(g: SecurityGroup, egress: boolean, r: SecurityGroup['ingress'][number]): void;
}

const DIR = '(inbound|ingress|outbound|egress)';
const OPENER = new RegExp(
  String.raw`\b(?:(only\s+)?(?:allows?|allowing|permits?|accepts?|lets?\s+in|opens?(?:\s+up)?)\s+(?:(inbound|ingress|outbound|egress)\s+)?(?:only\s+)?|(?:allow|white)[\s-]?lists?\s*(?:only\s+)?[:=-]?\s*|${DIR}(?:\s+rules?)?\s*(?:(?:is|are|=|:|-)\s*|(?:only\s+)?(?:allows?|permits?)\s+)?(?:only\s+)?)`,
  'gi',
);
const PEER_WORD = String.raw`(?:sg-[\w-]+|pl-[\w-]+|\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?|0\/0|anywhere|everywhere|any(?:\s*ip)?|the\s+internet|(?:the\s+)?vpc(?:\s+cidr)?|self|itself|(?:the\s+)?[A-Za-z][\w-]*(?:'s)?(?:\s+(?:sg|security\s+group))?)`;

/** where a list of rules ends: the sentence, or the next direction */
const LIST_END = new RegExp(
  `\\.\\s|[.!?]$|\\s+(?:but|so|while|which|because|though|can't|and\\s+(?:the|it|we|i|they)\\b)\\s|\\b${DIR}\\b`,
  'i',
);

/** a header: "… inbound rules:", "the api SG egress:" */
const DIR_HEADER = new RegExp(`${DIR}(?:\\s+rules?)?\\s*:\\s*$`, 'i');

/** "<peer> on|port|: <what>", "from <peer> on <what>" */
const PEER_ON_WHAT = new RegExp(
  String.raw`^(?:from\s+)?(${PEER_WORD})\s*(?:\bon\b|\bport\b|\bports\b|:|\bfor\b)\s*(.+)$`,
  'i',
);

function item(
  x: Sentence,
  d: SgClauseDeps,
  raw: string,
): { what: NonNullable<ReturnType<SgClauseDeps['parseWhat']>>; peers: SgPeer[] } | undefined {
  const t = raw
    .replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '')
    .replace(/\s*\((?![^)]*\b(?:sg|pl)-)[^)]*\)\s*/g, ' ')
    .replace(/\s+(?:only|just|as\s+well|too)\s*$/i, '')
    .trim();
  if (!t) return undefined;
  const what = (w: string) => {
    // the port part must say a port, a protocol or "all"; not a name ("from the bastion")
    if (!/\d|\ball\b|\beverything\b|\btcp\b|\budp\b|\bicmp\b|\bping\b/i.test(w) && !portWord(w))
      return undefined;
    return d.parseWhat(w);
  };
  // "<what> from|to|<-|-> <peer>"
  const a = /^(.{1,40}?)\s*(?:\bfrom\b|\bto\b|<-|->|=>|\bfor\b)\s*(.+)$/i.exec(t);
  if (a) {
    const w = what(a[1]!);
    const peers = peerOf(x, d, a[2]!);
    if (w && peers.length) return { what: w, peers };
  }
  // "<peer> on|port|: <what>", "from <peer> on <what>"
  const b = PEER_ON_WHAT.exec(t);
  if (b) {
    const w = what(b[2]!);
    const peers = peerOf(x, d, b[1]!);
    if (w && peers.length) return { what: w, peers };
  }
  // "tcp 443 10.0.0.0/8", "443 sg-0a…"
  const c = /^(.{1,30}?)\s+((?:sg|pl)-[\w-]+|\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2})$/i.exec(t);
  if (c) {
    const w = what(c[1]!);
    const peers = peerOf(x, d, c[2]!);
    if (w && peers.length) return { what: w, peers };
  }
  return undefined;
}

function portWord(w: string): boolean {
  return /\b(?:https?|ssh|rdp|postgres(?:ql)?|mysql|redis|mongo(?:db)?|smtp|nfs|dns)\b/i.test(w);
}

/** A peer as written; a bare name ("from bastion", "from the alb") is that thing's group. */
function peerOf(x: Sentence, d: SgClauseDeps, raw: string): SgPeer[] {
  const r = raw.trim().replace(/[.!?]+$/, '');
  const peers = d.parsePeer(x, r);
  if (peers.length) return peers;
  const name = /^(?:the\s+)?([A-Za-z][\w-]*)(?:\s+(?:box|host|server|instances?|nodes?))?$/i.exec(r)?.[1];
  if (name && isNameToken(name) && !/^(?:port|ports|all|any|inbound|outbound|vpc|it|them)$/i.test(name)) {
    const n = clean(name).toLowerCase();
    const g = x.b.find('sg', n) ?? x.b.find('sg', `${n} sg`) ?? x.b.sg({ name: `${n} sg` });
    return [{ kind: 'sg', group: g.key }];
  }
  return [];
}

/** Splits a rule list at commas, semicolons and "and", keeping brackets whole. */
function items(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < list.length; i++) {
    const ch = list[i]!;
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === ',' || ch === ';')) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out.flatMap((p) => p.split(/\s+(?:and|&|\+|plus)\s+(?=[\w*-])/i));
}

/** Reads the clauses of one line; true when it read any rule. */
export function readSgClauses(x: Sentence, d: SgClauseDeps): boolean {
  let read = false;
  const sgContext =
    /\bsg\b|\bsgs\b|\bsg-|security\s+groups?|\ballow[\s-]?list|\bwhite[\s-]?list/i.test(x.s) ||
    (x.st.sgDir !== undefined && x.st.lastSg !== undefined);
  if (!sgContext) return false;
  // a header: "redis instance sg-0b… inbound rules:", "the api SG egress:"
  const header = DIR_HEADER.exec(x.s);
  if (header && /\bsg\b|\bsg-|security\s+group/i.test(x.s)) {
    const g = d.subjectSg(x, header.index);
    if (g) {
      x.st.lastSg = g;
      x.st.sgDir = /^(?:outbound|egress)$/i.test(header[1]!) ? 'out' : 'in';
      x.hit = true;
      return true;
    }
  }
  // "that's the only rule", "nothing else", "no other rules": the list being read is whole
  if (
    /\b(?:that'?s|this\s+is|those\s+are|these\s+are)\s+(?:the\s+)?only\s+(?:rules?|ones?|one)\b|\bno\s+other\s+(?:inbound\s+|outbound\s+)?rules?\b|^\s*nothing\s+else\b/i.test(
      x.s,
    ) &&
    x.st.lastSg
  ) {
    if (x.st.sgDir === 'out') x.st.lastSg.egressComplete = true;
    else x.st.lastSg.ingressComplete = true;
    x.hit = true;
    read = true;
  }
  // an item under a header: "  ssh 22 from 10.1.0.0/16", "- 443 <- sg-0a…"
  if (
    x.st.sgDir &&
    x.st.lastSg &&
    /^\s*(?:[-*•]\s*)?(?:[a-z]+\s+){0,3}\d|^\s*(?:[-*•]\s*)?(?:all|tcp|udp|icmp)\b/i.test(x.s)
  ) {
    const it = item(x, d, x.s);
    if (it) {
      const egress = x.st.sgDir === 'out';
      for (const r of it.what.ranges)
        d.addRule(x.st.lastSg, egress, {
          protocol: it.what.protocol,
          ...(r ? { ports: r } : {}),
          peers: it.peers,
          src: x.src,
        });
      // a listing under a header is the whole list
      if (egress) x.st.lastSg.egressComplete = true;
      else x.st.lastSg.ingressComplete = true;
      x.hit = true;
      return true;
    }
  }
  for (const m of x.s.matchAll(OPENER)) {
    const at = m.index ?? 0;
    const g = d.subjectSg(x, at);
    if (!g) continue;
    const dirWord = (m[2] ?? m[3] ?? '').toLowerCase();
    const before = x.s.slice(Math.max(0, at - 30), at).toLowerCase();
    let egress: boolean | undefined =
      dirWord === 'outbound' || dirWord === 'egress'
        ? true
        : dirWord === 'inbound' || dirWord === 'ingress'
          ? false
          : /\b(?:outbound|egress)\b/.test(before)
            ? true
            : /\b(?:inbound|ingress)\b/.test(before)
              ? false
              : undefined;
    // the list runs to the end of the sentence or the next opener
    const rest = x.s.slice(at + m[0].length);
    const stop = rest.search(LIST_END);
    const list = stop >= 0 ? rest.slice(0, stop) : rest;
    let any = false;
    for (const raw of items(list)) {
      const it = item(x, d, raw);
      if (!it) {
        if (any) break;
        continue;
      }
      // "to <peer>" with no direction said: egress
      const dir = egress ?? /(?:^|\s)(?:to|->|=>)\s/i.test(raw);
      for (const r of it.what.ranges)
        d.addRule(g, dir, {
          protocol: it.what.protocol,
          ...(r ? { ports: r } : {}),
          peers: it.peers,
          src: x.src,
        });
      egress = dir;
      any = true;
    }
    if (!any) continue;
    const only =
      !!m[1] ||
      /\bonly\b|\bjust\b|\bnothing\s+else\b/i.test(m[0]) ||
      /\b(?:only|nothing\s+else|and\s+nothing\s+else|that'?s\s+it)\b/i.test(list) ||
      /^\s*(?:only|and\s+nothing\s+else|,?\s*nothing\s+else)\b/i.test(
        x.s.slice(at + m[0].length + list.length),
      ) ||
      /[:=]\s*$/.test(m[0]) ||
      /\brules?\s*:\s*$/i.test(x.s.slice(0, at));
    if (only) {
      if (egress) g.egressComplete = true;
      else g.ingressComplete = true;
    }
    x.st.lastSg = g;
    read = true;
  }
  if (read) x.hit = true;
  return read;
}
