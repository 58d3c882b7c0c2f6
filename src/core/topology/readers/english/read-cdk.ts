import type { TextLine } from '../../../analysis-context.js';
import type { ModelBuilder } from '../../model/builder.js';
import type { SecurityGroup, SgPeer, SgRule, Source } from '../../model/types.js';
import { ANY_IPV4, parseCidr } from '../../net/ipv4.js';
import type { PortRange } from '../../net/protocol.js';

/**
 * Security groups written as AWS CDK (TypeScript or Python): `new ec2.SecurityGroup(this, 'SvcSg',
 * { vpc, allowAllOutbound: false })`, `sg.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443))`,
 * `dbSg.addIngressRule(svcSg, ec2.Port.tcp(5432))`, `a.connections.allowTo(b, ec2.Port.tcp(5432))`.
 * A group's variable name is its name, so the prose can refer to it.
 */
export function readCdk(lines: readonly TextLine[], b: ModelBuilder): Set<number> {
  const used = new Set<number>();
  const groups = new Map<string, SecurityGroup>();
  const src = (l: TextLine): Source => ({ kind: 'config', lines: [l.line], text: l.text.trim() });
  const group = (v: string) => {
    const name = v.replace(/^(?:this|self)\./, '');
    const known = groups.get(name);
    if (known || !/(?:sg|securitygroup|security_group)$/i.test(name)) return known;
    // a group defined elsewhere in the stack: its variable name is all there is
    const g = b.sg({ name });
    groups.set(name, g);
    return g;
  };
  for (const l of lines) {
    const t = l.text;
    const def =
      /\b(?:const|let|var|this\.|self\.)?\s*([A-Za-z_]\w*)\s*=\s*(?:new\s+)?(?:ec2\.)?SecurityGroup\s*\(\s*(?:this|self|scope)\s*,\s*['"]([\w-]+)['"]([^)]*)/.exec(
        t,
      );
    if (def) {
      const g = b.sg({ name: def[1]! }, src(l));
      g.aliases.add(def[2]!.toLowerCase());
      groups.set(def[1]!, g);
      // allowAllOutbound defaults to true
      if (!/allow_?all_?outbound\s*[:=]\s*(?:false|False)/i.test(def[3]!) && !g.egress.length)
        g.egress.push({ protocol: -1, peers: [{ kind: 'cidr', cidr: ANY_IPV4 }], src: src(l) });
      g.egressComplete = true;
      used.add(l.line);
      continue;
    }
    const rule =
      /\b([A-Za-z_][\w.]*?)\s*\.\s*(add_?(?:ingress|egress)_?rule|addIngressRule|addEgressRule)\s*\(\s*(.+?)\s*,\s*(?:ec2\.)?Port\.(\w+)\s*\(([^)]*)\)/i.exec(
        t,
      );
    if (rule) {
      const g = group(rule[1]!);
      const peer = peerOf(rule[3]!, group, b);
      const port = portOf(rule[4]!, rule[5]!);
      if (g && peer && port) {
        const r: SgRule = {
          protocol: port.protocol,
          ...(port.ports ? { ports: port.ports } : {}),
          peers: [peer],
          src: src(l),
        };
        if (/egress/i.test(rule[2]!)) g.egress.push(r);
        else {
          g.ingress.push(r);
          g.ingressComplete = true;
        }
        used.add(l.line);
      }
      continue;
    }
    const conn =
      /\b([A-Za-z_][\w.]*?)\s*\.\s*connections\s*\.\s*(allow_?(?:from|to)|allowFrom|allowTo)\s*\(\s*([A-Za-z_][\w.]*)\s*,\s*(?:ec2\.)?Port\.(\w+)\s*\(([^)]*)\)/i.exec(
        t,
      );
    if (conn) {
      const a = group(conn[1]!);
      const other = group(conn[3]!);
      const port = portOf(conn[4]!, conn[5]!);
      if (a && other && port) {
        const base = { protocol: port.protocol, ...(port.ports ? { ports: port.ports } : {}), src: src(l) };
        const [client, server] = /to/i.test(conn[2]!) ? [a, other] : [other, a];
        client.egress.push({ ...base, peers: [{ kind: 'sg', group: server.key }] });
        server.ingress.push({ ...base, peers: [{ kind: 'sg', group: client.key }] });
        server.ingressComplete = true;
        used.add(l.line);
      }
    }
  }
  if (used.size) b.model.readers.add('document');
  return used;
}

function peerOf(
  raw: string,
  group: (v: string) => SecurityGroup | undefined,
  b: ModelBuilder,
): SgPeer | undefined {
  const r = raw.trim();
  if (/Peer\.any_?ipv4\s*\(\s*\)/i.test(r)) return { kind: 'cidr', cidr: ANY_IPV4 };
  const cidr = /Peer\.ipv4\s*\(\s*['"]([\d./]+)['"]\s*\)/i.exec(r);
  if (cidr) {
    const c = parseCidr(cidr[1]!);
    return c ? { kind: 'cidr', cidr: c } : undefined;
  }
  const pl = /Peer\.prefix_?list\s*\(\s*['"](pl-[\w]+)['"]\s*\)/i.exec(r);
  if (pl) return { kind: 'pl', id: pl[1]! };
  const sgId =
    /(?:Peer\.security_?group_?id|SecurityGroup\.from_?security_?group_?id)\s*\([^'"]*['"](sg-[\w]+)['"]/i.exec(
      r,
    );
  if (sgId) return { kind: 'sg', group: b.sg({ id: sgId[1]! }).key };
  const g = group(r);
  return g ? { kind: 'sg', group: g.key } : undefined;
}

function portOf(fn: string, args: string): { protocol: number; ports?: PortRange } | undefined {
  const nums = [...args.matchAll(/\d+/g)].map((m) => Number(m[0]));
  switch (fn.replace(/_/g, '').toLowerCase()) {
    case 'tcp':
      return nums[0] !== undefined ? { protocol: 6, ports: { from: nums[0], to: nums[0] } } : undefined;
    case 'udp':
      return nums[0] !== undefined ? { protocol: 17, ports: { from: nums[0], to: nums[0] } } : undefined;
    case 'tcprange':
      return nums.length >= 2 ? { protocol: 6, ports: { from: nums[0]!, to: nums[1]! } } : undefined;
    case 'udprange':
      return nums.length >= 2 ? { protocol: 17, ports: { from: nums[0]!, to: nums[1]! } } : undefined;
    case 'alltcp':
      return { protocol: 6, ports: { from: 0, to: 65535 } };
    case 'alludp':
      return { protocol: 17, ports: { from: 0, to: 65535 } };
    case 'alltraffic':
      return { protocol: -1 };
    case 'allicmp':
      return { protocol: 1 };
    default:
      return undefined;
  }
}
