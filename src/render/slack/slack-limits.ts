/**
 * Block Kit limits (Slack's, from @slack/types and docs.slack.dev) and the tighter budgets vpcdiag
 * keeps under them. See shared/reference/chat-platforms.md §2.6.
 */
export const SLACK_LIMITS = {
  /** blocks in one message (modals allow 100) */
  blocksPerMessage: 50,
  /** characters in a section's text */
  sectionText: 3000,
  /** characters in a header's plain_text */
  headerText: 150,
  /** elements in one context block */
  contextElements: 10,
  /** ours: characters of block text in one message, well under the 40,000 of `text` */
  messageChars: 12_000,
  /** ours: the `text` fallback used for notifications */
  notificationText: 300,
  /** messages one response_url accepts */
  responseUrlUses: 5,
} as const;
