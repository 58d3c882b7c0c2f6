import type { SlackBlock, SlackMessage } from '../../src/render/slack/block-kit.js';

/** Every way a message breaks Block Kit's limits (or vpcdiag's budgets); empty when it is fine. */
export function slackLimitProblems(messages: readonly SlackMessage[]): string[] {
  const problems: string[] = [];
  messages.forEach((m, i) => {
    const at = `message ${i + 1}`;
    if (m.blocks.length === 0) problems.push(`${at}: no blocks`);
    if (m.blocks.length > 50) problems.push(`${at}: ${m.blocks.length} blocks`);
    if (m.text.length === 0 || m.text.length > 4000) problems.push(`${at}: text of ${m.text.length}`);
    let chars = 0;
    m.blocks.forEach((b, j) => {
      const where = `${at} block ${j + 1} (${b.type})`;
      for (const t of texts(b)) {
        chars += t.length;
        if (t.trim().length === 0) problems.push(`${where}: empty text`);
      }
      if (b.type === 'header' && b.text.text.length > 150)
        problems.push(`${where}: header ${b.text.text.length}`);
      if (b.type === 'section' && b.text.text.length > 3000)
        problems.push(`${where}: section ${b.text.text.length}`);
      if (b.type === 'context' && b.elements.length > 10)
        problems.push(`${where}: ${b.elements.length} elements`);
      if (b.type === 'context' && b.elements.some((e) => e.text.length > 3000))
        problems.push(`${where}: long context`);
      if (b.type === 'section' && b.text.verbatim !== true) problems.push(`${where}: not verbatim`);
    });
    if (chars > 12_000) problems.push(`${at}: ${chars} characters`);
  });
  return problems;
}

export function texts(b: SlackBlock): string[] {
  switch (b.type) {
    case 'header':
    case 'section':
      return [b.text.text];
    case 'context':
      return b.elements.map((e) => e.text);
    case 'divider':
      return [];
  }
}

/** All visible text of the messages, in order. */
export function allText(messages: readonly SlackMessage[]): string {
  return messages.flatMap((m) => [m.text, ...m.blocks.flatMap(texts)]).join('\n');
}
