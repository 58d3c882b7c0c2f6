import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { protocolName } from '../../src/core/flowlog/protocol-name.js';
import { decodeTcpFlags } from '../../src/core/flowlog/tcp-flags.js';
import type { FlowFields, ParseItem } from '../../src/core/flowlog/types.js';
import { readAll } from './read-all.js';

/**
 * Compares the flow-log reader with Elastic's test corpora (shared/corpus/elastic-vpcflow, Elastic
 * License: read in place at test time, never copied into this repository).
 *
 * Elastic's events use their own names (ECS `source.address`, `network.iana_number`, `aws.vpcflow.*`);
 * the tables below map each of their keys to our AWS field name and say how the values compare.
 * A key that is neither mapped nor listed as enrichment is itself reported, so a new kind of key in
 * the corpus cannot slip through unchecked.
 */
export const CORPUS_ROOT = fileURLToPath(new URL('../../../shared/corpus/elastic-vpcflow/', import.meta.url));

export const ABSENT = '(absent)';

/** One difference between their event and our record for the same input line. */
export interface Mismatch {
  /** corpus-relative path of the `.log` (or the processor case name) */
  file: string;
  line: number;
  /** their key, or `(line)` when the line itself was read differently, or `(ours) field` */
  key: string;
  ours: unknown;
  theirs: unknown;
  /** the same value, only typed differently (their "6" against our 6) */
  typeOnly?: boolean;
  /** extra words for a failure message (our reason for an invalid line) */
  detail?: string;
}

type Compare = 'int' | 'string' | 'time' | 'flags' | 'transport';

interface Mapping {
  field: string;
  compare: Compare;
  /** derived from a field rather than holding it: does not count as "they have the field" */
  derived?: boolean;
}

const m = (field: string, compare: Compare, derived = false): Mapping => ({ field, compare, derived });

/**
 * Elastic's keys (integrations ingest pipeline and the beats module; both spell them the same, the
 * beats expected files flattened) → our field. For each field the first key listed is the one a
 * missing value is reported under.
 */
const ELASTIC_KEYS: Record<string, Mapping> = {
  'aws.vpcflow.version': m('version', 'int'),
  'aws.vpcflow.account_id': m('account-id', 'string'),
  'cloud.account.id': m('account-id', 'string'),
  'aws.vpcflow.interface_id': m('interface-id', 'string'),
  'source.address': m('srcaddr', 'string'),
  'source.ip': m('srcaddr', 'string'),
  'destination.address': m('dstaddr', 'string'),
  'destination.ip': m('dstaddr', 'string'),
  'source.port': m('srcport', 'int'),
  'destination.port': m('dstport', 'int'),
  'network.iana_number': m('protocol', 'int'),
  'aws.vpcflow.protocol': m('protocol', 'int'),
  'network.transport': m('protocol', 'transport', true),
  'network.packets': m('packets', 'int'),
  'source.packets': m('packets', 'int'),
  'network.bytes': m('bytes', 'int'),
  'source.bytes': m('bytes', 'int'),
  'event.start': m('start', 'time'),
  'aws.vpcflow.start': m('start', 'time'),
  'event.end': m('end', 'time'),
  'aws.vpcflow.end': m('end', 'time'),
  '@timestamp': m('end', 'time', true),
  'aws.vpcflow.action': m('action', 'string'),
  'event.action': m('action', 'string'),
  'aws.vpcflow.log_status': m('log-status', 'string'),
  'aws.vpcflow.vpc_id': m('vpc-id', 'string'),
  'aws.vpcflow.subnet_id': m('subnet-id', 'string'),
  'aws.vpcflow.instance_id': m('instance-id', 'string'),
  'cloud.instance.id': m('instance-id', 'string'),
  'aws.vpcflow.tcp_flags': m('tcp-flags', 'int'),
  'aws.vpcflow.tcp_flags_array': m('tcp-flags', 'flags', true),
  'aws.vpcflow.type': m('type', 'string'),
  'aws.vpcflow.pkt_srcaddr': m('pkt-srcaddr', 'string'),
  'aws.vpcflow.pkt_dstaddr': m('pkt-dstaddr', 'string'),
  'cloud.region': m('region', 'string'),
  'cloud.availability_zone': m('az-id', 'string'),
  'aws.vpcflow.pkt_src_service': m('pkt-src-aws-service', 'string'),
  'aws.vpcflow.pkt_dst_service': m('pkt-dst-aws-service', 'string'),
  'network.direction': m('flow-direction', 'string'),
  'aws.vpcflow.traffic_path': m('traffic-path', 'int'),
  'orchestrator.cluster.id': m('ecs-cluster-arn', 'string'),
  'orchestrator.cluster.name': m('ecs-cluster-name', 'string'),
  'orchestrator.resource.name': m('ecs-container-instance-arn', 'string'),
  'orchestrator.resource.id': m('ecs-container-instance-id', 'string'),
  'aws.vpcflow.ecs_container_id': m('ecs-container-id', 'string'),
  'aws.vpcflow.ecs_second_container_id': m('ecs-second-container-id', 'string'),
  'service.name': m('ecs-service-name', 'string'),
  'aws.vpcflow.ecs_task_definition_arn': m('ecs-task-definition-arn', 'string'),
  'aws.vpcflow.ecs_task_arn': m('ecs-task-arn', 'string'),
  'aws.vpcflow.ecs_task_id': m('ecs-task-id', 'string'),
  'event.reason': m('reject-reason', 'string'),
  'aws.vpcflow.tgw_id': m('tgw-id', 'string'),
  'aws.vpcflow.tgw_attachment_id': m('tgw-attachment-id', 'string'),
  'aws.vpcflow.tgw_src_vpc_id': m('tgw-src-vpc-id', 'string'),
  'aws.vpcflow.tgw_dst_vpc_id': m('tgw-dst-vpc-id', 'string'),
  'aws.vpcflow.tgw_src_eni': m('tgw-src-eni', 'string'),
  'aws.vpcflow.tgw_dst_eni': m('tgw-dst-eni', 'string'),
};

