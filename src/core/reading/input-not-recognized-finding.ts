import type { Finding } from '../report/schema.js';

/** Nothing could be read as records or topology: say what is accepted, with an example. */
export function inputNotRecognizedFinding(lines: number): Finding {
  return {
    code: 'INPUT_NOT_RECOGNIZED',
    severity: 'info',
    title: 'Nothing in this input reads as flow-log records or a network description',
    explanation: `vpcdiag read ${lines} line${lines === 1 ? '' : 's'} and found no VPC or Transit Gateway flow-log record, no \`aws ec2 describe-*\` output and no description of a network path. It accepts flow-log lines as they come from CloudWatch, S3 files, Logs Insights or a chat paste; the JSON that \`aws ec2 describe-security-groups\`, \`describe-network-acls\`, \`describe-route-tables\` and friends print; and a few sentences such as "VPC A 10.0.0.0/16 peered with B 10.1.0.0/16, A can't reach B on 5432".`,
    evidence: [],
    fixes: [],
    questions: [
      'Paste flow-log lines, e.g. `2 123456789012 eni-0a1b2c3d 10.0.1.5 10.0.2.9 49152 443 6 10 840 1700000000 1700000060 REJECT OK`',
      'or describe the path: source, destination, port, and what happens (timeout, refused, 403).',
    ],
  };
}
