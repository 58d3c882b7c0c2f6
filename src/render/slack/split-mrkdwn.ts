import { escapeMrkdwn } from './escape-mrkdwn.js';

/**
 * Splits mrkdwn (already escaped) into pieces of at most `max` characters, preferring paragraph
 * breaks, then line breaks, then spaces, and never cutting inside an entity such as `&amp;`.
 * Nothing is dropped: the pieces hold every character but the whitespace at the cuts.
 */
export function splitMrkdwn(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = cutPoint(rest, max);
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest.trim() !== '') out.push(rest);
  return out;
}

function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  for (const sep of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(sep);
    if (at >= max * 0.3) return at;
  }
  return outsideEntity(text, max);
}

/** Moves a hard cut back so it does not fall inside `&amp;`, `&lt;` or `&gt;`. */
function outsideEntity(text: string, cut: number): number {
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp >= 0 && amp > cut - 5) {
    const semi = text.indexOf(';', amp);
    if (semi >= cut && semi - amp <= 4) return amp;
  }
  return cut;
}

const FENCE = '```';

/**
 * Raw text as one or more Slack code blocks, each (with its fences, and `label` before the first) at
 * most `max` characters. Lines stay whole where they fit; a longer line continues in the next block.
 * The text is escaped, and a ``` inside it is broken with zero-width spaces so it cannot end the block.
 */
export function codeBlocks(raw: string, max: number, label = ''): string[] {
  if (raw.trim() === '') return [];
  const body = escapeMrkdwn(raw.replace(/```/g, '`\u200b`\u200b`'));
  const overhead = FENCE.length * 2 + 2;
  const blocks: string[] = [];
  let current: string[] = [];
  let size = 0;
  const budget = () => max - overhead - (blocks.length === 0 && label ? label.length + 1 : 0);
  const flush = () => {
    if (current.length === 0) return;
    const prefix = blocks.length === 0 && label ? `${label}\n` : '';
    blocks.push(`${prefix}${FENCE}\n${current.join('\n')}\n${FENCE}`);
    current = [];
    size = 0;
  };
  for (const line of body.split('\n')) {
    let piece = line;
    for (;;) {
      const room = budget() - size - (current.length > 0 ? 1 : 0);
      if (piece.length <= room) {
        size += piece.length + (current.length > 0 ? 1 : 0);
        current.push(piece);
        break;
      }
      if (current.length > 0 && (piece.length <= budget() || room < 40)) {
        flush();
        continue;
      }
      // A line longer than a whole block: fill this block and carry the rest over.
      const cut = outsideEntity(piece, room);
      current.push(piece.slice(0, cut));
      flush();
      piece = piece.slice(cut);
    }
  }
  flush();
  return blocks;
}
