import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlackApi } from './fake-slack-api.js';
import { interactive, postSigned } from './signed-request.js';
import { answered, SECRET, type SlackHarness, startHarness, TOKEN } from './slack-app-harness.js';
import { flowLogLines, messageShortcut, slackEncode } from './slack-fixtures.js';

let h: SlackHarness;
let elsewhere: FakeSlackApi | undefined;

afterEach(async () => {
  const logged = h.logs.join('\n');
  expect(logged).not.toContain(TOKEN);
  expect(logged).not.toContain(SECRET);
  await h.stop();
  await elsewhere?.stop();
  elsewhere = undefined;
});

const posts = () => h.api.api('chat.postMessage');
const blocksOf = (i: number) => JSON.stringify(posts()[i]?.body.blocks);

function fileObject(name: string, bytes: Buffer, extra: Record<string, unknown> = {}) {
  return {
    id: `F0${name
      .replace(/[^A-Z0-9]/gi, '')
      .slice(0, 8)
      .toUpperCase()}`,
    name,
    title: name,
    size: bytes.length,
    mimetype: name.endsWith('.gz') ? 'application/gzip' : 'text/plain',
    filetype: name.endsWith('.gz') ? 'gzip' : 'text',
    mode: 'hosted',
    url_private: h.api.fileUrl(name),
    url_private_download: h.api.fileUrl(name),
    ...extra,
  };
}

