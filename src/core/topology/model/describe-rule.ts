import { formatRange, protocolName } from '../net/protocol.js';
import type { SgRule } from './types.js';

/** `tcp 5432 sg-0e11…, 10.12.0.10/32` */
export function describeSgRule(r: SgRule, groupName: (key: string) => string = (k) => k): string {
  const what = r.protocol === -1 ? 'all traffic' : `${protocolName(r.protocol)} ${formatRange(r.ports)}`;
  const peers = r.peers.map((p) =>
    p.kind === 'cidr'
      ? p.cidr.text
      : p.kind === 'sg'
        ? groupName(p.group)
        : p.kind === 'vpc'
          ? 'the VPC'
          : p.id,
  );
  return `${what} ${peers.length ? peers.join(', ') : '(no source)'}`;
}
