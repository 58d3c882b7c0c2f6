import { type DiagnoseOptions, DiagnosisBase } from './diagnosis-base.js';
import type { Report } from './report/schema.js';
import { analyzeTopology } from './topology/analyze-topology.js';

export type { DiagnoseOptions } from './diagnosis-base.js';

/**
 * One diagnosis over a stream of lines, flow logs and topology alike: feed lines (or a whole text),
 * then `finish()` for the report. Memory stays bounded for inputs of any size.
 */
export class Diagnosis extends DiagnosisBase {
  finish(): Report {
    return this.finishWith(analyzeTopology);
  }
}

/** Diagnoses a whole paste (a chat message, a modal, a small file). */
export function diagnoseText(text: string, options: DiagnoseOptions = {}): Report {
  const d = new Diagnosis(options);
  d.text(text);
  return d.finish();
}
