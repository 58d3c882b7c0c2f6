import { type FieldSpec, lookupField, unknownField } from './fields.js';
import { generateLineReader, generateViewReader, type LineReader, type ViewReader } from './line-reader.js';
import { hasOtherSeparator, looksLikeAddress, parseUint, startsWith } from './tokens.js';
import type { FlowFields, FlowFormat, FormatSource } from './types.js';
import { warmReader } from './warm-reader.js';

export type { LineReader, ViewReader } from './line-reader.js';

const K_INT = 0;
const K_STRING = 1;
const K_ADDR = 2;
const K_ACTION = 3;
const K_STATUS = 4;

/** A layout ready for the hot path: parallel arrays instead of objects. */
export interface CompiledFormat extends FlowFormat {
  names: string[];
  kinds: Uint8Array;
  size: number;
  /** the generated hot-path reader, made on first use */
  fast?: LineReader;
  /** the generated reader into a RecordView, made on first use (null: none for this layout) */
  view?: ViewReader | null;
}

const KIND_CODE = { int: K_INT, string: K_STRING, addr: K_ADDR, action: K_ACTION, status: K_STATUS } as const;

/** Builds a layout from field names in any spelling; unknown names are read as opaque strings. */
export function compileFormat(
  names: readonly string[],
  source: FormatSource,
  label: string,
  id = 0,
): CompiledFormat {
  const fields: FieldSpec[] = names.map((n) => lookupField(n) ?? unknownField(n));
  return {
    id,
    fields,
    label,
    source,
    tgw: fields.some((s) => s.tgwOnly),
    names: fields.map((s) => s.name),
    kinds: Uint8Array.from(fields.map((s) => KIND_CODE[s.kind])),
    size: fields.length,
  };
}

/**
 * Reads `fmt.size` tokens starting at `start` into fields. Returns the fields, or a sentence saying
 * why the tokens are not a record of this layout. In `strict` mode every token must also have the
 * shape its field has in real logs (eni-…, 12-digit account, epoch seconds…): used when the layout is
 * a guess, or when records are being found inside a longer line.
 */
export function readTokens(
  tokens: readonly string[],
  start: number,
  fmt: CompiledFormat,
  strict: boolean,
): FlowFields | string {
  const out: FlowFields = {};
  const { names, kinds, size } = fmt;
  for (let i = 0; i < size; i++) {
    const t = tokens[start + i]!;
    if (t === '-') continue;
    const name = names[i]!;
    switch (kinds[i]) {
      case K_INT: {
        const n = parseUint(t);
        if (n < 0) {
          return /^\d+$/.test(t)
            ? `${name} is ${t.length} digits long, too large for a flow-log field`
            : `${name} is "${clip(t)}", not a number`;
        }
        if (strict && !intFits(name, n)) return `${name} ${n} is out of range`;
        out[name] = n;
        break;
      }
      case K_ADDR:
        if (!looksLikeAddress(t)) return `${name} is "${clip(t)}", not an IP address`;
        out[name] = t;
        break;
      case K_ACTION:
        if (t === 'ACCEPT' || t === 'REJECT') out.action = t;
        else return `action is "${clip(t)}", expected ACCEPT or REJECT`;
        break;
      case K_STATUS:
        if (t === 'OK' || t === 'NODATA' || t === 'SKIPDATA') out['log-status'] = t;
        else return `log-status is "${clip(t)}", expected OK, NODATA or SKIPDATA`;
        break;
      default:
        if (strict && !stringFits(name, t)) return `${name} is "${clip(t)}"`;
        out[name] = t;
    }
  }
  return out;
}

function clip(t: string): string {
  return t.length > 24 ? `${t.slice(0, 21)}…` : t;
}

