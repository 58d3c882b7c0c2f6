import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/from ['"]node:/, 'a node:* import (I/O belongs in adapters or src/io)'],
  [
    /from ['"](fs|path|http|https|net|os|zlib|child_process|crypto|stream|readline)['"]/,
    'a Node built-in import',
  ],
  [/from ['"](@slack\/|discord\.js|@discordjs\/|undici|commander)/, 'a platform SDK or CLI import'],
  [/process\.(env|stdout|stderr|stdin|argv|exit)/, 'process access'],
  [/Date\.now\(|new Date\(\)|performance\.now\(/, 'reading the clock (pass `now` in)'],
  [/Math\.random\(/, 'randomness'],
  [/\bconsole\./, 'console output'],
];

describe('the core and the renderers are pure', () => {
  it('the checks recognise I/O, env, clock and SDK use when they see it', () => {
    const bad = [
      "import { readFileSync } from 'node:fs';",
      "import { App } from '@slack/bolt';",
      'const t = process.env.SLACK_BOT_TOKEN;',
      'const now = Date.now();',
    ];
    for (const line of bad) expect(FORBIDDEN.some(([re]) => re.test(line))).toBe(true);
    expect(FORBIDDEN.some(([re]) => re.test("import { z } from 'zod';"))).toBe(false);
  });

  for (const dir of ['src/core', 'src/render']) {
    const files = sources(join(ROOT, dir));
    it(`${dir} has source files to check`, () => {
      expect(files.length).toBeGreaterThanOrEqual(3);
    });
    for (const file of files) {
      it(`${relative(ROOT, file)} does no I/O, reads no env and no clock`, () => {
        const text = readFileSync(file, 'utf8');
        const problems = FORBIDDEN.filter(([re]) => re.test(text)).map(([, what]) => what);
        expect(problems).toEqual([]);
      });
    }
  }
});
