import { describe, expect, it } from 'vitest';
import { createChannelPacer } from '../../../src/adapters/slack/channel-pacer.js';

function fakeClock() {
  let t = 1_000_000;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    slept,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe('pacing posts per channel', () => {
  it('lets a burst through, then one post per interval', async () => {
    const c = fakeClock();
    const pacer = createChannelPacer({ intervalMs: 1000, burst: 3, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 6; i++) await pacer.wait('C1');
    expect(c.slept).toEqual([1000, 1000, 1000]);
  });

  it('channels do not slow each other down', async () => {
    const c = fakeClock();
    const pacer = createChannelPacer({ intervalMs: 1000, burst: 1, now: c.now, sleep: c.sleep });
    await pacer.wait('C1');
    await pacer.wait('C2');
    await pacer.wait('C3');
    expect(c.slept).toEqual([]);
  });

  it('an idle channel gets its burst back', async () => {
    const c = fakeClock();
    const pacer = createChannelPacer({ intervalMs: 1000, burst: 2, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 4; i++) await pacer.wait('C1');
    expect(c.slept).toHaveLength(2);
    c.advance(60_000);
    await pacer.wait('C1');
    await pacer.wait('C1');
    expect(c.slept).toHaveLength(2);
  });
});
