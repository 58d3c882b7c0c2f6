import type { webApi } from '@slack/bolt';
import type { Report } from '../../core/report/schema.js';
import type { SlackMessage } from '../../render/slack/block-kit.js';
import { renderSlackNotice } from '../../render/slack/render-slack-notice.js';
import { renderSlackEphemeral, renderSlackReport } from '../../render/slack/render-slack-report.js';
import { postToResponseUrl } from './response-url.js';
import { cannotPostHere, describeSlackError } from './slack-api-errors.js';
import type { ReplyTarget, SlackRuntime } from './slack-runtime.js';

type WebClient = webApi.WebClient;

/**
 * Posts a report: the verdict as a new message (or as a reply, for the message shortcut), then the
 * findings one by one in its thread, paced per channel. Where the app cannot post (not a member, a
 * private channel, a DM between people) the whole report goes privately through the response_url,
 * with how to invite the app. Errors other than those are thrown to the caller.
 */
export async function deliverReport(
  rt: SlackRuntime,
  client: WebClient,
  report: Report,
  target: ReplyTarget,
  source: string,
): Promise<'thread' | 'private'> {
  const { verdict, thread } = renderSlackReport(report, { source, maxThreadMessages: rt.maxThreadMessages });
  let parentTs: string | undefined;
  try {
    const res = await post(rt, client, target.channel, target.threadTs, verdict);
    parentTs = target.threadTs ?? res.ts;
  } catch (err) {
    const why = cannotPostHere(err);
    if (!why || !target.responseUrl) throw err;
    rt.log.info('cannot post here; answering privately', { channel: target.channel, why, via: target.via });
    await deliverPrivately(rt, report, target, source);
    return 'private';
  }
  for (const [i, message] of thread.entries()) {
    try {
      await post(rt, client, target.channel, parentTs, message);
    } catch (err) {
      const said = describeSlackError(err);
      rt.log.warn('thread reply refused', {
        channel: target.channel,
        reply: i + 1,
        of: thread.length,
        said,
        err,
      });
      const note = renderSlackNotice(
        `Slack refused part of this report (${said}), so the thread stops at reply ${i} of ${thread.length}. Try again in a minute, or run the vpcdiag CLI on the same input.`,
        ':warning:',
      );
      if (target.responseUrl) await postToResponseUrl(target.responseUrl, note, rt.fetch);
      return 'thread';
    }
  }
  return 'thread';
}

async function post(
  rt: SlackRuntime,
  client: WebClient,
  channel: string,
  threadTs: string | undefined,
  message: SlackMessage,
): Promise<{ ts?: string }> {
  await rt.pacer.wait(channel);
  return client.chat.postMessage({
    channel,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    text: message.text,
    blocks: message.blocks,
    // Never turn pasted addresses into previews; never resolve @names (no link_names, no parse).
    unfurl_links: false,
    unfurl_media: false,
  });
}

async function deliverPrivately(
  rt: SlackRuntime,
  report: Report,
  target: ReplyTarget,
  source: string,
): Promise<void> {
  const app = target.botUserId ? `<@${target.botUserId}>` : 'the app';
  const notice =
    `:lock: *Only you can see this.* vpcdiag is not a member of this conversation, so it cannot post the report here. ` +
    `To share answers as a thread, invite it: \`/invite ${app}\` (private channels too). ` +
    'In a direct message between people it can only answer you privately.';
  for (const message of renderSlackEphemeral(report, { notice, source })) {
    await postToResponseUrl(target.responseUrl!, message, rt.fetch);
  }
}
