import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';

const MAX_LINE = 4 << 20;

export type OnLine = (text: string, start: number, end: number) => void;

/**
 * Splits byte chunks into lines (LF or CRLF; the break is not included) and calls
 * `onLine(text, start, end)` for each, where the line is `text.slice(start, end)`: lines are not copied
 * out of the chunk, so a reader can take what it needs in place. Only the unfinished tail of a chunk is
 * carried over, so memory does not grow with the input. Pure-ASCII chunks (nearly all flow logs) are
 * decoded as Latin-1, which is exact for ASCII and cheaper than UTF-8. A chunk may be reused by the
 * caller once `push` returns (its text is a copy).
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private utf8 = false;
  private rest = '';

  constructor(private readonly onLine: OnLine) {}

  push(chunk: Buffer): void {
    const onLine = this.onLine;
    if (!this.utf8 && !isAscii(chunk)) this.utf8 = true;
    // Lines are read in place in `text`, the chunk as decoded: a flat string. (Prepending the
    // unfinished line of the previous chunk would make a concatenated string, whose characters the
    // reader's hot path reads much more slowly.) That unfinished line is completed on its own.
    const text = this.utf8 ? this.decoder.write(chunk) : chunk.toString('latin1');
    let pos = 0;
    if (this.rest.length > 0) {
      const nl = text.indexOf('\n');
      if (nl < 0) {
        this.rest = cutLongLine(this.rest + text, onLine);
        return;
      }
      const line = this.rest + text.slice(0, nl);
      onLine(
        line,
        0,
        line.length > 0 && line.charCodeAt(line.length - 1) === 13 ? line.length - 1 : line.length,
      );
      pos = nl + 1;
    }
    for (;;) {
      const nl = text.indexOf('\n', pos);
      if (nl < 0) break;
      onLine(text, pos, nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
      pos = nl + 1;
    }
    this.rest = cutLongLine(pos === 0 ? text : text.slice(pos), onLine);
  }

  /** The last line, when the input does not end with a line break. */
  end(): void {
    let rest = this.rest;
    this.rest = '';
    if (this.utf8) rest += this.decoder.end();
    if (rest.length > 0) this.onLine(rest, 0, rest.endsWith('\r') ? rest.length - 1 : rest.length);
  }
}

/**
 * A "line" this long is records run together with no breaks: cut it at a space and go on, so that
 * memory stays bounded (the reader re-splits records run together on one line). Returns what is left.
 */
function cutLongLine(rest: string, onLine: OnLine): string {
  if (rest.length <= MAX_LINE) return rest;
  const cut = rest.lastIndexOf(' ');
  const at = cut > 0 ? cut : rest.length;
  onLine(rest, 0, at);
  return rest.slice(at + 1);
}
