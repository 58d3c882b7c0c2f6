import { cleanLine, isInsightsMeta } from './clean-line.js';
import { lookupField } from './fields.js';
import { type CompiledFormat, compileFormat, lineReaderFor, readTokens, viewReaderFor } from './format.js';
import { inferLayout, looksLikeRecord } from './infer-layout.js';
import { ACTION_ACCEPT, ACTION_REJECT, RecordView, STATUS_NODATA, STATUS_SKIPDATA } from './record-view.js';
import { hasOtherSeparator, splitTokens } from './tokens.js';
import type { FlowFields, IgnoredReason, ParseItem, ReaderStats, ReaderWarning } from './types.js';

export interface FlowLogReaderOptions {
  /** A format the user gave: `${version} ${srcaddr} …`, or names separated by spaces or commas. */
  format?: string;
  /** Receives every line's outcome, in input order. */
  onItem: (item: ParseItem) => void;
  /**
   * The fast lane: when given, clean records (not NODATA/SKIPDATA, not Transit Gateway) of the current
   * layout read in place by {@link FlowLogReader.lineIn} come here as a reused view instead of as
   * items to `onItem`; everything else still goes to `onItem`, in input order.
   */
  onRecord?: (view: RecordView) => void;
  /**
   * Reads a line of the fast lane into the view instead of the layout's own reader, with the same
   * contract (true: the line is a record of `format`, now in the view). Lets the reading of the lines be
   * done elsewhere (another thread that reads the same lines with the same options, see
   * view-transfer.ts), or observed.
   */
  readView?: ReadView;
}

export type ReadView = (
  view: RecordView,
  text: string,
  start: number,
  end: number,
  format: CompiledFormat,
  line: number,
) => boolean;

interface Ambiguous {
  ambiguous: string;
  warning: ReaderWarning;
}

interface Table {
  columns: string[];
  messageColumn: number;
  format?: CompiledFormat;
  fieldColumns: number[];
}

const MAX_WARNING_LINES = 200;
const FIELD_NAME_SHAPE = /^[a-z][a-z0-9]*([-_][a-z0-9]+)+$/;

/**
 * Reads flow-log text one line at a time, whatever it is wrapped in, and never throws on user text.
 * Every line becomes a record, a skipped (NODATA/SKIPDATA) record, an ignored line or an invalid line
 * with a reason. A line that reads as a record of the current layout takes the fast path: one split,
 * one pass over the tokens; everything else (noise, headers, inference) takes the slow path.
 */
export class FlowLogReader {
  private lineNo = 0;
  private readonly tokens: string[] = [];
  private readonly onItem: (item: ParseItem) => void;
  private readonly onRecord: ((view: RecordView) => void) | undefined;
  private readonly readView: ReadView | undefined;
  private readonly view = new RecordView();
  private current: CompiledFormat | undefined;
  private readonly userFormat: CompiledFormat | undefined;
  private readonly byCount = new Map<number, CompiledFormat | Ambiguous>();
  private table: Table | undefined;
  /** the layout most recently inferred for headerless lines: tried first on the next line */
  private lastInferred: CompiledFormat | undefined;
  private readonly used: CompiledFormat[] = [];
  /** records per layout; the layout last counted is cached, as consecutive records share it */
  private readonly perFormat = new Map<CompiledFormat, { n: number }>();
  private countedFormat: CompiledFormat | undefined;
  private countedRecords: { n: number } | undefined;
  private readonly warnings: ReaderWarning[] = [];
  private nextId = 1;
  /** set while the messages of one multi-message line are read: numbers their parts */
  private multi: { next: number } | undefined;
  readonly stats: ReaderStats = {
    lines: 0,
    records: 0,
    tgwRecords: 0,
    nodata: 0,
    skipdata: 0,
    invalid: 0,
    ignored: 0,
    accept: 0,
    reject: 0,
    formats: [],
  };

  constructor(options: FlowLogReaderOptions) {
    this.onItem = options.onItem;
    this.onRecord = options.onRecord;
    this.readView = options.readView;
    if (options.format !== undefined && options.format.trim() !== '') {
      const names = parseFormatString(options.format);
      this.userFormat = this.compile(names, 'user', `your format (${names.length} fields)`);
      this.current = this.userFormat;
    }
  }

