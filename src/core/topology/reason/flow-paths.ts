import type { Finding } from '../../report/schema.js';
import type { Intent } from '../model/types.js';
import type { Check } from '../rules/rule.js';

/** Which checks a flow-log finding asks the config to settle. */
export const FLOW_CHECKS: Record<string, readonly Check[]> = {
  INBOUND_REQUEST_REJECTED: ['sg-in', 'nacl-in'],
  OUTBOUND_REQUEST_REJECTED: ['sg-out', 'nacl-out'],
  NACL_OUTBOUND_BLOCKS_RESPONSE: ['reply-nacl-out'],
  NACL_INBOUND_BLOCKS_RESPONSE: ['reply-nacl-in'],
  NACL_EPHEMERAL_RANGE_TOO_NARROW: ['reply-nacl-out', 'reply-nacl-in'],
  RETURN_ROUTE_MISSING: ['route-ret'],
  REQUEST_NOT_ANSWERED: ['route-ret'],
};

/** The topology codes that pin down a generic flow-log finding, which is then left out. */
export const PINS: Record<string, readonly string[]> = {
  INBOUND_REQUEST_REJECTED: [
    'SG_INBOUND_BLOCKS',
    'SG_INBOUND_SOURCE_MISMATCH',
    'NACL_INBOUND_BLOCKS_REQUEST',
  ],
  OUTBOUND_REQUEST_REJECTED: ['SG_OUTBOUND_BLOCKS', 'NACL_OUTBOUND_BLOCKS_REQUEST'],
  NACL_OUTBOUND_BLOCKS_RESPONSE: ['NACL_OUTBOUND_BLOCKS_RESPONSE', 'NACL_EPHEMERAL_RANGE_TOO_NARROW'],
  NACL_INBOUND_BLOCKS_RESPONSE: ['NACL_INBOUND_BLOCKS_RESPONSE', 'NACL_EPHEMERAL_RANGE_TOO_NARROW'],
  NACL_EPHEMERAL_RANGE_TOO_NARROW: ['NACL_EPHEMERAL_RANGE_TOO_NARROW'],
};

/** A flow-log finding with a subject becomes a path for the config to check. */
export function flowIntent(f: Finding): Intent | undefined {
  const s = f.subject;
  if (!s?.client || !s.server || !FLOW_CHECKS[f.code]) return undefined;
  const lines = f.evidence.flatMap((e) => e.lines).slice(0, 6);
  return {
    from: { kind: 'ip', ip: s.client },
    to: { kind: 'ip', ip: s.server },
    ...(s.serverPort !== undefined ? { port: s.serverPort } : {}),
    protocol: s.protocol ?? 6,
    ...(s.clientPorts?.length ? { clientPorts: s.clientPorts } : {}),
    src: { kind: 'text', lines, text: f.title },
    origin: 'flow',
    flowCode: f.code,
  };
}

/** True when `topo` pins down `flow`: same conversation, a code that names the exact control. */
export function pins(topo: Finding, flow: Finding): boolean {
  const allowed = PINS[flow.code];
  if (!allowed?.includes(topo.code)) return false;
  const a = topo.subject;
  const b = flow.subject;
  if (!a || !b) return false;
  return (
    a.client === b.client &&
    a.server === b.server &&
    (b.serverPort === undefined || a.serverPort === b.serverPort)
  );
}
