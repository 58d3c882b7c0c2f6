import type { DiscordMessage } from './discord-limits.js';

export interface DiscordHelpOptions {
  /** the largest attachment the bot reads, in bytes */
  maxFileBytes: number;
}

/** `/diagnose-help`: what can be pasted, how, and what comes back, with two short examples. */
export function renderDiscordHelp(options: DiscordHelpOptions): DiscordMessage {
  const mb = Math.floor(options.maxFileBytes / (1024 * 1024));
  const description = [
    '**What it reads**',
    '- VPC or Transit Gateway flow-log lines: the default format, a custom format with its header line, CloudWatch console copies. One per line, or all run together on one line.',
    '- Output of `aws ec2 describe-security-groups`, `describe-network-acls`, `describe-route-tables`, `describe-vpc-peering-connections`, `describe-vpc-endpoints` (JSON or text).',
    '- A few sentences about the network: what talks to what, on which port, and what fails.',
    '',
    '**How**',
    '- `/diagnose text:` paste up to 6,000 characters.',
    `- \`/diagnose file:\` attach a \`.log\`, \`.txt\` or \`.gz\` file (as S3 delivers flow logs), up to ${mb} MB.`,
    '- `/diagnose` alone opens a form for up to 4,000 characters.',
    '- On any message: right-click (long-press on mobile) → **Apps** → **Diagnose** reads its text and its `.log`/`.txt`/`.gz` attachments.',
    '',
    '**Examples**',
    'Flow-log records, where the reply to a request is rejected:',
    '```',
    '2 123456789012 eni-0c1d2e3f4a5b6c7d8 10.20.1.15 10.20.8.40 50322 5432 6 4 240 1718000000 1718000060 ACCEPT OK',
    '2 123456789012 eni-0c1d2e3f4a5b6c7d8 10.20.8.40 10.20.1.15 5432 50322 6 4 216 1718000000 1718000060 REJECT OK',
    '```',
    'A description:',
    '```',
    'Lambda in a private subnet (10.20.3.0/24) times out calling sqs.eu-west-1.amazonaws.com. We added a gateway endpoint for SQS to the route table.',
    '```',
    '**What comes back**: a one-line verdict, and a thread with each finding, its evidence (with line numbers), the fix (AWS CLI and Terraform) and a query that confirms it across all your logs.',
    '',
    '-# AWS account IDs are masked in server channels. Never paste access keys or secrets.',
  ].join('\n');
  return {
    embeds: [{ title: 'vpcdiag: find what blocks your VPC traffic', description, color: 0x5865f2 }],
  };
}
