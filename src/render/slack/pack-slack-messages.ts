import { blockChars, context, type SlackBlock, type SlackMessage } from './block-kit.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import { SLACK_LIMITS } from './slack-limits.js';

/** Blocks that belong together (a finding, the input warnings), packed into messages in order. */
export interface SlackUnit {
  /** names the unit on a continuation message ("continued: 2/5 SG_INBOUND_BLOCKS") */
  label: string;
  /** notification fallback for a message that starts with this unit (escaped) */
  text: string;
  blocks: SlackBlock[];
  /** start a new message for this unit (a thread reply per finding) */
  newMessage: boolean;
}

export interface PackLimits {
  blocks: number;
  chars: number;
}

const DEFAULT_LIMITS: PackLimits = {
  blocks: SLACK_LIMITS.blocksPerMessage,
  chars: SLACK_LIMITS.messageChars,
};

/**
 * Packs units into messages that each stay within the block and character budgets. A unit too big
 * for one message continues in the next, which opens with a "continued" line naming it.
 */
export function packSlackMessages(units: readonly SlackUnit[], limits = DEFAULT_LIMITS): SlackMessage[] {
  const messages: SlackMessage[] = [];
  let blocks: SlackBlock[] = [];
  let chars = 0;
  let text = '';
  const flush = () => {
    if (blocks.length > 0) messages.push({ text: text || 'vpcdiag', blocks });
    blocks = [];
    chars = 0;
    text = '';
  };
  for (const unit of units) {
    if (unit.newMessage) flush();
    if (blocks.length === 0) text = unit.text;
    for (const block of unit.blocks) {
      const size = blockChars(block);
      if (blocks.length > 0 && (blocks.length + 1 > limits.blocks || chars + size > limits.chars)) {
        flush();
        const more = context(`_continued:_ ${escapeMrkdwn(unit.label)}`);
        blocks.push(more);
        chars += blockChars(more);
        text = `${unit.text} (continued)`;
      }
      blocks.push(block);
      chars += size;
    }
  }
  flush();
  return messages;
}