  /**
   * Reads one line (without its line break). A pasted line with a tab, a no-break space or another
   * control character goes straight to the careful path, which splits on all of them.
   */
  line(raw: string): void {
    if (hasOtherSeparator(raw)) {
      ++this.lineNo;
      this.slow(raw, this.lineNo);
      return;
    }
    this.lineIn(raw, 0, raw.length);
  }

  /**
   * Reads the line `text.slice(start, end)` (without its line break) where it lies, in a larger text
   * such as a chunk of a file: a clean record is read without copying the line out.
   */
  lineIn(text: string, start: number, end: number): void {
    const line = ++this.lineNo;
    const fmt = this.current ?? this.lastInferred;
    if (fmt !== undefined) {
      if (fmt.fast === undefined) fmt.fast = lineReaderFor(fmt);
      if (this.onRecord !== undefined && !fmt.tgw) {
        if (fmt.view === undefined) fmt.view = viewReaderFor(fmt) ?? null;
        const v = this.view;
        if (fmt.view !== null) {
          if (
            this.readView === undefined
              ? fmt.view(v, text, start, end)
              : this.readView(v, text, start, end, fmt, line)
          ) {
            v.line = line;
            this.recordView(v, fmt);
            return;
          }
          this.slow(start === 0 && end === text.length ? text : text.slice(start, end), line);
          return;
        }
      }
      const r = fmt.fast(text, start, end);
      if (r !== undefined) {
        this.record(r, fmt, line, undefined);
        return;
      }
    }
    this.slow(start === 0 && end === text.length ? text : text.slice(start, end), line);
  }

  /** Reads a whole text (a chat paste); lines are split on LF, CRLF or CR. */
  text(text: string): void {
    for (const l of text.split(/\r\n|\n|\r/)) this.line(l);
  }

  /** Finishes reading: the counts and the warnings about formats and unreadable lines. */
  end(): { stats: ReaderStats; warnings: ReaderWarning[] } {
    this.stats.lines = this.lineNo;
    this.stats.formats = this.used.map((f) => ({
      label: f.label,
      source: f.source,
      fields: f.size,
      records: this.perFormat.get(f)?.n ?? 0,
      tgw: f.tgw,
    }));
    return { stats: this.stats, warnings: this.warnings };
  }

  private compile(names: readonly string[], source: CompiledFormat['source'], label: string): CompiledFormat {
    return compileFormat(names, source, label, this.nextId++);
  }

  private slow(raw: string, line: number): void {
    const c = cleanLine(raw);
    switch (c.kind) {
      case 'ignored':
        this.ignore(c.reason, raw, line);
        return;
      case 'format':
        this.current = this.compile(c.names, 'user', `format on line ${line} (${c.names.length} fields)`);
        this.ignore('format', raw, line);
        return;
      case 'table-header': {
        const columns = c.columns;
        const fieldColumns = columns.map((_, i) => i).filter((i) => !isInsightsMeta(columns[i]!));
        this.table = {
          columns,
          messageColumn: columns.findIndex((x) => x.toLowerCase() === '@message'),
          fieldColumns,
          format:
            fieldColumns.length >= 2
              ? this.compile(
                  fieldColumns.map((i) => columns[i]!),
                  'header',
                  `table header on line ${line} (${fieldColumns.length} fields)`,
                )
              : undefined,
        };
        this.ignore('header', raw, line);
        return;
      }
      case 'table-row':
        this.tableRow(c.cells, raw, line);
        return;
      case 'text': {
        if (c.texts.length === 1) {
          this.readText(c.texts[0]!, raw, line, c.elided, undefined);
          return;
        }
        // Several messages on one line (a CloudWatch subscription payload): one part per record or
        // unreadable message, numbered across the whole line; prose and blanks between them add nothing.
        const multi = { next: 0 };
        this.multi = multi;
        try {
          for (const t of c.texts) this.readText(t, raw, line, c.elided, undefined);
        } finally {
          this.multi = undefined;
        }
        if (multi.next === 0) this.ignore('text', raw, line);
        return;
      }
    }
  }

