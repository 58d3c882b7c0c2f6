import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { answerSafely } from './answer-safely.js';
import { deliverReport } from './deliver-report.js';
import { describePaste } from './describe-paste.js';
import { PASTE_ACTION, PASTE_BLOCK, parseModalMeta } from './diagnose-modal.js';
import type { ReplyTarget, SlackRuntime } from './slack-runtime.js';

/**
 * The form's submission: an empty paste is refused in the form itself; otherwise the form closes at
 * once and the report is posted where `/diagnose` was typed, the same way as a pasted command.
 */
export function handleDiagnoseForm(rt: SlackRuntime) {
  return async ({
    ack,
    view,
    body,
    client,
    context,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    // Text typed into a form arrives as typed: no Slack message encoding to undo.
    const text = view.state.values[PASTE_BLOCK]?.[PASTE_ACTION]?.value ?? '';
    if (text.trim() === '') {
      await ack({
        response_action: 'errors',
        errors: {
          [PASTE_BLOCK]: 'Paste flow-log lines, describe-* output or a few sentences about the path.',
        },
      });
      return;
    }
    const meta = parseModalMeta(view.private_metadata);
    await ack();
    if (!meta) {
      rt.log.warn('form submitted without its channel', { user: body.user.id });
      return;
    }
    const target: ReplyTarget = {
      channel: meta.channel,
      user: body.user.id,
      via: 'form',
      ...(meta.responseUrl ? { responseUrl: meta.responseUrl } : {}),
      ...(context.botUserId ? { botUserId: context.botUserId } : {}),
    };
    await answerSafely(rt, target, async () => {
      await yieldToEventLoop();
      const report = rt.diagnoseText(text, { now: rt.now() });
      await deliverReport(rt, client, report, target, `${describePaste(text)} pasted in the /diagnose form`);
    });
  };
}
