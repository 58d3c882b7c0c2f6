import { addSrc } from '../../model/builder.js';
import type { PeeringStatus, Vpc } from '../../model/types.js';
import { parseCidr } from '../../net/ipv4.js';
import { regionMentions } from './mentions.js';
import { clean, vpcIn } from './refs.js';
import type { Extractor, Sentence } from './sentence.js';

const SIDE = String.raw`((?:(?:the|our|their|theirs|ours|a|an|partner|other|[\w-]+'s)\s+){0,3}(?:default\s+)?(?:vpc[\s-]+)?[A-Za-z0-9][\w-]*(?:\s+vpc)?(?:\s+vpc-[0-9a-f]{8,17})?(?:\s*\((?![^)]*peer)[^)]*\)|\s+\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2})?)`;
const PAIRS: RegExp[] = [
  new RegExp(
    `${SIDE}\\s+(?:is\\s+|are\\s+|got\\s+|was\\s+)?(?:already\\s+)?(?:peered|peering|peers|paired)\\s+(?:with|to|into)\\s+${SIDE}`,
    'gi',
  ),
  new RegExp(`${SIDE}\\s*<->\\s*${SIDE}`, 'gi'),
  new RegExp(
    `\\bpeering(?:\\s+connection)?(?:\\s+pcx-[\\w-]+)?\\s*(?:\\(|:)?\\s*(?:between|from|of)\\s+${SIDE}\\s+(?:and|to|&|with)\\s+${SIDE}`,
    'gi',
  ),
  new RegExp(
    `${SIDE}\\s+(?:and|&)\\s+${SIDE}\\s+(?:(?:are|were)\\s+)?(?:already\\s+)?(?:peered|paired)\\b`,
    'gi',
  ),
  // "the pcx-0c… between Billing (…) and Ledger (…)", "peering is active (pcx-… between web … and reports …)"
  new RegExp(
    `\\bpcx-[\\w-]+\\s*,?\\s*(?:\\(\\s*)?(?:between|from|connecting|joining|linking)\\s+${SIDE}\\s+(?:and|to|&|with)\\s+${SIDE}`,
    'gi',
  ),
  new RegExp(`\\bpeer(?:ing)?\\s+${SIDE}\\s+(?:with|to|and)\\s+${SIDE}`, 'gi'),
];

const STATUS: [RegExp, PeeringStatus][] = [
  [
    /pending[\s-]*acceptance|not\s+(?:yet\s+)?accepted|never\s+accepted|awaiting\s+acceptance|still\s+pending|is\s+pending|shows\s+pending/i,
    'pending-acceptance',
  ],
  [/\bexpired\b/i, 'expired'],
  [/\brejected\b/i, 'rejected'],
  [/\bdeleted\b/i, 'deleted'],
  [/\bfailed\b/i, 'failed'],
  [/\bprovisioning\b/i, 'provisioning'],
  [/\bis\s+active\b|\bstatus\s*:?\s*active\b|\(active\)|\bactive\b/i, 'active'],
];