/**
 * Their keys that are not flow-log fields: GeoIP/ASN lookups, the community ID hash, ECS
 * categorisation derived from other fields, and ingest bookkeeping. Not compared.
 */
const ELASTIC_ENRICHMENT: RegExp[] = [
  /^(source|destination)\.(geo|as)\./, // GeoIP and ASN from a test database
  /^network\.community_id$/, // flow hash
  /^network\.type$/, // ipv4/ipv6 from the srcaddr spelling (not the `type` field)
  /^related\.ip$/, // both addresses again
  /^event\.(category|kind|type|outcome|dataset|module|ingested)$/, // ECS categorisation, from action
  /^event\.original$/, // the input line itself (used to pair events with lines)
  /^log\.offset$/, // byte offset (used to pair events with lines)
  /^(ecs\.version|fileset\.name|input\.type|service\.type|cloud\.provider|tags)$/, // constants
];

/** Flattens nested objects to dotted keys; empty objects (`"sublocation": {}`) disappear. */
export function flatten(value: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}) {
  for (const [k, v] of Object.entries(value)) {
    const key = prefix + k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      flatten(v as Record<string, unknown>, `${key}.`, out);
    else out[key] = v;
  }
  return out;
}

function compareValue(
  compare: Compare,
  ours: unknown,
  theirs: unknown,
): { equal: boolean; typeOnly?: boolean; ours: unknown } {
  switch (compare) {
    case 'int':
    case 'time': {
      if (typeof ours !== 'number') return { equal: false, ours };
      if (typeof theirs === 'number') return { equal: theirs === ours, ours };
      if (typeof theirs !== 'string') return { equal: false, ours };
      if (compare === 'time' && !/^\d+$/.test(theirs)) {
        // their ISO 8601 start/end against our epoch seconds
        return { equal: Date.parse(theirs) === ours * 1000, ours: new Date(ours * 1000).toISOString() };
      }
      return theirs === String(ours) ? { equal: false, typeOnly: true, ours } : { equal: false, ours };
    }
    case 'flags': {
      if (typeof ours !== 'number' || !Array.isArray(theirs)) return { equal: false, ours };
      const names = decodeTcpFlags(ours)
        .map((n) => n.toLowerCase())
        .sort();
      return { equal: JSON.stringify(names) === JSON.stringify([...theirs].sort()), ours: names };
    }
    case 'transport': {
      if (typeof ours !== 'number') return { equal: false, ours };
      const name = protocolName(ours).toLowerCase();
      return { equal: name === theirs, ours: name };
    }
    default:
      return { equal: ours === theirs, ours };
  }
}

