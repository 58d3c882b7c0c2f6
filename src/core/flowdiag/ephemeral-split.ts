import type { FlowState } from './flow-state.js';
import type { Group } from './group.js';
import { EPHEMERAL_RANGES } from './ports.js';
import { isIcmp } from './wording.js';

/**
 * Replies to some client ports pass and to others are REJECTed, split cleanly by port: the NACL's
 * ephemeral range is narrower than the clients' ports. `high`: the rejected ports are all above the
 * passing ones (the range ends too low, e.g. at 60999/61000 for Windows/macOS clients); `low`: all
 * below (the range starts too high, e.g. 32768 for NAT gateway, ELB or Lambda clients).
 */
export interface EphemeralSplit {
  kind: 'high' | 'low';
  ok: Group;
  /** clients with replies both passing and REJECTed: proof that the port, not the address, decides */
  sharedClients: string[];
}

export function ephemeralSplit(state: FlowState, g: Group): EphemeralSplit | undefined {
  if (g.outcome !== 'response-rejected' || isIcmp(g.proto) || (g.proto !== 6 && g.proto !== 17))
    return undefined;
  const ok = state.sibling(g, 'ok');
  if (ok === undefined || ok.maxClientPort < 0 || g.maxClientPort < 0) return undefined;
  let kind: 'high' | 'low';
  if (ok.maxClientPort < g.minClientPort) kind = 'high';
  else if (g.maxClientPort < ok.minClientPort) kind = 'low';
  else return undefined;
  const okClients = new Set(ok.clients.keys());
  const sharedClients = [...g.clients.keys()].filter((c) => okClients.has(c));
  if (sharedClients.length === 0) {
    // Different clients on either side of the split: the NACL may as well be keyed on their addresses
    // (replies to one network allowed, to another not). Call it a port range only when the clients
    // share networks (a /24) across the split and the split sits where OS ranges differ.
    const okNets = new Set([...ok.clients.keys()].map(net24));
    if (![...g.clients.keys()].some((c) => okNets.has(net24(c)))) return undefined;
    const plausible =
      kind === 'high'
        ? g.minClientPort > EPHEMERAL_RANGES.linux.to ||
          (ok.maxClientPort < EPHEMERAL_RANGES.windows.from &&
            g.minClientPort >= EPHEMERAL_RANGES.windows.from)
        : g.maxClientPort < EPHEMERAL_RANGES.linux.from;
    if (!plausible) return undefined;
  }
  return { kind, ok, sharedClients };
}

/** The /24 (IPv4) or /64-ish prefix (IPv6) an address is in, as a string key. */
function net24(addr: string): string {
  if (addr.includes(':')) return addr.split(':').slice(0, 4).join(':');
  return addr.slice(0, addr.lastIndexOf('.'));
}
