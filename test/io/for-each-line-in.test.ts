import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { forEachLineIn } from '../../src/io/for-each-line-in.js';
import { inputChunks } from '../../src/io/open-input.js';

async function lines(chunks: Buffer[]): Promise<string[]> {
  const out: string[] = [];
  async function* gen() {
    for (const c of chunks) yield c;
  }
  await forEachLineIn(gen(), (t, s, e) => out.push(t.slice(s, e)));
  return out;
}

describe('splitting a byte stream into lines', () => {
  it('joins lines split across chunks and drops CR of CRLF', async () => {
    expect(await lines([Buffer.from('one\r\ntw'), Buffer.from('o\r'), Buffer.from('\nthree')])).toEqual([
      'one',
      'two',
      'three',
    ]);
  });

  it('keeps a multi-byte character split across chunks intact', async () => {
    const bytes = Buffer.from('ascii line\nsubnet-0б12 here\nlast\n');
    const cut = bytes.indexOf(Buffer.from('б')) + 1; // in the middle of the two-byte character
    expect(await lines([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual([
      'ascii line',
      'subnet-0б12 here',
      'last',
    ]);
  });

  it('keeps an empty line as a line', async () => {
    expect(await lines([Buffer.from('a\n\nb\n')])).toEqual(['a', '', 'b']);
  });
});

describe('opening input', () => {
  it('gunzips input that starts with the gzip magic bytes', async () => {
    const gz = gzipSync(Buffer.from('2 123456789010 eni-1 ...\nsecond\n'));
    const stream = Readable.from([gz.subarray(0, 5), gz.subarray(5)]);
    const out: string[] = [];
    await forEachLineIn(inputChunks(stream), (t, s, e) => out.push(t.slice(s, e)));
    expect(out).toEqual(['2 123456789010 eni-1 ...', 'second']);
  });

  it('passes plain input through untouched', async () => {
    const out: string[] = [];
    await forEachLineIn(inputChunks(Readable.from([Buffer.from('x\ny')])), (t, s, e) =>
      out.push(t.slice(s, e)),
    );
    expect(out).toEqual(['x', 'y']);
  });

  it('reads gzip members concatenated in one file, as some tools write them', async () => {
    const gz = Buffer.concat([gzipSync(Buffer.from('a\n')), gzipSync(Buffer.from('b\n'))]);
    const out: string[] = [];
    await forEachLineIn(inputChunks(Readable.from([gz])), (t, s, e) => out.push(t.slice(s, e)));
    expect(out).toEqual(['a', 'b']);
  });
});
