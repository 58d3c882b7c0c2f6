/**
 * Clauses that say some traffic works now ("ssh works fine", "tcp 443 to the db is fine", "dns over
 * tcp goes through"). They are evidence that path is open: the port or protocol they name belongs to
 * that traffic, not to the failing one the rest of the sentence describes.
 */

/** Where one clause ends and the next begins: punctuation, or a word that turns the sentence. */
const CLAUSE_BREAK = /[,;!?]|\.(?:\s|$)|\s[-–—]\s|\s+(?=(?:but|though|although|while|whereas|yet|and)\b)/i;

const WORKS =
  /\b(?:works?|working|is\s+(?:fine|ok|okay)|are\s+(?:fine|ok|okay)|goes\s+through|go\s+through|gets?\s+through|connects?\s+(?:fine|ok|okay|instantly|right\s+away)|succeeds?|responds?|answers?)\b/i;

/** Not a statement that it works now: negated, past, or hoped for. */
const NOT_NOW =
  /\b(?:not|no\s+longer|never|nothing|none|nor|stopped|used\s+to|until|before|yesterday|last\s+\w+|anymore|any\s+more|supposed|should|would|could|needs?|want|expect(?:ed)?|if|when|unless|once|whether|was|were)\b|n't\b|\bcannot\b/i;

function clauses(s: string): string[] {
  const out: string[] = [];
  let rest = s;
  for (;;) {
    const m = CLAUSE_BREAK.exec(rest);
    if (!m) break;
    out.push(rest.slice(0, m.index));
    rest = rest.slice(m.index + m[0].length);
  }
  out.push(rest);
  return out.map((c) => c.trim()).filter((c) => c.length > 0);
}

/** The clauses of a sentence that say something works now. */
export function worksClauses(s: string): string[] {
  return clauses(s).filter((c) => WORKS.test(c) && !NOT_NOW.test(c));
}

/** The sentence without the clauses that say something works: what the failing traffic is. */
export function withoutWorksClauses(s: string): string {
  const works = worksClauses(s);
  if (!works.length) return s;
  return clauses(s)
    .filter((c) => !works.includes(c))
    .join(', ');
}
