import type { AnalysisContext } from '../analysis-context.js';
import type { FindingCode } from '../report/codes.js';
import type { Evidence, Finding, Severity, Subject } from '../report/schema.js';
import { confirmQueries, type QueryFilter, type QuerySpec } from './confirm.js';
import { recordEvidence, summaryEvidence } from './evidence.js';
import type { Place } from './fixes.js';
import type { FlowState } from './flow-state.js';
import type { Group, GroupTail } from './group.js';
import { eniName, isIcmp, listAnd, plural, serviceLabel } from './wording.js';

/** What a flow-log rule sees. `prior` holds the findings of the rules that ran before it. */
export interface RuleInput {
  state: FlowState;
  context: AnalysisContext;
  prior: readonly Finding[];
}

export type FlowRule = (input: RuleInput) => Finding[];

/** At most this many findings per code name a group; the rest are rolled up into one. */
export const MAX_GROUP_FINDINGS = 8;

/** Where the logging ENI's controls are, for fixes. */
export function placeOf(g: Group): Place {
  const own = g.role === 'server' ? g.server : g.role === 'client' ? g.clientList()[0] : undefined;
  return {
    eni: g.eni.id || undefined,
    subnetId: g.eni.subnetId,
    vpcId: g.eni.vpcId,
    region: g.eni.region,
    address: own,
  };
}

/** The machine-readable subject of a conversation-level finding (see Finding.subject). */
export function subjectOf(g: Group): Subject {
  const clients = g.clientList();
  const s: Subject = {
    server: g.realServer,
    serverPort: g.serverPort,
    protocol: g.proto,
    clientPorts: [...g.clientPorts].sort((a, b) => a - b),
  };
  if (g.eni.id) s.interfaceId = g.eni.id;
  if (g.eni.subnetId) s.subnetId = g.eni.subnetId;
  if (g.eni.vpcId) s.vpcId = g.eni.vpcId;
  if (clients[0] !== undefined) s.client = clients[0];
  if (clients.length > 1) s.clients = clients.slice(0, 20);
  return s;
}

/**
 * Evidence for a group: the request and the reply records of its heaviest conversations, with a
 * note each; `evidenceOmitted` counts the records of the group that are not cited.
 */
export function groupEvidence(
  g: Group,
  notes: { req?: string; resp?: string },
  maxSamples = 3,
): { evidence: Evidence[]; evidenceOmitted: number } {
  const evidence: Evidence[] = [];
  for (const s of g.samples.slice(0, maxSamples)) {
    if (s.reqRef && notes.req !== undefined) evidence.push(recordEvidence(s.reqRef, notes.req));
    if (s.respRef && notes.resp !== undefined) evidence.push(recordEvidence(s.respRef, notes.resp));
  }
  return { evidence, evidenceOmitted: Math.max(0, g.records - evidence.length) };
}

/** "10.40.0.87 and 10.40.1.142" / "1,204 clients (198.51.100.7, …)" */
export function clientsPhrase(g: Group): string {
  const list = g.clientList();
  if (list.length === 1 && g.clientsUntracked === 0) return list[0]!;
  if (g.clientsUntracked > 0) return `more than ${plural(list.length, 'client')} (${listAnd(list, 3)}, …)`;
  return listAnd(list, 4);
}

/** "10.40.10.23:8080 over TCP (HTTP (8080))" for the group's service. */
export function groupService(g: Group): string {
  return serviceLabel(g.realServer, g.serverPort, g.proto);
}

/** A sentence on how sure the reading of who-is-who is, when it is not certain. */
export function certaintyNote(g: Group): string {
  const notes: string[] = [];
  const basis = g.weakestBasis();
  if (basis === 'guess' || basis === 'timing') {
    notes.push(
      `Which side opened the conversation is ${basis === 'timing' ? 'inferred from which record starts first' : 'a guess'}: the records have no tcp-flags and the ports do not tell (add \${tcp-flags} to the flow log format to settle it).`,
    );
  }
  const rb = g.weakestRoleBasis();
  if (rb === 'private-address')
    notes.push(
      `That ${eniName(g.eni)} is the ${g.role === 'server' ? 'server' : 'client'}'s interface is inferred from its private address (its records do not show one address shared by all of them).`,
    );
  if (rb === 'guess')
    notes.push(
      `The records do not show whether ${eniName(g.eni)} is the client's or the server's interface; this assumes the server's. Settle it with: aws ec2 describe-network-interfaces --network-interface-ids ${g.eni.id || '<ENI_ID>'} --query 'NetworkInterfaces[0].PrivateIpAddresses'.`,
    );
  return notes.join(' ');
}

