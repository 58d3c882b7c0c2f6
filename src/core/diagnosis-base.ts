import type { AnalysisContext, TextLine } from './analysis-context.js';
import { createFlowAnalyzer, type FlowAnalyzer } from './flowdiag/flow-analyzer.js';
import { FlowLogReader, type ReadView } from './flowlog/reader.js';
import type { ParseItem, ReaderWarning } from './flowlog/types.js';
import { ambiguousFormatFinding } from './reading/ambiguous-format-finding.js';
import { inputNotRecognizedFinding } from './reading/input-not-recognized-finding.js';
import { buildReport } from './report/build-report.js';
import { mergeNeedMoreInfo } from './report/merge-need-more-info.js';
import type { Finding, InputWarning, Report, ReportKind } from './report/schema.js';
import { noTopology, type TopologyAnalyzer } from './topology/topology-analysis.js';

export interface DiagnoseOptions {
  /** the flow log's format, when the user gave it (`${version} ${srcaddr} …` or plain names) */
  format?: string;
  /** the caller's clock; the core never reads one itself */
  now?: Date;
  /** reads the fast lane's lines instead of the layouts' own readers (see FlowLogReaderOptions.readView) */
  readView?: ReadView;
}

/** Text kept for the topology reader and for quoting: enough for any paste, bounded for huge files. */
const MAX_TEXT_LINES = 20_000;
const MAX_TEXT_CHARS = 2_000_000;
const MAX_INVALID_WARNINGS = 50;

/**
 * One diagnosis over a stream of lines: feed lines (or a whole text), then `finishWith()` for the
 * report. Memory stays bounded for inputs of any size. The topology reader is passed in at the end,
 * and only needed when the input has non-record text (see needsTopology): a large flow log's
 * diagnosis on the command line never loads it. `Diagnosis` (diagnose.ts) passes it for you.
 */
export class DiagnosisBase {
  private readonly reader: FlowLogReader;
  private readonly flow: FlowAnalyzer;
  private readonly kept: TextLine[] = [];
  private textChars = 0;
  private textDropped = 0;
  private readonly invalidWarnings: InputWarning[] = [];
  private invalidCount = 0;
  private readonly now: Date;

  constructor(options: DiagnoseOptions = {}) {
    this.now = options.now ?? new Date(0);
    this.flow = createFlowAnalyzer();
    const flow = this.flow;
    this.reader = new FlowLogReader({
      format: options.format,
      onItem: (item) => this.onItem(item),
      // clean records of a file read in place skip the item objects (see FlowState.addView)
      onRecord: flow.addView,
      readView: options.readView,
    });
  }

  line(raw: string): void {
    this.reader.line(raw);
  }

  /** Reads the line `text.slice(start, end)` in place (see FlowLogReader.lineIn). */
  lineIn(text: string, start: number, end: number): void {
    this.reader.lineIn(text, start, end);
  }

  text(text: string): void {
    this.reader.text(text);
  }

  private onItem(item: ParseItem): void {
    switch (item.kind) {
      case 'record':
      case 'skipped':
        this.flow.add(item);
        return;
      case 'invalid':
        // Lines unreadable only for want of their format are covered by one warning and NEED_MORE_INFO.
        if (!item.formatAmbiguous) this.invalidCount++;
        if (!item.formatAmbiguous && this.invalidWarnings.length < MAX_INVALID_WARNINGS) {
          this.invalidWarnings.push({
            code: 'invalid-line',
            line: item.line,
            message: `line ${item.line}: ${item.reason}`,
          });
        }
        this.keepText(item.line, item.text);
        return;
      case 'ignored':
        if (item.reason !== 'blank' && item.reason !== 'fence') this.keepText(item.line, item.text);
        return;
    }
  }

  private keepText(line: number, text: string): void {
    if (this.kept.length >= MAX_TEXT_LINES || this.textChars + text.length > MAX_TEXT_CHARS) {
      this.textDropped++;
      return;
    }
    this.kept.push({ line, text });
    this.textChars += text.length;
  }

  /** Whether the input has text besides records, which only the topology reader can read. */
  needsTopology(): boolean {
    return this.kept.length > 0;
  }

  /** The report; `topology` may be left out when {@link needsTopology} is false. */
  finishWith(topology: TopologyAnalyzer | undefined): Report {
    const { stats, warnings: readerWarnings } = this.reader.end();
    const context: AnalysisContext = { text: this.kept, stats, now: this.now };
    const flow = this.flow.finish(context);
    if (this.kept.length > 0 && topology === undefined)
      throw new Error('the input has non-record text: pass the topology reader (see needsTopology)');
    const topo = this.kept.length > 0 && topology ? topology(context, flow.findings) : noTopology();

    const superseded = new Set(topo.supersedes ?? []);
    const findings: Finding[] = [...flow.findings.filter((f) => !superseded.has(f)), ...topo.findings];
    const byLine = new Map(this.kept.map((t) => [t.line, t.text]));
    const ambiguous = ambiguousFormatFinding(readerWarnings, (l) => byLine.get(l));
    if (ambiguous) findings.unshift(ambiguous);

    const hasFlow = stats.records + stats.nodata + stats.skipdata > 0;
    const kind: ReportKind = hasFlow
      ? topo.recognised
        ? 'mixed'
        : 'flowlog'
      : topo.recognised
        ? 'topology'
        : 'unknown';
    if (kind === 'unknown' && findings.length === 0) findings.push(inputNotRecognizedFinding(stats.lines));

    const notes = [...flow.notes];
    if (this.textDropped > 0) {
      notes.push(
        `${this.textDropped} non-record lines beyond the first ${this.kept.length} were not read as topology.`,
      );
    }
    return buildReport({
      kind,
      findings: mergeNeedMoreInfo(findings),
      warnings: [
        ...readerWarningsToInput(readerWarnings),
        ...this.invalidWarnings,
        ...this.moreInvalid(),
        // topology input that could not be read: a YAML field, a compact-notation line
        ...topo.warnings,
      ],
      input: { ...stats, formats: stats.formats, topology: topo.summary },
      notes,
    });
  }

  private moreInvalid(): InputWarning[] {
    const more = this.invalidCount - this.invalidWarnings.length;
    return more > 0
      ? [{ code: 'invalid-line', message: `and ${more} more lines that could not be read` }]
      : [];
  }
}

function readerWarningsToInput(warnings: readonly ReaderWarning[]): InputWarning[] {
  return warnings.map((w) => ({
    code: w.code,
    message: w.message,
    ...(w.line !== undefined ? { line: w.line } : {}),
    ...(w.lines && w.lines.length > 0 ? { lines: w.lines } : {}),
  }));
}
