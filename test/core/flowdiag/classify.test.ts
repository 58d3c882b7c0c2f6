import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/flowdiag/classify.js';
import { Conversation } from '../../../src/core/flowdiag/conversation.js';
import { EniProfile } from '../../../src/core/flowdiag/eni-profile.js';
import { FlowRecord } from '../../../src/core/flowdiag/flow-record.js';
import { ADDR_SEED, hashString } from '../../../src/core/flowdiag/hash.js';
import { FlowLogReader } from '../../../src/core/flowlog/reader.js';
import type { RecordItem } from '../../../src/core/flowlog/types.js';

function records(text: string): RecordItem[] {
  const out: RecordItem[] = [];
  const r = new FlowLogReader({ onItem: (i) => i.kind === 'record' && out.push(i) });
  r.text(text);
  r.end();
  return out;
}

/** A conversation on one ENI from records of one 5-tuple (either direction), with the ENI's address known or not. */
function conversation(text: string, eniConversations: [string, string][] = []): Conversation {
  const items = records(text);
  const f0 = items[0]!.fields;
  const eni = new EniProfile(f0['interface-id'] ?? '');
  const h = (s: string) => hashString(s, ADDR_SEED);
  for (const [x, y] of eniConversations) eni.note(x, h(x), y, h(y));
  const a = f0.srcaddr!;
  const b = f0.dstaddr!;
  eni.note(a, h(a), b, h(b));
  const c = new Conversation(
    0,
    0,
    eni,
    f0.protocol!,
    a,
    h(a),
    f0.srcport!,
    b,
    h(b),
    f0.dstport!,
    items[0]!.line,
  );
  for (const it of items)
    c.add(it.fields.srcaddr === a && it.fields.srcport === f0.srcport ? 0 : 1, FlowRecord.fromItem(it));
  return c;
}

const V3 =
  'version interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status tcp-flags';

describe('who opened a conversation', () => {
  it('tcp-flags decide first: the SYN side is the client even when the ports would say otherwise', () => {
    const c = conversation(`${V3}
3 eni-0a1b2c3d4e5f60718 10.0.0.5 10.0.0.9 443 40001 6 3 180 1775500000 1775500060 ACCEPT OK 2
3 eni-0a1b2c3d4e5f60718 10.0.0.9 10.0.0.5 40001 443 6 3 180 1775500000 1775500060 ACCEPT OK 18`);
    const v = classify(c);
    expect(v.basis).toBe('tcp-flags');
    expect(v.client).toBe('10.0.0.5');
    expect(v.serverPort).toBe(40001);
  });

  it('an ACCEPTed side opposite a REJECTed side is the request (a dropped request has no reply)', () => {
    const c =
      conversation(`2 123456789012 eni-0a1b2c3d4e5f60718 10.0.0.5 10.0.0.9 20100 30200 6 3 180 1775500000 1775500060 ACCEPT OK
2 123456789012 eni-0a1b2c3d4e5f60718 10.0.0.9 10.0.0.5 30200 20100 6 3 180 1775500000 1775500060 REJECT OK`);
    const v = classify(c);
    expect(v.basis).toBe('accept-reject');
    expect(v.client).toBe('10.0.0.5');
    expect(v.outcome).toBe('response-rejected');
  });

  it('service port against an ephemeral port (Linux, Windows, NAT gateway ranges) decides next', () => {
    for (const clientPort of [33000, 60999, 49152, 65535, 1024, 2048]) {
      const c = conversation(
        `2 123456789012 eni-0a1b2c3d4e5f60718 10.0.0.5 10.0.0.9 ${clientPort} 5432 6 10 900 1775500000 1775500060 ACCEPT OK`,
      );
      const v = classify(c);
      expect(v.basis, `client port ${clientPort}`).toBe('ports');
      expect(v.serverPort).toBe(5432);
    }
  });

  it('ICMP without a REJECT falls back to which record starts first', () => {
    const c =
      conversation(`2 123456789012 eni-0a1b2c3d4e5f60718 10.0.0.9 10.0.0.5 0 0 1 4 336 1775500010 1775500060 ACCEPT OK
2 123456789012 eni-0a1b2c3d4e5f60718 10.0.0.5 10.0.0.9 0 0 1 4 336 1775500002 1775500060 ACCEPT OK`);
    const v = classify(c);
    expect(v.basis).toBe('timing');
    expect(v.client).toBe('10.0.0.5');
  });

  it('two unknown high ports with a single record: the record is read as the request and flagged as a guess', () => {
    const c = conversation(
      '2 123456789012 eni-0a1b2c3d4e5f60718 198.51.100.7 10.0.0.9 41000 52000 17 1 80 1775500000 1775500001 REJECT OK',
    );
    const v = classify(c);
    expect(v.basis).toBe('guess');
    expect(v.outcome).toBe('request-rejected');
  });
});