/** The confirm query for a group: its requests or replies, by action, across all logs. */
function groupQuery(g: Group, what: 'requests' | 'replies' | 'both'): QuerySpec {
  const format = g.samples[0]?.reqRef?.format ?? g.samples[0]?.respRef?.format;
  const base: QueryFilter[] = [];
  if (g.eni.id) base.push({ field: 'interface-id', value: g.eni.id });
  base.push({ field: 'protocol', value: g.proto });
  const icmp = isIcmp(g.proto);
  const toServer: QueryFilter[] = [{ field: 'dstaddr', value: g.server }];
  const fromServer: QueryFilter[] = [{ field: 'srcaddr', value: g.server }];
  if (!icmp) {
    toServer.push({ field: 'dstport', value: g.serverPort });
    fromServer.push({ field: 'srcport', value: g.serverPort });
  }
  if (what === 'requests')
    return {
      format,
      filters: [...base, ...toServer],
      groupBy: ['action', 'srcaddr'],
      range: icmp ? [] : ['srcport'],
    };
  if (what === 'replies')
    return {
      format,
      filters: [...base, ...fromServer],
      groupBy: ['action', 'dstaddr'],
      range: icmp ? [] : ['dstport'],
    };
  return { format, filters: base, either: [toServer, fromServer], groupBy: ['srcaddr', 'dstaddr', 'action'] };
}

export function groupConfirm(g: Group, what: 'requests' | 'replies' | 'both') {
  return confirmQueries(groupQuery(g, what));
}

/**
 * Splits groups into those that get their own finding and the rest; the rest (and the groups
 * summarised away to bound memory) become one roll-up finding.
 */
export function rollUp(
  code: FindingCode,
  severity: Severity,
  groups: readonly Group[],
  tail: GroupTail | undefined,
  what: string,
): { shown: Group[]; rollup: Finding | undefined } {
  const shown = groups.slice(0, MAX_GROUP_FINDINGS);
  const rest = groups.slice(MAX_GROUP_FINDINGS);
  const tailConversations = tail?.conversations ?? 0;
  if (rest.length === 0 && tailConversations === 0) return { shown, rollup: undefined };
  const conversations = rest.reduce((n, g) => n + g.conversations, 0) + tailConversations;
  const records = rest.reduce((n, g) => n + g.records, 0) + (tail?.records ?? 0);
  const groupsCount = rest.length + (tail?.groups ?? 0);
  const evidence = rest
    .slice(0, 10)
    .map((g) =>
      summaryEvidence(
        `${g.eni.id || 'interface ?'} ${serviceLabel(g.realServer, g.serverPort, g.proto)}: ${plural(g.conversations, 'conversation')} from ${clientsPhrase(g)}`,
      ),
    );
  return {
    shown,
    rollup: {
      code,
      severity,
      title: shown.length
        ? `And ${plural(conversations, 'more conversation')} like this at ${plural(groupsCount, 'other service')}`
        : `${plural(conversations, 'conversation')} at ${plural(groupsCount, 'service')}: ${what}`,
      explanation: `${shown.length ? `Beyond the ${plural(shown.length, 'finding')} above, ` : ''}${plural(conversations, 'conversation')} (${plural(records, 'record')}) at ${plural(groupsCount, shown.length ? 'other server address and port' : 'server address and port', shown.length ? 'other server addresses and ports' : 'server addresses and ports')} show ${shown.length ? 'the same pattern' : 'this pattern'}: ${what}.${tail && tail.groups > 0 ? ` ${plural(tail.groups, 'group')} of them were summarised to keep memory bounded, so only their counts are kept.` : ''}`,
      evidence,
      fixes: [],
      // no `occurrences`: a roll-up must sort after the findings it rolls up
      evidenceOmitted: Math.max(0, groupsCount - evidence.length),
    },
  };
}
