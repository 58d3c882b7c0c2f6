import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateFlowLog } from '../../bench/generate.js';
import { diagnoseText } from '../../src/core/diagnose.js';
import type { Report } from '../../src/core/report/schema.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'vpcdiag-bundle-'));
const run = join(out, 'run.mjs');

function summary(r: Report): unknown {
  return r.findings.map((f) => [f.code, f.severity, f.evidence.map((e) => e.lines)]);
}

describe('the bundle the vpcdiag command runs', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs'), out], { cwd: ROOT });
    writeFileSync(run, "import { main } from './cli.mjs';\nprocess.exitCode = await main(process.argv);\n");
  }, 60_000);

  it('is self-contained, with its reading thread beside it', () => {
    expect(existsSync(join(out, 'cli.mjs'))).toBe(true);
    expect(existsSync(join(out, 'view-worker.js'))).toBe(true);
  });

  it('diagnoses a flow log without loading the topology reader, which only text needs', () => {
    const chunk = readdirSync(join(out, 'chunks')).find((f) => f.startsWith('analyze-topology-'));
    expect(chunk).toBeDefined();
    const away = join(out, 'chunks', `${chunk}.away`);
    renameSync(join(out, 'chunks', chunk!), away);
    try {
      const diagnose = (file: string) =>
        spawnSync(process.execPath, [run, 'diagnose', '--json', '--fail-on', 'never', file], {
          encoding: 'utf8',
        });
      const flows = diagnose(join(ROOT, 'examples', 'scanners-ok.log'));
      expect(flows.stderr).toBe('');
      expect(flows.status).toBe(0);
      // with text besides the records, the reader is loaded: here it is missing, so this fails
      expect(diagnose(join(ROOT, 'examples', 'nacl-blocks-replies.txt')).status).not.toBe(0);
    } finally {
      renameSync(away, join(out, 'chunks', chunk!));
    }
  });

  it('diagnoses the bundled example from outside the repository with the findings the sources give', () => {
    const example = join(ROOT, 'examples', 'nacl-blocks-replies.txt');
    const r = spawnSync(process.execPath, [run, 'diagnose', '--json', example], {
      cwd: out,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    const bundled = JSON.parse(r.stdout) as Report;
    const fromSources = diagnoseText(readFileSync(example, 'utf8'), { now: new Date() });
    expect(summary(bundled)).toEqual(summary(fromSources));
    expect(bundled.findings.some((f) => f.severity === 'error')).toBe(true);
    expect(r.status).toBe(1);
  });

  it('gives the same report on one thread and on two for a large plain file', async () => {
    const big = join(out, 'big.log');
    await generateFlowLog(big, 'v2', 200_000);
    const report = (threads: string) => {
      const r = spawnSync(process.execPath, [run, 'diagnose', '--json', '--threads', threads, big], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      });
      expect(r.stderr).toBe('');
      return r.stdout;
    };
    const one = report('1');
    expect(JSON.parse(one).findings.length).toBeGreaterThan(0);
    expect(report('2')).toBe(one);
  }, 60_000);

  it('says what to do about a missing file, with its exit code', () => {
    const r = spawnSync(process.execPath, [run, 'diagnose', join(out, 'nope.log')], { encoding: 'utf8' });
    expect(r.stderr).toMatch(/no such file/);
    expect(r.status).toBe(3);
  });
});
