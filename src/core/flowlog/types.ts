import type { FieldSpec } from './fields.js';

/**
 * One flow-log record's fields, keyed by the AWS field name exactly as AWS spells it. A field whose
 * value was `-` is absent. Integer fields are numbers; IDs, account IDs and addresses are strings.
 */
export interface FlowFields {
  version?: number;
  'account-id'?: string;
  'interface-id'?: string;
  srcaddr?: string;
  dstaddr?: string;
  srcport?: number;
  dstport?: number;
  protocol?: number;
  packets?: number;
  bytes?: number;
  start?: number;
  end?: number;
  action?: 'ACCEPT' | 'REJECT';
  'log-status'?: LogStatus;
  'vpc-id'?: string;
  'subnet-id'?: string;
  'instance-id'?: string;
  'tcp-flags'?: number;
  type?: string;
  'pkt-srcaddr'?: string;
  'pkt-dstaddr'?: string;
  region?: string;
  'az-id'?: string;
  'pkt-src-aws-service'?: string;
  'pkt-dst-aws-service'?: string;
  'flow-direction'?: string;
  'traffic-path'?: number;
  'reject-reason'?: string;
  'resource-type'?: string;
  'tgw-id'?: string;
  'tgw-attachment-id'?: string;
  'tgw-src-vpc-id'?: string;
  'tgw-dst-vpc-id'?: string;
  'tgw-src-subnet-id'?: string;
  'tgw-dst-subnet-id'?: string;
  'tgw-src-eni'?: string;
  'tgw-dst-eni'?: string;
  'tgw-pair-attachment-id'?: string;
  'packets-lost-no-route'?: number;
  'packets-lost-blackhole'?: number;
  'packets-lost-mtu-exceeded'?: number;
  'packets-lost-ttl-expired'?: number;
  [field: string]: string | number | undefined;
}

export type LogStatus = 'OK' | 'NODATA' | 'SKIPDATA';

/** Where a record layout came from, most trusted first. */
export type FormatSource = 'header' | 'user' | 'default' | 'known' | 'inferred';

export interface FlowFormat {
  /** stable index within one reader, for grouping */
  id: number;
  fields: readonly FieldSpec[];
  /** a short human label, e.g. "default v2 (14 fields)" or "header on line 3 (29 fields)" */
  label: string;
  source: FormatSource;
  /** true when the layout holds Transit Gateway fields (no `action`; packets-lost-* instead) */
  tgw: boolean;
}

interface Located {
  /** 1-based line number in the input */
  line: number;
  /** when several records were run together on one line: 0-based index within that line */
  part?: number;
}

export interface RecordItem extends Located {
  kind: 'record';
  fields: FlowFields;
  format: FlowFormat;
}

/** A NODATA or SKIPDATA record: no evidence about traffic, but evidence about logging. */
export interface SkippedItem extends Located {
  kind: 'skipped';
  status: 'NODATA' | 'SKIPDATA';
  fields: FlowFields;
  format: FlowFormat;
}

export type IgnoredReason = 'blank' | 'header' | 'format' | 'comment' | 'fence' | 'elision' | 'text';

/** A line that is not a record and not a mistake: a header, a fence, prose, JSON config… */
export interface IgnoredItem extends Located {
  kind: 'ignored';
  reason: IgnoredReason;
  text: string;
}

/** A line that looks like a record but cannot be read; `reason` is written for a person. */
export interface InvalidItem extends Located {
  kind: 'invalid';
  reason: string;
  text: string;
  /** set when the line is unreadable only because its layout is ambiguous (one reader warning says so for all) */
  formatAmbiguous?: true;
}

export type ParseItem = RecordItem | SkippedItem | IgnoredItem | InvalidItem;

export interface ReaderWarning {
  code: 'format-ambiguous' | 'format-inferred' | 'format-conflict' | 'invalid-lines' | 'truncated-lines';
  message: string;
  /** first line it concerns */
  line?: number;
  lines?: number[];
}

export interface ReaderStats {
  lines: number;
  records: number;
  tgwRecords: number;
  nodata: number;
  skipdata: number;
  invalid: number;
  ignored: number;
  accept: number;
  reject: number;
  /** the layouts used, with how many records each read */
  formats: { label: string; source: FormatSource; fields: number; records: number; tgw: boolean }[];
}