/** One side of a peering sentence → a VPC (with the CIDR in brackets, if any). */
function side(x: Sentence, raw: string): Vpc | undefined {
  // "it's peered to B", "this vpc peers with C": the VPC being talked about
  if (/^(?:s|it|its|it's|this(?:\s+vpc)?|that(?:\s+vpc)?|ours?)$/i.test(raw.trim()) && x.st.lastVpc)
    return x.st.lastVpc;
  // another kind of ID, or a state ("pcx-0a…", "active"), is not a side
  if (
    /^(?:pcx|igw|nat|tgw|vpce|rtb|sg|subnet|acl|eni)-/i.test(raw.trim()) ||
    /^(?:active|pending|failed|rejected|expired|deleted)$/i.test(clean(raw))
  )
    return undefined;
  // "a <-> b <-> c": a single letter between arrows is a name, not an article
  if (/^[a-z]$/i.test(raw.trim())) {
    const n = raw.trim();
    return x.b.find('vpc', n) ?? x.b.vpc({ name: n.toUpperCase() });
  }
  // "team B's vpc", "the partner's VPC": the owner names it
  const poss = /^(?:the\s+|our\s+)?(?:[\w-]+\s+)?([\w-]+)'s\s+vpc(?![\w-])/i.exec(raw.trim());
  if (poss && !/^(?:partner|vendor|customer|other|their|team)$/i.test(poss[1]!)) {
    const n = clean(poss[1]!);
    const inner0 = /\(([^)]*)\)/.exec(raw)?.[1] ?? '';
    const v = x.b.find('vpc', n) ?? x.b.vpc({ name: n });
    for (const c of inner0.match(/\d+\.\d+\.\d+\.\d+\/\d+/g) ?? []) {
      const cidr = parseCidr(c);
      if (cidr && !v.cidrs.some((k) => k.cidr.text === cidr.text)) v.cidrs.push({ cidr, src: x.src });
    }
    addSrc(v, x.src);
    return v;
  }
  const inner = /\(([^)]*)\)/.exec(raw)?.[1] ?? /\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}/.exec(raw)?.[0] ?? '';
  const head = raw
    .replace(/^(?:(?:the|our|their|theirs|ours|a|an|partner|other|default|[\w-]+'s)\s+)+/i, '')
    .replace(/\([^)]*\)/, '')
    .replace(/\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}/, '')
    .trim();
  if (/^(and|to|with|the|is|are|it|them|each|other|both)$/i.test(clean(head))) return undefined;
  const v = vpcIn(x, `${head} ${/vpc-[\w-]+/i.exec(inner)?.[0] ?? ''}`.trim(), 'force');
  if (!v) return undefined;
  for (const c of inner.match(/\d+\.\d+\.\d+\.\d+\/\d+/g) ?? []) {
    const cidr = parseCidr(c);
    if (cidr && !v.cidrs.some((k) => k.cidr.text === cidr.text)) v.cidrs.push({ cidr, src: x.src });
  }
  const r = regionMentions(inner)[0];
  if (r && !v.region) v.region = r.region;
  addSrc(v, x.src);
  return v;
}

function daysAgo(x: Sentence): Date | undefined {
  const m =
    /\b(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|a couple of)\s+(day|week)s?\s+ago\b/i.exec(
      x.s,
    ) ?? /\b(?:since|for)\s+(\d+|a|one|two|three)\s+(day|week)s?\b/i.exec(x.s);
  const words: Record<string, number> = {
    a: 1,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    fourteen: 14,
    'a couple of': 2,
  };
  if (m) {
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : (words[m[1]!.toLowerCase()] ?? 1);
    const days = /week/i.test(m[2]!) ? n * 7 : n;
    return new Date(x.now.getTime() - days * 86_400_000);
  }
  if (/\blast\s+week\b/i.test(x.s)) return new Date(x.now.getTime() - 8 * 86_400_000);
  if (/\blast\s+month\b/i.test(x.s)) return new Date(x.now.getTime() - 30 * 86_400_000);
  const date = /\b(?:on|since|created|requested)\s+(\d{4}-\d\d-\d\d)/i.exec(x.s);
  if (date && !Number.isNaN(Date.parse(date[1]!))) return new Date(Date.parse(date[1]!));
  return undefined;
}

