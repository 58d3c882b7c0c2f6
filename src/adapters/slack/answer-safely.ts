import { randomUUID } from 'node:crypto';
import type { SlackMessage } from '../../render/slack/block-kit.js';
import { renderSlackApology, renderSlackNotice } from '../../render/slack/render-slack-notice.js';
import { postToResponseUrl } from './response-url.js';
import { describeSlackError } from './slack-api-errors.js';
import type { ReplyTarget, SlackRuntime } from './slack-runtime.js';
import { SlackUserProblem } from './slack-user-problem.js';

/**
 * Runs the work behind one request after it was acknowledged. Nothing escapes: a problem with the
 * request is told to the user as it is; anything else (a core bug, a Slack API error) is logged with
 * a reference and the user gets a short apology quoting it. The process never crashes over a reply.
 */
export function answerSafely(
  rt: SlackRuntime,
  target: Pick<ReplyTarget, 'responseUrl' | 'channel' | 'user' | 'via'>,
  work: () => Promise<void>,
): Promise<void> {
  const started = Date.now();
  return rt.track(
    (async () => {
      try {
        await work();
        rt.log.info('answered', { via: target.via, channel: target.channel, ms: Date.now() - started });
      } catch (err) {
        if (err instanceof SlackUserProblem) {
          rt.log.info('request could not be served', { via: target.via, problem: err.message });
          await tell(rt, target.responseUrl, renderSlackNotice(err.message));
          return;
        }
        const reference = randomUUID().slice(0, 8);
        rt.log.error('answer failed', {
          reference,
          via: target.via,
          channel: target.channel,
          user: target.user,
          said: describeSlackError(err),
          err,
        });
        await tell(rt, target.responseUrl, renderSlackApology(reference));
      }
    })(),
  );
}

async function tell(rt: SlackRuntime, responseUrl: string | undefined, message: SlackMessage): Promise<void> {
  if (!responseUrl) return;
  try {
    await postToResponseUrl(responseUrl, message, rt.fetch);
  } catch (err) {
    rt.log.warn('could not tell the user either', { said: describeSlackError(err) });
  }
}
