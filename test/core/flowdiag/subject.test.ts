import { describe, expect, it } from 'vitest';
import { diagnose } from './helpers.js';

/** Codes about one conversation group: the topology reasoner pins them on rules through `subject`. */
const CONVERSATION_CODES = new Set([
  'NACL_OUTBOUND_BLOCKS_RESPONSE',
  'NACL_INBOUND_BLOCKS_RESPONSE',
  'NACL_EPHEMERAL_RANGE_TOO_NARROW',
  'INBOUND_REQUEST_REJECTED',
  'OUTBOUND_REQUEST_REJECTED',
  'REQUEST_NOT_ANSWERED',
  'RETURN_ROUTE_MISSING',
  'NETWORK_PATH_OK',
  'BLOCK_PUBLIC_ACCESS_REJECT',
]);

describe('Finding.subject', () => {
  it('every conversation-level finding names the interface, both ends, the port, the protocol and sample client ports', () => {
    const paste = `version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status vpc-id subnet-id tcp-flags flow-direction
5 612039485766 eni-0a2c4e6a8c0e2a4c6 10.1.5.5 10.1.9.9 40100 8080 6 3 180 1775700000 1775700059 ACCEPT OK vpc-0a2c4e6a8c0e2a4c6 subnet-0b3d5f7b9d1f3b5d7 2 ingress
5 612039485766 eni-0a2c4e6a8c0e2a4c6 10.1.9.9 10.1.5.5 8080 40100 6 3 180 1775700000 1775700059 REJECT OK vpc-0a2c4e6a8c0e2a4c6 subnet-0b3d5f7b9d1f3b5d7 18 egress
5 612039485766 eni-0a2c4e6a8c0e2a4c6 10.1.6.6 10.1.9.9 51000 22 6 3 180 1775700003 1775700059 REJECT OK vpc-0a2c4e6a8c0e2a4c6 subnet-0b3d5f7b9d1f3b5d7 2 ingress
5 612039485766 eni-0a2c4e6a8c0e2a4c6 10.1.9.9 10.1.30.3 47000 5432 6 3 180 1775700005 1775700059 REJECT OK vpc-0a2c4e6a8c0e2a4c6 subnet-0b3d5f7b9d1f3b5d7 2 egress
5 612039485766 eni-0a2c4e6a8c0e2a4c6 10.1.7.7 10.1.9.9 52000 9090 6 4 240 1775700006 1775700036 ACCEPT OK vpc-0a2c4e6a8c0e2a4c6 subnet-0b3d5f7b9d1f3b5d7 2 ingress`;
    const r = diagnose(paste);
    const conv = r.findings.filter((f) => CONVERSATION_CODES.has(f.code));
    expect(conv.map((f) => f.code).sort()).toEqual([
      'INBOUND_REQUEST_REJECTED',
      'NACL_OUTBOUND_BLOCKS_RESPONSE',
      'OUTBOUND_REQUEST_REJECTED',
      'REQUEST_NOT_ANSWERED',
    ]);
    for (const f of conv) {
      expect(f.subject, f.code).toMatchObject({
        interfaceId: 'eni-0a2c4e6a8c0e2a4c6',
        subnetId: 'subnet-0b3d5f7b9d1f3b5d7',
        vpcId: 'vpc-0a2c4e6a8c0e2a4c6',
        protocol: 6,
      });
      expect(typeof f.subject?.client, f.code).toBe('string');
      expect(typeof f.subject?.server, f.code).toBe('string');
      expect(typeof f.subject?.serverPort, f.code).toBe('number');
      expect(f.subject?.clientPorts?.length, f.code).toBeGreaterThan(0);
    }
    const out = conv.find((f) => f.code === 'OUTBOUND_REQUEST_REJECTED')!;
    expect(out.subject).toMatchObject({
      client: '10.1.9.9',
      server: '10.1.30.3',
      serverPort: 5432,
      clientPorts: [47000],
    });
  });
});
