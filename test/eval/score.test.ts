import { describe, expect, it } from 'vitest';
import type { EvalCase } from '../../eval/case-schema.js';
import { scoreCases } from '../../eval/score.js';
import type { FindingCode } from '../../src/core/report/codes.js';

const c = (id: string, cls: EvalCase['class'], expect: FindingCode[], forbid?: FindingCode[]): EvalCase => ({
  id,
  class: cls,
  expect,
  ...(forbid ? { forbid } : {}),
  why: 'a test case with a long enough explanation to pass the schema',
  input: id,
});

const cases = [
  c('001-a', 'FAULT', ['ROUTE_BLACKHOLE']),
  c('002-b', 'FAULT', ['ROUTE_BLACKHOLE', 'PEERING_NOT_ACTIVE']),
  c('003-c', 'OK', ['NETWORK_PATH_OK'], ['INBOUND_REQUEST_REJECTED']),
  c('004-d', 'OK', ['NETWORK_PATH_OK'], ['INBOUND_REQUEST_REJECTED']),
  c('005-e', 'ASK', ['NEED_MORE_INFO']),
];

/** A fake diagnosis keyed on the input (the case id). */
const answers: Record<string, FindingCode[]> = {
  '001-a': ['ROUTE_BLACKHOLE', 'NO_INTERNET_ROUTE'],
  '002-b': ['ROUTE_BLACKHOLE'],
  '003-c': ['NETWORK_PATH_OK'],
  '004-d': ['INBOUND_REQUEST_REJECTED', 'NETWORK_PATH_OK', 'NETWORK_PATH_OK'],
};
const diagnose = (input: string) => {
  const a = answers[input];
  if (!a) throw new Error('boom');
  return a;
};

describe('scoring eval cases', () => {
  const score = scoreCases(cases, diagnose);
  const byId = Object.fromEntries(score.cases.map((r) => [r.id, r]));

  it('passes a case when every expected code is found, whatever else is found', () => {
    expect(byId['001-a']!.pass).toBe(true);
    expect(byId['003-c']!.pass).toBe(true);
  });

  it('fails a case with a missing expected code and names it', () => {
    expect(byId['002-b']!.pass).toBe(false);
    expect(byId['002-b']!.missing).toEqual(['PEERING_NOT_ACTIVE']);
  });

  it('fails a case that raises a forbidden code, even when the expected codes are there', () => {
    expect(byId['004-d']!.pass).toBe(false);
    expect(byId['004-d']!.forbiddenFound).toEqual(['INBOUND_REQUEST_REJECTED']);
    expect(byId['004-d']!.found).toEqual(['INBOUND_REQUEST_REJECTED', 'NETWORK_PATH_OK']);
  });

  it('fails and counts a case whose diagnosis throws', () => {
    expect(byId['005-e']!.pass).toBe(false);
    expect(byId['005-e']!.error).toBe('Error: boom');
    expect(score.errors).toBe(1);
  });

  it('reports accuracy per expected code as cases found over cases expecting it', () => {
    expect(score.byExpectedCode.ROUTE_BLACKHOLE).toEqual({ hits: 2, total: 2 });
    expect(score.byExpectedCode.PEERING_NOT_ACTIVE).toEqual({ hits: 0, total: 1 });
    expect(score.byExpectedCode.NETWORK_PATH_OK).toEqual({ hits: 2, total: 2 });
    expect(score.byExpectedCode.NO_INTERNET_ROUTE).toBeUndefined();
  });

  it('reports false positives as cases raising a code over cases forbidding it', () => {
    expect(score.falsePositives.INBOUND_REQUEST_REJECTED).toEqual({ hits: 1, total: 2 });
  });

  it('reports accuracy per class and overall', () => {
    expect(score.byClass).toEqual({
      FAULT: { hits: 1, total: 2 },
      OK: { hits: 1, total: 2 },
      ASK: { hits: 0, total: 1 },
    });
    expect(score.overall).toEqual({ hits: 2, total: 5 });
  });
});