export interface KeyMap {
  /** their key → how it maps; `undefined` for keys that are neither mapped nor enrichment */
  lookup(key: string): Mapping | 'ignore' | undefined;
  /** our field → their keys that hold it (first one first) */
  keysOf(field: string): string[];
}

export const ELASTIC_KEY_MAP: KeyMap = {
  lookup: (key) => ELASTIC_KEYS[key] ?? (ELASTIC_ENRICHMENT.some((r) => r.test(key)) ? 'ignore' : undefined),
  keysOf: (field) =>
    Object.entries(ELASTIC_KEYS)
      .filter(([, v]) => v.field === field && !v.derived)
      .map(([k]) => k),
};

/**
 * The beats `parse_aws_vpc_flow_log` processor in `original` mode: `aws.vpcflow.<aws name with
 * underscores>`, ints as numbers, start/end as RFC 3339, plus `tcp_flags_array`; `message` is the input.
 */
export const PROCESSOR_KEY_MAP: KeyMap = {
  lookup: (key) => {
    if (key === 'message') return 'ignore';
    const name = /^aws\.vpcflow\.(.+)$/.exec(key)?.[1];
    if (name === undefined) return undefined;
    if (name === 'tcp_flags_array') return m('tcp-flags', 'flags', true);
    const field = name.replace(/_/g, '-');
    const compare: Compare = field === 'start' || field === 'end' ? 'time' : 'string';
    return m(field, compare);
  },
  keysOf: (field) => [`aws.vpcflow.${field.replace(/-/g, '_')}`],
};

/** Processor output is typed: an int field must be a JSON number there, as it is here. */
function strictCompare(mapping: Mapping, ours: unknown): Compare {
  if (mapping.compare === 'string' && typeof ours === 'number') return 'int';
  return mapping.compare;
}

/** Every difference between one of their events and our fields for the same line. */
export function compareEvent(
  event: Record<string, unknown>,
  fields: FlowFields,
  map: KeyMap,
  where: { file: string; line: number },
): Mismatch[] {
  const out: Mismatch[] = [];
  const push = (x: Omit<Mismatch, 'file' | 'line'>) => out.push({ ...where, ...x });
  for (const [key, theirs] of Object.entries(event)) {
    const mapping = map.lookup(key);
    if (mapping === 'ignore') continue;
    if (mapping === undefined) {
      push({ key, ours: '(no mapping for this key)', theirs });
      continue;
    }
    const ours = fields[mapping.field];
    if (ours === undefined) {
      push({ key, ours: ABSENT, theirs });
      continue;
    }
    const r = compareValue(strictCompare(mapping, ours), ours, theirs);
    if (!r.equal) push({ key, ours: r.ours, theirs, ...(r.typeOnly ? { typeOnly: true } : {}) });
  }
  for (const [field, ours] of Object.entries(fields)) {
    if (ours === undefined) continue;
    const keys = map.keysOf(field);
    if (keys.length === 0) push({ key: `(ours) ${field}`, ours, theirs: ABSENT });
    else if (!keys.some((k) => k in event)) push({ key: keys[0]!, ours, theirs: ABSENT });
  }
  return out;
}

/** True when their event holds at least one flow-log field (beats passes unreadable lines through bare). */
function isRecordEvent(event: Record<string, unknown>, map: KeyMap): boolean {
  return Object.keys(event).some((k) => {
    const x = map.lookup(k);
    return x !== undefined && x !== 'ignore';
  });
}

