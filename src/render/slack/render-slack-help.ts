import { context, header, type SlackMessage, section } from './block-kit.js';

export interface SlackHelpOptions {
  /** the slash command as registered, e.g. "/diagnose" */
  command: string;
  /** the largest file the Diagnose shortcut reads, in bytes */
  maxFileBytes: number;
}

/** `/diagnose help`: what can be pasted, with short examples, and the three ways to ask. */
export function renderSlackHelp(options: SlackHelpOptions): SlackMessage {
  const cmd = options.command;
  const mb = `${Math.round(options.maxFileBytes / (1024 * 1024))} MB`;
  return {
    text: `${cmd}: paste VPC flow-log lines, aws ec2 describe-* output or a short description of the path`,
    blocks: [
      header(':mag: What vpcdiag can diagnose'),
      section(
        `*VPC or Transit Gateway flow-log lines*, as CloudWatch, S3 or Logs Insights show them (a header line or \`\${version} \${srcaddr} …\` format string helps with custom formats):\n` +
          '```\n2 123456789012 eni-0a1b2c3d4e5f60718 10.0.1.15 10.0.2.40 49622 5432 6 4 240 1717430400 1717430460 REJECT OK\n```',
      ),
      section(
        '*`aws ec2 describe-*` output* (security groups, network ACLs, route tables, VPC endpoints, peering connections), on its own or next to the flow logs.',
      ),
      section(
        '*A few sentences about the path*:\n```\nLambda in subnet-0a1b (10.0.3.0/24) times out reaching RDS 10.0.8.12:5432; the route table sends 0.0.0.0/0 to a NAT gateway\n```',
      ),
      section(
        `*Three ways to ask*\n` +
          `• \`${cmd} &lt;paste&gt;\` posts the verdict here and the findings, fixes and confirming queries in its thread.\n` +
          `• \`${cmd}\` alone opens a form for a longer paste (up to 3,000 characters).\n` +
          `• On any message, *More actions* (⋮) → *Diagnose* reads its text, or an attached \`.log\`, \`.txt\` or \`.gz\` file up to ${mb}, and answers in its thread.`,
      ),
      context(
        'vpcdiag needs no AWS access: it reads only what you give it, and the paste is not stored. Answers come in channels the app was invited to; elsewhere only you see them.',
      ),
    ],
  };
}
