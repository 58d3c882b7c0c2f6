import type { Finding } from '../../report/schema.js';
import { deleteNaclEntryFix, naclEntryFix } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import type { NaclEntry } from '../model/types.js';
import { cidrContains } from '../net/ipv4.js';
import { rangeCovers, rangesOverlap } from '../net/protocol.js';
import { idFor, label } from '../reason/lookup.js';
import { entriesOf } from '../reason/nacl-eval.js';

import type { Rule } from './rule.js';

function protoOverlap(a: NaclEntry, b: NaclEntry): boolean {
  return a.protocol === -1 || b.protocol === -1 || a.protocol === b.protocol;
}

function covers(first: NaclEntry, later: NaclEntry): boolean {
  return (
    cidrContains(first.cidr, later.cidr) &&
    (first.protocol === -1 || first.protocol === later.protocol) &&
    rangeCovers(first.ports, later.ports)
  );
}

/** NACL_RULE_ORDER_SHADOWED: a rule that never (or only partly) takes effect because a lower-numbered rule matches first. */
export const naclRuleOrderShadowed: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const n of ctx.model.nacls.values()) {
    for (const egress of [false, true]) {
      const entries = entriesOf(n, egress).filter((e) => e.number < 32767);
      for (let i = 0; i < entries.length; i++) {
        const later = entries[i]!;
        // earlier rules of the opposite action whose addresses include the later rule's and whose traffic overlaps
        const hits = entries
          .slice(0, i)
          .filter(
            (e) =>
              e.action !== later.action &&
              cidrContains(e.cidr, later.cidr) &&
              protoOverlap(e, later) &&
              rangesOverlap(e.ports, later.ports),
          );
        if (hits.length === 0) continue;
        const full = hits.some((h) => covers(h, later));
        // a broad allow-all before a deny is the classic mistake; an allow under an earlier deny is dead only when fully covered
        if (later.action === 'allow' && !full) continue;
        if (later.action === 'deny' && hits.every((h) => h.cidr.bits === later.cidr.bits && !full)) continue;
        const first = hits[0]!;
        const lower = Math.max(1, Math.min(...hits.map((h) => h.number)) - 1);
        const recreate = naclEntryFix('', idFor(n, 'NACL'), {
          number: lower,
          egress,
          protocol: later.protocol,
          // an entry read without ports covers them all
          ports: later.ports ?? { from: 0, to: 65535 },
          cidr: later.cidr.text,
          action: later.action,
        });
        out.push(
          makeFinding({
            code: 'NACL_RULE_ORDER_SHADOWED',
            severity: later.action === 'deny' ? 'error' : 'warning',
            title: `${label(n)} ${egress ? 'outbound' : 'inbound'} rule ${later.number} (${later.action.toUpperCase()} ${later.cidr.text}) ${full ? 'never' : 'mostly never'} takes effect: rule ${first.number} matches first`,
            explanation: `Network ACL rules are evaluated from the lowest number up and the first match wins. Rule ${later.number} (${later.src.text}) comes after ${hits.map((h) => `rule ${h.number} (${h.src.text})`).join(', ')}, which already ${first.action}${first.action === 'allow' ? 's' : 's'} ${full ? 'all of its traffic' : 'the traffic it overlaps'}${full ? '' : ` — it only catches what ${hits.length > 1 ? 'those rules do' : 'that rule does'} not (other protocols or ports)`}. ${later.action === 'deny' ? `So ${later.cidr.text} is still let in on the ports ${first.number} opens.` : 'So the allow is dead.'} To ${later.action === 'deny' ? 'block' : 'allow'} it, the rule needs a number below ${first.number}.`,
            evidence: [
              ev(n.src[0], 'network ACL'),
              ev(later.src, 'shadowed rule'),
              ...hits.slice(0, 3).flatMap((h) => ev(h.src, 'matches first')),
            ],
            fixes: [
              {
                summary: `Re-create rule ${later.number} as rule ${lower} (below ${first.number}), then delete rule ${later.number}`,
                commands: [
                  ...recreate.commands,
                  ...deleteNaclEntryFix('', idFor(n, 'NACL'), later.number, egress).commands,
                ],
                terraform: recreate.terraform!,
              },
            ],
            subject: { resourceIds: [n.id].filter((s): s is string => !!s) },
          }),
        );
      }
    }
  }
  return out;
};
