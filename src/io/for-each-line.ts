import { StringDecoder } from 'node:string_decoder';

const MAX_LINE = 4 << 20;

/**
 * Splits byte chunks into lines (LF or CRLF; the break is not included) and calls `onLine` for each.
 * Only the unfinished tail of a chunk is carried over, so memory does not grow with the input.
 */
export async function forEachLine(
  chunks: AsyncIterable<Buffer>,
  onLine: (line: string) => void,
): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of chunks) {
    const text = rest + decoder.write(chunk);
    let pos = 0;
    for (;;) {
      const nl = text.indexOf('\n', pos);
      if (nl < 0) break;
      const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      onLine(text.slice(pos, end));
      pos = nl + 1;
    }
    rest = pos === 0 ? text : text.slice(pos);
    if (rest.length > MAX_LINE) {
      // A "line" this long is records run together with no breaks: cut it at a space and go on,
      // so that memory stays bounded (the reader re-splits records run together on one line).
      const cut = rest.lastIndexOf(' ');
      const at = cut > 0 ? cut : rest.length;
      onLine(rest.slice(0, at));
      rest = rest.slice(at + 1);
    }
  }
  rest += decoder.end();
  if (rest.length > 0) onLine(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
}