/** "A peered with B", "A <-> B", "peering between A and B", with pcx ID, status, age and Regions. */
export const readPeering: Extractor = (x) => {
  const pcxIds = x.ids.filter((i) => i.kind === 'pcx');
  const pairs: [Vpc, Vpc][] = [];
  for (const re of PAIRS) {
    for (const m of x.s.matchAll(re)) {
      // a route line ("10.1.0.0/16 -> pcx-…") is not a peering pair
      if (/^\d+\.\d+/.test(m[1]!) || /^pcx-|^igw-|^nat-|^local$/i.test(clean(m[2]!))) continue;
      const a = side(x, m[1]!);
      const b = side(x, m[2]!);
      if (a && b && a !== b && !pairs.some(([p, q]) => (p === a && q === b) || (p === b && q === a)))
        pairs.push([a, b]);
    }
  }
  // "A <-> B <-> C": a chain of single names
  for (const m of x.s.matchAll(/([\w-]+)\s*<->\s*([\w-]+)\s*<->\s*([\w-]+)/g)) {
    const [a, b, c] = [side(x, m[1]!), side(x, m[2]!), side(x, m[3]!)];
    for (const [p, q] of [
      [a, b],
      [b, c],
    ] as const) {
      if (p && q && p !== q && !pairs.some(([u, v]) => (u === p && v === q) || (u === q && v === p)))
        pairs.push([p, q]);
    }
  }
  // "(…, vpc-0d5f…), peered to the main vpc in us-east-1": the left side is the VPC named before
  if (pairs.length === 0) {
    const m =
      /(?:^|[,;)]\s*)(?:and\s+)?(?:it'?s\s+|is\s+|which\s+is\s+)?(?:peered|peering)\s+(?:to|with)\s+((?:the\s+)?(?:[\w-]+\s+){0,2}?(?:vpc[\s-]+)?[\w-]+(?:\s+vpc)?(?:\s+vpc-[0-9a-f]{8,17})?)/i.exec(
        x.s,
      );
    const left = m ? vpcsBefore(x, m.index ?? 0) : undefined;
    const right = m ? side(x, m[1]!.replace(/\s+in\s+[a-z]{2}-[a-z]+-\d.*$/i, '')) : undefined;
    if (left && right && left !== right) pairs.push([left, right]);
  }
  // "A peers with B and C"
  const also =
    /(?:peered|peers|peering)\s+with\s+[\w-]+(?:\s*\([^)]*\))?\s*(?:,|and)\s*(?:with\s+)?((?:vpc\s+)?[\w-]+)(?:\s*\([^)]*\))?/i.exec(
      x.s,
    );
  if (also && pairs.length === 1) {
    const c = side(x, also[1]!);
    if (c && c !== pairs[0]![0] && c !== pairs[0]![1]) pairs.push([pairs[0]![0], c]);
  }
  const statusWord = STATUS.find(([re]) => re.test(x.s) && /peer|pcx/i.test(x.s));
  if (pairs.length === 0 && pcxIds.length === 0) {
    if (statusWord && /peering|pcx/i.test(x.s)) {
      const all = x.b.all('pcx');
      if (all.length === 1) setStatus(x, all[0]!, statusWord[1]);
    }
    return;
  }
  const cross = /cross[\s-]?region|inter[\s-]?region|different\s+regions?/i.test(x.s);
  pairs.forEach(([a, b], i) => {
    const id = pcxIds[i]?.id ?? (pairs.length === 1 ? pcxIds[0]?.id : undefined);
    const existing = x.b
      .all('pcx')
      .find(
        (p) =>
          (p.requester === a.key && p.accepter === b.key) || (p.requester === b.key && p.accepter === a.key),
      );
    const p = existing ?? x.b.peering(id ? { id } : { name: `${a.name ?? a.id}-${b.name ?? b.id}` }, x.src);
    if (id && !p.id) p.id = id;
    p.requester ??= a.key;
    p.accepter ??= b.key;
    addSrc(p, x.src);
    if (statusWord) setStatus(x, p, statusWord[1]);
    if (cross) x.b.model.claims.push({ kind: 'cross-region', about: p.key, src: x.src });
  });
  // a pcx ID alone ("pcx-0f3a… is Active")
  if (pairs.length === 0) {
    for (const m of pcxIds) {
      const p = x.b.peering({ id: m.id }, x.src);
      if (statusWord) setStatus(x, p, statusWord[1]);
    }
  }
  x.hit = true;
};

function setStatus(x: Sentence, p: ReturnType<Sentence['b']['peering']>, status: PeeringStatus): void {
  p.status = status;
  p.statusSrc = x.src;
  const when = daysAgo(x);
  if (when && status === 'pending-acceptance') p.requested = when;
  x.hit = true;
}

/** The last VPC the sentence names before `at` (by ID or name). */
function vpcsBefore(x: Sentence, at: number): Vpc | undefined {
  let best: { v: Vpc; i: number } | undefined;
  const head = x.s.slice(0, at);
  for (const v of x.b.all('vpc')) {
    for (const n of [v.id, v.name].filter((k): k is string => !!k && k.length > 1)) {
      const i = head.toLowerCase().lastIndexOf(n.toLowerCase());
      if (i >= 0 && (!best || i > best.i)) best = { v, i };
    }
  }
  return best?.v ?? x.st.lastVpc;
}
