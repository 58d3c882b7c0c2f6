import { addSrc } from '../../model/builder.js';
import type { TgwAttachment, Vpc } from '../../model/types.js';
import { parseCidr } from '../../net/ipv4.js';
import { azMentions } from './mentions.js';
import { vpcIn } from './refs.js';
import type { Extractor, Sentence } from './sentence.js';

/** Short AZ letters ("1a and 1b", "az a, b") made full with the message's Region. */
function azsIn(x: Sentence, text: string): string[] {
  const full = azMentions(text).map((a) => a.az);
  if (full.length) return full;
  const region = x.st.region ?? x.st.lastVpc?.region;
  const out: string[] = [];
  for (const m of text.matchAll(/\b(?:[a-z]{2}-[a-z]+-)?(\d)([a-f])\b|\baz[\s-]?([a-f])\b/gi)) {
    const letter = (m[2] ?? m[3])!.toLowerCase();
    if (region && (m[1] === undefined || region.endsWith(m[1]))) out.push(`${region}${letter}`);
    else out.push(m[1] ? `${m[1]}${letter}` : letter);
  }
  return out;
}

function attachmentFor(x: Sentence): TgwAttachment | undefined {
  const id = x.ids.find((i) => i.kind === 'tgw-attach')?.id;
  if (id) return x.b.tgwAttachment({ id });
  const v = vpcIn(
    x,
    /\b(?:attachment|attached)\s+(?:for|of|to|from)?\s*(?:the\s+)?((?:vpc[\s-]+)?[\w-]+(?:\s+vpc)?)/i.exec(
      x.s,
    )?.[1] ??
      /\b((?:vpc[\s-]+)?[\w-]+(?:\s+vpc)?)'?s?\s+(?:tgw\s+)?attachment/i.exec(x.s)?.[1] ??
      '',
    false,
  );
  const near = v ?? nearestVpcBefore(x, x.s.search(/\battachment/i));
  if (near) {
    const vv = near;
    return (
      x.b.all('tgw-attach').find((a) => a.vpc === vv.key) ??
      Object.assign(x.b.tgwAttachment({ name: `attachment of ${vv.name ?? vv.id}` }), { vpc: vv.key })
    );
  }
  if (v)
    return (
      x.b.all('tgw-attach').find((a) => a.vpc === v.key) ??
      Object.assign(x.b.tgwAttachment({ name: `attachment of ${v.name ?? v.id}` }), { vpc: v.key })
    );
  return undefined;
}

