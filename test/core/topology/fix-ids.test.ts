import { describe, expect, it } from 'vitest';
import { isNameLikeId } from '../../../src/core/topology/net/resource-ids.js';
import { diagnose } from './helpers.js';

function commandsOf(text: string, code: string): string {
  const f = diagnose(text).findings.find((x) => x.code === code);
  expect(f, `${code} expected`).toBeDefined();
  return f!.fixes.flatMap((x) => x.commands ?? []).join('\n');
}

describe('fixes name real IDs and mark what they cannot know', () => {
  it('VPCs called "vpc-a" and "vpc-c" become marked placeholders, not IDs AWS would refuse', () => {
    const cli = commandsOf(
      'vpc-a 10.0.0.0/16 peered with vpc-b 10.1.0.0/16, b peered with vpc-c 10.2.0.0/16. a cant reach c',
      'TRANSITIVE_PEERING_UNSUPPORTED',
    );
    expect(cli).toContain('--vpc-id <VPC id of vpc-a>');
    expect(cli).toContain('--peer-vpc-id <VPC id of vpc-c>');
    expect(cli).toContain('--route-table-id <route table of vpc-a>');
    expect(cli).not.toMatch(/--vpc-id vpc-a\b/);
  });

  it('real VPC IDs go into the command as they were pasted', () => {
    const cli = commandsOf(
      'vpc-0a1b2c3d4e5f60718 10.0.0.0/16 peered with vpc-0b2c3d4e5f6071829 10.1.0.0/16, vpc-0b2c3d4e5f6071829 peered with vpc-0c3d4e5f607182930 10.2.0.0/16. 10.0.4.10 cant reach 10.2.4.10',
      'TRANSITIVE_PEERING_UNSUPPORTED',
    );
    expect(cli).toContain('--vpc-id vpc-0a1b2c3d4e5f60718 --peer-vpc-id vpc-0c3d4e5f607182930');
  });

  it('tells names from shortened real IDs', () => {
    for (const id of ['vpc-a', 'sg-db', 'rtb-private', 'subnet-priv-a'])
      expect(isNameLikeId(id), id).toBe(true);
    for (const id of [
      'vpc-0a1b2c3d',
      'sg-0123…',
      'tgw-attach-0a1b2c3d4e5f6',
      'acl-07c3e1d2b9a4f5e60',
      'web-server',
    ])
      expect(isNameLikeId(id), id).toBe(false);
  });
});
