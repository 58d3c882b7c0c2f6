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

describe('a flow-log finding pinned on a rule by pasted config', () => {
  it('keeps the confirm queries of the flow-log finding it replaces', () => {
    const report = diagnoseText(
      [
        'health checks from the ALB (10.40.0.87) to the target 10.40.10.23:8080 time out',
        '{"NetworkAcls": [{"NetworkAclId": "acl-07c3e1d2b9a4f5e60", "VpcId": "vpc-0a7d3e9c1b5f2468e", "IsDefault": false,',
        ' "Associations": [{"NetworkAclId": "acl-07c3e1d2b9a4f5e60", "SubnetId": "subnet-0a9b8c7d6e5f4a3b2"}],',
        ' "Entries": [',
        '  {"CidrBlock": "0.0.0.0/0", "Egress": true, "Protocol": "6", "PortRange": {"From": 443, "To": 443}, "RuleAction": "allow", "RuleNumber": 100},',
        '  {"CidrBlock": "0.0.0.0/0", "Egress": true, "Protocol": "-1", "RuleAction": "deny", "RuleNumber": 32767},',
        '  {"CidrBlock": "10.40.0.0/23", "Egress": false, "Protocol": "6", "PortRange": {"From": 8080, "To": 8080}, "RuleAction": "allow", "RuleNumber": 100},',
        '  {"CidrBlock": "0.0.0.0/0", "Egress": false, "Protocol": "-1", "RuleAction": "deny", "RuleNumber": 32767}]}]}',
        '2 381492650217 eni-0c2d7e5f8a9b1c3d4 10.40.0.87 10.40.10.23 18422 8080 6 3 180 1718953321 1718953378 ACCEPT OK',
        '2 381492650217 eni-0c2d7e5f8a9b1c3d4 10.40.10.23 10.40.0.87 8080 18422 6 4 240 1718953321 1718953378 REJECT OK',
      ].join('\n'),
    );
    const pinned = report.findings.find((f) => f.code === 'NACL_OUTBOUND_BLOCKS_RESPONSE');
    expect(pinned?.subject?.resourceIds).toContain('acl-07c3e1d2b9a4f5e60');
    expect(pinned?.confirm?.logsInsights).toMatch(/eni-0c2d7e5f8a9b1c3d4/);
    expect(pinned?.confirm?.athena).toMatch(/vpc_flow_logs/);
  });
});
