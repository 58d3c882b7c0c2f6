import { describe, expect, it } from 'vitest';
import { diagnose, evidenceLines, find } from './helpers.js';

const API_NACL = `api subnet subnet-0a9e0a1b2c3d4e5f6 10.0.2.0/24 nacl acl-0a9e0a9e0a9e0a9e0:
inbound: 100 allow tcp 443 10.0.0.0/16, * deny all
outbound: 100 allow all 0.0.0.0/0`;

describe('who is the client in "X times out from Y" and "X gets errors from Y"', () => {
  it.each([
    'the api 10.0.2.9 times out from the reporting app 10.0.1.5 on 8443',
    'the reporting app 10.0.1.5 gets 504 errors from the api 10.0.2.9 on 8443',
  ])('"%s": the app is the client, and the api subnet NACL drops its request', (sentence) => {
    const f = find(diagnose(`${sentence}\n${API_NACL}`).findings, 'NACL_INBOUND_BLOCKS_REQUEST');
    expect(f.subject).toMatchObject({
      client: '10.0.1.5',
      server: '10.0.2.9',
      serverPort: 8443,
      protocol: 6,
    });
    expect(f.subject?.resourceIds).toContain('acl-0a9e0a9e0a9e0a9e0');
    expect(evidenceLines(f)).toEqual([1, 2, 3]);
  });
});
