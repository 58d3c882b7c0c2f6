import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lookupField } from '../../../src/core/flowlog/fields.js';
import { KNOWN_LAYOUTS } from '../../../src/core/flowlog/known-formats.js';
import type { FlowFields, RecordItem, SkippedItem } from '../../../src/core/flowlog/types.js';
import { CORPUS_ROOT, compareEvent, flatten, PROCESSOR_KEY_MAP } from '../../helpers/elastic-corpus.js';
import { readAll } from '../../helpers/read-all.js';

/**
 * The beats `parse_aws_vpc_flow_log` processor's test cases (../shared/corpus/elastic-vpcflow/
 * beats-processor, read in place): AWS's own documentation sample lines, each with the `format` it was
 * written in, plus v5, v6 (Transit Gateway) and v7 (ECS) samples with the processor's typed output
 * (`*-original.golden.json`). Every sample is read with its format and, because every one of these
 * formats is one of AWS's known layouts, also without it; both readings must agree with a plain
 * field-by-token reading of the sample and with the golden output.
 */
const DIR = path.join(CORPUS_ROOT, 'beats-processor');

interface Case {
  name: string;
  format: string;
  samples: string[];
}

function loadCases(): Case[] {
  const doc = parse(readFileSync(path.join(DIR, 'aws-vpc-flow-logs.yml'), 'utf8'), { merge: true }) as Record<
    string,
    { format: string; samples: string[]; mode?: string }
  >;
  // the ecs and ecs_and_original modes repeat the original case's format and samples
  return Object.entries(doc)
    .filter(([, c]) => c.mode === undefined || c.mode === 'original')
    .map(([name, c]) => ({ name, format: c.format, samples: c.samples }));
}

/** The oracle: split on whitespace, pair tokens with names, drop `-`, numbers for int fields. */
function zip(format: string, sample: string): FlowFields {
  const names = format.split(' ');
  const tokens = sample.trim().split(/\s+/);
  expect(tokens).toHaveLength(names.length);
  const out: FlowFields = {};
  names.forEach((name, i) => {
    const t = tokens[i]!;
    if (t !== '-') out[name] = lookupField(name)?.kind === 'int' ? Number(t) : t;
  });
  return out;
}

type Read = RecordItem | SkippedItem;
const isRead = (i: { kind: string }): i is Read => i.kind === 'record' || i.kind === 'skipped';

/** JSON drops the `undefined` a `-` leaves on the fast path. */
const plain = (f: FlowFields) => JSON.parse(JSON.stringify(f)) as FlowFields;

describe.skipIf(!existsSync(DIR))("beats' aws_vpcflow processor test cases", () => {
  const cases = loadCases();
  const yamlLines = readFileSync(path.join(DIR, 'aws-vpc-flow-logs.yml'), 'utf8').split('\n');
  const known = (format: string) => KNOWN_LAYOUTS.some((l) => l.names.join(' ') === format);

  it('has the eight cases with samples, all of them in layouts AWS documents', () => {
    expect(cases.map((c) => c.name)).toHaveLength(8);
    expect(cases.filter((c) => !known(c.format)).map((c) => c.name)).toEqual([]);
    expect(
      cases.filter((c) => existsSync(path.join(DIR, `${c.name}.golden.json`))).map((c) => c.name),
    ).toEqual(['v5-fields-original', 'v6-fields-original', 'v7-fields-original']);
  });

  describe.each(cases)('$name', ({ name, format, samples }) => {
    it('reads every sample with its format, one record per line, every token in its field', () => {
      const { items } = readAll(samples.join('\n'), format);
      expect(items.map((i) => [i.line, i.kind === 'skipped' ? 'record' : i.kind])).toEqual(
        samples.map((_, i) => [i + 1, 'record']),
      );
      items.filter(isRead).forEach((item, i) => {
        expect(plain(item.fields)).toEqual(zip(format, samples[i]!));
      });
    });

    it('reads the samples as the AWS page prints them, trailing # comments included', () => {
      const raw = samples.map((s) => {
        const line = yamlLines.find((l) => l.includes(s.trim()))!;
        return line.replace(/^\s*-\s+/, '').replace(/^'(.*)'$/, '$1');
      });
      if (name === 'custom-nat-gateway') expect(raw.filter((l) => l.includes(' #'))).toHaveLength(2);
      const { items } = readAll(raw.join('\n'), format);
      expect(items.filter(isRead).map((i) => plain(i.fields))).toEqual(samples.map((s) => zip(format, s)));
    });

    it('reads every sample without its format, alone and all together, to the same fields', () => {
      for (const s of samples) {
        const { items, warnings } = readAll(s);
        const read = items.filter(isRead);
        expect(read, `${name}: ${s}`).toHaveLength(1);
        expect(plain(read[0]!.fields)).toEqual(zip(format, s));
        expect(['default', 'known']).toContain(read[0]!.format.source);
        expect(warnings.filter((w) => w.code === 'format-ambiguous')).toEqual([]);
      }
      const together = readAll(samples.join('\n')).items.filter(isRead);
      expect(together.map((i) => plain(i.fields))).toEqual(samples.map((s) => zip(format, s)));
    });

    const golden = path.join(DIR, `${name}.golden.json`);
    if (!existsSync(golden)) return;
    it('gives the fields and values of the processor’s golden output', () => {
      const events = JSON.parse(readFileSync(golden, 'utf8')) as Record<string, unknown>[];
      expect(events).toHaveLength(samples.length);
      events.forEach((event, i) => {
        expect(event.message).toBe(samples[i]);
        const withFormat = readAll(samples[i]!, format).items.filter(isRead)[0]!;
        const headerless = readAll(samples[i]!).items.filter(isRead)[0]!;
        for (const read of [withFormat, headerless]) {
          expect(
            compareEvent(flatten(event), read.fields, PROCESSOR_KEY_MAP, { file: name, line: i + 1 }),
          ).toEqual([]);
        }
      });
    });
  });
});
