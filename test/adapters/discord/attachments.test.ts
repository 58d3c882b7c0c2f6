import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { flowLogFile, gz } from './flow-log-fixture.js';
import { gatewayHarness } from './harness.js';
import { APP_ID, slashDiagnose } from './payloads.js';

let h: Awaited<ReturnType<typeof gatewayHarness>>;
afterEach(async () => h?.close());

const verdictOf = () => h.api.calls.find((c) => c.method === 'PATCH')?.body.embeds[0];
const apologyOf = (token: string) =>
  h.api.calls.find((c) => c.path === `/webhooks/${APP_ID}/${token}` && c.body.flags & (1 << 6))?.body.content;

describe('/diagnose file:', () => {
  it('downloads a .log.gz, gunzips it and says what it read, with line numbers per part', async () => {
    h = await gatewayHarness();
    const text = flowLogFile(250);
    const body = gz(text);
    const url = h.api.file('vpc-flow-2026-11-30.log.gz', body);
    await h.send(slashDiagnose({ file: { filename: 'vpc-flow-2026-11-30.log.gz', url, size: body.length } }));
    const verdict = verdictOf();
    expect(verdict.description).toContain('Read 250 flow-log records');
    expect(verdict.description).toContain('vpc-flow-2026-11-30.log.gz (lines 1–251, gzip)');
  });

  it('gunzips by the magic bytes, whatever the file is called', async () => {
    h = await gatewayHarness();
    const body = gz(flowLogFile(40));
    const url = h.api.file('flows.txt', body);
    await h.send(slashDiagnose({ file: { filename: 'flows.txt', url, size: body.length } }));
    expect(verdictOf().description).toContain('Read 40 flow-log records');
    expect(verdictOf().description).toContain('gzip');
  });

  it('reads the text and the file as one input, text first, line numbers running on (a trailing line break is no line)', async () => {
    h = await gatewayHarness();
    const url = h.api.file('more.log', flowLogFile(10));
    const text = flowLogFile(3).split('\n').slice(1).join('\n');
    await h.send(slashDiagnose({ text, file: { filename: 'more.log', url, size: 900 } }));
    expect(verdictOf().description).toContain('Read 13 flow-log records');
    expect(verdictOf().description).toContain('the pasted text (lines 1–3) and more.log (lines 4–14)');
  });

  it('a file over the size limit gets a private answer at once, without a download or a deferral', async () => {
    h = await gatewayHarness({ limits: { maxBytes: 1024 * 1024 } });
    const url = h.api.file('huge.log', 'never served');
    const payload = slashDiagnose({ file: { filename: 'huge.log', url, size: 25 * 1024 * 1024 } });
    await h.send(payload);
    expect(h.api.trail()).toEqual([`POST /interactions/${payload.id}/${payload.token}/callback`]);
    const answer = h.api.calls[0]!.body;
    expect(answer.type).toBe(4);
    expect(answer.data.flags).toBe(1 << 6);
    expect(answer.data.content).toMatch(/huge\.log is 25 MB, more than the 1 MB I read/);
  });

  it('a file that turns out bigger than Discord said is cut off at the limit, with a private apology', async () => {
    h = await gatewayHarness({ limits: { maxBytes: 64 * 1024 } });
    const url = h.api.file('lying.log', flowLogFile(3000));
    const payload = slashDiagnose({ file: { filename: 'lying.log', url, size: 2000 } });
    await h.send(payload);
    expect(h.api.trail()).toContain(`DELETE /webhooks/${APP_ID}/${payload.token}/messages/@original`);
    expect(apologyOf(payload.token)).toMatch(/lying\.log is .* more than the 64 KB I read/);
    expect(h.api.calls.some((c) => c.method === 'PATCH')).toBe(false);
  });

  it('a gzip bomb stops at the decompressed limit', async () => {
    h = await gatewayHarness({ limits: { maxTextBytes: 256 * 1024 } });
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x41));
    const url = h.api.file('flows.log.gz', bomb);
    const payload = slashDiagnose({ file: { filename: 'flows.log.gz', url, size: bomb.length } });
    await h.send(payload);
    expect(apologyOf(payload.token)).toMatch(/decompresses to more than 256 KB/);
  });

  it('a truncated .gz is reported as such', async () => {
    h = await gatewayHarness();
    const cut = gz(flowLogFile(500)).subarray(0, 400);
    const url = h.api.file('cut.log.gz', cut);
    const payload = slashDiagnose({ file: { filename: 'cut.log.gz', url, size: cut.length } });
    await h.send(payload);
    expect(apologyOf(payload.token)).toMatch(
      /cut\.log\.gz starts like a gzip file but could not be decompressed/,
    );
  });

  it('a file that is not .log, .txt or .gz is refused privately, before downloading', async () => {
    h = await gatewayHarness();
    const url = h.api.file('diagram.png', randomBytes(64));
    const payload = slashDiagnose({ file: { filename: 'diagram.png', url, size: 64 } });
    await h.send(payload);
    expect(h.api.calls).toHaveLength(1);
    expect(h.api.calls[0]!.body.data.content).toMatch(/diagram\.png is not a \.log, \.txt or \.gz file/);
  });

  it('next to pasted text, a file that cannot be read is skipped and named under the verdict', async () => {
    h = await gatewayHarness();
    const url = h.api.file('diagram.png', randomBytes(64));
    const text = flowLogFile(4).split('\n').slice(1).join('\n');
    await h.send(slashDiagnose({ text, file: { filename: 'diagram.png', url, size: 64 } }));
    expect(verdictOf().description).toMatch(/skipped: diagram\\?\.png is not a \.log, \.txt or \.gz file/);
  });

  it('only Discord-hosted attachments are downloaded', async () => {
    h = await gatewayHarness();
    const payload = slashDiagnose({
      file: { filename: 'flows.log', url: 'http://169.254.169.254/latest/meta-data/flows.log', size: 100 },
    });
    await h.send(payload);
    expect(apologyOf(payload.token)).toMatch(/not stored on Discord/);
  });

  it('an expired attachment link (404) is explained', async () => {
    h = await gatewayHarness();
    const url = `${h.api.origin}/attachments/1/2/gone.log`;
    const payload = slashDiagnose({ file: { filename: 'gone.log', url, size: 100 } });
    await h.send(payload);
    expect(apologyOf(payload.token)).toMatch(/could not download gone\.log \(HTTP 404\)/);
  });
});
