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

/**
 * Reads the non-record text as a network and finds every blocker on the path. `flowFindings` are the
 * flow-log rules' conclusions, so config can pin a REJECT on the exact rule.
 */
export function analyzeTopology(
  _context: AnalysisContext,
  _flowFindings: readonly Finding[],
): TopologyAnalysis {
  return { recognised: false, findings: [], warnings: [] };
}
