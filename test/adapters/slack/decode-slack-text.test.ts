import { describe, expect, it } from 'vitest';
import { decodeSlackText } from '../../../src/adapters/slack/decode-slack-text.js';

describe('decoding Slack-encoded text before parsing', () => {
  it('turns entities back into the characters typed, &amp; last', () => {
    expect(decodeSlackText('10.0.1.5 -&gt; 10.0.2.9 &amp;&amp; a &lt; b')).toBe(
      '10.0.1.5 -> 10.0.2.9 && a < b',
    );
    expect(decodeSlackText('&amp;lt;')).toBe('&lt;');
  });

  it('links become what the user saw: the label, or the bare address', () => {
    expect(decodeSlackText('ping <http://ip-10-0-1-5.ec2.internal|ip-10-0-1-5.ec2.internal> now')).toBe(
      'ping ip-10-0-1-5.ec2.internal now',
    );
    expect(decodeSlackText('see <https://docs.aws.amazon.com/vpc/>')).toBe(
      'see https://docs.aws.amazon.com/vpc/',
    );
    expect(decodeSlackText('mail <mailto:ops@example.com|ops@example.com>')).toBe('mail ops@example.com');
    expect(decodeSlackText('<mailto:ops@example.com>')).toBe('ops@example.com');
  });

  it('mentions and channel links become readable text, never markup', () => {
    expect(
      decodeSlackText('<@U0ALICE> <@U0BOB|bob> <#C0NETOPS|netops> <!here> <!subteam^S0NET|@net-team>'),
    ).toBe('@U0ALICE @bob #netops @here @net-team');
  });

  it('leaves flow-log records and arrows alone', () => {
    const line =
      '2 381492650217 eni-0b7e4c1d9a2f63e58 10.40.1.20 10.40.8.17 41000 5432 6 3 180 1717430400 1717430460 ACCEPT OK';
    expect(decodeSlackText(line)).toBe(line);
    expect(decodeSlackText('A <-> B')).toBe('A <-> B');
  });
});
