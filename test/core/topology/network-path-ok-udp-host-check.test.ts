import { describe, expect, it } from 'vitest';
import { codes, diagnose } from './helpers.js';

/**
 * When the network allows a path inside a VPC and the user reports a symptom, NETWORK_PATH_OK points at
 * the host: what listens on the port. `ss -ltn` lists TCP listeners only and `nc -vz` tests a TCP
 * handshake, so for a UDP path they would say "nothing listens" of a healthy UDP service.
 */
const paste = (proto: 'udp' | 'tcp', port: number, what: string, symptom: string) =>
  `${what} sent from the api box 10.61.2.14 to the collector 10.61.8.30 on ${proto} ${port} stopped arriving after the migration, ${symptom}
both are in vpc-0e7a1b2c3d4e5f601 (10.61.0.0/16), subnets use the default NACL (allow all)
collector sg sg-0c0ffee1234567890 inbound: ${proto} ${port} from 10.61.0.0/16`;

function hostCheck(text: string): string[] {
  const findings = diagnose(text).findings;
  expect(codes(findings)).toEqual(['NETWORK_PATH_OK']);
  const f = findings[0]!;
  expect(f.severity).toBe('info');
  expect(f.fixes).toHaveLength(1);
  return f.fixes[0]!.commands;
}

describe('NETWORK_PATH_OK host check follows the protocol of the path', () => {
  it('a UDP path gets the UDP listener list and a UDP probe, no TCP commands', () => {
    const cmds = hostCheck(paste('udp', 8125, 'statsd metrics', 'nc just times out'));
    expect(cmds[0]).toBe("sudo ss -lunp | grep ':8125'");
    expect(cmds[1]).toMatch(/^echo test \| nc -u -w1 10\.61\.8\.30 8125\b/);
    const all = cmds.join('\n');
    expect(all).not.toContain('-ltnp');
    expect(all).not.toContain('nc -vz');
  });

  it('the TCP twin keeps the TCP listener list and the handshake probe', () => {
    const cmds = hostCheck(paste('tcp', 2003, 'graphite metrics', 'connections time out'));
    expect(cmds[0]).toBe("sudo ss -ltnp | grep ':2003'");
    expect(cmds[1]).toMatch(/^nc -vz 10\.61\.8\.30 2003\b/);
    expect(cmds.join('\n')).not.toContain('-lunp');
  });
});
