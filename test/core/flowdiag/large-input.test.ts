import { describe, expect, it } from 'vitest';
import { Diagnosis } from '../../../src/core/diagnose.js';
import { FlowState } from '../../../src/core/flowdiag/flow-state.js';
import { FlowLogReader } from '../../../src/core/flowlog/reader.js';
import { reportSchema } from '../../../src/core/report/schema.js';
import { NOW } from './helpers.js';

/** A deterministic generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A scan: every record a new conversation from an internet address to a random port. */
function* scanLines(n: number, seed = 7): Generator<string> {
  const r = rng(seed);
  for (let i = 0; i < n; i++) {
    const src = `${1 + Math.floor(r() * 222)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}`;
    const eni = `eni-0a1b2c3d4e5f6${(i % 8).toString(16).padStart(4, '0')}`;
    const t = 1775600000 + Math.floor(i / 100);
    yield `2 556677889900 ${eni} ${src} 10.9.0.${i % 8} ${1024 + Math.floor(r() * 64000)} ${Math.floor(r() * 65536)} 6 1 40 ${t} ${t + 1} REJECT OK`;
  }
}

describe('large inputs', () => {
  it('memory stays bounded when every record is a new conversation: the tables never outgrow their limits', () => {
    const limits = { generation: 512, conversations: 1000, groups: 200, enis: 100 };
    const state = new FlowState(limits);
    const reader = new FlowLogReader({ onItem: (i) => i.kind === 'record' && state.add(i) });
    let maxHeld = 0;
    let maxGroups = 0;
    let n = 0;
    for (const line of scanLines(60_000)) {
      reader.line(line);
      if (++n % 1000 === 0) {
        maxHeld = Math.max(maxHeld, state.conversations.size);
        maxGroups = Math.max(maxGroups, state.groups.size);
      }
    }
    // at most three generations of young conversations plus the heavy ones
    expect(maxHeld).toBeLessThanOrEqual(3 * limits.generation + limits.conversations);
    expect(maxGroups).toBeLessThanOrEqual(limits.groups);
    expect(state.conversationsSeen).toBe(60_000);
  });

  it('200,000 scan records give a short report with counts, "and N more" and a note on what was summarised', () => {
    const d = new Diagnosis({ now: NOW });
    for (const line of scanLines(200_000)) d.line(line);
    const report = d.finish();
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(report.findings.length).toBeLessThanOrEqual(20);
    const scans = report.findings.filter((f) => f.code === 'EXPECTED_SCANNER_TRAFFIC_REJECTED');
    // the three most probed interfaces, then one roll-up for the other five
    expect(scans).toHaveLength(4);
    expect(scans[0]!.occurrences).toBeGreaterThan(20_000);
    expect(scans[3]!.title).toMatch(/^And [\d,]+ more probes REJECTed at 5 other interfaces$/);
    for (const f of report.findings) expect(f.evidence.length).toBeLessThanOrEqual(12);
    expect(report.notes.join(' ')).toMatch(/conversations in all\. To keep memory bounded/);
    expect(report.findings.some((f) => (f.evidenceOmitted ?? 0) > 1000)).toBe(true);
  });

  it('a heavy conversation among many one-off records keeps exact counts to the end', () => {
    const d = new Diagnosis({ now: NOW });
    const heavyIn =
      '2 556677889900 eni-0f9e8d7c6b5a49382 10.9.5.5 10.9.0.77 41000 5432 6 3 180 1775600000 1775600059 ACCEPT OK';
    const heavyOut =
      '2 556677889900 eni-0f9e8d7c6b5a49382 10.9.0.77 10.9.5.5 5432 41000 6 3 180 1775600000 1775600059 REJECT OK';
    let i = 0;
    for (const line of scanLines(80_000, 11)) {
      d.line(line);
      if (++i % 100 === 0) {
        d.line(heavyIn);
        d.line(heavyOut);
      }
    }
    const report = d.finish();
    const f = report.findings.find((x) => x.code === 'NACL_OUTBOUND_BLOCKS_RESPONSE');
    expect(f, report.findings.map((x) => x.code).join(', ')).toBeDefined();
    expect(f!.occurrences).toBe(1);
    // 800 requests and 800 replies, two of them cited
    expect(f!.evidenceOmitted).toBe(1598);
  });
});
