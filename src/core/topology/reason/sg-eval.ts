import type { SecurityGroup, SgRule } from '../model/types.js';
import { type Cidr, cidrContains, cidrsOverlap } from '../net/ipv4.js';
import { portInRange, protocolMatches } from '../net/protocol.js';
import { isNonPublicRange, PUBLIC_INTERNET } from './nacl-eval.js';

export interface SgQuery {
  /**
   * the other side's address, as `peerCidr(place)` gives it: PUBLIC_INTERNET for an internet peer with no
   * address, which no rule for a private, shared or link-local range can match
   */
  peer?: Cidr;
  /** the other side's VPC, when known */
  peerVpc?: string;
  /** the other side's security groups, when known */
  peerSgs?: readonly string[];
  protocol: number;
  port?: number;
  /** the destination is this AWS service (prefix-list rules may match) */
  service?: string;
}

export interface SgVerdict {
  verdict: 'allow' | 'deny' | 'unknown';
  /** the rule that allows it */
  rule?: { sg: SecurityGroup; rule: SgRule };
  /** rules that allow the port and protocol but name other sources/destinations */
  portRules: { sg: SecurityGroup; rule: SgRule }[];
  /** rules whose peer could not be checked (an SG reference to an ENI whose SGs are unknown) */
  undecided: { sg: SecurityGroup; rule: SgRule }[];
}

function portMatches(r: SgRule, q: SgQuery): boolean {
  return protocolMatches(r.protocol, q.protocol) && (q.port === undefined || portInRange(r.ports, q.port));
}

type PeerMatch = 'yes' | 'no' | 'maybe';

function peerMatches(r: SgRule, q: SgQuery): PeerMatch {
  let best: PeerMatch = 'no';
  for (const p of r.peers) {
    if (p.kind === 'cidr') {
      if (q.peer === PUBLIC_INTERNET && isNonPublicRange(p.cidr)) continue;
      if (q.peer && cidrContains(p.cidr, q.peer)) return 'yes';
      if (!q.peer || (q.peer && cidrsOverlap(p.cidr, q.peer))) best = 'maybe';
    } else if (p.kind === 'sg') {
      if (q.peerSgs?.includes(p.group)) return 'yes';
      if (q.peerSgs === undefined) best = 'maybe';
    } else if (p.kind === 'pl') {
      best = 'maybe';
    } else if (p.kind === 'vpc') {
      if (q.peerVpc === p.vpc) return 'yes';
      best = 'maybe';
    }
  }
  return best;
}

/** SGs allow only; the union of all rules of all groups on the ENI; no group known → unknown. */
export function evalSgs(sgs: readonly SecurityGroup[], egress: boolean, q: SgQuery): SgVerdict {
  const portRules: SgVerdict['portRules'] = [];
  const undecided: SgVerdict['undecided'] = [];
  let complete = sgs.length > 0;
  for (const sg of sgs) {
    const rules = egress ? sg.egress : sg.ingress;
    if (!(egress ? sg.egressComplete : sg.ingressComplete)) complete = false;
    for (const rule of rules) {
      if (!portMatches(rule, q)) continue;
      const m = peerMatches(rule, q);
      if (m === 'yes') return { verdict: 'allow', rule: { sg, rule }, portRules, undecided };
      portRules.push({ sg, rule });
      if (m === 'maybe') undecided.push({ sg, rule });
    }
  }
  if (undecided.length > 0 || !complete) return { verdict: 'unknown', portRules, undecided };
  return { verdict: 'deny', portRules, undecided };
}
