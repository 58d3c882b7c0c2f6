import { describe, expect, it } from 'vitest';
import {
  ASK_CASES,
  ENDPOINT_CASES,
  FILTER_CASES,
  OK_CASES,
  PEERING_CASES,
  ROUTING_CASES,
  type TextCase,
  TGW_CASES,
} from './english-cases.js';
import { PASTE_CASES, REVIEW_CASES } from './english-more-cases.js';
import { codes, diagnose, evidenceLines, lineOf } from './helpers.js';

function run(c: TextCase): void {
  const report = diagnose(c.input, c.now ? new Date(c.now) : undefined);
  const got = codes(report.findings);
  for (const e of c.expect) {
    const f = report.findings.find((x) => x.code === e.code);
    expect(f, `${e.code} missing; got ${got.join(', ') || 'nothing'}`).toBeDefined();
    expect(f!.severity).toBe(e.severity ?? 'error');
    for (const needle of e.evidence ?? []) expect(evidenceLines(f!)).toContain(lineOf(c.input, needle));
    expect(f!.evidence.length).toBeGreaterThan(0);
  }
  for (const code of c.forbid ?? []) expect(got, `${code} must not be raised`).not.toContain(code);
  if (c.expect.length === 0) expect(report.counts.error).toBe(0);
}

for (const [group, cases] of [
  ['peering', PEERING_CASES],
  ['routing and gateways', ROUTING_CASES],
  ['transit gateway', TGW_CASES],
  ['VPC endpoints and policies', ENDPOINT_CASES],
  ['security groups and network ACLs', FILTER_CASES],
  ['nothing is wrong', OK_CASES],
  ['the input cannot settle it', ASK_CASES],
  ['CDK, console tables, rule listings and --query output beside prose', PASTE_CASES],
  ['a review with nothing reported broken', REVIEW_CASES],
] as const) {
  describe(`described networks: ${group}`, () => {
    for (const c of cases) it(c.name, () => run(c));
  });
}
