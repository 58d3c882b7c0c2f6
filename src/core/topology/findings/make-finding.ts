import type { FindingCode } from '../../report/codes.js';
import type { Evidence, Finding, Fix, Severity, Subject } from '../../report/schema.js';
import type { Source } from '../model/types.js';

/** Evidence from where a fact was read. */
export function ev(src: Source | undefined, note?: string): Evidence[] {
  if (!src) return [];
  return [{ kind: src.kind, lines: [...src.lines], text: src.text, ...(note ? { note } : {}) }];
}

export interface FindingParts {
  code: FindingCode;
  severity: Severity;
  title: string;
  explanation: string;
  evidence: (Evidence | Evidence[] | undefined)[];
  fixes?: Fix[];
  questions?: string[];
  subject?: Subject;
}

const MAX_EVIDENCE = 8;

/** A finding with its evidence de-duplicated (same lines and text) and capped. */
export function makeFinding(p: FindingParts): Finding {
  const seen = new Set<string>();
  const all: Evidence[] = [];
  for (const e of p.evidence.flat()) {
    if (!e) continue;
    const k = `${e.kind}|${e.lines.join(',')}|${e.text}`;
    if (seen.has(k)) continue;
    seen.add(k);
    all.push(e);
  }
  const evidence = all.slice(0, MAX_EVIDENCE);
  return {
    code: p.code,
    severity: p.severity,
    title: p.title,
    explanation: p.explanation,
    evidence,
    ...(all.length > evidence.length ? { evidenceOmitted: all.length - evidence.length } : {}),
    fixes: p.fixes ?? [],
    ...(p.questions?.length ? { questions: p.questions } : {}),
    ...(p.subject ? { subject: p.subject } : {}),
  };
}
