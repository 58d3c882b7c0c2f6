import { DiagnosisBase } from '../../core/diagnosis-base.js';
import type { Report, Severity } from '../../core/report/schema.js';
import type { TopologyAnalyzer } from '../../core/topology/topology-analysis.js';
import { inputSize } from '../../io/open-input.js';
import { ViewRingError } from '../../io/view-ring.js';
import { renderMarkdown } from '../../render/markdown.js';
import { renderTerminal } from '../../render/terminal.js';
import { Output } from './output.js';
import { aCoreIsFree, startLineReadingThread, worthASecondThread } from './parallel-lines.js';
import { readInputLines } from './read-input.js';

export interface DiagnoseCommandOptions {
  json?: boolean;
  markdown?: boolean;
  format?: string;
  color?: boolean;
  failOn?: Severity | 'never';
  /** `--threads`: auto (two for a large plain file when a core is free), 1, or 2 (whenever the file allows) */
  threads?: 'auto' | '1' | '2';
}

/** `vpcdiag diagnose FILE|-`: the report; exit code 1 when a finding is at or above `--fail-on`. */
export async function diagnoseCommand(path: string, options: DiagnoseCommandOptions): Promise<number> {
  const threads = options.threads === '1' ? 'one' : options.threads === '2' ? 'free' : 'auto';
  const report = await diagnoseInput(path, options.format, new Date(), threads);
  const out = new Output();
  if (options.json) out.line(JSON.stringify(report, null, 2));
  else if (options.markdown) out.line(renderMarkdown(report).trimEnd());
  else out.line(renderTerminal(report, { color: options.color ?? false }).trimEnd());
  await out.flush();
  const failOn = options.failOn ?? 'error';
  if (failOn === 'never') return 0;
  const failing =
    failOn === 'info'
      ? ['error', 'warning', 'info']
      : failOn === 'warning'
        ? ['error', 'warning']
        : ['error'];
  return report.findings.some((f) => failing.includes(f.severity)) ? 1 : 0;
}

/**
 * The report on a file or stdin. A large plain file is read on two threads when a core is free (see
 * parallel-lines.ts):
 * the same report, sooner. Should the threads fall out of step, it is read again on one. `threads`
 * forces one way or the other (tests; 'two' waits for every reading from the second thread, and still
 * reads stdin and gzip on one); 'free' is `--threads 2`: two threads for any large plain file, without
 * asking whether a core is free. `onThreads` learns how many lines' readings were handed over.
 */
export async function diagnoseInput(
  path: string,
  format: string | undefined,
  now: Date,
  threads: 'auto' | 'one' | 'two' | 'free' = 'auto',
  onThreads?: (counts: { handed: number; readHere: number }) => void,
): Promise<Report> {
  const size = path === '-' ? undefined : inputSize(path);
  const two =
    threads === 'two'
      ? worthASecondThread(path, size, 0)
      : threads !== 'one' && worthASecondThread(path, size) && (threads === 'free' || aCoreIsFree());
  if (two) {
    const thread = startLineReadingThread(path, format, threads === 'two');
    let diagnosis: DiagnosisBase;
    try {
      diagnosis = new DiagnosisBase({ format, now, readView: thread.readView });
      await readInputLines(path, (t, s, e) => diagnosis.lineIn(t, s, e));
    } catch (err) {
      await thread.finish();
      // 'two' (tests) never hides a fault
      if (threads === 'two' || !(err instanceof ViewRingError)) throw err;
      return diagnoseInput(path, format, now, 'one');
    }
    onThreads?.(await thread.finish());
    return diagnosis.finishWith(await topologyFor(diagnosis));
  }
  const diagnosis = new DiagnosisBase({ format, now });
  await readInputLines(path, (t, s, e) => diagnosis.lineIn(t, s, e));
  return diagnosis.finishWith(await topologyFor(diagnosis));
}

/**
 * The topology reader, loaded only for an input that has non-record text: it is most of the CLI's code
 * (with its YAML and schema libraries), which a flow log's diagnosis need not compile at start-up.
 */
async function topologyFor(diagnosis: DiagnosisBase): Promise<TopologyAnalyzer | undefined> {
  if (!diagnosis.needsTopology()) return undefined;
  return (await import('../../core/topology/analyze-topology.js')).analyzeTopology;
}
