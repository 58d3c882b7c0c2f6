import type { Workload } from '../../model/types.js';
import { kindOfName } from './read-gateways-workloads.js';
import { clean, isNameToken } from './refs.js';
import type { Extractor, Sentence } from './sentence.js';

/** Nouns that make the word before them a workload: "redis instance", "worker tasks", "api service". */
const THING =
  '(?:instances?|box(?:es)?|servers?|hosts?|nodes?|tasks?|services?|pods?|containers?|clusters?|fleet|asg|workers?|lambdas?|functions?|db|database|stack|app|api|vms?|machines?)';

/** "redis instance sg-…", "db sg sg-…": what the words before an SG ID name */
const NAMED_BEFORE = new RegExp(
  String.raw`\b([A-Za-z][\w-]*)(?:\s+(${THING}))?(?:'s)?\s+((?:sg|security\s+groups?)\s*(?:is\s+|=\s*|:\s*|\(\s*)?)?$`,
  'i',
);

/** a word that says what carries a group */
const THING_WORD = new RegExp(`^${THING}$`, 'i');
/** Words that are never the name of what carries a group. */
const NOT_CARRIER =
  /^(?:sg|sgs|security|group|groups|the|a|an|new|old|same|default|inbound|outbound|ingress|egress|rules?|from|to|and|or|allows?|with|has|uses?|vpc|subnet|endpoint|vpce|alb|nlb|elb|peering|it|they|them|this|that|which|db-sg)$/i;

function carrierNamed(x: Sentence, name: string, kindHint: string): Workload | undefined {
  const n = clean(name);
  if (!isNameToken(n) || NOT_CARRIER.test(n)) return undefined;
  if (x.b.find('vpc', n) || x.b.find('subnet', n)) return undefined;
  return (
    x.b.find('workload', n) ??
    x.b.all('workload').find((w) => [...w.aliases].some((a) => a.split(/\s+/)[0] === n.toLowerCase())) ??
    x.b.workload({ name: n }, kindOfName(`${n} ${kindHint}`), x.src)
  );
}

/** "it"/"they": the thing the sentence named last before the pronoun ("the app stack … it has …"). */
function pronounCarrier(x: Sentence, at: number): Workload | undefined {
  const head = x.s.slice(0, at);
  const np = [
    ...head.matchAll(
      new RegExp(String.raw`\b(?:the|our|my|their|new|this)\s+([A-Za-z][\w-]*)(?:\s+(${THING}))?\b`, 'gi'),
    ),
  ]
    .filter((m) => m[2] || /^(?:app|api|service|worker|lambda|function|db)$/i.test(m[1]!))
    .pop();
  if (np) return carrierNamed(x, np[1]!, np[2] ?? '');
  return x.st.lastWorkload;
}

/** A workload of that name gets the group; else the group is named after it, to be matched later. */
function nameOrLink(x: Sentence, name: string, id: string): boolean {
  const n = clean(name);
  const w = x.b.find('workload', n);
  if (w) return link(w, x, id);
  if (x.b.find('vpc', n) || x.b.find('subnet', n)) return false;
  const g = x.b.sg({ id });
  if (!g.name) {
    g.name = `${n.toLowerCase()} sg`;
    g.aliases.add(g.name);
  }
  return true;
}

function link(w: Workload | undefined, x: Sentence, id: string): boolean {
  if (!w) return false;
  const g = x.b.sg({ id });
  if (!w.sgs.includes(g.key)) w.sgs.push(g.key);
  x.st.lastWorkload = w;
  return true;
}

/**
 * Which workload carries which security group, in the ways people say it: "redis instance sg-0b…",
 * "the app sg: sg-0a…", "the new ecs service runs with sg-0b…", "it has a new SG sg-0f…",
 * "sg-0c… is on the api box".
 */
