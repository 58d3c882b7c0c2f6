import type { ReaderStats } from './flowlog/types.js';

/** A line of the input that was not a flow-log record: prose, config JSON, a topology sentence. */
export interface TextLine {
  line: number;
  text: string;
}

/** What every analysis step may look at besides its own input. */
export interface AnalysisContext {
  /** lines that were not records, in input order, with their original line numbers (capped) */
  text: readonly TextLine[];
  /** counts from the flow-log reader */
  stats: ReaderStats;
  /** the caller's clock, for anything time-relative (peering requests expire after 7 days) */
  now: Date;
}
