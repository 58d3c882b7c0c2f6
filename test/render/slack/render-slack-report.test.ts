import { describe, expect, it } from 'vitest';
import { ALL_FINDING_CODES } from '../../../src/core/report/codes.js';
import { renderSlackEphemeral, renderSlackReport } from '../../../src/render/slack/render-slack-report.js';
import { allText, slackLimitProblems } from '../../helpers/slack-limits-check.js';
import { everyCodeReport, syntheticFinding, syntheticReport } from '../../helpers/synthetic-report.js';

const INERT =
  '<!channel> <!here> <!everyone> <@U123> <#C0123|general> <http://evil.example|aws.amazon.com> & done';

describe('the Slack rendering of a report', () => {
  for (const code of ALL_FINDING_CODES) {
    it(`${code} renders within Block Kit limits, with its code, evidence lines, fixes and queries`, () => {
      const report = syntheticReport([syntheticFinding(code, 'error')]);
      const { verdict, thread } = renderSlackReport(report);
      expect(slackLimitProblems([verdict, ...thread])).toEqual([]);
      const text = allText(thread);
      expect(text).toContain(code);
      expect(text).toMatch(/```\nL3-4: 2 123456789012 eni-0c4d5e6f7a8b9c0d1/);
      expect(text).toContain('aws ec2 create-network-acl-entry');
      expect(text).toContain('resource "aws_network_acl_rule"');
      expect(text).toContain('fields @timestamp');
      expect(text).toContain('SELECT srcaddr');
      expect(text).toContain('7 more like these');
    });
  }

  it('every code with very long explanations, evidence and fixes still fits, split rather than cut', () => {
    const report = everyCodeReport({
      explanationChars: 7000,
      evidence: 60,
      evidenceChars: 400,
      terraformChars: 9000,
      commands: 12,
    });
    const { verdict, thread } = renderSlackReport(report, { maxThreadMessages: 1000 });
    expect(slackLimitProblems([verdict, ...thread])).toEqual([]);
    // Nothing is dropped: every finding is there, and every evidence item of the first one.
    const text = allText(thread);
    for (const code of ALL_FINDING_CODES) expect(text).toContain(code);
    for (const e of report.findings[0]!.evidence) expect(text).toContain(e.text.replace(/&/g, '&amp;'));
    expect(text).toContain('_continued:_');
  });

  it('a single evidence line longer than a section continues in the next block instead of being cut', () => {
    const f = syntheticFinding('TGW_PACKETS_LOST', 'error', { evidence: 1, evidenceChars: 8000 });
    const { thread } = renderSlackReport(syntheticReport([f]));
    expect(slackLimitProblems(thread)).toEqual([]);
    const code = allText(thread)
      .split('```')
      .filter((_, i) => i % 2 === 1)
      .join('')
      .replace(/\n/g, '');
    expect(code).toContain(f.evidence[0]!.text.replace(/&/g, '&amp;').replace(/\n/g, ''));
  });

  it('one thread reply per finding, most important first, each in order', () => {
    const report = syntheticReport([
      syntheticFinding('EXPECTED_SCANNER_TRAFFIC_REJECTED', 'info'),
      syntheticFinding('NACL_OUTBOUND_BLOCKS_RESPONSE', 'error'),
      syntheticFinding('LOG_SKIPPED_DATA', 'warning'),
    ]);
    const { verdict, thread } = renderSlackReport(report);
    expect(thread.map((m) => m.blocks[0]?.type === 'header' && m.blocks[0].text.text)).toEqual([
      '1/3 :x: Error · NACL_OUTBOUND_BLOCKS_RESPONSE',
      '2/3 :warning: Warning · LOG_SKIPPED_DATA',
      '3/3 :information_source: Info · EXPECTED_SCANNER_TRAFFIC_REJECTED',
    ]);
    const head = allText([verdict]);
    expect(head).toContain('1 error · 1 warning · 1 info');
    expect(head).toContain('Read 110 flow-log records');
    expect(head).toMatch(/NACL_OUTBOUND_BLOCKS_RESPONSE[\s\S]*LOG_SKIPPED_DATA` Synthetic log skipped data/);
  });

  it('beyond the thread limit, the remaining findings are listed by code and title, and it says so', () => {
    const report = everyCodeReport({ evidence: 20, terraformChars: 4000 });
    const { thread } = renderSlackReport(report, { maxThreadMessages: 10 });
    expect(thread.length).toBeLessThanOrEqual(10);
    expect(slackLimitProblems(thread)).toEqual([]);
    const text = allText(thread);
    expect(text).toMatch(/\d+ more findings not shown in full/);
    for (const code of ALL_FINDING_CODES) expect(text).toContain(code);
  });

  it('echoed text can never ping or link: <!channel>, <!here>, <@U123> and links are escaped everywhere', () => {
    const report = syntheticReport(
      [syntheticFinding('SG_INBOUND_BLOCKS', 'error', { inject: INERT, title: INERT })],
      {
        notes: [`note ${INERT}`],
        warnings: [{ code: 'invalid-line', line: 4, message: `line 4: ${INERT}` }],
      },
    );
    const { verdict, thread } = renderSlackReport(report, { source: `file ${INERT}.log` });
    const ephemeral = renderSlackEphemeral(report, { notice: 'private', source: INERT });
    for (const m of [verdict, ...thread, ...ephemeral]) {
      const json = JSON.stringify(m);
      expect(json).not.toMatch(/[<>]/);
      expect(json).toContain('&lt;!channel&gt;');
      expect(json).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
    expect(allText(thread)).toContain('&lt;@U123&gt;');
    expect(slackLimitProblems([verdict, ...thread, ...ephemeral])).toEqual([]);
  });

  it('a verdict longer than a header is shortened in the header and given whole beneath it', () => {
    const long = `Security group sg-0aa has no inbound rule for TCP 5432 from ${'10.20.1.17, '.repeat(30)}and more`;
    const report = syntheticReport([syntheticFinding('SG_INBOUND_BLOCKS', 'error', { title: long })]);
    const { verdict } = renderSlackReport(report);
    const head = verdict.blocks[0];
    expect(head?.type).toBe('header');
    if (head?.type !== 'header') return;
    expect(head.text.text.length).toBeLessThanOrEqual(150);
    expect(head.text.text.endsWith('…')).toBe(true);
    expect(allText([verdict])).toContain(long);
  });

  it('a report with no findings is a verdict alone', () => {
    const { verdict, thread } = renderSlackReport(syntheticReport([]));
    expect(allText([verdict])).toContain('No fault found in 110 records');
    expect(thread).toEqual([]);
  });

  it('the private fallback holds the notice, the verdict and the findings in at most 5 messages', () => {
    const report = everyCodeReport({ evidence: 10, terraformChars: 3000 });
    const messages = renderSlackEphemeral(report, { notice: ':lock: Only you can see this.' });
    expect(messages.length).toBeLessThanOrEqual(5);
    expect(slackLimitProblems(messages)).toEqual([]);
    const text = allText(messages);
    expect(text.indexOf('Only you can see this')).toBeLessThan(text.indexOf(report.findings[0]!.code));
    expect(text).toMatch(/more findings not shown in full[\s\S]*Invite the app/);
    for (const code of ALL_FINDING_CODES) expect(text).toContain(code);
  });

  it('a small report fits in one private message', () => {
    const report = syntheticReport([syntheticFinding('NACL_INBOUND_BLOCKS_RESPONSE', 'error')]);
    const messages = renderSlackEphemeral(report, { notice: 'n' });
    expect(messages).toHaveLength(1);
    expect(allText(messages)).toContain('NACL_INBOUND_BLOCKS_RESPONSE');
  });
});
