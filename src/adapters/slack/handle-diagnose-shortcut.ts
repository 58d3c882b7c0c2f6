import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs, webApi } from '@slack/bolt';
import type { Report } from '../../core/report/schema.js';
import { answerSafely } from './answer-safely.js';
import { decodeSlackText } from './decode-slack-text.js';
import { deliverReport } from './deliver-report.js';
import { describePaste } from './describe-paste.js';
import { describeCut, diagnoseBytes } from './diagnose-bytes.js';
import {
  downloadSlackFile,
  fileLabel,
  filesOf,
  formatBytes,
  isDiagnosable,
  type SlackFile,
  slackFileSchema,
  tooBig,
} from './slack-file.js';
import type { ReplyTarget, SlackRuntime } from './slack-runtime.js';
import { SlackUserProblem } from './slack-user-problem.js';

export const DIAGNOSE_SHORTCUT_ID = 'diagnose_message';

/**
 * The "Diagnose" message shortcut: reads the message's attached .log/.txt/.gz file when it has one
 * (downloaded with the bot token, within the size limit), else its text, and answers in its thread.
 */
export function handleDiagnoseShortcut(rt: SlackRuntime) {
  return async ({
    shortcut,
    ack,
    client,
    context,
  }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs) => {
    await ack();
    const message = shortcut.message;
    const target: ReplyTarget = {
      channel: shortcut.channel.id,
      threadTs: (message.thread_ts as string | undefined) ?? message.ts,
      responseUrl: shortcut.response_url,
      user: shortcut.user.id,
      via: 'shortcut',
      ...(context.botUserId ? { botUserId: context.botUserId } : {}),
    };
    await answerSafely(rt, target, async () => {
      await yieldToEventLoop();
      const { report, source } = await readMessage(rt, client, message);
      await deliverReport(rt, client, report, target, source);
    });
  };
}

async function readMessage(
  rt: SlackRuntime,
  client: webApi.WebClient,
  message: MessageShortcut['message'],
): Promise<{ report: Report; source: string }> {
  const files = filesOf(message);
  const readable = files.filter(isDiagnosable);
  const [file] = readable;
  if (file) {
    const others = files.length - 1;
    const { report, source } = await readFile(rt, client, file);
    return {
      report,
      source:
        others > 0 ? `${source}; ${others} other attachment${others === 1 ? '' : 's'} not read` : source,
    };
  }
  const text = decodeSlackText(messageText(message));
  if (text.trim() !== '') {
    return {
      report: rt.diagnoseText(text, { now: rt.now() }),
      source: `the ${describePaste(text)} of the message`,
    };
  }
  if (files.length > 0) {
    throw new SlackUserProblem(
      `${fileLabel(files[0]!)} is not a text or log file. Attach flow logs as .log, .txt or .gz (S3 delivers .log.gz), or paste the lines.`,
    );
  }
  throw new SlackUserProblem(
    'That message has no text or .log/.txt/.gz file to diagnose. Use Diagnose on a message with flow-log lines, describe-* output or a description of the path.',
  );
}

/** The message's text, or for bot and integration posts with none, the text of its attachments. */
function messageText(message: MessageShortcut['message']): string {
  if (typeof message.text === 'string' && message.text.trim() !== '') return message.text;
  const attachments: unknown = message.attachments;
  if (!Array.isArray(attachments)) return '';
  return attachments
    .map((a) => (typeof a?.text === 'string' ? a.text : ''))
    .filter(Boolean)
    .join('\n');
}

async function readFile(
  rt: SlackRuntime,
  client: webApi.WebClient,
  listed: SlackFile,
): Promise<{ report: Report; source: string }> {
  let file = listed;
  // Files shared from elsewhere (Slack Connect, some apps) come without links: ask files.info.
  if (!file.url_private_download && !file.url_private) {
    const info = await client.files.info({ file: file.id });
    const r = slackFileSchema.safeParse(info.file);
    if (r.success) file = r.data;
  }
  const label = fileLabel(file);
  if (file.size !== undefined && file.size > rt.maxFileBytes) throw tooBig(label, file.size, rt.maxFileBytes);
  const bytes = await downloadSlackFile(file, {
    token: rt.botToken,
    trustedOrigins: rt.trustedOrigins,
    maxBytes: rt.maxFileBytes,
    fetch: rt.fetch,
  });
  const result = await diagnoseBytes(bytes, { now: rt.now(), maxTextBytes: rt.maxTextBytes });
  const what = `${formatBytes(bytes.length)}${result.gzip ? `, gzip: ${formatBytes(result.textBytes)} of text` : ''}`;
  const cut = result.cut ? `; ${describeCut(rt.maxTextBytes)}` : '';
  return { report: result.report, source: `${label} (${what}) attached to the message${cut}` };
}
