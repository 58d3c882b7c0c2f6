import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../src/render/discord/escape-discord.js';
import { type Block, hardSplit, packBlocks, splitText } from '../../../src/render/discord/pack-blocks.js';

describe('packBlocks', () => {
  it('never makes a message longer than the limit, and drops no character of a code block', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({
              kind: fc.constant('text' as const),
              text: fc.string({ minLength: 1, maxLength: 900 }),
            }),
            fc.record({
              kind: fc.constant('code' as const),
              body: fc.array(fc.string({ maxLength: 700 }), { maxLength: 12 }).map((l) => l.join('\n')),
            }),
          ),
          { maxLength: 8 },
        ),
        fc.integer({ min: 120, max: 2000 }),
        (blocks, limit) => {
          const messages = packBlocks(
            blocks.map((b) => [b as Block]),
            limit,
          );
          for (const m of messages) expect(m.length).toBeLessThanOrEqual(limit);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a heading with its code block when they fit together', () => {
    const filler: Block[] = [{ kind: 'text', text: 'x'.repeat(1900) }];
    const group: Block[] = [
      { kind: 'text', text: '**Fix:** open the port' },
      {
        kind: 'code',
        lang: 'sh',
        body: 'aws ec2 authorize-security-group-ingress --group-id sg-0a1b --protocol tcp --port 5432 --source-group sg-0c2d',
      },
    ];
    const messages = packBlocks([filler, group], 2000);
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatch(/^\*\*Fix:\*\*/);
  });
});

describe('splitText and hardSplit', () => {
  it('split long prose at spaces, and never inside a surrogate pair or after an escaping backslash', () => {
    const text = escapeMarkdown('🙂_*'.repeat(1200));
    for (const part of splitText(text, 500)) {
      expect(part.length).toBeLessThanOrEqual(500);
      expect(part.charCodeAt(part.length - 1)).not.toSatisfy((c: number) => c >= 0xd800 && c <= 0xdbff);
      expect(part.match(/\\+$/)?.[0].length ?? 0).toSatisfy((n: number) => n % 2 === 0);
    }
    expect(splitText(text, 500).join('')).toBe(text);
  });

  it('hardSplit keeps every character', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), fc.integer({ min: 4, max: 400 }), (s, n) => {
        const parts = hardSplit(s, n, true);
        expect(parts.join('')).toBe(s);
        for (const p of parts) expect(p.length).toBeLessThanOrEqual(n);
      }),
    );
  });
});
