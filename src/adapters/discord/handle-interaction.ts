import type { Logger } from '../../log/logger.js';
import { renderDiscordHelp } from '../../render/discord/render-discord-help.js';
import { renderDiscordReport } from '../../render/discord/render-discord-report.js';
import { deliverOnMessage, deliverOnReply } from './deliver-report.js';
import { diagnoseInput } from './diagnose-input.js';
import { diagnoseModal } from './diagnose-modal.js';
import { errorFields } from './discord-errors.js';
import type { ChannelPoster, InteractionFacts, InteractionResponder } from './interaction.js';
import {
  AttachmentError,
  type AttachmentLimits,
  attachmentProblem,
  isReadableName,
} from './read-attachment.js';
import { planThread } from './thread-plan.js';

export interface HandlerDeps {
  log: Logger;
  /** posting with the bot token (threads); undefined when the bot has no token (HTTP mode only) */
  channels?: ChannelPoster;
  /** mask AWS account IDs in servers */
  maskAccountIds: boolean;
  limits: AttachmentLimits;
  now: () => Date;
  /** reads and diagnoses the input (the real one unless a test replaces it) */
  diagnose?: typeof diagnoseInput;
}

/** Discord's cap on follow-ups for an app installed on the user but not in the server. */
const USER_INSTALL_FOLLOW_UPS = 5;

/**
 * Handles one interaction, whichever way it arrived. Never throws: a failure is logged (without the
 * token) and the user gets a short apology only they can see.
 */
export async function handleInteraction(
  ix: InteractionFacts,
  res: InteractionResponder,
  deps: HandlerDeps,
): Promise<void> {
  const started = Date.now();
  try {
    await route(ix, res, deps);
    deps.log.info('discord: interaction handled', {
      interaction: ix.id,
      kind: ix.request.kind,
      ms: Date.now() - started,
    });
  } catch (err) {
    const userMistake = err instanceof AttachmentError;
    if (!userMistake) {
      deps.log.error('discord: interaction failed', {
        interaction: ix.id,
        kind: ix.request.kind,
        ...errorFields(err, [ix.token]),
      });
    }
    const text = userMistake
      ? `I could not read that: ${err.message}.`
      : `Sorry, something went wrong on my side and the diagnosis did not finish. Please try again in a moment; if it keeps failing, paste fewer lines. (Reference ${ix.id}, for whoever runs this bot.)`;
    await apologize(res, text).catch((e: unknown) =>
      deps.log.warn('discord: could not send the apology', {
        interaction: ix.id,
        ...errorFields(e, [ix.token]),
      }),
    );
  }
}

async function route(ix: InteractionFacts, res: InteractionResponder, deps: HandlerDeps): Promise<void> {
  const r = ix.request;
  switch (r.kind) {
    case 'help':
      await res.reply({ ...renderDiscordHelp({ maxFileBytes: deps.limits.maxBytes }), ephemeral: true });
      return;
    case 'diagnose': {
      const text = r.text?.trim() ? r.text : undefined;
      if (!text && !r.file) {
        await res.showModal(diagnoseModal());
        return;
      }
      // a file that will not be read is said at once, privately, when there is nothing else to read
      const problem = r.file ? attachmentProblem(r.file, deps.limits) : undefined;
      if (problem && !text) {
        await res.reply({ content: `I could not read that: ${problem}.`, ephemeral: true });
        return;
      }
      await diagnoseToReply(ix, res, deps, {
        text,
        textLabel: 'the pasted text',
        attachments: r.file ? [r.file] : [],
      });
      return;
    }
    case 'diagnose-modal':
      if (!r.text.trim()) {
        await res.reply({
          content: 'The form was empty: paste flow-log lines or a description.',
          ephemeral: true,
        });
        return;
      }
      await diagnoseToReply(ix, res, deps, { text: r.text, textLabel: 'the form', attachments: [] });
      return;
    case 'diagnose-message': {
      const m = r.message;
      const readable = m.attachments.filter((a) => isReadableName(a.filename));
      if (!m.content.trim() && readable.length === 0) {
        await res.reply({
          content:
            'That message has no text and no .log, .txt or .gz file for me to read. Use it on a message with flow-log lines, describe-* output or a description.',
          ephemeral: true,
        });
        return;
      }
      const plan = planThread(ix.place, deps.channels, { botPostsEmbed: true });
      // with a thread, the reply is only a private pointer to it; without, it is the answer itself
      await res.defer({ ephemeral: plan.thread });
      const { report, source } = await (deps.diagnose ?? diagnoseInput)(
        { text: m.content, textLabel: 'the message', attachments: m.attachments },
        { limits: deps.limits, now: deps.now() },
      );
      const rendered = renderDiscordReport(report, {
        maskAccountIds: mask(ix, deps),
        source,
        detailsWhere: plan.thread ? 'thread' : 'below',
      });
      await deliverOnMessage(delivery(ix, res, deps, rendered), plan, m);
      return;
    }
    case 'unknown':
      deps.log.warn('discord: unknown interaction', { interaction: ix.id, what: r.what });
      await res.reply({
        content: 'I do not know that command (yet). Try `/diagnose` or `/diagnose-help`.',
        ephemeral: true,
      });
      return;
  }
}

async function diagnoseToReply(
  ix: InteractionFacts,
  res: InteractionResponder,
  deps: HandlerDeps,
  input: Parameters<typeof diagnoseInput>[0],
): Promise<void> {
  await res.defer({ ephemeral: false });
  const plan = planThread(ix.place, deps.channels, { botPostsEmbed: false });
  const { report, source } = await (deps.diagnose ?? diagnoseInput)(input, {
    limits: deps.limits,
    now: deps.now(),
  });
  const rendered = renderDiscordReport(report, {
    maskAccountIds: mask(ix, deps),
    source,
    detailsWhere: plan.thread ? 'thread' : 'below',
  });
  await deliverOnReply(delivery(ix, res, deps, rendered), plan);
}

function delivery(
  ix: InteractionFacts,
  res: InteractionResponder,
  deps: HandlerDeps,
  report: ReturnType<typeof renderDiscordReport>,
) {
  return {
    res,
    channels: deps.channels,
    report,
    maxFollowUps: ix.place.guildInstalled ? Number.POSITIVE_INFINITY : USER_INSTALL_FOLLOW_UPS,
    log: deps.log,
    interactionId: ix.id,
  };
}

/** Pastes in servers are seen by many: account IDs are masked there (unless turned off); DMs are private. */
function mask(ix: InteractionFacts, deps: HandlerDeps): boolean {
  return deps.maskAccountIds && ix.place.guildId !== undefined;
}

/** The apology goes where only the user sees it; a public "thinking…" placeholder is removed first. */
async function apologize(res: InteractionResponder, content: string): Promise<void> {
  switch (res.state) {
    case 'none':
      await res.reply({ content, ephemeral: true });
      return;
    case 'deferred-ephemeral':
      await res.editReply({ content });
      return;
    case 'deferred':
      await res.deleteReply().catch(() => undefined);
      await res.followUp({ content, ephemeral: true });
      return;
    default:
      await res.followUp({ content, ephemeral: true });
  }
}
