import type { AnalysisContext } from '../analysis-context.js';
import type { RecordItem, SkippedItem } from '../flowlog/types.js';
import type { Finding } from '../report/schema.js';
import { FlowState, LIMITS } from './flow-state.js';
import type { FlowRule } from './rule-kit.js';
import { awsServiceViaNat } from './rules/aws-service-via-nat.js';
import { blockPublicAccessReject } from './rules/block-public-access-reject.js';
import { expectedAmazonDnsNotLogged } from './rules/expected-amazon-dns-not-logged.js';
import { expectedNatSourceTranslation } from './rules/expected-nat-source-translation.js';
import { expectedScannerTrafficRejected } from './rules/expected-scanner-traffic-rejected.js';
import { inboundRequestRejected } from './rules/inbound-request-rejected.js';
import { logNoData } from './rules/log-no-data.js';
import { logSkippedData } from './rules/log-skipped-data.js';
import { mtuPmtudBlackhole } from './rules/mtu-pmtud-blackhole.js';
import { naclEphemeralRangeTooNarrow } from './rules/nacl-ephemeral-range-too-narrow.js';
import { naclInboundBlocksResponse } from './rules/nacl-inbound-blocks-response.js';
import { naclOutboundBlocksResponse } from './rules/nacl-outbound-blocks-response.js';
import { networkPathOk } from './rules/network-path-ok.js';
import { outboundRequestRejected } from './rules/outbound-request-rejected.js';
import { requestNotAnswered } from './rules/request-not-answered.js';
import { returnRouteMissing } from './rules/return-route-missing.js';
import { tgwPacketsLost } from './rules/tgw-packets-lost.js';
import { tgwRouteMissing } from './rules/tgw-route-missing.js';
import { eniAddressHints } from './text-hints.js';
import { plural } from './wording.js';

/** What the flow-log rules conclude, plus statements about how the analysis was done. */
export interface FlowAnalysis {
  findings: Finding[];
  notes: string[];
}

/**
 * Consumes records one by one (memory bounded by the number of distinct conversations it keeps, not by
 * the input) and, at the end, runs the flow-log rules over what it gathered.
 */
export interface FlowAnalyzer {
  add(item: RecordItem | SkippedItem): void;
  finish(context: AnalysisContext): FlowAnalysis;
}

/** The rules, in order; each sees the findings of those before it. NETWORK_PATH_OK must stay last. */
export const FLOW_RULES: readonly FlowRule[] = [
  blockPublicAccessReject,
  naclEphemeralRangeTooNarrow,
  naclOutboundBlocksResponse,
  naclInboundBlocksResponse,
  inboundRequestRejected,
  outboundRequestRejected,
  returnRouteMissing,
  requestNotAnswered,
  tgwRouteMissing,
  tgwPacketsLost,
  mtuPmtudBlackhole,
  awsServiceViaNat,
  expectedScannerTrafficRejected,
  expectedNatSourceTranslation,
  expectedAmazonDnsNotLogged,
  logSkippedData,
  logNoData,
  networkPathOk,
];

/**
 * The flow-log analyzer: correlates records into conversations (5-tuple and reverse, per ENI, across
 * windows), decides who initiated each and where the ENI stands, and runs the rules.
 */
export function createFlowAnalyzer(limits = LIMITS): FlowAnalyzer {
  const state = new FlowState(limits);
  return {
    add(item) {
      if (item.kind === 'record') state.add(item);
      else state.addSkipped(item);
    },
    finish(context) {
      const unresolved = new Map<string, readonly string[]>();
      for (const eni of state.enis.values())
        if (eni.id && eni.address() === undefined) unresolved.set(eni.id, eni.candidates());
      state.finish(eniAddressHints(context.text, unresolved, state.enis.size === 1));
      const findings: Finding[] = [];
      for (const rule of FLOW_RULES) findings.push(...rule({ state, context, prior: findings }));
      return { findings, notes: notes(state) };
    },
  };
}

function notes(state: FlowState): string[] {
  const out: string[] = [];
  const t = state.conversations;
  if (t.evictedYoung + t.evictedHeavy > 0) {
    const parts = [
      `each conversation was judged once no record of it had come for ${plural(LIMITS.generation, 'record')} or more (records of one conversation further apart than that count as separate conversations)`,
    ];
    if (t.evictedHeavy > 0)
      parts.push(
        `${plural(t.evictedHeavy, 'lighter long-lived conversation')} (at most ${plural(t.evictedMaxRecords, 'record')} each) ${t.evictedHeavy === 1 ? 'was' : 'were'} judged early to keep the heaviest with exact counts`,
      );
    out.push(
      `${plural(state.conversationsSeen, 'conversation')} in all. To keep memory bounded, ${parts.join(', and ')}.`,
    );
  }
  if (state.groups.evicted > 0) {
    out.push(
      `${plural(state.groups.evicted, 'small group')} of conversations (same outcome at the same server port) ${state.groups.evicted === 1 ? 'was' : 'were'} reduced to counts; the findings' "and more" figures include them.`,
    );
  }
  const late = state.outcomeCount('late-rejects');
  if (late > 0) {
    out.push(
      `${plural(late, 'conversation')} that otherwise worked had a few REJECTed packets (typically packets that arrive after the connection closed); they are not counted as faults.`,
    );
  }
  const oneWay = state.outcomeCount('one-way');
  if (oneWay > 0) {
    out.push(
      `${plural(oneWay, 'conversation')} had ACCEPTed records in one direction only, which prove nothing by themselves (a partial paste, one-way traffic, or a reply logged on another interface).`,
    );
  }
  if (state.uncorrelated > 0) {
    out.push(
      `${plural(state.uncorrelated, 'record')} had no srcaddr/dstaddr in their format and could not be put into conversations.`,
    );
  }
  if (state.outcomeCount('no-action') > 0) {
    out.push(
      `${plural(state.outcomeCount('no-action'), 'conversation')} came from a format without the action field, so ACCEPT/REJECT could not be judged.`,
    );
  }
  if (state.enis.size >= LIMITS.enis)
    out.push(`More than ${plural(LIMITS.enis, 'interface')}: the rest were pooled.`);
  return out;
}
