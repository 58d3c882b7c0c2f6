import { describe, expect, it } from 'vitest';
import { analyze, find } from './helpers.js';

/**
 * NEED_MORE_INFO closes by saying what settles it. Its questions are sometimes commands to run and sometimes
 * things only the user knows ("which port does the worker use?"): the sentence must not promise command
 * output when there is no command to run.
 */
const NO_PORT = `the ingest worker can't reach the vendor's api on the internet, calls time out
vpc ingest vpc-0a2b3c4d5e6f70819 10.90.0.0/16 us-west-2
subnet ing-a 10.90.2.0/24 rt=rt-ing nacl=acl-ing
rt rt-ing vpc=ingest routes: 0.0.0.0/0 -> igw-0d1e2f3a4b5c6d7e8
nacl acl-ing in: 100 allow tcp 1024-65535 0.0.0.0/0; * deny all 0.0.0.0/0 out: 100 allow tcp 443 0.0.0.0/0; * deny all 0.0.0.0/0
sg sg-ing vpc=ingest out: all 0.0.0.0/0
host worker 10.90.2.31 subnet=ing-a sgs=sg-ing public-ip=34.210.7.19
path worker -> internet timeout`;

const RA_ONLY = `Reachability Analyzer says the path from i-0a1b2c3d4e5f60718 to i-0f1e2d3c4b5a69788 on tcp 5432 is not reachable: ENI_SG_RULES_MISMATCH
app can't connect to the db`;

const isCommand = (q: string) => /\baws [a-z0-9-]+ [a-z]/.test(q);

describe('NEED_MORE_INFO says what settles it by what its questions are', () => {
  it('only a question in words (which port?): no claim of commands below', () => {
    const f = find(analyze(NO_PORT).findings, 'NEED_MORE_INFO');
    expect(f.questions?.length).toBeGreaterThan(0);
    expect(f.questions?.some(isCommand)).toBe(false);
    expect(f.explanation).not.toMatch(/commands? below/);
  });

  it('only commands (a Reachability Analyzer code): the command output is what settles it', () => {
    const f = find(analyze(RA_ONLY).findings, 'NEED_MORE_INFO');
    expect(f.questions?.length).toBeGreaterThan(0);
    expect(f.questions?.every(isCommand)).toBe(true);
    expect(f.explanation).toMatch(/output of the commands? below/);
  });
});

describe('NEED_MORE_INFO with commands and questions in words', () => {
  it('a symptom with hardly any network: both kinds are asked, and the sentence names both', () => {
    const f = find(
      analyze(`app can't reach the db since this morning, connections time out`).findings,
      'NEED_MORE_INFO',
    );
    expect(f.questions?.some(isCommand)).toBe(true);
    expect(f.questions?.some((q) => !isCommand(q))).toBe(true);
    expect(f.explanation).toMatch(/output of the commands/);
    expect(f.explanation).toMatch(/answers to the other questions/);
  });
});
