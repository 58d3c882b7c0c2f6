import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HOLDOUT_CASES_DIR, type LoadedCase, loadCases } from '../../eval/load-cases.js';
import { ALL_FINDING_CODES, isFindingCode } from '../../src/core/report/codes.js';

// These tests check that the labelled eval cases are well-formed and cover the vocabulary; they do
// not check that the diagnosis passes them (that is `npm run eval`'s figure).

const { cases, errors } = loadCases();
const holdout = loadCases(HOLDOUT_CASES_DIR);

/** Resource ids in the inputs that are not shaped like AWS prints them (prefix, then 8 or 17 hex digits). */
function badResourceIds(list: readonly LoadedCase[]): string[] {
  const id =
    /\b(?:vpc|subnet|sg|rtb|acl|eni|nat|igw|vgw|pcx|vpce|tgw-attach|tgw-rtb|tgw|i|eipalloc|eipassoc)-0[0-9a-z]+/g;
  return list.flatMap((c) =>
    [...c.input.matchAll(id)]
      .map((m) => m[0])
      .filter((token) => !/-[0-9a-f]{17}$|-[0-9a-f]{8}$/.test(token))
      .map((token) => `${c.id}: ${token}`),
  );
}

describe('the eval case files', () => {
  it('all load and validate, with no problem reported', () => {
    expect(errors).toEqual([]);
  });

  it('hold at least 90 cases, of which at least 12 OK and 8 ASK cases that expect NEED_MORE_INFO', () => {
    expect(cases.length).toBeGreaterThanOrEqual(90);
    expect(cases.filter((c) => c.class === 'OK').length).toBeGreaterThanOrEqual(12);
    expect(
      cases.filter((c) => c.class === 'ASK' && c.expect.includes('NEED_MORE_INFO')).length,
    ).toBeGreaterThanOrEqual(8);
  });

  it('have unique ids, each equal to its file name', () => {
    const ids = cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of cases) expect(c.file.endsWith(`${c.id}.yaml`)).toBe(true);
  });

  it('expect and forbid only codes that exist in src/core/report/codes.ts', () => {
    const unknown = cases.flatMap((c) =>
      [...c.expect, ...(c.forbid ?? [])]
        .filter((code) => !isFindingCode(code))
        .map((code) => `${c.id}: ${code}`),
    );
    expect(unknown).toEqual([]);
  });

  it('expect every code of src/core/report/codes.ts in at least one case', () => {
    const expected = new Set(cases.flatMap((c) => c.expect));
    expect(ALL_FINDING_CODES.filter((code) => !expected.has(code))).toEqual([]);
  });

  it('name resource ids the way AWS prints them (prefix, then 8 or 17 hex digits)', () => {
    expect(badResourceIds(cases)).toEqual([]);
  });
});

// The held-out set (eval/holdout) is checked for form only, never for what the diagnosis says about it:
// it is run to report an accuracy figure, not to tune rules (see eval/README.md).
describe('the held-out eval case files', () => {
  it('all load and validate, with no problem reported', () => {
    expect(holdout.errors).toEqual([]);
  });

  it('hold at least 70 cases, of which at least 10 OK and 6 ASK', () => {
    expect(holdout.cases.length).toBeGreaterThanOrEqual(70);
    expect(holdout.cases.filter((c) => c.class === 'OK').length).toBeGreaterThanOrEqual(10);
    expect(holdout.cases.filter((c) => c.class === 'ASK').length).toBeGreaterThanOrEqual(6);
  });

  it('share no id and no case number with the first set, and have unique ids of their own', () => {
    const ids = holdout.cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const firstIds = new Set(cases.map((c) => c.id));
    const firstNumbers = new Set(cases.map((c) => c.id.slice(0, 3)));
    expect(ids.filter((id) => firstIds.has(id) || firstNumbers.has(id.slice(0, 3)))).toEqual([]);
    for (const c of holdout.cases) expect(c.file.endsWith(`${c.id}.yaml`)).toBe(true);
  });

  it('expect and forbid only codes that exist in src/core/report/codes.ts', () => {
    const unknown = holdout.cases.flatMap((c) =>
      [...c.expect, ...(c.forbid ?? [])]
        .filter((code) => !isFindingCode(code))
        .map((code) => `${c.id}: ${code}`),
    );
    expect(unknown).toEqual([]);
  });

  it('spread their expectations over at least 40 different codes', () => {
    expect(new Set(holdout.cases.flatMap((c) => c.expect)).size).toBeGreaterThanOrEqual(40);
  });

  it('name resource ids the way AWS prints them (prefix, then 8 or 17 hex digits)', () => {
    expect(badResourceIds(holdout.cases)).toEqual([]);
  });
});

