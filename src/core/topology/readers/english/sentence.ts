import type { ModelBuilder } from '../../model/builder.js';
import type { Source } from '../../model/types.js';
import { type CidrMention, cidrMentions, type IdMention, idMentions } from './mentions.js';
import type { State } from './state.js';

/** One input line as the English extractors see it. */
export interface Sentence {
  /** normalised text (arrows, typos, markdown) */
  s: string;
  lower: string;
  raw: string;
  line: number;
  src: Source;
  ids: IdMention[];
  cidrs: CidrMention[];
  b: ModelBuilder;
  st: State;
  now: Date;
  /** set by an extractor that understood something on this line */
  hit: boolean;
}

export function makeSentence(
  raw: string,
  s: string,
  line: number,
  b: ModelBuilder,
  st: State,
  now: Date,
): Sentence {
  return {
    s,
    lower: s.toLowerCase(),
    raw,
    line,
    src: {
      kind: 'text',
      lines: [line],
      text: raw.trim().length > 220 ? `${raw.trim().slice(0, 217)}…` : raw.trim(),
    },
    ids: idMentions(s),
    cidrs: cidrMentions(s),
    b,
    st,
    now,
    hit: false,
  };
}

export type Extractor = (x: Sentence) => void;