  private tableRow(cells: string[], raw: string, line: number): void {
    const table = this.table;
    if (table?.format && cells.length === table.columns.length) {
      const tokens = table.fieldColumns.map((i) => cells[i] || '-');
      const r = readTokens(tokens, 0, table.format, false);
      if (typeof r !== 'string') this.record(r, table.format, line, undefined);
      else this.invalid(line, raw, r);
      return;
    }
    if (table && table.messageColumn >= 0 && cells.length === table.columns.length) {
      this.readText(cells[table.messageColumn]!, raw, line, false, undefined);
      return;
    }
    const longest = cells.reduce((a, b) => (b.length > a.length ? b : a), '');
    this.readText(longest.split(/\s+/).length >= 6 ? longest : cells.join(' '), raw, line, false, undefined);
  }

  /** Reads cleaned text; returns how many records it held. */
  private readText(
    text: string,
    raw: string,
    line: number,
    elided: boolean,
    part: number | undefined,
  ): number {
    const tokens = this.tokens;
    const n = splitTokens(text, tokens);
    if (n === 0) {
      this.ignore('blank', raw, line);
      return 0;
    }
    if (this.isHeader(tokens, n)) {
      const names = tokens.slice(0, n);
      const header = this.compile(names, 'header', `header on line ${line} (${n} fields)`);
      if (this.userFormat && this.userFormat.names.join(' ') !== header.names.join(' ')) {
        this.warnings.push({
          code: 'format-conflict',
          line,
          message: `line ${line} is a header that differs from the format you gave; the header is used from there on`,
        });
      }
      this.current = header;
      this.ignore('header', raw, line);
      return 0;
    }

    if (elided) return this.readElided(tokens, n, raw, line, part);

    let reason: string | undefined;
    const cur = this.current;
    if (cur) {
      if (n === cur.size) {
        const r = readTokens(tokens, 0, cur, false);
        if (typeof r !== 'string') {
          this.record(r, cur, line, part);
          return 1;
        }
        reason = `${r} (reading it as ${cur.label})`;
      } else if (n > cur.size) {
        const found = this.scan(tokens, n, cur, line);
        if (found > 0) return found;
      }
    }

    const cached = this.byCount.get(n);
    if (cached !== undefined) {
      if ('ambiguous' in cached) {
        this.ambiguous(cached, raw, line);
        return 0;
      }
      const r = readTokens(tokens, 0, cached, false);
      if (typeof r !== 'string') {
        this.record(r, cached, line, part);
        return 1;
      }
      reason ??= `${r} (reading it as ${cached.label})`;
    } else if (reason === undefined) {
      const inf = inferLayout(tokens, n);
      if (inf.kind === 'layout') {
        const f = inf.format;
        this.byCount.set(f.size, f);
        this.lastInferred = f;
        if (f.source !== 'default') {
          this.warnings.push({
            code: 'format-inferred',
            line,
            message: `line ${line} has no header; its fields fit ${f.label}, so it was read that way (give the format if that is wrong)`,
          });
        }
        if (!inf.scanned) {
          const r = readTokens(tokens, 0, f, false);
          if (typeof r !== 'string') {
            this.record(r, f, line, part);
            return 1;
          }
        } else {
          const found = this.scan(tokens, n, f, line);
          if (found > 0) return found;
        }
      } else if (inf.kind === 'ambiguous') {
        const amb: Ambiguous = {
          ambiguous: inf.message,
          warning: {
            code: 'format-ambiguous',
            line,
            lines: [],
            message: `${capitalise(inf.message)}. Paste the header line of the file, or the flow log's format: aws ec2 describe-flow-logs --query 'FlowLogs[].LogFormat'`,
          },
        };
        this.warnings.push(amb.warning);
        this.byCount.set(n, amb);
        this.ambiguous(amb, raw, line);
        return 0;
      }
    }

    if (!looksLikeRecord(tokens, n)) {
      this.ignore('text', raw, line);
      return 0;
    }
    if (reason === undefined) {
      const size = cur?.size;
      reason =
        size !== undefined
          ? `it has ${n} fields but ${cur!.label} has ${size}`
          : `it has ${n} fields and matches no flow-log layout`;
    }
    this.invalid(line, raw, reason);
    return 0;
  }

  /** A line ending in `...`: a record if it still is one, else "cut off" (or prose). */
  private readElided(
    tokens: readonly string[],
    n: number,
    raw: string,
    line: number,
    part: number | undefined,
  ): number {
    const fmt = this.current ?? this.lastInferred;
    if (fmt && n === fmt.size) {
      const r = readTokens(tokens, 0, fmt, false);
      if (typeof r !== 'string') {
        this.record(r, fmt, line, part);
        return 1;
      }
    }
    if (looksLikeRecord(tokens, n)) this.invalid(line, raw, 'the line is cut off (it ends in "...")');
    else this.ignore('text', raw, line);
    return 0;
  }

