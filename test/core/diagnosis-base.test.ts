import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnosis } from '../../src/core/diagnose.js';
import { DiagnosisBase } from '../../src/core/diagnosis-base.js';
import { analyzeTopology } from '../../src/core/topology/analyze-topology.js';

const NOW = new Date('2026-11-26T12:00:00Z');
const scanners = readFileSync(join(import.meta.dirname, '../../examples/scanners-ok.log'), 'utf8');

const ALB_FLOWS = [
  '2 123456789012 eni-0a3f6c9e2b1d4e5f7 10.20.0.15 10.20.12.40 40312 8443 6 3 180 1764150000 1764150060 ACCEPT OK',
  '2 123456789012 eni-0a3f6c9e2b1d4e5f7 10.20.12.40 10.20.0.15 8443 40312 6 3 180 1764150000 1764150060 REJECT OK',
  '2 123456789012 eni-0a3f6c9e2b1d4e5f7 10.20.1.77 10.20.12.40 51877 8443 6 3 180 1764150000 1764150060 ACCEPT OK',
  '2 123456789012 eni-0a3f6c9e2b1d4e5f7 10.20.12.40 10.20.1.77 8443 51877 6 3 180 1764150000 1764150060 REJECT OK',
].join('\n');

function both(text: string) {
  const lean = new DiagnosisBase({ now: NOW });
  lean.text(text);
  const full = new Diagnosis({ now: NOW });
  full.text(text);
  return { lean, full };
}

describe('a diagnosis that loads the topology reader only when the input has text for it', () => {
  it('needs no topology reader for records alone, and reports exactly what the full diagnosis reports', () => {
    for (const text of [scanners, ALB_FLOWS, '']) {
      const { lean, full } = both(text);
      expect(lean.needsTopology()).toBe(false);
      expect(lean.finishWith(undefined)).toEqual(full.finish());
    }
  });

  it('asks for the topology reader as soon as there is a line of text besides the records', () => {
    const text = `${ALB_FLOWS}\nthe ALB health checks time out`;
    const { lean, full } = both(text);
    expect(lean.needsTopology()).toBe(true);
    expect(() => lean.finishWith(undefined)).toThrow(/topology/);
    const again = new DiagnosisBase({ now: NOW });
    again.text(text);
    expect(again.finishWith(analyzeTopology)).toEqual(full.finish());
  });
});
