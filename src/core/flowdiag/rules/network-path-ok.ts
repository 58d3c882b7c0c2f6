import type { Evidence, Finding } from '../../report/schema.js';
import { recordEvidence } from '../evidence.js';
import { groupConfirm, groupService, type RuleInput, subjectOf } from '../rule-kit.js';
import { listAnd, plural } from '../wording.js';

/** Findings that do not mean the network blocks anything. */
const HARMLESS = new Set(['LOG_SKIPPED_DATA', 'AWS_SERVICE_VIA_NAT']);

/**
 * NETWORK_PATH_OK: conversations ACCEPTed both ways with data, and no other rule found a fault: the
 * VPC lets this traffic through, so a failure is in the host, TLS, DNS or the application. Runs last.
 */
export function networkPathOk({ state, context, prior }: RuleInput): Finding[] {
  if (prior.some((f) => f.severity === 'error' || (f.severity === 'warning' && !HARMLESS.has(f.code))))
    return [];
  const groups = state.groupsOf('ok');
  if (groups.length === 0) return [];
  const conversations =
    groups.reduce((n, g) => n + g.conversations, 0) +
    (state.tail('ok', 'server', 'client', 'unknown', 'transit')?.conversations ?? 0);
  const records = groups.reduce((n, g) => n + g.records, 0);
  const top = groups[0]!;
  const text = context.text.map((t) => t.text).join('\n');
  const refused = /connection refused|ECONNREFUSED|actively refused/i.test(text);
  const timeout = /time[sd]? ?out|timeout|hangs?\b/i.test(text);
  const evidence: Evidence[] = [];
  for (const g of groups.slice(0, 3)) {
    const s = g.samples[0];
    if (s?.reqRef) evidence.push(recordEvidence(s.reqRef, 'request ACCEPTed'));
    if (s?.respRef) evidence.push(recordEvidence(s.respRef, 'reply ACCEPTed'));
  }
  const services = groups.slice(0, 3).map(groupService);
  const explanation = [
    `${plural(conversations, 'conversation')} (${plural(records, 'record')}) ${conversations === 1 ? 'was' : 'were'} ACCEPTed in both directions, with data, to ${listAnd(services, 3, groups.length)}: the security groups, network ACLs and routes let this traffic through.`,
    refused
      ? '"Connection refused" comes from the host (a TCP reset: nothing listens on that port, or a host firewall rejects), never from a security group or network ACL, which drop silently.'
      : '',
    timeout
      ? 'If a client still times out, look for the conversations that are missing here (flow logs of the client side, or another port), and at the application: TLS handshakes, DNS answers and slow back ends also time out.'
      : 'If something still fails, look at the host, TLS, DNS or the application.',
  ]
    .filter(Boolean)
    .join(' ');
  return [
    {
      code: 'NETWORK_PATH_OK',
      severity: 'info',
      title: `The network lets these connections through: ${plural(conversations, 'conversation')} ACCEPTed both ways`,
      explanation,
      evidence,
      evidenceOmitted: Math.max(0, records - evidence.length),
      fixes: [],
      confirm: groupConfirm(top, 'both'),
      occurrences: conversations,
      subject: subjectOf(top),
    },
  ];
}
