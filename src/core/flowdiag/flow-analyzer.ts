import type { AnalysisContext } from '../analysis-context.js';
import type { RecordItem, SkippedItem } from '../flowlog/types.js';
import type { Finding } from '../report/schema.js';

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

/** Placeholder until the flow-log rules land: gathers nothing, concludes nothing. */
export function createFlowAnalyzer(): FlowAnalyzer {
  return {
    add() {},
    finish() {
      return { findings: [], notes: [] };
    },
  };
}