export const readSgLinks: Extractor = (x) => {
  const ids = x.ids.filter((i) => i.kind === 'sg');
  if (!ids.length) return;
  let any = false;
  for (const id of ids) {
    const start = Math.max(0, id.index - 80);
    const before = x.s.slice(start, id.index);
    const after = x.s.slice(id.index + id.id.length, id.index + id.id.length + 60);
    // the rule's peer ("from sg-…", "to sg-…", "allows sg-…") is not the carrier's group
    if (
      /\b(?:from|to|allows?|allowing|permits?|lets?\s+in|references?|and|or|,)\s*(?:the\s+)?$/i.test(before)
    )
      continue;
    // "<name> [thing] [sg|security group] [is|=|:|(] sg-…"
    // a bare name right before the ID names its carrier at the start of a line ("payments-api sg-0a… ingress:")
    const lead = /^\s*(?:[-*•]\s*)?(?:the\s+)?([A-Za-z][\w-]*)\s*[(:=]?\s*$/.exec(x.s.slice(0, id.index));
    if (lead && isNameToken(lead[1]!) && !NOT_CARRIER.test(lead[1]!)) {
      if (nameOrLink(x, lead[1]!, id.id)) {
        any = true;
        continue;
      }
    }
    const named = NAMED_BEFORE.exec(before.replace(/\s*[(:=]\s*$/, ' '));
    if (named && (named[2] || named[3])) {
      // "redis instance sg-…" says what carries it; "db sg sg-…" only names the group
      const done = named[2]
        ? link(carrierNamed(x, named[1]!, named[2]), x, id.id)
        : isNameToken(named[1]!) && !NOT_CARRIER.test(named[1]!) && nameOrLink(x, named[1]!, id.id);
      if (done) {
        any = true;
        continue;
      }
    }
    // "<subject> has|uses|runs with [a new] [sg] sg-…"
    const verb =
      /\b((?:[A-Za-z][\w-]*\s+){0,3}?(?:[A-Za-z][\w-]*|\d{1,3}(?:\.\d{1,3}){3}))\s+(?:has|have|got|gets|uses?|is\s+using|are\s+using|runs?\s+with|running\s+with|carr(?:y|ies)|is\s+in|are\s+in|was\s+given|were\s+given|is\s+attached\s+to|comes?\s+with)\s+(?:an?\s+|the\s+)?(?:new\s+|old\s+|different\s+|own\s+|separate\s+)?(?:(?:sg|security\s+group)\s*(?:\(\s*)?)?$/i.exec(
        before,
      );
    if (verb) {
      const words = verb[1]!.trim().split(/\s+/);
      const last = words[words.length - 1]!;
      let w: Workload | undefined;
      const byIp = /^\d/.test(last)
        ? x.b.all('workload').find((k) => k.privateIps.includes(last))
        : undefined;
      if (byIp) w = byIp;
      else if (/^(?:it|they|this|that)$/i.test(last))
        w = pronounCarrier(x, start + (verb.index ?? 0) + verb[1]!.length - last.length);
      else {
        const thing = THING_WORD.test(last) && words.length >= 2;
        w = thing
          ? carrierNamed(x, words[words.length - 2]!, last)
          : (x.b.find('workload', last) ?? (words.length === 1 ? carrierNamed(x, last, '') : undefined));
      }
      if (link(w, x, id.id)) {
        any = true;
        continue;
      }
    }
    // "sg-… is on the api box", "sg-… (attached to the workers)"
    const on =
      /^\s*\(?\s*(?:is\s+|are\s+)?(?:on|attached\s+to|used\s+by|for)\s+(?:the\s+)?([A-Za-z][\w-]*)(?:\s+(\w+))?/i.exec(
        after,
      );
    if (on && !/^(?:port|tcp|udp|all|inbound|outbound)$/i.test(on[1]!)) {
      const w = carrierNamed(x, on[1]!, on[2] ?? '');
      if (link(w, x, id.id)) any = true;
    }
  }
  if (any) x.hit = true;
};
