/**
 * Times the Discord bot in HTTP interactions mode over loopback, against the fake Discord API used by
 * the tests: how fast a signed `/diagnose` gets its deferral (Discord allows 3 s), how long until the
 * verdict and the thread are posted, and whether other interactions still get their first response in
 * time while a large attached file is being diagnosed.
 *
 *   npx tsx bench/discord-ack.ts            # 20 runs per size
 *   npx tsx bench/discord-ack.ts --runs 50
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { startDiscord } from '../src/adapters/discord/start-discord.js';
import { HttpServer } from '../src/adapters/http/http-server.js';
import { createLogger } from '../src/log/logger.js';
import { FakeDiscordApi } from '../test/adapters/discord/fake-discord-api.js';
import { flowLogFile, gz } from '../test/adapters/discord/flow-log-fixture.js';
import {
  APP_ID,
  BOT_TOKEN,
  messageDiagnose,
  slashDiagnose,
  slashHelp,
} from '../test/adapters/discord/payloads.js';

const i = process.argv.indexOf('--runs');
const RUNS = i > 0 ? Number(process.argv[i + 1]) : 20;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const hex = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');

const api = await new FakeDiscordApi().start();
const log = createLogger({ level: 'error' });
const server = new HttpServer(log);
const running = await startDiscord({
  config: {
    mode: 'http',
    applicationId: APP_ID,
    publicKey: hex,
    token: BOT_TOKEN,
    apiUrl: api.apiUrl,
    maskAccountIds: true,
  },
  server,
  log,
});
const url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}/discord/interactions`;

async function post(payload: Record<string, unknown> & { token: string }): Promise<number> {
  api.interaction(payload);
  const body = JSON.stringify(payload);
  const ts = String(Math.floor(Date.now() / 1000));
  const t0 = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'x-signature-timestamp': ts,
      'x-signature-ed25519': sign(null, Buffer.from(ts + body), privateKey).toString('hex'),
    },
    body,
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`status ${res.status}`);
  return performance.now() - t0;
}

try {
  console.log(`node ${process.version}, ${RUNS} runs per size; times from the client's side of loopback`);
  for (const chars of [1_000, 6_000]) {
    // whole records, as many as fit: a paste at the text option's limit
    const text = flowLogFile(80)
      .split('\n')
      .slice(1)
      .reduce((acc, l) => (acc.length + l.length + 1 <= chars ? `${acc}${acc ? '\n' : ''}${l}` : acc), '');
    const acks: number[] = [];
    const totals: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      acks.push(await post(slashDiagnose({ text })));
      await running.idle();
      totals.push(performance.now() - t0);
    }
    console.log(
      `/diagnose ${text.length.toLocaleString('en-US')} chars: deferral median ${fmt(pct(acks, 0.5))}, p95 ${fmt(pct(acks, 0.95))}, max ${fmt(Math.max(...acks))}; answer posted after median ${fmt(pct(totals, 0.5))}`,
    );
  }

  const text = flowLogFile(400_000);
  const bytes = gz(text);
  const fileUrl = api.file('big.log.gz', bytes);
  const t0 = performance.now();
  let done = false;
  await post(
    messageDiagnose({
      content: 'last hour from the db ENI',
      files: [{ filename: 'big.log.gz', url: fileUrl, size: bytes.length }],
    }),
  );
  const finished = running.idle().then(() => {
    done = true;
  });
  const during: number[] = [];
  while (!done) {
    during.push(await post(slashHelp()));
    await new Promise((r) => setTimeout(r, 50));
  }
  await finished;
  console.log(
    `Diagnose on a ${(bytes.length / 1048576).toFixed(1)} MB .log.gz (400,000 records, ${(text.length / 1048576).toFixed(0)} MB of text): answered after ${fmt(performance.now() - t0)}; ${during.length} /diagnose-help answered meanwhile, max ${fmt(Math.max(...during))}`,
  );
} finally {
  await running.stop();
  await server.close();
  await api.close();
}
