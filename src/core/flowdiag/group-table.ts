import type { EniRole, Outcome } from './classify.js';
import type { EniProfile } from './eni-profile.js';
import type { Group } from './group.js';
import { hashString } from './hash.js';

const OUTCOME_SEED: Record<Outcome, number> = {
  'request-rejected': 0x1b873593,
  'response-rejected': 0x2545f491,
  unanswered: 0x3c6ef372,
  'handshake-only': 0x4f1bbcdc,
  ok: 0x5851f42d,
  'one-way': 0x6a09e667,
  'late-rejects': 0x7137449a,
  bpa: 0x0b5ad4ec,
  'no-action': 0x13198a2e,
};

const ROLE_SEED: Record<EniRole, number> = { server: 1, client: 2, transit: 3, unknown: 4 };

export function groupHash(
  outcome: Outcome,
  role: EniRole,
  eni: EniProfile,
  proto: number,
  server: string,
  serverPort: number,
): number {
  let h = Math.imul(OUTCOME_SEED[outcome] ^ ROLE_SEED[role], 0x01000193);
  h = Math.imul(h ^ eni.idHash, 0x01000193);
  h = Math.imul(h ^ proto, 0x01000193);
  h = hashString(server, h);
  h = Math.imul(h ^ serverPort, 0x01000193);
  return h | 0;
}

/**
 * Groups by (outcome, ENI role, ENI, protocol, server, server port), keyed by a numeric hash with
 * exact comparison on collision (no key strings are built), holding at most `cap`: past that the
 * lighter half is handed to `onEvict` (kept as counts only).
 */
export class GroupTable {
  private readonly byHash = new Map<number, Group>();
  private count = 0;
  evicted = 0;

  constructor(
    private readonly cap: number,
    private readonly onEvict: (g: Group) => void,
  ) {}

  get size(): number {
    return this.count;
  }

  find(
    h: number,
    outcome: Outcome,
    role: EniRole,
    eni: EniProfile,
    proto: number,
    server: string,
    serverPort: number,
  ): Group | undefined {
    for (let g = this.byHash.get(h); g !== undefined; g = g.next) {
      if (
        g.serverPort === serverPort &&
        g.proto === proto &&
        g.outcome === outcome &&
        g.role === role &&
        g.eni === eni &&
        g.server === server
      )
        return g;
    }
    return undefined;
  }

  insert(h: number, g: Group): void {
    g.hash = h;
    g.next = this.byHash.get(h);
    this.byHash.set(h, g);
    if (++this.count > this.cap) this.compact();
  }

  *values(): IterableIterator<Group> {
    for (const head of this.byHash.values()) for (let g: Group | undefined = head; g; g = g.next) yield g;
  }

  private compact(): void {
    const all = [...this.values()];
    // lightest first, then oldest
    all.sort((a, b) => a.conversations - b.conversations || a.firstLine - b.firstLine);
    for (const g of all.slice(0, this.count - (this.cap >> 1))) this.remove(g);
  }

  private remove(g: Group): void {
    const head = this.byHash.get(g.hash);
    if (head === g) {
      if (g.next) this.byHash.set(g.hash, g.next);
      else this.byHash.delete(g.hash);
    } else {
      for (let p = head; p; p = p.next) {
        if (p.next === g) {
          p.next = g.next;
          break;
        }
      }
    }
    g.next = undefined;
    this.count--;
    this.evicted++;
    this.onEvict(g);
  }
}
