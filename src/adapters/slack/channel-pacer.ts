/** Spaces out posts to one channel: Slack's chat.postMessage guidance is about 1 message/s/channel. */
export interface ChannelPacer {
  /** resolves when the next post to `channel` may go out */
  wait(channel: string): Promise<void>;
}

export interface PacerOptions {
  /** spacing between posts once the burst is used, in ms */
  intervalMs: number;
  /** posts that may go out at once before the spacing applies (Slack allows short bursts) */
  burst: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * A per-channel pacer (generic cell rate algorithm): up to `burst` posts at once, then one every
 * `intervalMs`. Concurrent deliveries to the same channel share the budget.
 */
export function createChannelPacer(options: PacerOptions): ChannelPacer {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const slack = Math.max(0, options.burst - 1) * options.intervalMs;
  const next = new Map<string, number>();
  return {
    async wait(channel) {
      const t = now();
      if (next.size > 10_000) for (const [k, v] of next) if (v < t - slack) next.delete(k);
      const slot = Math.max(t - slack, next.get(channel) ?? 0);
      next.set(channel, slot + options.intervalMs);
      if (slot > t) await sleep(slot - t);
    },
  };
}
