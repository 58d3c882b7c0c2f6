import { describe, expect, it } from 'vitest';
import { ALL_FINDING_CODES } from '../../../src/core/report/codes.js';
import { DISCORD_LIMITS, limitViolations } from '../../../src/render/discord/discord-limits.js';
import { LINE_CONTINUES } from '../../../src/render/discord/pack-blocks.js';
import { renderDiscordReport } from '../../../src/render/discord/render-discord-report.js';
import { SEVERITY_STYLE } from '../../../src/render/discord/severity-style.js';
import {
  everyCodeReport,
  record,
  syntheticFinding,
  syntheticReport,
} from '../../helpers/discord-synthetic-report.js';

/** The text of the messages with fences, continuation markers and all whitespace removed. */
function flat(messages: readonly string[]): string {
  return messages
    .join('\n')
    .replaceAll(LINE_CONTINUES, '')
    .replace(/```[a-z]*/g, '')
    .replace(/\s+/g, '');
}

describe('renderDiscordReport keeps every part within Discord limits', () => {
  for (const code of ALL_FINDING_CODES) {
    it(`${code} with very long evidence, fixes and prose renders within limits, nothing cut`, () => {
      const finding = syntheticFinding(code, { evidence: 60, proseRepeat: 12, hugeLine: true });
      const out = renderDiscordReport(syntheticReport([finding]));
      expect(limitViolations(out.verdict)).toEqual([]);
      expect(out.thread.length).toBeGreaterThan(1);
      for (const m of out.thread) {
        expect(m.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
        expect(limitViolations({ content: m })).toEqual([]);
        // every code block is closed in the message that opened it
        expect((m.match(/```/g) ?? []).length % 2).toBe(0);
      }
      const all = flat(out.thread);
      for (const e of finding.evidence) expect(all).toContain(e.text.replace(/\s+/g, ''));
      for (const c of finding.fixes[0]!.commands) expect(all).toContain(c.replace(/\s+/g, ''));
      expect(all).toContain(finding.fixes[0]!.terraform!.replace(/\s+/g, ''));
      expect(all).toContain(finding.confirm!.athena.replace(/\s+/g, ''));
      expect(all).toContain(code);
    });
  }

  it('a report with every code at once gives one verdict embed within limits and a thread in severity order', () => {
    const report = everyCodeReport({ evidence: 8 });
    const out = renderDiscordReport(report);
    expect(limitViolations(out.verdict)).toEqual([]);
    expect(out.threadName.length).toBeLessThanOrEqual(DISCORD_LIMITS.threadName);
    for (const m of out.thread) expect(m.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    const text = out.thread.join('\n');
    const positions = report.findings.map((_f, i) => text.indexOf(`**${i + 1}/${report.findings.length} · `));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // most important first: every error before every warning before every info
    const severities = report.findings.map((f) => f.severity);
    expect(severities.indexOf('warning')).toBeGreaterThan(severities.lastIndexOf('error'));
    expect(severities.indexOf('info')).toBeGreaterThan(severities.lastIndexOf('warning'));
  });

  it('each finding starts a new message', () => {
    const report = syntheticReport([
      syntheticFinding('SG_INBOUND_BLOCKS', { evidence: 1 }),
      syntheticFinding('LOG_SKIPPED_DATA', { evidence: 1 }),
    ]);
    const out = renderDiscordReport(report);
    const starts = out.thread.filter((m) => /^\S+ \*\*\d+\/2 · /.test(m));
    expect(starts).toHaveLength(2);
  });

  it('the verdict lists as many findings as fit and says how many more are in the thread', () => {
    const findings = Array.from({ length: 80 }, (_, i) => {
      const f = syntheticFinding(ALL_FINDING_CODES[i % ALL_FINDING_CODES.length]!, { evidence: 1 });
      return {
        ...f,
        title: `${f.title} — ${'a long, specific title that names every resource involved '.repeat(2)}${i}`,
      };
    });
    const out = renderDiscordReport(syntheticReport(findings));
    const d = out.verdict.embeds![0]!.description!;
    expect(limitViolations(out.verdict)).toEqual([]);
    const more = d.match(/…and (\d+) more in the thread\./);
    expect(more).not.toBeNull();
    const listed = d.split('\n').filter((l) => /^\S+ `[A-Z_]+` /.test(l)).length;
    expect(listed + Number(more![1])).toBe(80);
  });

  it('a verdict longer than an embed title moves, whole, into the description', () => {
    const long = syntheticFinding('NACL_INBOUND_BLOCKS_REQUEST');
    long.title = `NACL acl-0c4e8a2f6b1d3e5a7 rule 90 denies ${'10.40.2.0/24 '.repeat(40)}`.trim();
    const out = renderDiscordReport(syntheticReport([long]));
    const e = out.verdict.embeds![0]!;
    expect(e.title!.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect(e.title).toMatch(/…$/);
    expect(e.description).toContain(long.title.replace(/\//g, '/'));
  });

  it('input warnings and notes follow the findings', () => {
    const report = syntheticReport([syntheticFinding('SG_OUTBOUND_BLOCKS', { evidence: 1 })], {
      warnings: [
        { code: 'invalid-line', line: 7, message: 'line 7: 13 fields where the default format has 14' },
      ],
      notes: ['3,120 conversations beyond the first 2,000 were summarised.'],
    });
    const out = renderDiscordReport(report);
    const last = out.thread.at(-1)!;
    expect(last).toContain('line 7: 13 fields');
    expect(last).toContain('3,120 conversations');
    expect(out.thread[0]).toContain('SG_OUTBOUND_BLOCKS');
  });
});

describe('the verdict embed is coloured by the worst severity', () => {
  it('red for an error, orange for warnings only, green with nothing wrong, grey for a question', () => {
    const color = (codes: Parameters<typeof syntheticFinding>[0][]) =>
      renderDiscordReport(syntheticReport(codes.map((c) => syntheticFinding(c)))).verdict.embeds![0]!.color;
    expect(color(['LOG_SKIPPED_DATA', 'SG_INBOUND_BLOCKS'])).toBe(SEVERITY_STYLE.error.color);
    expect(color(['LOG_SKIPPED_DATA', 'EXPECTED_SCANNER_TRAFFIC_REJECTED'])).toBe(
      SEVERITY_STYLE.warning.color,
    );
    const ok = color(['EXPECTED_SCANNER_TRAFFIC_REJECTED']);
    const none = color([]);
    expect(ok).toBe(none);
    expect([SEVERITY_STYLE.error.color, SEVERITY_STYLE.warning.color]).not.toContain(ok);
    const question = color(['NEED_MORE_INFO']);
    expect([ok, SEVERITY_STYLE.error.color, SEVERITY_STYLE.warning.color]).not.toContain(question);
  });
});

describe('account IDs', () => {
  const report = syntheticReport([syntheticFinding('NACL_OUTBOUND_BLOCKS_RESPONSE', { evidence: 3 })]);

  it('are masked everywhere when asked (public channels), keeping the last four digits', () => {
    const out = renderDiscordReport(report, {
      maskAccountIds: true,
      source: 'flows-409217365528.log (lines 1–6)',
    });
    const everything = [JSON.stringify(out.verdict), out.threadName, ...out.thread].join('\n');
    expect(everything).not.toContain('409217365528');
    expect(everything).toContain('xxxxxxxx5528');
    expect(out.verdict.embeds![0]!.footer!.text).toMatch(/masked/);
  });

  it('are shown as they are otherwise (DMs)', () => {
    const out = renderDiscordReport(report, { maskAccountIds: false });
    expect(out.thread.join('\n')).toContain(record(0));
  });

  it('masking leaves 12-digit runs inside resource IDs and longer numbers alone', () => {
    const f = syntheticFinding('ROUTE_BLACKHOLE', { evidence: 0 });
    f.explanation = 'vpc-0a123456789012b3 and bytes 1234567890123 and arn:aws:iam::210987654321:role/app';
    const text = renderDiscordReport(syntheticReport([f]), { maskAccountIds: true }).thread.join('\n');
    expect(text).toContain('vpc-0a123456789012b3');
    expect(text).toContain('1234567890123');
    expect(text).toContain('xxxxxxxx4321');
    expect(text).not.toContain('210987654321');
  });
});

describe('echoed text is inert', () => {
  const hostile = syntheticFinding('SG_INBOUND_SOURCE_MISMATCH', { evidence: 0 });
  hostile.title =
    '@everyone look: <@&412345678901234567> **urgent** [aws.amazon.com](https://evil.example/x)';
  hostile.explanation =
    'ping <@298765432109876543> and @here; rule `sg-0123abcd` stays code\n# not a heading\n> not a quote';
  hostile.evidence = [
    { kind: 'text', lines: [3], text: '```\n@everyone escaped the fence? <@&412345678901234567>' },
  ];
  hostile.questions = ['<#1093000000000001234> or </diagnose:1187000000000000100>'];
  const out = renderDiscordReport(syntheticReport([hostile]));
  const all = [JSON.stringify(out.verdict.embeds), ...out.thread].join('\n');

  it('mentions cannot be parsed: @everyone/@here are broken, and every < is escaped outside code', () => {
    expect(all).not.toMatch(/@(everyone|here)/);
    const outsideCode = out.thread
      .join('\n')
      .replace(/```[\s\S]*?```/g, '')
      .replace(/`[^`\n]*`/g, '');
    expect(outsideCode).not.toMatch(/(^|[^\\])<[@#/]/);
  });

  it('markdown in echoed titles is escaped, while code spans from the prose stay code', () => {
    expect(out.thread[0]).toContain('\\*\\*urgent\\*\\*');
    expect(out.thread[0]).toContain('\\[aws.amazon.com\\]');
    expect(out.thread[0]).toContain('`sg-0123abcd`');
    expect(out.thread[0]).toContain('\\# not a heading');
    expect(out.thread[0]).toContain('\\> not a quote');
  });

  it('a fence inside evidence does not close the code block', () => {
    for (const m of out.thread) expect((m.match(/```/g) ?? []).length % 2).toBe(0);
  });
});
