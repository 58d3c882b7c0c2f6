import { describe, expect, it } from 'vitest';
import { diagnoseText } from '../../src/core/diagnose.js';
import { mergeNeedMoreInfo } from '../../src/core/report/merge-need-more-info.js';
import type { Finding } from '../../src/core/report/schema.js';

const ask = (title: string, lines: number[], questions: string[]): Finding => ({
  code: 'NEED_MORE_INFO',
  severity: 'info',
  title,
  explanation: `${title} because`,
  evidence: lines.map((l) => ({ kind: 'text', lines: [l], text: `line ${l}` })),
  fixes: [],
  questions,
});

describe('asking for more information once', () => {
  it('merges several NEED_MORE_INFO findings into the first, questions in order and without repeats', () => {
    const other: Finding = { ...ask('x', [], []), code: 'LOG_NO_DATA' };
    const out = mergeNeedMoreInfo([
      ask('format', [7, 8], ['q1', 'q2']),
      other,
      ask('hypotheses', [1, 7], ['q2', 'q3']),
    ]);
    expect(out.map((f) => f.code)).toEqual(['NEED_MORE_INFO', 'LOG_NO_DATA']);
    expect(out[0]!.title).toBe('format');
    expect(out[0]!.questions).toEqual(['q1', 'q2', 'q3']);
    expect(out[0]!.evidence.map((e) => e.lines[0])).toEqual([7, 8, 1]);
  });

  it('leaves a single NEED_MORE_INFO alone', () => {
    const one = ask('only', [1], ['q']);
    expect(mergeNeedMoreInfo([one])).toEqual([one]);
  });

  it('asks for the format first when headerless records cannot be ordered and the path is unclear too', () => {
    const report = diagnoseText(
      [
        'envoy (10.44.3.87) -> orders-api (10.44.9.12) on 8443 times out, sg or nacl?',
        'REJECT 180 10.44.9.12 8443 1731575534 eni-0b3c5d7e9f1a3b5c7 OK 3 6 10.44.3.87 51724 1731575531',
        'REJECT 180 10.44.9.12 8443 1731575547 eni-0b3c5d7e9f1a3b5c7 OK 3 6 10.44.3.87 51740 1731575544',
      ].join('\n'),
    );
    const asks = report.findings.filter((f) => f.code === 'NEED_MORE_INFO');
    expect(asks).toHaveLength(1);
    expect(asks[0]!.questions?.[0]).toMatch(/describe-flow-logs/);
    expect(asks[0]!.evidence.flatMap((e) => e.lines)).toEqual(expect.arrayContaining([2, 3]));
    // one warning for the ambiguous layout, not one per line
    expect(report.warnings.filter((w) => w.code === 'invalid-line')).toHaveLength(0);
    expect(report.warnings.filter((w) => w.code === 'format-ambiguous')).toHaveLength(1);
  });
});
