import { describe, expect, it } from 'vitest';
import { diagnose, find } from './helpers.js';

const paste = (protocol: 'udp' | 'tcp') =>
  [
    `the app box 10.0.1.10 can't reach the stats host 10.0.2.20 on ${protocol} port 8125, connection refused`,
    'app subnet 10.0.1.0/24, stats subnet 10.0.2.0/24, default NACLs (allow all)',
    `stats sg allows ${protocol} 8125 from 10.0.1.0/24`,
    'app sg allows all outbound',
  ].join('\n');

describe('"connection refused" on a UDP path is read as the host\'s port unreachable, not a TCP reset', () => {
  it('a UDP path: the open path cites the refusal as an ICMP port unreachable', () => {
    const ok = find(diagnose(paste('udp')).findings, 'NETWORK_PATH_OK');
    expect(ok.subject).toMatchObject({ server: '10.0.2.20', serverPort: 8125, protocol: 17 });
    expect(ok.evidence).toEqual([
      expect.objectContaining({ lines: [1], note: 'the host answered port unreachable' }),
    ]);
  });

  it('the TCP twin still cites a reset', () => {
    const ok = find(diagnose(paste('tcp')).findings, 'NETWORK_PATH_OK');
    expect(ok.subject).toMatchObject({ protocol: 6 });
    expect(ok.evidence).toEqual([
      expect.objectContaining({ lines: [1], note: 'the host answered with a reset' }),
    ]);
  });
});
