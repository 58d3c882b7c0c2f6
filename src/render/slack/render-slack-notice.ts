import { type SlackMessage, section } from './block-kit.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { splitMrkdwn } from './split-mrkdwn.js';

/** A short private message (a problem with the request, an apology): one section, escaped. */
export function renderSlackNotice(raw: string, icon = ':information_source:'): SlackMessage {
  const text = escapeMrkdwn(raw);
  return { text, blocks: splitMrkdwn(`${icon} ${text}`, SLACK_LIMITS.sectionText).map(section) };
}

/** Something broke on our side: say sorry, what to try, and a reference to quote to the operator. */
export function renderSlackApology(reference: string): SlackMessage {
  return renderSlackNotice(
    `Sorry, vpcdiag hit a problem and could not finish this diagnosis (reference ${reference}). ` +
      'Try again in a minute; if it keeps failing, run the vpcdiag CLI on the same input and tell ' +
      'whoever runs this app the reference.',
    ':warning:',
  );
}
