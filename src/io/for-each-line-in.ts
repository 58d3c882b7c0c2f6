import { LineSplitter, type OnLine } from './line-splitter.js';

/**
 * Splits byte chunks into lines (LF or CRLF; the break is not included) and calls
 * `onLine(text, start, end)` for each, where the line is `text.slice(start, end)` (see LineSplitter).
 */
export async function forEachLineIn(chunks: AsyncIterable<Buffer>, onLine: OnLine): Promise<void> {
  const splitter = new LineSplitter(onLine);
  for await (const chunk of chunks) splitter.push(chunk);
  splitter.end();
}