  /** Finds records inside a longer token run (records run together, or wrapped in prose). */
  private scan(tokens: readonly string[], n: number, fmt: CompiledFormat, line: number): number {
    let found = 0;
    for (let pos = 0; pos + fmt.size <= n; ) {
      const r = readTokens(tokens, pos, fmt, true);
      if (typeof r === 'string') {
        pos++;
        continue;
      }
      this.record(r, fmt, line, found);
      found++;
      pos += fmt.size;
    }
    return found;
  }

  /** Field names only, nearly all of them known: `version account-id …`, `srcAddr dstAddr …`. */
  private isHeader(tokens: readonly string[], n: number): boolean {
    if (n < 3) return false;
    let known = 0;
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      if (lookupField(t) !== undefined) known++;
      else if (!FIELD_NAME_SHAPE.test(t)) return false;
    }
    return known >= Math.max(2, Math.ceil(n * 0.75));
  }

  /** A record read into the view: counted as {@link record} counts it, then handed over. */
  private recordView(v: RecordView, format: CompiledFormat): void {
    const status = v.status;
    if (status === STATUS_NODATA || status === STATUS_SKIPDATA) {
      this.record(v.fields(), format, v.line, undefined);
      return;
    }
    if (format !== this.countedFormat) this.countFormat(format);
    this.countedRecords!.n++;
    const s = this.stats;
    s.records++;
    if (v.action === ACTION_ACCEPT) s.accept++;
    else if (v.action === ACTION_REJECT) s.reject++;
    this.onRecord!(v);
  }

  /** Makes `format` the one whose records are being counted (a layout is listed once it has a record). */
  private countFormat(format: CompiledFormat): void {
    let counter = this.perFormat.get(format);
    if (counter === undefined) {
      this.used.push(format);
      counter = { n: 0 };
      this.perFormat.set(format, counter);
    }
    this.countedFormat = format;
    this.countedRecords = counter;
  }

  private record(
    fields: FlowFields,
    format: CompiledFormat,
    line: number,
    scanPart: number | undefined,
  ): void {
    const part = this.multi ? this.multi.next++ : scanPart;
    const status = fields['log-status'];
    if (format !== this.countedFormat) this.countFormat(format);
    const s = this.stats;
    if (status === 'NODATA' || status === 'SKIPDATA') {
      if (status === 'NODATA') s.nodata++;
      else s.skipdata++;
      this.onItem({ kind: 'skipped', line, part, status, fields, format });
      return;
    }
    this.countedRecords!.n++;
    s.records++;
    const action = fields.action;
    if (action === 'ACCEPT') s.accept++;
    else if (action === 'REJECT') s.reject++;
    if (format.tgw) s.tgwRecords++;
    this.onItem({ kind: 'record', line, part, fields, format });
  }

  private ignore(reason: IgnoredReason, text: string, line: number): void {
    if (this.multi) return;
    this.stats.ignored++;
    this.onItem({ kind: 'ignored', line, reason, text });
  }

  private invalid(line: number, text: string, reason: string, formatAmbiguous = false): void {
    this.stats.invalid++;
    const part = this.multi ? this.multi.next++ : undefined;
    this.onItem(
      formatAmbiguous
        ? { kind: 'invalid', line, part, reason, text, formatAmbiguous: true }
        : { kind: 'invalid', line, part, reason, text },
    );
  }

  private ambiguous(amb: Ambiguous, raw: string, line: number): void {
    const lines = amb.warning.lines!;
    if (lines.length < MAX_WARNING_LINES) lines.push(line);
    this.invalid(line, raw, amb.ambiguous, true);
  }
}

/** `${a} ${b}`, `a b`, `a,b` or `a_b` spellings; returns the names as written. */
export function parseFormatString(format: string): string[] {
  const placeholders = [...format.matchAll(/\$\{([A-Za-z0-9_-]+)\}/g)].map((m) => m[1]!);
  if (placeholders.length > 0) return placeholders;
  return format
    .replace(/^['"]|['"]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
