import { describe, expect, it } from 'vitest';
import { diagnose, find } from './helpers.js';

describe('the route tables of both ends are asked for in one runnable command', () => {
  it('a function that cannot reach a database in another subnet gets one describe-route-tables with both subnets', () => {
    const text = [
      "lambda invoicer in subnet-0a1b2c3d4e5f60718 (10.0.1.0/24) can't reach the orders db 10.0.2.15 on 5432, it times out",
      'db subnet subnet-0f1e2d3c4b5a69788 10.0.2.0/24',
    ].join('\n');
    const questions = find(diagnose(text).findings, 'NEED_MORE_INFO').questions ?? [];
    const routes = questions.filter((q) => q.includes('describe-route-tables'));
    expect(routes).toEqual([
      'aws ec2 describe-route-tables --filters Name=association.subnet-id,Values=subnet-0a1b2c3d4e5f60718,subnet-0f1e2d3c4b5a69788',
    ]);
  });
});
