import type { REST } from 'discord.js';
import { type HandlerDeps, handleInteraction } from './handle-interaction.js';
import type { InteractionFacts } from './interaction.js';
import { readInteraction } from './read-interaction.js';
import { RestResponder, type SendInitial } from './rest-responder.js';

/**
 * Runs the shared handlers for interaction payloads from either transport, and keeps track of the
 * ones still running so that shutdown (and tests) can wait for them.
 */
export class InteractionDispatcher {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly deps: HandlerDeps & { rest: REST }) {}

  /** Starts handling one payload; `initial` gives how its first response is sent. */
  dispatch(payload: unknown, initial: (ix: InteractionFacts) => SendInitial): Promise<void> {
    const ix = readInteraction(payload);
    const responder = new RestResponder(this.deps.rest, ix, initial(ix));
    const work = handleInteraction(ix, responder, this.deps).finally(() => this.running.delete(work));
    this.running.add(work);
    return work;
  }

  /** Resolves when no interaction is being handled (or after `timeoutMs`). */
  async idle(timeoutMs = Number.POSITIVE_INFINITY): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.running.size > 0 && Date.now() < deadline) {
      const left = deadline - Date.now();
      await Promise.race([
        Promise.allSettled([...this.running]),
        ...(Number.isFinite(left) ? [new Promise((r) => setTimeout(r, left).unref())] : []),
      ]);
    }
  }
}
