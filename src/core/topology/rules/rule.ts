import type { Finding } from '../../report/schema.js';
import type { Intent, Model, Source, SymptomKind } from '../model/types.js';
import type { Place } from '../reason/place.js';

/** What a check may run on an intent; flow-log intents only run the checks their records point at. */
export type Check =
  | 'route-fwd'
  | 'route-ret'
  | 'sg-in'
  | 'sg-out'
  | 'nacl-in'
  | 'nacl-out'
  | 'reply-nacl-out'
  | 'reply-nacl-in'
  | 'service';

export const ALL_CHECKS: readonly Check[] = [
  'route-fwd',
  'route-ret',
  'sg-in',
  'sg-out',
  'nacl-in',
  'nacl-out',
  'reply-nacl-out',
  'reply-nacl-in',
  'service',
];

/** An intent with both ends resolved against the model. */
export interface Path {
  intent: Intent;
  from: Place;
  to: Place;
  protocol: number;
  port?: number;
  checks: ReadonlySet<Check>;
  /** the flow-log finding this path came from */
  flow?: Finding;
}

/** A question the input leaves open: what might be wrong, and what to paste to settle it. */
export interface Gap {
  hypothesis: string;
  ask: string;
  /** lower first */
  order?: number;
  src?: Source;
}

export interface RuleContext {
  model: Model;
  now: Date;
  paths: readonly Path[];
  /**
   * Paths a peering route stands for when it cannot be meant for the peer (a third VPC's block, the
   * internet, on-premises, a prefix list): only the rules about peering routes look at them.
   */
  routePaths: readonly Path[];
  symptoms: ReadonlySet<SymptomKind>;
  flowFindings: readonly Finding[];
  gap(g: Gap): void;
}

export type Rule = (ctx: RuleContext) => Finding[];
