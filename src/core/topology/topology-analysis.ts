import type { AnalysisContext } from '../analysis-context.js';
import type { Finding, InputWarning } from '../report/schema.js';

export interface TopologyAnalysis {
  /** true when the text held a topology (described, compact notation, YAML/JSON or describe-* output) */
  recognised: boolean;
  /** one line on what was read, e.g. "3 VPCs, 2 peerings, 4 route tables" */
  summary?: string;
  findings: Finding[];
  warnings: InputWarning[];
  /**
   * Flow-log findings (by identity, from `flowFindings`) that these findings make redundant: a
   * generic INBOUND_REQUEST_REJECTED once config shows the SG rule that drops it. They are left out
   * of the report.
   */
  supersedes?: readonly Finding[];
}

/** What reads the non-record text as a network (see analyze-topology.ts). */
export type TopologyAnalyzer = (
  context: AnalysisContext,
  flowFindings: readonly Finding[],
) => TopologyAnalysis;

/**
 * The analysis of an input with no non-record text: a topology is only ever read from text, so there
 * is nothing to read and nothing to find (the CLI then does not load the topology reader at all).
 */
export function noTopology(): TopologyAnalysis {
  return { recognised: false, findings: [], warnings: [] };
}
