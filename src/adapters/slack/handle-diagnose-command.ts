import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { renderSlackHelp } from '../../render/slack/render-slack-help.js';
import { answerSafely } from './answer-safely.js';
import { decodeSlackText } from './decode-slack-text.js';
import { deliverReport } from './deliver-report.js';
import { describePaste } from './describe-paste.js';
import { diagnoseModalView } from './diagnose-modal.js';
import type { ReplyTarget, SlackRuntime } from './slack-runtime.js';

const HELP_WORDS = new Set(['help', '-h', '--help', '?', 'usage']);

/**
 * `/diagnose`: `help` answers with what can be pasted; no text opens the form; anything else is
 * acknowledged at once, then diagnosed and posted as a verdict with a thread of findings.
 */
export function handleDiagnoseCommand(rt: SlackRuntime) {
  return async ({ command, ack, client, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const raw = command.text ?? '';
    const trimmed = raw.trim();
    if (HELP_WORDS.has(trimmed.toLowerCase())) {
      await ack({
        response_type: 'ephemeral',
        ...renderSlackHelp({ command: command.command, maxFileBytes: rt.maxFileBytes }),
      });
      return;
    }
    await ack();
    const target: ReplyTarget = {
      channel: command.channel_id,
      responseUrl: command.response_url,
      user: command.user_id,
      via: trimmed === '' ? 'form' : 'command',
      ...(context.botUserId ? { botUserId: context.botUserId } : {}),
    };
    if (trimmed === '') {
      await answerSafely(rt, target, async () => {
        await client.views.open({
          trigger_id: command.trigger_id,
          view: diagnoseModalView({ channel: command.channel_id, responseUrl: command.response_url }),
        });
      });
      return;
    }
    await answerSafely(rt, target, async () => {
      // Let the acknowledgement leave before the CPU work starts.
      await yieldToEventLoop();
      const text = decodeSlackText(raw);
      const report = rt.diagnoseText(text, { now: rt.now() });
      await deliverReport(
        rt,
        client,
        report,
        target,
        `${describePaste(text)} pasted with ${command.command}`,
      );
    });
  };
}
