import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { interactive } from '../../src/adapters/cli/interactive.js';

async function session(input: string): Promise<string> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d) => {
    out += d;
  });
  const done = interactive(stdin, stdout);
  stdin.end(input);
  await done;
  return out;
}

describe('the local interactive session (npm start without tokens)', () => {
  it('diagnoses what was pasted when an empty line follows, verdict first', async () => {
    const out = await session(
      '2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK\n\n',
    );
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/1 record/);
    expect(lines[1]).toMatch(/Read 1 flow-log record/);
  });

  it('answers each paste separately', async () => {
    const out = await session('just words\n\nmore words\n\n');
    expect(out.match(/INPUT_NOT_RECOGNIZED/g)?.length).toBe(2);
  });

  it('diagnoses a file when a line names one', async () => {
    const out = await session('examples/scanners-ok.log\n');
    expect(out).toMatch(/Read 10 flow-log records/);
  });
});
