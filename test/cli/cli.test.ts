import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/core/report/schema.js';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'vpcdiag-cli-'));

function vpcdiag(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/adapters/cli/run.ts'), ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const LOG = [
  'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id sublocation-type sublocation-id pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path',
  '5 209834716502 eni-0c3e5a7b9d1f3e5a7 10.60.13.77 52.216.162.29 43518 443 6 418227 612448310 1730815801 1730815859 ACCEPT OK vpc-0e5a3c71d9b24f680 subnet-0d24f6a8c0e2b4d61 i-0b2d4f6a8c0e1f3a5 3 IPv4 10.60.13.77 52.216.162.29 us-east-1 use1-az4 - - - S3 egress 8',
  '5 209834716502 eni-0c3e5a7b9d1f3e5a7 - - - - - - - 1730815801 1730815859 - NODATA vpc-0e5a3c71d9b24f680 subnet-0d24f6a8c0e2b4d61 i-0b2d4f6a8c0e1f3a5 - - - - us-east-1 use1-az4 - - - - - -',
  '5 209834716502 eni-0c3e5a7b9d1f3e5a7 203.0.113.9 10.60.13.77 51515 22 6 1 40 1730815801 1730815859 REJECT OK vpc-0e5a3c71d9b24f680 subnet-0d24f6a8c0e2b4d61 i-0b2d4f6a8c0e1f3a5 2 IPv4 203.0.113.9 10.60.13.77 us-east-1 use1-az4 - - - - ingress -',
].join('\n');
const logFile = join(dir, 'flows.log');
writeFileSync(logFile, `${LOG}\n`);

describe('vpcdiag parse', () => {
  it('prints one JSON object per record, keyed by the AWS field names, with typed values', () => {
    const r = vpcdiag(['parse', '--json', logFile]);
    expect(r.code).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      _line: 2,
      'account-id': '209834716502',
      srcport: 43518,
      'tcp-flags': 3,
      'traffic-path': 8,
      'pkt-dst-aws-service': 'S3',
      _protocol_name: 'TCP',
      _tcp_flag_names: ['FIN', 'SYN'],
    });
    expect(rows[0]).not.toHaveProperty('sublocation-type');
    expect(rows[0]).not.toHaveProperty('pkt-src-aws-service');
  });

  it('prints NODATA and SKIPDATA records too, with their log-status', () => {
    const rows = vpcdiag(['parse', '--json', logFile])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows[1]).toMatchObject({ _line: 3, 'log-status': 'NODATA', start: 1730815801 });
    expect(rows[1]).not.toHaveProperty('srcaddr');
  });

  it('prints a readable table by default', () => {
    const r = vpcdiag(['parse', logFile]);
    expect(r.stdout).toMatch(/REJECT\s+TCP\s+203\.0\.113\.9:51515\s+->\s+10\.60\.13\.77:22/);
  });

  it('--stats prints only counts', () => {
    const r = vpcdiag(['parse', '--stats', '--json', logFile]);
    expect(JSON.parse(r.stdout)).toMatchObject({
      lines: 4,
      records: 2,
      accept: 1,
      reject: 1,
      nodata: 1,
      invalid: 0,
      ignored: 1,
    });
  });

  it('reads a gzip file whatever it is called, and stdin', () => {
    const gz = join(dir, 'flows-from-s3.log');
    writeFileSync(gz, gzipSync(Buffer.from(LOG)));
    expect(JSON.parse(vpcdiag(['parse', '--stats', '--json', gz]).stdout).records).toBe(2);
    expect(JSON.parse(vpcdiag(['parse', '--stats', '--json', '-'], LOG).stdout).records).toBe(2);
  });

  it('takes the format from --format for headerless lines', () => {
    const r = vpcdiag(
      ['parse', '--json', '--format', '${srcaddr} ${dstaddr} ${dstport} ${action}', '-'],
      '10.0.0.5 10.0.1.9 5432 REJECT\n',
    );
    expect(JSON.parse(r.stdout)).toMatchObject({
      srcaddr: '10.0.0.5',
      dstaddr: '10.0.1.9',
      dstport: 5432,
      action: 'REJECT',
    });
  });

  it('fails with exit code 3 and one line that says what to do when the file is missing', () => {
    const r = vpcdiag(['parse', join(dir, 'nope.log')]);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no such file.*nope\.log/);
  });

  it('fails with exit code 2 on a bad command line', () => {
    expect(vpcdiag(['parse']).code).toBe(2);
    expect(vpcdiag(['frobnicate']).code).toBe(2);
  });
});

describe('vpcdiag diagnose', () => {
  it('--json prints a report that validates against the report schema', () => {
    const r = vpcdiag(['diagnose', '--json', '--fail-on', 'never', logFile]);
    expect(r.code).toBe(0);
    const report = reportSchema.parse(JSON.parse(r.stdout));
    expect(report.kind).toBe('flowlog');
    expect(report.input).toMatchObject({ records: 2, nodata: 1 });
  });

  it('says it could not recognise the input when nothing in it is diagnosable', () => {
    const r = vpcdiag(['diagnose', '--json', '-'], 'hello there, general kenobi\n');
    const report = reportSchema.parse(JSON.parse(r.stdout));
    expect(report.findings.map((f) => f.code)).toEqual(['INPUT_NOT_RECOGNIZED']);
  });

  it('asks for the format, and exits 0, when headerless lines cannot be ordered', () => {
    const r = vpcdiag(
      ['diagnose', '--json', '-'],
      'REJECT 180 10.44.9.12 8443 1731575534 eni-0b3c5d7e9f1a3b5c7 OK 3 6 10.44.3.87 51724 1731575531\n',
    );
    const report = reportSchema.parse(JSON.parse(r.stdout));
    expect(r.code).toBe(0);
    expect(report.findings[0]).toMatchObject({ code: 'NEED_MORE_INFO', evidence: [{ lines: [1] }] });
  });
});
