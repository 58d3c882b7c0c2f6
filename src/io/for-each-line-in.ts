import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';

const MAX_LINE = 4 << 20;

/**
 * Splits byte chunks into lines (LF or CRLF; the break is not included) and calls
 * `onLine(text, start, end)` for each, where the line is `text.slice(start, end)`: lines are not copied
 * out of the chunk, so a reader can take what it needs in place. Only the unfinished tail of a chunk is
 * carried over, so memory does not grow with the input. Pure-ASCII chunks (nearly all flow logs) are
 * decoded as Latin-1, which is exact for ASCII and cheaper than UTF-8.
 */
export async function forEachLineIn(
  chunks: AsyncIterable<Buffer>,
  onLine: (text: string, start: number, end: number) => void,
): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let utf8 = false;
  let rest = '';
  for await (const chunk of chunks) {
    if (!utf8 && !isAscii(chunk)) utf8 = true;
    const decoded = utf8 ? decoder.write(chunk) : chunk.toString('latin1');
    const text = rest.length > 0 ? rest + decoded : decoded;
    let pos = 0;
    for (;;) {
      const nl = text.indexOf('\n', pos);
      if (nl < 0) break;
      onLine(text, pos, nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
      pos = nl + 1;
    }
    rest = pos === 0 ? text : text.slice(pos);
    if (rest.length > MAX_LINE) {
      // A "line" this long is records run together with no breaks: cut it at a space and go on,
      // so that memory stays bounded (the reader re-splits records run together on one line).
      const cut = rest.lastIndexOf(' ');
      const at = cut > 0 ? cut : rest.length;
      onLine(rest, 0, at);
      rest = rest.slice(at + 1);
    }
  }
  if (utf8) rest += decoder.end();
  if (rest.length > 0) onLine(rest, 0, rest.endsWith('\r') ? rest.length - 1 : rest.length);
}