describe('the Diagnose message shortcut', () => {
  it('diagnoses the message text and answers in that message’s thread', async () => {
    h = await startHarness();
    const text = slackEncode(flowLogLines(7).join('\n'));
    const res = await postSigned(
      h.eventsUrl,
      interactive(messageShortcut(h.api, { ts: '1717430000.000200', text })),
      SECRET,
    );
    expect(res.status).toBe(200);
    await answered(h);
    expect(posts().length).toBeGreaterThanOrEqual(1);
    for (const p of posts()) {
      expect(p.body.channel).toBe('C0NETOPS');
      expect(p.body.thread_ts).toBe('1717430000.000200');
    }
    expect(blocksOf(0)).toContain('Read 7 flow-log records');
  });

  it('on a reply inside a thread, it answers in that same thread', async () => {
    h = await startHarness();
    const message = {
      ts: '1717430100.000300',
      thread_ts: '1717430000.000200',
      text: flowLogLines(2).join('\n'),
    };
    await postSigned(h.eventsUrl, interactive(messageShortcut(h.api, message)), SECRET);
    await answered(h);
    for (const p of posts()) expect(p.body.thread_ts).toBe('1717430000.000200');
  });

  it('reads an attached .log file, downloaded with the bot token, instead of the message’s words', async () => {
    h = await startHarness();
    const bytes = Buffer.from(`${flowLogLines(25).join('\n')}\n`);
    h.api.serveFile('eni-0b7e4c1d9a2f63e58-all.log', { bytes, contentType: 'text/plain' });
    const message = {
      ts: '1717430000.000200',
      text: 'logs from the db ENI, see attached',
      files: [fileObject('eni-0b7e4c1d9a2f63e58-all.log', bytes)],
    };
    await postSigned(h.eventsUrl, interactive(messageShortcut(h.api, message)), SECRET);
    await answered(h);
    const [download] = h.api.calls.filter((c) => c.kind === 'file');
    expect(download?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(blocksOf(0)).toContain('Read 25 flow-log records');
    expect(blocksOf(0)).toContain('eni-0b7e4c1d9a2f63e58-all.log');
  });

  it('reads a .gz attachment, recognised by its magic bytes', async () => {
    h = await startHarness();
    const bytes = gzipSync(`${flowLogLines(300).join('\n')}\n`);
    const name = '381492650217_vpcflowlogs_us-east-2_fl-0a1b2c3d4e5f60718_20240603T1600Z_3f9c2e1a.log.gz';
    h.api.serveFile(name, { bytes, contentType: 'application/octet-stream' });
    await postSigned(
      h.eventsUrl,
      interactive(
        messageShortcut(h.api, { ts: '1717430000.000200', text: '', files: [fileObject(name, bytes)] }),
      ),
      SECRET,
    );
    await answered(h);
    expect(blocksOf(0)).toContain('Read 300 flow-log records');
    expect(blocksOf(0)).toContain('gzip');
  });

  it('a gzip file with a misleading name is still gunzipped', async () => {
    h = await startHarness();
    const bytes = gzipSync(flowLogLines(5).join('\n'));
    h.api.serveFile('flows.txt', { bytes });
    await postSigned(
      h.eventsUrl,
      interactive(
        messageShortcut(h.api, { ts: '1717430000.000200', files: [fileObject('flows.txt', bytes)] }),
      ),
      SECRET,
    );
    await answered(h);
    expect(blocksOf(0)).toContain('Read 5 flow-log records');
  });

  it('a file over the size limit is not downloaded; the user is told the limit and what to do', async () => {
    h = await startHarness({ tuning: { maxFileBytes: 64 * 1024 } });
    const bytes = Buffer.from(flowLogLines(1000).join('\n'));
    h.api.serveFile('big.log', { bytes });
    await postSigned(
      h.eventsUrl,
      interactive(
        messageShortcut(h.api, { ts: '1717430000.000200', files: [fileObject('big.log', bytes)] }, 'big-1'),
      ),
      SECRET,
    );
    await h.api.until(() => h.api.hooks('big-1').length > 0);
    expect(h.api.calls.filter((c) => c.kind === 'file')).toHaveLength(0);
    const said = JSON.stringify(h.api.hooks('big-1')[0]?.body);
    expect(said).toContain('too large');
    expect(said).toContain('64 KB');
    expect(said).toContain('vpcdiag diagnose big.log');
    expect(posts()).toHaveLength(0);
  });

  it('a file whose size was not announced is still cut off at the limit while downloading', async () => {
    h = await startHarness({ tuning: { maxFileBytes: 64 * 1024 } });
    const bytes = Buffer.from(flowLogLines(1000).join('\n'));
    h.api.serveFile('big.log', { bytes });
    const file = fileObject('big.log', bytes);
    delete (file as { size?: number }).size;
    await postSigned(
      h.eventsUrl,
      interactive(messageShortcut(h.api, { ts: '1717430000.000200', files: [file] }, 'big-2')),
      SECRET,
    );
    await h.api.until(() => h.api.hooks('big-2').length > 0);
    expect(JSON.stringify(h.api.hooks('big-2')[0]?.body)).toContain('too large');
  });

  it('the bot token is never sent to a host that is not Slack’s', async () => {
    h = await startHarness();
    elsewhere = await new FakeSlackApi().start();
    const bytes = Buffer.from(flowLogLines(3).join('\n'));
    elsewhere.serveFile('x.log', { bytes });
    const file = fileObject('x.log', bytes, {
      url_private: elsewhere.fileUrl('x.log'),
      url_private_download: elsewhere.fileUrl('x.log'),
    });
    await postSigned(
      h.eventsUrl,
      interactive(messageShortcut(h.api, { ts: '1717430000.000200', files: [file] })),
      SECRET,
    );
    await answered(h);
    const [download] = elsewhere.calls.filter((c) => c.kind === 'file');
    expect(download).toBeDefined();
    expect(download?.authorization).toBeUndefined();
  });

  it('a sign-in page instead of the file (no files:read) is explained, not diagnosed', async () => {
    h = await startHarness();
    const bytes = Buffer.from('<!DOCTYPE html><html><title>Slack</title>sign in</html>');
    h.api.serveFile('vpc.log', { bytes, contentType: 'text/html; charset=utf-8' });
    await postSigned(
      h.eventsUrl,
      interactive(
        messageShortcut(h.api, { ts: '1717430000.000200', files: [fileObject('vpc.log', bytes)] }, 'html-1'),
      ),
      SECRET,
    );
    await h.api.until(() => h.api.hooks('html-1').length > 0);
    expect(JSON.stringify(h.api.hooks('html-1')[0]?.body)).toContain('files:read');
    expect(posts()).toHaveLength(0);
  });

  it('a file shared without download links is looked up with files.info', async () => {
    h = await startHarness();
    const bytes = Buffer.from(flowLogLines(4).join('\n'));
    h.api.serveFile('shared.log', { bytes });
    h.api.reply('files.info', { ok: true, file: fileObject('shared.log', bytes) });
    const file = { id: 'F0SHARED', name: 'shared.log', file_access: 'check_file_info' };
    await postSigned(
      h.eventsUrl,
      interactive(messageShortcut(h.api, { ts: '1717430000.000200', files: [file] })),
      SECRET,
    );
    await answered(h);
    expect(h.api.api('files.info')[0]?.body.file).toBe('F0SHARED');
    expect(blocksOf(0)).toContain('Read 4 flow-log records');
  });

  it('a message with only an image says what can be diagnosed', async () => {
    h = await startHarness();
    const file = { id: 'F0PNG', name: 'screenshot.png', mimetype: 'image/png', filetype: 'png', size: 1000 };
    await postSigned(
      h.eventsUrl,
      interactive(messageShortcut(h.api, { ts: '1717430000.000200', text: '', files: [file] }, 'png-1')),
      SECRET,
    );
    await h.api.until(() => h.api.hooks('png-1').length > 0);
    const said = JSON.stringify(h.api.hooks('png-1')[0]?.body);
    expect(said).toContain('screenshot.png is not a text or log file');
    expect(h.api.hooks('png-1')[0]?.body.response_type).toBe('ephemeral');
  });

  it('in a channel the app is not in, the shortcut answers privately', async () => {
    h = await startHarness();
    h.api.reply('chat.postMessage', { ok: false, error: 'not_in_channel' });
    await postSigned(
      h.eventsUrl,
      interactive(
        messageShortcut(h.api, { ts: '1717430000.000200', text: flowLogLines(3).join('\n') }, 'sc-private'),
      ),
      SECRET,
    );
    await answered(h);
    const said = JSON.stringify(h.api.hooks('sc-private').map((x) => x.body));
    expect(said).toContain('/invite <@U0VPCDIAG>');
    expect(said).toContain('Read 3 flow-log records');
  });
});