function intFits(name: string, n: number): boolean {
  switch (name) {
    case 'version':
      return n >= 2 && n <= 20;
    case 'srcport':
    case 'dstport':
      return n <= 65535;
    case 'protocol':
      return n <= 255;
    case 'start':
    case 'end':
      return n >= 100_000_000;
    case 'tcp-flags':
      return n <= 255;
    case 'traffic-path':
      return n >= 1 && n <= 20;
    default:
      return true;
  }
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;
/**
 * An AZ ID (`use1-az5`, local zone `usw2-lax1-az1`) or, as some tools and samples (beats' TGW test
 * case) write it, an AZ name (`us-east-1a`).
 */
const AZ = /^([a-z]{2,5}\d(-[a-z]{3}\d)?-az\d+|[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d(-[a-z]+-\d)?[a-z])$/;
/**
 * 12 digits, as AWS writes account IDs; also 10 or 11 digits (a spreadsheet dropped the leading
 * zeros) and 12 characters redacted with x or * (`1234567890xx`), as people paste them.
 */
const ACCOUNT = /^(\d{10,12}|[\dxX*]{12})$/;

function stringFits(name: string, t: string): boolean {
  switch (name) {
    case 'account-id':
    case 'tgw-src-vpc-account-id':
    case 'tgw-dst-vpc-account-id':
      return t === 'unknown' || ACCOUNT.test(t);
    case 'interface-id':
    case 'tgw-src-eni':
    case 'tgw-dst-eni':
      return startsWith(t, 'eni-');
    case 'vpc-id':
    case 'tgw-src-vpc-id':
    case 'tgw-dst-vpc-id':
      return startsWith(t, 'vpc-');
    case 'subnet-id':
    case 'tgw-src-subnet-id':
    case 'tgw-dst-subnet-id':
      return startsWith(t, 'subnet-');
    case 'instance-id':
      return startsWith(t, 'i-');
    case 'tgw-id':
      return startsWith(t, 'tgw-') && !t.startsWith('tgw-attach-');
    case 'tgw-attachment-id':
    case 'tgw-pair-attachment-id':
      return startsWith(t, 'tgw-attach-');
    case 'type':
      return t === 'IPv4' || t === 'IPv6' || t === 'EFA';
    case 'flow-direction':
      return t === 'ingress' || t === 'egress';
    case 'resource-type':
      return t === 'TransitGateway' || t === 'TransitGatewayAttachment';
    case 'region':
      return REGION.test(t);
    case 'az-id':
    case 'tgw-src-az-id':
    case 'tgw-dst-az-id':
      return AZ.test(t);
    case 'pkt-src-aws-service':
    case 'pkt-dst-aws-service':
      return /^[A-Z0-9_]+$/.test(t);
    default:
      return true;
  }
}

const SAFE_NAME = /^[A-Za-z0-9@_-]{1,64}$/;

/**
 * The hot-path reader for a layout: generated (see line-reader.ts) when its field names are plain,
 * else the generic reader with the same contract.
 */
export function lineReaderFor(fmt: CompiledFormat): LineReader {
  if (!fmt.names.every((n) => SAFE_NAME.test(n)))
    return (text, start, end) => readLineGeneric(text.slice(start, end), fmt);
  const line = generateLineReader(fmt);
  warmReader(fmt, { line });
  return line;
}

/**
 * The reader that fills a {@link RecordView} for a layout, accepting exactly the lines
 * {@link lineReaderFor} accepts; undefined for layouts with unusual field names (read them as items).
 */
export function viewReaderFor(fmt: CompiledFormat): ViewReader | undefined {
  if (!fmt.names.every((n) => SAFE_NAME.test(n))) return undefined;
  const view = generateViewReader(fmt);
  warmReader(fmt, { view });
  return view;
}

/** The same contract as a generated reader, for layouts with unusual field names. */
function readLineGeneric(text: string, fmt: CompiledFormat): FlowFields | undefined {
  if (text.length === 0 || hasOtherSeparator(text)) return undefined;
  const tokens = text.split(' ');
  if (tokens.length !== fmt.size || tokens.includes('')) return undefined;
  const r = readTokens(tokens, 0, fmt, false);
  return typeof r === 'string' ? undefined : r;
}
