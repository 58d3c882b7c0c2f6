import { addSrc } from '../../model/builder.js';
import { describeNaclEntry, describeSgRule } from '../../model/describe-rule.js';
import type { NaclEntry, SgPeer, SgRule } from '../../model/types.js';
import { parseCidr } from '../../net/ipv4.js';
import { icmpTypeCodeIn, parsePortRange, parseProtocol } from '../../net/protocol.js';
import { subjectSg } from './read-filters.js';
import { type Extractor, makeSentence, type Sentence } from './sentence.js';

/** Console tables split on tabs (a copy from the browser) or on runs of spaces (a copy from a terminal). */
function cells(raw: string): string[] {
  const t = raw.trim();
  return (t.includes('\t') ? t.split(/\t+/) : t.split(/\s{2,}/)).map((c) => c.trim()).filter(Boolean);
}

export interface ConsoleTable {
  kind: 'sg' | 'nacl';
  egress: boolean;
  col: { number?: number; type?: number; protocol?: number; ports?: number; peer?: number; action?: number };
  n: number;
}

function header(raw: string): ConsoleTable | undefined {
  const cs = cells(raw).map((c) => c.toLowerCase());
  if (cs.length < 3) return undefined;
  const at = (re: RegExp) => {
    const i = cs.findIndex((c) => re.test(c));
    return i < 0 ? undefined : i;
  };
  const ports = at(/^port\s*range$|^ports?$/);
  const peer = at(/^(?:source|destination)$/);
  if (ports === undefined || peer === undefined) return undefined;
  const action = at(/^allow\s*\/\s*deny$|^action$/);
  const number = at(/^rule\s*(?:#|number|no\.?)$/);
  const kind = action !== undefined || number !== undefined ? 'nacl' : 'sg';
  return {
    kind,
    egress: cs[peer] === 'destination',
    col: {
      ...(number !== undefined ? { number } : {}),
      ...(at(/^type$/) !== undefined ? { type: at(/^type$/)! } : {}),
      ...(at(/^protocol$/) !== undefined ? { protocol: at(/^protocol$/)! } : {}),
      ports,
      peer,
      ...(action !== undefined ? { action } : {}),
    },
    n: cs.length,
  };
}

/** `TCP (6)` → tcp, `All` → all; the Type column (`SSH`, `All traffic`) when Protocol is absent. */
function protocolOf(t: ConsoleTable, row: string[]): number | undefined {
  const p = t.col.protocol !== undefined ? row[t.col.protocol] : undefined;
  const v = (p ?? row[t.col.type ?? -1] ?? '').replace(/\s*\(\d+\)\s*$/, '').trim();
  if (/^all(?:\s+traffic)?$/i.test(v) || v === '-1') return -1;
  return parseProtocol(v) ?? (/\b(?:tcp|ssh|http|https|mysql|postgres|rdp|smtp)\b/i.test(v) ? 6 : undefined);
}

/**
 * Security group and network ACL rules copied from the console as a table: a header row with
 * Port range and Source (inbound) or Destination (outbound), then one rule per row. The rows are the
 * whole list for that direction.
 */
export const readConsoleTables: Extractor = (x) => {
  const h = header(x.raw);
  if (h) {
    // "db sg inbound rules copied from the console:" just above names the group the rows belong to
    const prev = x.st.prevText;
    if (h.kind === 'sg' && prev && /\b(?:sg|security\s+groups?)\b/i.test(prev)) {
      const px = makeSentence(prev, prev, x.st.prevLine ?? x.line, x.b, x.st, x.now);
      const g = subjectSg(px, prev.length);
      if (g) x.st.lastSg = g;
    }
    x.st.consoleTable = h;
    x.hit = true;
    x.s = '';
    x.lower = '';
    return;
  }
  const t = x.st.consoleTable;
  if (!t) return;
  const row = cells(x.raw);
  if (row.length < Math.min(t.n, 4) || row.length > t.n + 1) {
    x.st.consoleTable = undefined;
    return;
  }
  if (t.kind === 'sg' ? sgRow(x, t, row) : naclRow(x, t, row)) {
    x.hit = true;
    x.s = '';
    x.lower = '';
  } else x.st.consoleTable = undefined;
};

function sgRow(x: Sentence, t: ConsoleTable, row: string[]): boolean {
  const protocol = protocolOf(t, row);
  const ports = parsePortRange(row[t.col.ports!] ?? '');
  const peerText = row[t.col.peer!] ?? '';
  if (protocol === undefined || (!ports && !/^all$/i.test(row[t.col.ports!] ?? ''))) return false;
  const peers: SgPeer[] = [];
  const cidr = /\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}/.exec(peerText)?.[0];
  const sg = /\bsg-[0-9a-f]{8,17}\b/.exec(peerText)?.[0];
  const pl = /\bpl-[0-9a-f]{8,17}\b/.exec(peerText)?.[0];
  if (cidr && parseCidr(cidr)) peers.push({ kind: 'cidr', cidr: parseCidr(cidr)! });
  else if (sg) peers.push({ kind: 'sg', group: x.b.sg({ id: sg }).key });
  else if (pl) peers.push({ kind: 'pl', id: pl });
  else return false;
  const g = x.st.lastSg ?? x.b.sg({ name: 'the security group' }, x.src);
  x.st.lastSg = g;
  const whole = ports && !(ports.from === 0 && ports.to === 65535) ? ports : undefined;
  const rule: SgRule = {
    protocol,
    ...(protocol === 6 || protocol === 17 ? (whole ? { ports: whole } : {}) : {}),
    peers,
    src: { ...x.src, kind: 'config' },
  };
  rule.src.text = `${g.id ?? g.name ?? 'SG'} ${t.egress ? 'outbound' : 'inbound'} ${describeSgRule(rule, (k) => x.b.find('sg', k)?.id ?? k)}`;
  (t.egress ? g.egress : g.ingress).push(rule);
  if (t.egress) g.egressComplete = true;
  else g.ingressComplete = true;
  addSrc(g, x.src);
  return true;
}

function naclRow(x: Sentence, t: ConsoleTable, row: string[]): boolean {
  const numText = row[t.col.number ?? 0] ?? '';
  const number = numText === '*' ? 32767 : Number(numText);
  const cidrIn = (c: string | undefined) => /\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}/.exec(c ?? '')?.[0];
  // a cell that ran into its neighbour ("All traffic All") shifts the columns: find the range anywhere
  const cidr = parseCidr(cidrIn(row[t.col.peer!]) ?? row.map(cidrIn).find(Boolean) ?? '');
  const actionText = (row[t.col.action ?? row.length - 1] ?? '').toLowerCase();
  const protocol = protocolOf(t, row);
  if (!Number.isInteger(number) || !cidr || protocol === undefined) return false;
  if (actionText !== 'allow' && actionText !== 'deny') return false;
  const action = actionText as 'allow' | 'deny';
  const p = parsePortRange(row[t.col.ports!] ?? '');
  const ports = (protocol === 6 || protocol === 17) && p && !(p.from === 0 && p.to === 65535) ? p : undefined;
  const n =
    x.st.lastNacl ??
    (x.b.all('acl').length === 1 ? x.b.all('acl')[0]! : x.b.nacl({ name: 'the NACL' }, x.src));
  x.st.lastNacl = n;
  // an ICMP row's Type names the ICMP type ("Echo Reply"); "All ICMP - IPv4" names none
  const icmp = protocol === 1 ? icmpTypeCodeIn(row[t.col.type ?? -1] ?? '') : undefined;
  const entry: NaclEntry = {
    number,
    egress: t.egress,
    action,
    protocol,
    ...(ports ? { ports } : {}),
    ...(icmp ? { icmp } : {}),
    cidr,
    src: {
      ...x.src,
      kind: 'config',
      text: describeNaclEntry({
        number,
        egress: t.egress,
        action,
        protocol,
        ports,
        cidr,
        ...(icmp ? { icmp } : {}),
      }),
    },
  };
  if (!n.entries.some((e) => e.egress === entry.egress && e.number === entry.number)) n.entries.push(entry);
  if (t.egress) n.completeOut = true;
  else n.completeIn = true;
  addSrc(n, x.src);
  return true;
}
