/**
 * The few Block Kit shapes vpcdiag sends, typed locally so the renderer stays free of SDK imports.
 * Every builder takes text that is already mrkdwn (escaped with escapeMrkdwn where it echoes input).
 */

/** mrkdwn with `verbatim: true`: Slack does not auto-link URLs, channel names or mentions in it. */
export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
  verbatim: true;
}

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji: boolean;
}

export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: MrkdwnText }
  | { type: 'context'; elements: MrkdwnText[] }
  | { type: 'divider' };

/** One message: `text` is the notification/accessibility fallback, `blocks` what people see. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

export function mrkdwn(text: string): MrkdwnText {
  return { type: 'mrkdwn', text, verbatim: true };
}

export function section(text: string): SlackBlock {
  return { type: 'section', text: mrkdwn(text) };
}

export function context(text: string): SlackBlock {
  return { type: 'context', elements: [mrkdwn(text)] };
}

export function header(text: string): SlackBlock {
  return { type: 'header', text: { type: 'plain_text', text, emoji: true } };
}

export const divider: SlackBlock = { type: 'divider' };

/** Characters of visible text in a block (what the per-section and per-message budgets count). */
export function blockChars(block: SlackBlock): number {
  switch (block.type) {
    case 'header':
    case 'section':
      return block.text.text.length;
    case 'context':
      return block.elements.reduce((n, e) => n + e.text.length, 0);
    case 'divider':
      return 0;
  }
}
