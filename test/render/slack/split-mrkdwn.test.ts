import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, escapeToFit } from '../../../src/render/slack/escape-mrkdwn.js';
import { codeBlocks, splitMrkdwn } from '../../../src/render/slack/split-mrkdwn.js';

describe('splitting mrkdwn for Slack sections', () => {
  it('never makes a piece longer than the limit and loses no words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 5000 }), fc.integer({ min: 40, max: 600 }), (raw, max) => {
        const text = escapeMrkdwn(raw);
        const pieces = splitMrkdwn(text, max);
        for (const p of pieces) expect(p.length).toBeLessThanOrEqual(max);
        expect(pieces.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
    );
  });

  it('does not cut inside an entity', () => {
    const pieces = splitMrkdwn(escapeMrkdwn('<'.repeat(100)), 42);
    for (const p of pieces) expect(p).toMatch(/^(&lt;)+$/);
  });

  it('code blocks stay within the limit, keep lines whole where they fit, and carry every character', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 700 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 120, max: 3000 }),
        (lines, max) => {
          const raw = lines.join('\n');
          const blocks = codeBlocks(raw, max, 'Label:');
          for (const b of blocks) expect(b.length).toBeLessThanOrEqual(max);
          const inner = blocks.map((b) => b.replace(/^Label:\n/, '').slice(4, -4)).join('\n');
          const strip = (s: string) => s.replace(/\s/g, '').replace(/\u200b/g, '');
          expect(strip(inner)).toBe(strip(escapeMrkdwn(raw)));
        },
      ),
    );
  });

  it('a ``` inside the text cannot close the code block', () => {
    const [block] = codeBlocks('echo ```; rm -rf', 3000);
    expect(block!.slice(3, -3)).not.toContain('```');
  });

  it('escapeToFit shortens at a word and says so with an ellipsis', () => {
    const r = escapeToFit('a <b> & c '.repeat(40), 50);
    expect(r.shortened).toBe(true);
    expect(r.text.length).toBeLessThanOrEqual(50);
    expect(r.text.endsWith('…')).toBe(true);
    expect(r.text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    expect(escapeToFit('short', 50)).toEqual({ text: 'short', shortened: false });
  });
});
