import type { Finding } from './schema.js';

/**
 * One question list, not several: when more than one step of the diagnosis could not settle things
 * (the flow-log format is ambiguous, the topology has several hypotheses…), their NEED_MORE_INFO
 * findings become one. The first keeps its title; explanations are joined, evidence and questions are
 * concatenated in order (the earlier finding's questions are the more basic ones), duplicates dropped.
 */
export function mergeNeedMoreInfo(findings: readonly Finding[]): Finding[] {
  const asks = findings.filter((f) => f.code === 'NEED_MORE_INFO');
  if (asks.length < 2) return [...findings];
  const [first, ...rest] = asks as [Finding, ...Finding[]];
  const questions = [...new Set(asks.flatMap((f) => f.questions ?? []))];
  const seen = new Set<string>();
  const evidence = asks
    .flatMap((f) => f.evidence)
    .filter((e) => {
      const key = `${e.lines.join(',')} ${e.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const merged: Finding = {
    ...first,
    explanation: asks.map((f) => f.explanation).join('\n\n'),
    evidence,
    evidenceOmitted: asks.reduce((n, f) => n + (f.evidenceOmitted ?? 0), 0) || undefined,
    fixes: asks.flatMap((f) => f.fixes),
    questions,
  };
  if (merged.evidenceOmitted === undefined) delete merged.evidenceOmitted;
  const dropped = new Set<Finding>(rest);
  return findings.filter((f) => !dropped.has(f)).map((f) => (f === first ? merged : f));
}
