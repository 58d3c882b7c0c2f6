/**
 * `npm run bench`: generates realistic flow logs with a fixed seed (default v2, v5 "all fields" with a
 * header, and a v2 scan where every record is a conversation of its own), then times, each in a fresh
 * process, the built `vpcdiag parse --stats`, `vpcdiag diagnose` and a naive reader (readline + split
 * + an object per line) on the same files, and prints lines/s, MB/s and peak RSS with the ratio to the
 * naive reader. Wall time includes Node's start-up.
 *
 *   npm run bench                       # 1,000,000 lines per layout, median of 3 runs
 *   npm run bench -- --lines 200000 --runs 1
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateFlowLog, type Layout } from './generate.js';

const ROOT = join(import.meta.dirname, '..');
const DATA = join(ROOT, 'bench', '.data');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const LINES = arg('lines', 1_000_000);
const RUNS = arg('runs', 3);

interface Measure {
  wallMs: number;
  jobMs: number;
  maxRssMB: number;
}

function runChild(args: string[]): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bench', 'child.mjs'), ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', () => {
      const wallMs = performance.now() - t0;
      const last = err.trim().split('\n').pop() ?? '';
      try {
        const m = JSON.parse(last) as { ms: number; maxRssMB: number };
        resolve({ wallMs, jobMs: m.ms, maxRssMB: m.maxRssMB });
      } catch {
        reject(new Error(`benchmark child failed: ${err.slice(-2000)}`));
      }
    });
  });
}

async function median(args: string[]): Promise<Measure> {
  const all: Measure[] = [];
  for (let i = 0; i < RUNS; i++) all.push(await runChild(args));
  all.sort((a, b) => a.wallMs - b.wallMs);
  const mid = all[Math.floor(all.length / 2)]!;
  return { ...mid, maxRssMB: Math.max(...all.map((m) => m.maxRssMB)) };
}

async function dataFile(layout: Layout): Promise<string> {
  mkdirSync(DATA, { recursive: true });
  const path = join(DATA, `${layout}-${LINES}-seed20261126.log`);
  if (!existsSync(path)) {
    process.stderr.write(`generating ${path} …\n`);
    await generateFlowLog(path, layout, LINES);
  }
  return path;
}

const fmt = (n: number, d = 2) => n.toFixed(d);

async function main(): Promise<void> {
  // the package's own build (tsc, then the bundle the vpcdiag command runs)
  process.stderr.write('npm run build …\n');
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', cwd: ROOT });
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `vpcdiag benchmark — ${LINES.toLocaleString('en-US')} lines per file, median of ${RUNS} run(s), wall time incl. Node start-up`,
  );
  console.log(
    `machine: ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
  );
  console.log('| file | job | seconds | M lines/s | MB/s | peak RSS MB | vs naive | target |');
  console.log('|---|---|---:|---:|---:|---:|---:|---|');
  const targets: Record<string, { rate: number; rss: number }> = {
    'v2 parse --stats': { rate: 1.2, rss: 150 },
    'v5 parse --stats': { rate: 0.7, rss: 150 },
    'v2 diagnose': { rate: 0.8, rss: 250 },
    // every record a distinct conversation: memory must stay bounded (no rate target)
    'scan diagnose': { rate: 0, rss: 250 },
  };
  let allMet = true;
  for (const layout of ['v2', 'v5', 'scan'] as const) {
    const file = await dataFile(layout);
    const mb = statSync(file).size / 1e6;
    const names = layout === 'v5' ? 'v5' : 'v2';
    const naive = await median(['naive', file, names]);
    const jobs: [string, string[]][] = [['naive reader', ['naive', file, names]]];
    if (layout !== 'scan') jobs.push(['parse --stats', ['cli', 'parse', '--stats', file]]);
    if (layout !== 'v5') jobs.push(['diagnose', ['cli', 'diagnose', '--json', '--fail-on', 'never', file]]);
    for (const [name, args] of jobs) {
      const m = name === 'naive reader' ? naive : await median(args);
      const secs = m.wallMs / 1000;
      const rate = LINES / secs / 1e6;
      const t = targets[`${layout} ${name}`];
      const met = t ? rate >= t.rate && m.maxRssMB < t.rss : undefined;
      if (met === false) allMet = false;
      const target = t
        ? `${t.rate > 0 ? `≥ ${t.rate} M/s, ` : ''}< ${t.rss} MB: ${met ? 'met' : 'NOT met'}`
        : '';
      console.log(
        `| ${layout} (${fmt(mb, 0)} MB) | ${name} | ${fmt(secs)} | ${fmt(rate)} | ${fmt(mb / secs, 0)} | ${fmt(m.maxRssMB, 0)} | ${fmt(naive.wallMs / m.wallMs, 1)}× | ${target} |`,
      );
    }
  }
  console.log(`\nrerun: npm run bench${LINES !== 1_000_000 ? ` -- --lines ${LINES}` : ''}`);
  if (!allMet)
    console.log('Some targets were not met on this run (the machine may be busy: rerun to check).');
}

await main();
