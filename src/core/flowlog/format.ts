import { type FieldSpec, lookupField, unknownField } from './fields.js';
import { hasOtherSeparator, looksLikeAddress, MAX_INT_DIGITS, parseUint, startsWith } from './tokens.js';
import type { FlowFields, FlowFormat, FormatSource } from './types.js';

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

/** Reads one clean line, `text.slice(start, end)`, of a layout; see {@link lineReaderFor}. */
export type LineReader = (text: string, start: number, end: number) => FlowFields | undefined;

const SAFE_NAME = /^[A-Za-z0-9@_-]{1,64}$/;

/**
 * The hot path: a reader specialised for one layout. It reads the line in place inside a larger text
 * (a chunk of a file), finds fields with `indexOf(' ')`, parses integers from the characters without
 * slicing, checks an address's shape cheaply (the careful path checks it fully), and builds the record
 * as one object literal, so every record of a layout has the same shape. A field that was `-` is
 * present as `undefined` (JSON output drops it). Returns undefined when the line is not a clean,
 * single-spaced record of this layout; the caller then takes the careful path, which also says why.
 *
 * The function is generated once per layout. Field names only enter the generated code as JSON string
 * literals, and only when they are plain names; anything else uses the generic reader.
 */
export function lineReaderFor(fmt: CompiledFormat): LineReader {
  if (!fmt.names.every((n) => SAFE_NAME.test(n)))
    return (text, start, end) => readLineGeneric(text.slice(start, end), fmt);
  const last = fmt.size - 1;
  let body = 'let i = start, j = 0, c = 0, n = 0, q = 0;\n';
  const props: string[] = [];
  for (let f = 0; f <= last; f++) {
    const v = `v${f}`;
    body +=
      f === last
        ? "j = end; if (j <= i) return undefined; c = text.indexOf(' ', i); if (c >= 0 && c < end) return undefined;\n"
        : "j = text.indexOf(' ', i); if (j <= i || j >= end) return undefined;\n";
    body += `let ${v};\nif (j - i === 1 && text.charCodeAt(i) === 45) ${v} = undefined;\n`;
    switch (fmt.kinds[f]) {
      case K_INT:
        body += `else { if (j - i > ${MAX_INT_DIGITS}) return undefined; n = 0; for (let q = i; q < j; q++) { c = text.charCodeAt(q) - 48; if (c < 0 || c > 9) return undefined; n = n * 10 + c; } ${v} = n; }\n`;
        break;
      case K_ACTION:
        body += `else { ${v} = text.slice(i, j); if (${v} !== 'ACCEPT' && ${v} !== 'REJECT') return undefined; }\n`;
        break;
      case K_STATUS:
        body += `else { ${v} = text.slice(i, j); if (${v} !== 'OK' && ${v} !== 'NODATA' && ${v} !== 'SKIPDATA') return undefined; }\n`;
        break;
      case K_ADDR:
        // The first and last fields get the full check (see the string case); the others a cheap shape
        // check (the careful path checks fully): starts with a hex digit or ':' and has a '.' or ':'
        // within its first 5 characters, as IPv4 and IPv6 addresses do and IDs, words, ACCEPT, numbers
        // and times do not.
        body +=
          f === 0 || f === last
            ? `else { ${v} = text.slice(i, j); if (!isAddr(${v})) return undefined; }\n`
            : `else { c = text.charCodeAt(i); if (!((c >= 48 && c <= 58) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) return undefined; n = j < i + 5 ? j : i + 5; q = i + 1; while (q < n) { c = text.charCodeAt(q); if (c === 46 || c === 58) break; q++; } if (q === n) return undefined; ${v} = text.slice(i, j); }\n`;
        break;
      default:
        // The first and last fields are where a tab-separated prefix or suffix (a console's timestamp,
        // a comment) would hide inside a token: scan them. A middle field can only hold a tab if the
        // line has one token too many; line() sends any line with a tab to the careful path.
        body +=
          f === 0 || f === last
            ? `else { for (let q = i; q < j; q++) { c = text.charCodeAt(q); if (c < 33 || c === 160) return undefined; } ${v} = text.slice(i, j); }\n`
            : `else ${v} = text.slice(i, j);\n`;
    }
    body += 'i = j + 1;\n';
    props.push(`${JSON.stringify(fmt.names[f])}: ${v}`);
  }
  body += `return { ${props.join(', ')} };`;
  const make = new Function('isAddr', `return function readLine(text, start, end) {\n${body}\n};`);
  return make(looksLikeAddress) as LineReader;
}

/** The same contract as a generated reader, for layouts with unusual field names. */
function readLineGeneric(text: string, fmt: CompiledFormat): FlowFields | undefined {
  if (text.length === 0 || hasOtherSeparator(text)) return undefined;
  const tokens = text.split(' ');
  if (tokens.length !== fmt.size || tokens.includes('')) return undefined;
  const r = readTokens(tokens, 0, fmt, false);
  return typeof r === 'string' ? undefined : r;
}