describe('where the ENI stands', () => {
  const pair = `2 123456789012 eni-0a1b2c3d4e5f60718 10.0.0.5 10.0.0.9 40001 443 6 3 180 1775500000 1775500060 ACCEPT OK
2 123456789012 eni-0a1b2c3d4e5f60718 10.0.0.9 10.0.0.5 443 40001 6 3 180 1775500000 1775500060 REJECT OK`;

  it('the address all its conversations share is its own', () => {
    const v = classify(
      conversation(pair, [
        ['10.0.0.5', '10.0.7.7'],
        ['10.0.8.8', '10.0.0.5'],
      ]),
    );
    expect(v.role).toBe('client');
    expect(v.roleBasis).toBe('eni-address');
  });

  it('with one conversation and both ends private, the role is unknown (a guess)', () => {
    const v = classify(conversation(pair));
    expect(v.role).toBe('unknown');
  });

  it('with one conversation, the private end is the ENI against a public one', () => {
    const v = classify(
      conversation(
        `2 123456789012 eni-0a1b2c3d4e5f60718 203.0.113.8 10.0.0.9 40001 443 6 3 180 1775500000 1775500060 REJECT OK`,
      ),
    );
    expect(v.role).toBe('server');
    expect(v.roleBasis).toBe('private-address');
  });

  it('flow-direction beats everything', () => {
    const v = classify(
      conversation(`version interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status flow-direction
5 eni-0a1b2c3d4e5f60718 10.0.0.5 10.0.0.9 40001 443 6 3 180 1775500000 1775500060 REJECT OK egress`),
    );
    expect(v.role).toBe('client');
    expect(v.roleBasis).toBe('flow-direction');
  });
});

describe('the fast path for plain request/reply pairs', () => {
  it('gives the same verdict as the general path, for random pairs on an ENI whose address is known', async () => {
    const fc = (await import('fast-check')).default;
    const { FreshEntry } = await import('../../../src/core/flowdiag/conversation.js');
    fc.assert(
      fc.property(
        fc.record({
          pa: fc.nat(65535),
          pb: fc.nat(65535),
          proto: fc.constantFrom(6, 17),
          pk0: fc.integer({ min: 1, max: 50 }),
          pk1: fc.integer({ min: 1, max: 50 }),
          size0: fc.integer({ min: 40, max: 1500 }),
          size1: fc.integer({ min: 40, max: 1500 }),
          eniIsA: fc.boolean(),
          // a flow's two addresses are always of one family
          ab: fc.oneof(
            fc.tuple(
              fc.constantFrom('10.0.0.5', '172.20.1.9', '198.51.100.7'),
              fc.constantFrom('10.0.0.9', '100.64.3.3', '203.0.113.40'),
            ),
            fc.tuple(
              fc.constantFrom('2600:1f18:abcd::5', 'fd00::5'),
              fc.constantFrom('fd00::9', '2600:1f18:abcd:ef01::40'),
            ),
          ),
        }),
        (k) => {
          const a: string = k.ab[0];
          const b: string = k.ab[1];
          const own = k.eniIsA ? a : b;
          const lines = `2 123456789012 eni-0a1b2c3d4e5f60718 ${a} ${b} ${k.pa} ${k.pb} ${k.proto} ${k.pk0} ${k.pk0 * k.size0} 1775500000 1775500060 ACCEPT OK
2 123456789012 eni-0a1b2c3d4e5f60718 ${b} ${a} ${k.pb} ${k.pa} ${k.proto} ${k.pk1} ${k.pk1 * k.size1} 1775500000 1775500060 ACCEPT OK`;
          const items = records(lines);
          const eni = new EniProfile('eni-0a1b2c3d4e5f60718');
          const h = (s: string) => hashString(s, ADDR_SEED);
          eni.note(own, h(own), '10.0.7.7', h('10.0.7.7'));
          eni.note('10.0.8.8', h('10.0.8.8'), own, h(own));
          const fresh = new FreshEntry(
            0,
            0,
            eni,
            k.proto,
            a,
            h(a),
            k.pa,
            b,
            h(b),
            k.pb,
            0,
            FlowRecord.fromItem(items[0]!),
          );
          fresh.add(1, FlowRecord.fromItem(items[1]!));
          const pick = (v: ReturnType<typeof classify>) => ({
            outcome: v.outcome,
            role: v.role,
            roleBasis: v.roleBasis,
            basis: v.basis,
            client: v.client,
            server: v.server,
            serverPort: v.serverPort,
            reqPackets: v.req.packets,
            respBytes: v.resp.bytes,
          });
          const fast = pick(classify(fresh));
          const general = pick(classify(fresh.toConversation()));
          expect(fast).toEqual(general);
        },
      ),
      { numRuns: Number(process.env.PAIR_RUNS ?? 300) },
    );
  });
});