describe('loading malformed cases', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function load(files: Record<string, string>) {
    dir = mkdtempSync(join(tmpdir(), 'vpcdiag-eval-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return loadCases(dir);
  }

  const good = (id: string, extra = '') =>
    `id: ${id}\nclass: FAULT\nexpect: [ROUTE_BLACKHOLE]\n${extra}why: the route 0.0.0.0/0 -> nat-0123 is a blackhole after the NAT was deleted\ninput: |-\n  0.0.0.0/0 -> nat-0a1b2c3d4e5f60718 blackhole\n`;

  it('accepts a well-formed case', () => {
    const r = load({ '001-ok-case.yaml': good('001-ok-case') });
    expect(r.errors).toEqual([]);
    expect(r.cases.map((c) => c.id)).toEqual(['001-ok-case']);
  });

  it('names the file and the field of an unknown finding code', () => {
    const r = load({ '002-typo.yaml': good('002-typo').replace('ROUTE_BLACKHOLE', 'ROUTE_BLACK_HOLE') });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(
      /002-typo\.yaml: field `expect\[0\]`: "ROUTE_BLACK_HOLE" is not a finding code/,
    );
    expect(r.errors[0]).toMatch(/did you mean ROUTE_BLACKHOLE\?/);
  });

  it('names a missing input and an unknown field', () => {
    const text = good('003-no-input').replace(/input: \|-\n.*\n/, 'inptu: hello\n');
    const r = load({ '003-no-input.yaml': text });
    expect(r.errors.some((e) => /003-no-input\.yaml: field `input`: is missing/.test(e))).toBe(true);
    expect(r.errors.some((e) => /003-no-input\.yaml: unknown field `inptu`/.test(e))).toBe(true);
  });

  it('gives the line of a YAML syntax error', () => {
    const r = load({ '004-bad-yaml.yaml': 'id: 004-bad-yaml\nexpect: [ROUTE_BLACKHOLE\nclass: FAULT\n' });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/004-bad-yaml\.yaml: not valid YAML at line \d+/);
  });

  it('rejects an id that differs from the file name, and a repeated id', () => {
    const r = load({ '005-a.yaml': good('005-a'), '006-b.yaml': good('005-a') });
    expect(
      r.errors.some((e) => /006-b\.yaml: field `id`: "005-a" must equal the file name "006-b"/.test(e)),
    ).toBe(true);
    expect(r.errors.some((e) => /006-b\.yaml: field `id`: "005-a" is already used by/.test(e))).toBe(true);
  });

  it('requires an OK case to forbid something, an ASK case to ask, and no code both expected and forbidden', () => {
    const r = load({
      '007-ok.yaml': good('007-ok').replace('class: FAULT', 'class: OK'),
      '008-ask.yaml': good('008-ask').replace('class: FAULT', 'class: ASK'),
      '009-both.yaml': good('009-both', 'forbid: [ROUTE_BLACKHOLE]\n'),
    });
    expect(r.errors.some((e) => /007-ok\.yaml: field `forbid`: an OK case must forbid/.test(e))).toBe(true);
    expect(
      r.errors.some((e) => /008-ask\.yaml: field `expect`: an ASK case must expect NEED_MORE_INFO/.test(e)),
    ).toBe(true);
    expect(
      r.errors.some((e) =>
        /009-both\.yaml: field `forbid`: ROUTE_BLACKHOLE is both expected and forbidden/.test(e),
      ),
    ).toBe(true);
  });

  it('rejects an input that still starts with the /diagnose command', () => {
    const r = load({ '010-cmd.yaml': good('010-cmd').replace('input: |-\n  ', 'input: |-\n  /diagnose ') });
    expect(
      r.errors.some((e) => /010-cmd\.yaml: field `input`: holds only what follows \/diagnose/.test(e)),
    ).toBe(true);
  });
});