/** Every `.log` under the corpus that has an `-expected.json` beside it, corpus-relative. */
export function corpusLogs(root = CORPUS_ROOT): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.log') && existsSync(path.join(root, `${rel}-expected.json`))) out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

export interface FileComparison {
  file: string;
  events: number;
  records: number;
  mismatches: Mismatch[];
}

const ELASTIC_DROPPED_LINE = /^(version|instance-id)\b/;

/**
 * Reads one corpus `.log` with the reader and compares every line with Elastic's event for it.
 * Integrations events are in line order, header and blank lines dropped; beats events carry the
 * byte offset of their line (`log.offset`). Each pairing is checked against `event.original`.
 */
export function compareCorpusFile(file: string, root = CORPUS_ROOT): FileComparison {
  const text = readFileSync(path.join(root, file), 'utf8');
  const parsed = JSON.parse(readFileSync(path.join(root, `${file}-expected.json`), 'utf8')) as
    | Record<string, unknown>[]
    | { expected: Record<string, unknown>[] };
  const events = (Array.isArray(parsed) ? parsed : parsed.expected).map((e) => flatten(e));
  const lines = text.split('\n');

  const eventOf = new Map<number, Record<string, unknown>>();
  if (events.every((e) => typeof e['log.offset'] === 'number')) {
    const lineAt = new Map<number, number>();
    let offset = 0;
    lines.forEach((l, i) => {
      lineAt.set(offset, i + 1);
      offset += Buffer.byteLength(l, 'utf8') + 1;
    });
    for (const e of events) {
      const line = lineAt.get(e['log.offset'] as number);
      if (line === undefined) throw new Error(`${file}: no line starts at byte ${e['log.offset']}`);
      eventOf.set(line, e);
    }
  } else {
    const candidates = lines
      .map((l, i) => ({ l, line: i + 1 }))
      .filter(({ l }) => l.trim() !== '' && !ELASTIC_DROPPED_LINE.test(l));
    if (candidates.length !== events.length) {
      throw new Error(`${file}: ${events.length} events for ${candidates.length} lines`);
    }
    candidates.forEach(({ line }, i) => {
      eventOf.set(line, events[i]!);
    });
  }
  for (const [line, e] of eventOf) {
    const original = e['event.original'];
    const l = lines[line - 1]!;
    if (
      typeof original === 'string' &&
      original !== l &&
      !l.includes(JSON.stringify(original).slice(1, -1))
    ) {
      throw new Error(`${file}: event paired with line ${line} is for another line`);
    }
  }

  const { items } = readAll(text);
  const byLine = new Map<number, ParseItem[]>();
  for (const it of items) byLine.set(it.line, [...(byLine.get(it.line) ?? []), it]);

  const mismatches: Mismatch[] = [];
  let records = 0;
  for (let line = 1; line <= lines.length; line++) {
    const mine = byLine.get(line) ?? [];
    const recs = mine.filter((i) => i.kind === 'record' || i.kind === 'skipped');
    records += recs.length;
    const event = eventOf.get(line);
    const theirsIsRecord = event !== undefined && isRecordEvent(event, ELASTIC_KEY_MAP);
    const where = { file, line };
    const other = mine.find((i) => i.kind === 'invalid' || i.kind === 'ignored');
    const detail = other && ('reason' in other ? String(other.reason) : undefined);
    if (recs.length > 1) {
      mismatches.push({ ...where, key: '(line)', ours: `${recs.length} records`, theirs: 'one record' });
    } else if (theirsIsRecord && recs.length === 0) {
      mismatches.push({ ...where, key: '(line)', ours: other?.kind ?? 'nothing', theirs: 'record', detail });
    } else if (!theirsIsRecord && recs.length === 1) {
      mismatches.push({
        ...where,
        key: '(line)',
        ours: 'record',
        theirs: event ? 'event without fields' : ABSENT,
      });
    } else if (theirsIsRecord && recs[0] && 'fields' in recs[0]) {
      mismatches.push(...compareEvent(event!, recs[0].fields, ELASTIC_KEY_MAP, where));
    }
  }
  return { file, events: events.length, records, mismatches };
}
