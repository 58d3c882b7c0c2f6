import { codeBlockOverhead, fence, sanitizeCode } from './escape-discord.js';

/** A piece of a message: markdown text (already escaped) or a code block (raw body). */
export type Block = { kind: 'text'; text: string } | { kind: 'code'; body: string; lang?: string };

/** Shown under a code block whose last line had to be split because it is longer than a message. */
export const LINE_CONTINUES = '-# ↪ this line continues in the next block';

/**
 * Packs groups of blocks into messages of at most `limit` characters, in order, dropping nothing.
 * A group (a heading and its code block) stays in one message when it fits in one; a block longer
 * than a message is split: text at line breaks or spaces, code blocks at line ends, each part in its
 * own fence so that every part stays copyable.
 */
export function packBlocks(groups: readonly (readonly Block[])[], limit: number): string[] {
  const messages: string[] = [];
  let current = '';
  const push = (piece: string) => {
    if (current === '') current = piece;
    else if (current.length + 1 + piece.length <= limit) current += `\n${piece}`;
    else {
      messages.push(current);
      current = piece;
    }
  };
  for (const group of groups) {
    const pieces = group.flatMap((b) => (b.kind === 'text' ? splitText(b.text, limit) : splitCode(b, limit)));
    const whole = pieces.join('\n');
    if (pieces.length > 1 && whole.length <= limit) push(whole);
    else for (const p of pieces) push(p);
  }
  if (current !== '') messages.push(current);
  return messages;
}

/** Splits markdown text into parts of at most `limit` characters, at line breaks, then spaces. */
export function splitText(text: string, limit: number): string[] {
  if (text.length <= limit) return text.length > 0 ? [text] : [];
  const parts: string[] = [];
  let current = '';
  const add = (piece: string, sep: string) => {
    if (current === '') current = piece;
    else if (current.length + sep.length + piece.length <= limit) current += sep + piece;
    else {
      parts.push(current);
      current = piece;
    }
  };
  for (const line of text.split('\n')) {
    if (line.length <= limit) {
      add(line, '\n');
      continue;
    }
    let sep = '\n';
    for (const word of line.split(' ')) {
      for (const piece of word.length <= limit ? [word] : hardSplit(word, limit, true)) {
        add(piece, sep);
        sep = ' ';
      }
    }
  }
  if (current !== '') parts.push(current);
  return parts;
}

function splitCode(block: Extract<Block, { kind: 'code' }>, limit: number): string[] {
  const lang = block.lang ?? '';
  const body = sanitizeCode(block.body);
  const room = limit - codeBlockOverhead(lang);
  if (body.length <= room) return [fence(body, lang)];
  const parts: string[] = [];
  let lines: string[] = [];
  let size = 0;
  const flush = (suffix = '') => {
    if (lines.length > 0) parts.push(fence(lines.join('\n'), lang) + suffix);
    lines = [];
    size = 0;
  };
  for (const line of body.split('\n')) {
    if (line.length > room) {
      flush();
      const pieces = hardSplit(line, room - LINE_CONTINUES.length - 1, false);
      pieces.forEach((p, i) => {
        lines = [p];
        flush(i < pieces.length - 1 ? `\n${LINE_CONTINUES}` : '');
      });
      continue;
    }
    if (lines.length > 0 && size + 1 + line.length > room) flush();
    size += (lines.length > 0 ? 1 : 0) + line.length;
    lines.push(line);
  }
  flush();
  return parts;
}

/**
 * Cuts a string without spaces (or a code line) into parts of at most `n` characters, never between
 * the halves of a surrogate pair and, for markdown, never right after an escaping backslash.
 */
export function hardSplit(s: string, n: number, markdown: boolean): string[] {
  const parts: string[] = [];
  let rest = s;
  while (rest.length > n) {
    let at = n;
    const space = rest.lastIndexOf(' ', n - 1);
    if (space > n * 0.8) at = space + 1;
    if (isHighSurrogate(rest.charCodeAt(at - 1))) at--;
    if (markdown) {
      let slashes = 0;
      while (at - 1 - slashes >= 0 && rest[at - 1 - slashes] === '\\') slashes++;
      if (slashes % 2 === 1) at--;
    }
    parts.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
