import type { TextLine } from '../../../analysis-context.js';
import type { InputWarning } from '../../../report/schema.js';
import type { ModelBuilder } from '../../model/builder.js';
import type { JsonBlock } from '../json/find-json-blocks.js';

export function readTopologyDocuments(
  _lines: readonly TextLine[],
  _blocks: readonly JsonBlock[],
  _used: Set<number>,
  _b: ModelBuilder,
): { warnings: InputWarning[] } {
  return { warnings: [] };
}
