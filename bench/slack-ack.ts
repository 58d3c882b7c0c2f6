/**
 * Times the Slack adapter over loopback against the fake Slack Web API used by the tests: how long the
 * acknowledgement of `/diagnose` takes for pastes of several sizes, how long until the whole answer
 * is posted, and whether acknowledgements stay fast while a large attached file is being diagnosed.
 *
 *   npx tsx bench/slack-ack.ts            # 20 runs per size
 *   npx tsx bench/slack-ack.ts --runs 50
 */
import { gzipSync } from 'node:zlib';
import { interactive, postSigned } from '../test/adapters/slack/signed-request.js';
import { answered, SECRET, startHarness } from '../test/adapters/slack/slack-app-harness.js';
import { flowLogLines, messageShortcut, slashCommand } from '../test/adapters/slack/slack-fixtures.js';

const i = process.argv.indexOf('--runs');
const RUNS = i > 0 ? Number(process.argv[i + 1]) : 20;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

function paste(chars: number): string {
  let lines = flowLogLines(Math.ceil(chars / 100) + 10);
  while (lines.join('\n').length > chars) lines = lines.slice(0, -1);
  return lines.join('\n');
}

const h = await startHarness({ tuning: { postIntervalMs: 0 } });
try {
  console.log(`node ${process.version}, ${RUNS} runs per size; times from the client's side of loopback`);
  for (const chars of [3_000, 40_000, 200_000]) {
    const text = paste(chars);
    const acks: number[] = [];
    const totals: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const before = h.parsedLogs().filter((l) => l.msg === 'answered').length;
      const t0 = performance.now();
      const res = await postSigned(h.eventsUrl, slashCommand(h.api, text), SECRET);
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      acks.push(res.ms);
      await answered(h, before + 1);
      totals.push(performance.now() - t0);
    }
    console.log(
      `/diagnose ${text.length.toLocaleString('en-US')} chars: ack median ${fmt(pct(acks, 0.5))}, p95 ${fmt(pct(acks, 0.95))}, max ${fmt(Math.max(...acks))}; answer posted after median ${fmt(pct(totals, 0.5))}`,
    );
  }

  // A large gzip attachment, and slash commands acknowledged while it is diagnosed.
  const lines = flowLogLines(400_000);
  const bytes = gzipSync(`${lines.join('\n')}\n`);
  h.api.serveFile('big.log.gz', { bytes });
  const before = h.parsedLogs().filter((l) => l.msg === 'answered').length;
  const t0 = performance.now();
  const file = {
    id: 'F0BIG',
    name: 'big.log.gz',
    size: bytes.length,
    url_private_download: h.api.fileUrl('big.log.gz'),
  };
  await postSigned(
    h.eventsUrl,
    interactive(messageShortcut(h.api, { ts: '1717430000.000200', files: [file] })),
    SECRET,
  );
  const during: number[] = [];
  while (h.parsedLogs().filter((l) => l.msg === 'answered').length === before) {
    during.push((await postSigned(h.eventsUrl, slashCommand(h.api, 'help'), SECRET)).ms);
    await new Promise((r) => setTimeout(r, 50));
  }
  console.log(
    `shortcut on a ${(bytes.length / 1048576).toFixed(1)} MB .log.gz (${lines.length.toLocaleString('en-US')} lines, ${((lines.join('\n').length + 1) / 1048576).toFixed(0)} MB of text): answered after ${fmt(performance.now() - t0)}; ${during.length} /diagnose help acks meanwhile, max ${fmt(Math.max(...during))}`,
  );
} finally {
  await h.stop();
}
