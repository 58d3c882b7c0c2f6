import { addSrc } from '../../model/builder.js';
import { vpcIn } from './refs.js';
import type { Extractor } from './sentence.js';

const HOST = /\b((?:[a-z0-9-]+\.)+[a-z]{2,})\.?\b/i;

/** nslookup/dig/host output and private hosted zones. */
export const readDns: Extractor = (x) => {
  const s = x.s;
  const cmd =
    /\b(?:nslookup|dig|host|getent\s+hosts|resolvectl\s+query)\s+(?:\+\w+\s+)*([\w.-]+\.[a-z]{2,})/i.exec(s);
  if (cmd) {
    x.st.dns = { name: cmd[1]!.replace(/\.$/, ''), answer: false, line: x.line };
    x.hit = true;
  }
  const nx =
    /\bNXDOMAIN\b|can't find ([\w.-]+)|server can't find|Name or service not known|could not resolve|Temporary failure in name resolution|getaddrinfo ENOTFOUND\s+([\w.-]+)/i.exec(
      s,
    );
  if (nx) {
    const name = nx[1] ?? nx[2] ?? /find\s+([\w.-]+?):/i.exec(s)?.[1] ?? x.st.dns?.name ?? HOST.exec(s)?.[1];
    if (name)
      x.b.model.dnsAnswers.push({ name: name.replace(/[.:]$/, ''), ips: [], nxdomain: true, src: x.src });
    x.b.model.symptoms.push({ kind: 'nxdomain', src: x.src });
    x.hit = true;
  }
  if (x.st.dns) {
    if (/non-authoritative answer|answer section|has address/i.test(s)) x.st.dns.answer = true;
    const nameLine = /^name:\s*([\w.-]+)/i.exec(s);
    if (nameLine) x.st.dns.name = nameLine[1]!;
    const addr =
      /^address(?:es)?:\s*(\d{1,3}(?:\.\d{1,3}){3})(?!#)/i.exec(s) ??
      /^([\w.-]+)\.?\s+\d+\s+IN\s+A\s+(\d{1,3}(?:\.\d{1,3}){3})/i.exec(s) ??
      /^([\w.-]+) has address (\d{1,3}(?:\.\d{1,3}){3})/i.exec(s);
    if (addr && !/#53/.test(s) && (x.st.dns.answer || addr.length === 3)) {
      const ip = addr[2] ?? addr[1]!;
      const name = (addr.length === 3 ? addr[1] : x.st.dns.name)!.replace(/\.$/, '');
      const prev = x.b.model.dnsAnswers.find((d) => d.name === name && !d.nxdomain);
      if (prev) {
        if (!prev.ips.includes(ip)) prev.ips.push(ip);
        prev.src.lines.push(x.line);
      } else
        x.b.model.dnsAnswers.push({
          name,
          ips: [ip],
          nxdomain: false,
          src: { ...x.src, lines: [x.st.dns.line, x.line] },
        });
      x.hit = true;
    }
  }
  // "resolves to 52.94.x.x (public)" in prose
  const res =
    /\b([\w-]+(?:\.[\w-]+)+\.(?:com|net|internal|local|corp|io|org|aws))\s+(?:still\s+)?(?:resolves|resolving|returns?)\s+(?:to\s+)?(?:a\s+|the\s+)?(?:public\s+ips?\s*\(?)?(\d{1,3}(?:\.\d{1,3}){3})/i.exec(
      s,
    );
  if (res) {
    x.b.model.dnsAnswers.push({ name: res[1]!, ips: [res[2]!], nxdomain: false, src: x.src });
    x.hit = true;
  } else if (
    /\bresolves?\s+to\s+(?:a\s+|the\s+)?public\s+ips?\b|\bpublic\s+ips?\s+(?:instead|rather)\b/i.test(s)
  ) {
    const host = HOST.exec(s)?.[1];
    x.b.model.dnsAnswers.push({
      name: host ?? 'the service',
      ips: ['52.0.0.1'],
      nxdomain: false,
      src: x.src,
    });
    x.b.model.symptoms.push({ kind: 'dns-public-answer', src: x.src });
    x.hit = true;
  }
  // private hosted zones
  const phz =
    /\b(?:private\s+hosted\s+zone|phz|private\s+zone|route\s*53\s+(?:private\s+)?zone)\s+(?:for\s+|called\s+|named\s+)?[`'"]?([\w-]+(?:\.[\w-]+)+)\.?/i.exec(
      s,
    ) ?? /\b([\w-]+(?:\.[\w-]+)+)\s+(?:is\s+)?(?:a\s+)?(?:private\s+hosted\s+zone|phz)\b/i.exec(s);
  if (phz) {
    const zoneName = phz[1]!.toLowerCase().replace(/\.$/, '');
    const z = x.b.hostedZone({ name: zoneName }, zoneName, x.src);
    const assoc = /\bassociated\s+(?:only\s+)?(?:with|to)\s+(?:only\s+)?([^.;]+)/i.exec(s);
    if (assoc) {
      for (const part of assoc[1]!.split(/\s*(?:,|\band\b)\s*/)) {
        const v = vpcIn(x, part.replace(/\b(?:only|the|but|not)\b/gi, ' ').trim(), true);
        if (v && !/\bnot\b/i.test(part) && !z.vpcs.includes(v.key)) z.vpcs.push(v.key);
      }
      z.complete = /\bonly\b/i.test(s) || z.vpcs.length > 0;
    }
    addSrc(z, x.src);
    x.hit = true;
  } else if (/\b(?:not|isn't|never)\s+associated\b/i.test(s) && x.b.all('phz').length === 1) {
    const z = x.b.all('phz')[0]!;
    z.complete = true;
    addSrc(z, x.src);
    x.hit = true;
  }
};