/** Transit gateway attachments (and their AZs), TGW route tables and their routes. */
export const readTgw: Extractor = (x) => {
  if (!/\btgw\b|\btgw-|transit\s+gateway|\battachment/i.test(x.s)) return;
  const tgwId = x.ids.find((i) => i.kind === 'tgw')?.id;
  if (
    /\b(?:via|over|through|across)\s+(?:the\s+|a\s+)?(?:tgw\b|tgw-|transit\s+gateway)/i.test(x.s) &&
    !x.b.model.claims.some((c) => c.kind === 'via-tgw')
  )
    x.b.model.claims.push({ kind: 'via-tgw', ...(tgwId ? { detail: tgwId } : {}), src: x.src });
  const att = attachmentFor(x);
  if (att) {
    if (tgwId) att.tgw = tgwId;
    // "the vpn attachment tgw-attach-…", "tgw-attach-… (vpn)": the on-prem side of the TGW
    const attId = x.ids.find((i) => i.kind === 'tgw-attach');
    if (
      attId &&
      !att.resourceType &&
      (/\b(?:vpn|site-to-site)\s+attachment\s*$/i.test(x.s.slice(0, attId.index)) ||
        /^\s*\((?:the\s+)?(?:vpn|s2s\s+vpn|site-to-site)\)/i.test(x.s.slice(attId.index + attId.id.length)))
    )
      att.resourceType = 'vpn';
    // the sentence about the attachment, not "only the instances in 1c fail" before it
    const seg = x.s.split(/(?<=[.;])\s+/).find((k) => /attachment|tgw-attach/i.test(k)) ?? x.s;
    const azText =
      /\b(?:subnets?|azs?|availability\s+zones?)\b[^.;]*/i.exec(seg)?.[0] ??
      /\bonly\s+in\b[^.;]*|\bin\s+(?:[a-z]{2}-[a-z]+-)?\d[a-f]\b[^.;]*/i.exec(seg)?.[0];
    if (azText) for (const az of azsIn(x, azText)) if (!att.azs.includes(az)) att.azs.push(az);
    for (const s of x.ids.filter((i) => i.kind === 'subnet')) {
      const sub = x.b.subnet({ id: s.id });
      if (!att.subnets.includes(sub.key)) att.subnets.push(sub.key);
    }
    const rtb = x.ids.find((i) => i.kind === 'tgw-rtb')?.id;
    if (rtb && /associat/i.test(x.s)) {
      const t = x.b.tgwRouteTable({ id: rtb });
      att.routeTable = t.key;
      if (!t.associations.includes(att.key)) t.associations.push(att.key);
    }
    addSrc(att, x.src);
    x.hit = true;
  }
  // TGW route table and its routes: "tgw-rtb-…: 10.1.0.0/16 -> tgw-attach-b", "TGW route table has no route to 10.2.0.0/16"
  const rtbId = x.ids.find((i) => i.kind === 'tgw-rtb')?.id;
  const saysTable = rtbId || /\b(?:tgw|transit\s+gateway)\s+route\s+table\b/i.test(x.s);
  // "… tgw-rtb-… which only has:" then one route a line: the lines belong to that table
  const listed =
    !saysTable && x.st.tgwListing && /^\s*\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}\s*(?:->|via|:)/.test(x.s);
  if (!saysTable && !listed) {
    x.st.tgwListing = undefined;
    return;
  }
  const t = listed
    ? x.st.tgwListing!
    : rtbId
      ? x.b.tgwRouteTable({ id: rtbId })
      : (x.b.all('tgw-rtb')[0] ?? x.b.tgwRouteTable({ name: 'the TGW route table' }));
  if (!listed) x.st.tgwListing = /:\s*$/.test(x.s) ? t : undefined;
  if (
    !listed &&
    x.st.tgwListing &&
    // a list under "… which (only) has:" is the table's whole list, as a route table listed under its name is
    /\b(?:has|have|contains|shows|routes)\s*:\s*$/i.test(x.s)
  )
    t.complete = true;
  addSrc(t, x.src);
  for (const m of x.s.matchAll(
    /(\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2})\s*(?:->|via|to|:)\s*(tgw-attach-[\w-]+|blackhole|[\w-]+\s+attachment)/gi,
  )) {
    const cidr = parseCidr(m[1]!);
    if (!cidr) continue;
    const target = m[2]!;
    const black =
      /blackhole/i.test(target) ||
      /blackhole/i.test(x.s.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 15));
    const a = /^tgw-attach-/i.test(target) ? x.b.tgwAttachment({ id: target }) : undefined;
    t.routes.push({
      cidr,
      ...(a ? { attachment: a.key } : {}),
      state: black ? 'blackhole' : 'active',
      src: x.src,
    });
    t.complete = t.complete || /\bonly\b/i.test(x.s);
  }
  if (/\b(?:no|missing|without|doesn't\s+have\s+a?)\s+(?:route|propagation|routes)\b/i.test(x.s))
    t.complete = true;
  if (att && /associat/i.test(x.s) && !att.routeTable) {
    att.routeTable = t.key;
    if (!t.associations.includes(att.key)) t.associations.push(att.key);
  }
  x.hit = true;
};

function nearestVpcBefore(x: Sentence, at: number): Vpc | undefined {
  if (at < 0) return undefined;
  let best: { v: Vpc; i: number } | undefined;
  for (const v of x.b.all('vpc')) {
    for (const n of [v.id, v.name, ...v.aliases].filter((k): k is string => !!k)) {
      const short = n.length <= 2;
      if (short && n !== v.name) continue;
      const re = new RegExp(`\\b${n.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')}\\b`, short ? 'g' : 'gi');
      for (const m of x.s.slice(0, at).matchAll(re))
        if (!best || (m.index ?? 0) > best.i) best = { v, i: m.index ?? 0 };
    }
  }
  return best?.v;
}
