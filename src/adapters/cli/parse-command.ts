import { FlowLogReader } from '../../core/flowlog/reader.js';
import type { ParseItem } from '../../core/flowlog/types.js';
import { recordJson } from '../../render/record-json.js';
import { RECORD_TABLE_HEADER, recordRow } from '../../render/record-row.js';
import { Output } from './output.js';
import { readInputLines } from './read-input.js';

export interface ParseOptions {
  json?: boolean;
  stats?: boolean;
  format?: string;
  invalid?: boolean;
}

/** `vpcdiag parse FILE|-`: the records as a table, as JSON lines, or only their counts. */
export async function parseCommand(path: string, options: ParseOptions): Promise<number> {
  const out = new Output();
  const invalid: string[] = [];
  let header = false;
  const onItem = options.stats
    ? (item: ParseItem) => {
        if (item.kind === 'invalid' && invalid.length < 20) invalid.push(`line ${item.line}: ${item.reason}`);
      }
    : (item: ParseItem) => {
        if (item.kind === 'record' || item.kind === 'skipped') {
          if (options.json) out.line(JSON.stringify(recordJson(item)));
          else {
            if (!header) {
              out.line(RECORD_TABLE_HEADER);
              header = true;
            }
            out.line(recordRow(item));
          }
        } else if (item.kind === 'invalid') {
          if (invalid.length < 20) invalid.push(`line ${item.line}: ${item.reason}`);
        }
      };
  const reader = new FlowLogReader({ format: options.format, onItem });
  await readInputLines(path, (t, s, e) => reader.lineIn(t, s, e));
  const { stats, warnings } = reader.end();
  if (options.stats) {
    if (options.json) {
      out.line(JSON.stringify(stats));
    } else {
      out.line(`lines     ${stats.lines}`);
      out.line(
        `records   ${stats.records}${stats.tgwRecords ? ` (${stats.tgwRecords} transit gateway)` : ''}`,
      );
      out.line(`  ACCEPT  ${stats.accept}`);
      out.line(`  REJECT  ${stats.reject}`);
      out.line(
        `skipped   ${stats.nodata + stats.skipdata} (NODATA ${stats.nodata}, SKIPDATA ${stats.skipdata})`,
      );
      out.line(`invalid   ${stats.invalid}`);
      out.line(`ignored   ${stats.ignored}`);
      for (const f of stats.formats) out.line(`format    ${f.label}: ${f.records} records`);
    }
  }
  await out.flush();
  for (const w of warnings) process.stderr.write(`vpcdiag: ${w.message}\n`);
  for (const i of invalid) process.stderr.write(`vpcdiag: ${i}\n`);
  if (stats.invalid > invalid.length)
    process.stderr.write(`vpcdiag: and ${stats.invalid - invalid.length} more invalid lines\n`);
  return 0;
}
