import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT } from '../../src/adapters/cli/exit-codes.js';
import { main } from '../../src/adapters/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'vpcdiag-format-'));
const headerless = join(dir, 'headerless.log');
writeFileSync(
  headerless,
  [
    '2 318402957716 eni-04f2b6d8a1c3e5f79 10.12.4.31 10.12.9.8 49822 5432 6 3 180 1775900101 1775900160 REJECT OK',
    '2 318402957716 eni-04f2b6d8a1c3e5f79 10.12.4.31 10.12.9.8 49836 5432 6 3 180 1775900101 1775900160 REJECT OK',
  ].join('\n'),
);

/** Runs the CLI in-process; what it wrote to stdout and stderr, and its exit code. */
async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    stdout += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    stderr += String(s);
    return true;
  });
  try {
    const code = await main(['node', 'vpcdiag', ...args]);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  }
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('--format takes flow-log field names only', () => {
  it('diagnose --format json is a usage error that points to --json, and no report is printed', async () => {
    const r = await run(['diagnose', '--format', 'json', headerless]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('"json" is not a flow-log field');
    expect(r.stderr).toContain('--json');
    expect(r.stderr).not.toContain('No fault found');
  });

  it.each([
    ['markdown', '--markdown'],
    ['MD', '--markdown'],
    ['text', '--json'],
  ])('diagnose --format %s names the output option to use instead (%s)', async (value, option) => {
    const r = await run(['diagnose', '--format', value, headerless]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`"${value}" is not a flow-log field`);
    expect(r.stderr).toContain(option);
  });

  it('a header line with misspelt fields is refused, naming each unknown field and where to find the real format', async () => {
    const r = await run([
      'diagnose',
      '--format',
      'version account-id interface-id src-ip dstaddr srcport dstport protocol packets bytes start end action status',
      headerless,
    ]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('"src-ip", "status"');
    expect(r.stderr).not.toContain('"dstaddr"');
    expect(r.stderr).toContain('describe-flow-logs');
  });

  it('parse refuses an unknown ${field} placeholder the same way', async () => {
    const r = await run([
      'parse',
      '--json',
      '--format',
      '${version} ${srcaddr} ${dst_port} ${verdict}',
      headerless,
    ]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('"verdict"');
    expect(r.stderr).not.toContain('"dst_port"');
  });

  it('a real format, placeholders or a header line in any spelling, still reads the headerless records', async () => {
    for (const format of [
      '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}',
      'version account_id interfaceId srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status',
    ]) {
      const r = await run([
        'diagnose',
        '--json',
        '--fail-on',
        'never',
        '--threads',
        '1',
        '--format',
        format,
        headerless,
      ]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(EXIT.ok);
      const report = JSON.parse(r.stdout);
      expect(report.input.records).toBe(2);
      expect(report.findings.map((f: { code: string }) => f.code)).toContain('INBOUND_REQUEST_REJECTED');
    }
  });
});
