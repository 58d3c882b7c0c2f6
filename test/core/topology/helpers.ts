import { expect } from 'vitest';
import type { AnalysisContext, TextLine } from '../../../src/core/analysis-context.js';
import { diagnoseText } from '../../../src/core/diagnose.js';
import { FlowLogReader } from '../../../src/core/flowlog/reader.js';
import type { FindingCode } from '../../../src/core/report/codes.js';
import type { Finding, Report } from '../../../src/core/report/schema.js';
import { analyzeTopology } from '../../../src/core/topology/analyze-topology.js';
import type { TopologyAnalysis } from '../../../src/core/topology/topology-analysis.js';

export const NOW = new Date('2026-11-26T12:00:00Z');

/** The whole pipeline, as the CLI and the bots run it. */
export function diagnose(text: string, now: Date = NOW): Report {
  return diagnoseText(text, { now });
}

/** Every line of `text` as the non-record text of an input (no flow-log records). */
export function textContext(text: string, now: Date = NOW): AnalysisContext {
  const lines: TextLine[] = text.split('\n').map((t, i) => ({ line: i + 1, text: t }));
  return {
    text: lines.filter((l) => l.text.trim() !== ''),
    stats: {
      lines: lines.length,
      records: 0,
      tgwRecords: 0,
      nodata: 0,
      skipdata: 0,
      invalid: 0,
      ignored: lines.length,
      accept: 0,
      reject: 0,
      formats: [],
    },
    now,
  };
}

/** The topology analyzer alone, every line given as text (no flow-log records). */
export function analyze(text: string, flow: Finding[] = [], now: Date = NOW): TopologyAnalysis {
  return analyzeTopology(textContext(text, now), flow);
}

export function codes(findings: readonly Finding[]): FindingCode[] {
  return findings.map((f) => f.code);
}

export function find(findings: readonly Finding[], code: FindingCode): Finding {
  const f = findings.find((x) => x.code === code);
  expect(f, `expected ${code} among ${codes(findings).join(', ') || 'no findings'}`).toBeDefined();
  return f!;
}

/** Every line number that any evidence of the finding cites. */
export function evidenceLines(f: Finding): number[] {
  return [...new Set(f.evidence.flatMap((e) => e.lines))].sort((a, b) => a - b);
}

/** 1-based line number of the first (or, with `last`, the last) line containing `needle`. */
export function lineOf(text: string, needle: string, last = false): number {
  const lines = text.split('\n');
  const i = last
    ? lines.findLastIndex((l) => l.includes(needle))
    : lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line contains ${needle}`);
  return i + 1;
}

/**
 * The topology analyzer over a paste that may hold flow-log records, as the pipeline runs it: the
 * records are read (and left out of the text) by the flow-log reader, and `flow` stands for what the
 * flow-log rules concluded from them.
 */
export function analyzePaste(text: string, flow: Finding[] = [], now: Date = NOW): TopologyAnalysis {
  const kept: TextLine[] = [];
  const reader = new FlowLogReader({
    onItem: (it) => {
      if (it.kind === 'invalid' || (it.kind === 'ignored' && it.reason !== 'blank' && it.reason !== 'fence'))
        kept.push({ line: it.line, text: it.text });
    },
  });
  reader.text(text);
  const { stats } = reader.end();
  return analyzeTopology({ text: kept, stats, now }, flow);
}

/** A flow-log finding as the flow rules (issue 3) report it: a code, the records, and the conversation. */
export function flowFinding(
  code: FindingCode,
  subject: NonNullable<Finding['subject']>,
  lines: number[],
): Finding {
  return {
    code,
    severity: 'error',
    title: `${code} for ${subject.client} -> ${subject.server}:${subject.serverPort}`,
    explanation: 'from the flow-log records',
    evidence: [{ kind: 'record', lines, text: `records on lines ${lines.join(', ')}` }],
    fixes: [],
    subject,
  };
}
