import type { TextLine } from '../../../analysis-context.js';
import type { ModelBuilder } from '../../model/builder.js';

export function readCompact(_lines: readonly TextLine[], _b: ModelBuilder): Set<number> {
  return new Set();
}
