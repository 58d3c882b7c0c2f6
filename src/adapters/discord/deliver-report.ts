import type { Logger } from '../../log/logger.js';
import { DISCORD_LIMITS } from '../../render/discord/discord-limits.js';
import type { DiscordReport } from '../../render/discord/render-discord-report.js';
import { DISCORD_ERROR, discordErrorCode, errorFields, threadFailureNotice } from './discord-errors.js';
import type { ChannelPoster, InteractionResponder, OutgoingMessage, TargetMessage } from './interaction.js';
import { noThreadNotice, type ThreadPlan } from './thread-plan.js';

export interface Delivery {
  res: InteractionResponder;
  channels?: ChannelPoster;
  report: DiscordReport;
  /** Discord allows 5 follow-ups when the app is installed on the user only; otherwise unlimited */
  maxFollowUps: number;
  log: Logger;
  /** for the logs */
  interactionId: string;
}

/**
 * `/diagnose` and the modal: the verdict becomes the reply, a thread is started on the reply and the
 * details are posted there in order. Where that is impossible, or Discord refuses, the rest follows as
 * follow-up messages, preceded once by the reason.
 */
export async function deliverOnReply(d: Delivery, plan: ThreadPlan): Promise<void> {
  const reply = await d.res.editReply(d.report.verdict);
  const details = d.report.thread.map(detailMessage);
  if (details.length === 0) return;
  if (!plan.thread || !d.channels) {
    await sendFollowUps(d, details, noThreadNotice(plan.thread ? 'no-token' : plan.reason), false);
    return;
  }
  let threadId: string;
  try {
    threadId = await d.channels.startThread(reply.channelId, reply.id, d.report.threadName);
  } catch (err) {
    d.log.warn('discord: could not start a thread on the reply', {
      interaction: d.interactionId,
      ...errorFields(err),
    });
    await sendFollowUps(d, details, threadFailureNotice(err), false);
    return;
  }
  const failed = await postInThread(d, threadId, details);
  if (failed) await sendFollowUps(d, details.slice(failed.at), failed.notice, false);
}

/**
 * The "Diagnose" message command: a thread on the diagnosed message gets the verdict and the details,
 * and the (ephemeral) reply points to it. Without a thread the verdict and details are the reply and
 * its follow-ups.
 */
export async function deliverOnMessage(d: Delivery, plan: ThreadPlan, target: TargetMessage): Promise<void> {
  const details = d.report.thread.map(detailMessage);
  const ephemeral = d.res.state === 'deferred-ephemeral';
  let notice = plan.thread ? undefined : noThreadNotice(plan.reason);
  if (plan.thread && d.channels) {
    let threadId: string | undefined = target.hasThread ? target.id : undefined;
    if (!threadId) {
      try {
        threadId = await d.channels.startThread(target.channelId, target.id, d.report.threadName);
      } catch (err) {
        // one thread per message: someone started one since the payload was sent, so use it
        if (discordErrorCode(err) === DISCORD_ERROR.threadAlreadyCreated) threadId = target.id;
        else {
          d.log.warn('discord: could not start a thread on the message', {
            interaction: d.interactionId,
            ...errorFields(err),
          });
          notice = threadFailureNotice(err);
        }
      }
    }
    if (threadId) {
      const all = [d.report.verdict, ...details];
      const failed = await postInThread(d, threadId, all);
      if (!failed) {
        await d.res.editReply({ content: `The diagnosis is in the thread <#${threadId}>.` });
        return;
      }
      if (failed.at > 0) {
        await d.res.editReply({
          content: `The diagnosis starts in the thread <#${threadId}>; ${lowerFirst(failed.notice)}`,
        });
        await sendFollowUps(d, all.slice(failed.at), undefined, ephemeral);
        return;
      }
      notice = failed.notice;
    }
  }
  await d.res.editReply(d.report.verdict);
  await sendFollowUps(d, details, notice, ephemeral);
}

function detailMessage(content: string): OutgoingMessage {
  return { content, suppressEmbeds: true };
}

/** Posts in order; on the first refusal says where it stopped and why. */
async function postInThread(
  d: Delivery,
  threadId: string,
  messages: readonly OutgoingMessage[],
): Promise<{ at: number; notice: string } | undefined> {
  for (let i = 0; i < messages.length; i++) {
    try {
      await d.channels!.send(threadId, messages[i]!);
    } catch (err) {
      d.log.warn('discord: could not post in the thread', {
        interaction: d.interactionId,
        posted: i,
        of: messages.length,
        ...errorFields(err),
      });
      return { at: i, notice: threadFailureNotice(err) };
    }
  }
  return undefined;
}

/** Follow-up messages, the notice first (joined to the first message when it fits), within the cap. */
async function sendFollowUps(
  d: Delivery,
  details: readonly OutgoingMessage[],
  notice: string | undefined,
  ephemeral: boolean,
): Promise<void> {
  const messages = [...details];
  if (notice) {
    const line = `-# ℹ️ ${notice}`;
    const first = messages[0];
    if (
      first?.content &&
      !first.embeds?.length &&
      line.length + 1 + first.content.length <= DISCORD_LIMITS.content
    ) {
      messages[0] = { ...first, content: `${line}\n${first.content}` };
    } else messages.unshift(detailMessage(line));
  }
  if (messages.length > d.maxFollowUps) {
    const keep = Math.max(0, d.maxFollowUps - 1);
    const left = messages.length - keep;
    messages.splice(
      keep,
      left,
      detailMessage(
        `-# …${left} more part${left === 1 ? '' : 's'} of this diagnosis do not fit: Discord allows ${d.maxFollowUps} follow-up messages when vpcdiag is installed on your account but not in this server. Ask a server admin to add vpcdiag, or run \`npx vpcdiag diagnose <file>\` for the whole report.`,
      ),
    );
  }
  for (const m of messages) await d.res.followUp({ ...m, ephemeral });
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
