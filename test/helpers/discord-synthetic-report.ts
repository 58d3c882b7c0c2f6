import { buildReport } from '../../src/core/report/build-report.js';
import { ALL_FINDING_CODES, type FindingCode } from '../../src/core/report/codes.js';
import type { Finding, Report, Severity } from '../../src/core/report/schema.js';

/**
 * Reports built by hand, for the Discord renderer and adapter tests while the diagnosis rules are written
 * elsewhere: one finding per code, with texts as long as a real finding can get (and longer).
 */

const ACCOUNT = '409217365528';

/** A default-format record, as the rules quote them in evidence. */
export function record(i: number, action: 'ACCEPT' | 'REJECT' = 'REJECT'): string {
  const port = 49152 + (i % 16000);
  return `2 ${ACCOUNT} eni-07b3c9d1e5f2a4c86 10.40.9.200 10.40.2.${(i % 250) + 1} 5432 ${port} 6 ${(i % 7) + 1} ${180 + i} 1721312000 1721312060 ${action} OK`;
}

function severityOf(code: FindingCode): Severity {
  if (code.startsWith('EXPECTED_') || code === 'NETWORK_PATH_OK' || code === 'LOG_NO_DATA') return 'info';
  if (code === 'NEED_MORE_INFO' || code === 'INPUT_NOT_RECOGNIZED') return 'info';
  if (code === 'LOG_SKIPPED_DATA' || code === 'REQUEST_NOT_ANSWERED' || code === 'AWS_SERVICE_VIA_NAT')
    return 'warning';
  return 'error';
}

export interface SyntheticOptions {
  /** evidence items per finding */
  evidence?: number;
  /** multiply the prose, to test splitting */
  proseRepeat?: number;
  /** add a single code line longer than a whole Discord message */
  hugeLine?: boolean;
}

/** A finding for `code` with evidence, fixes (CLI + Terraform), confirm queries and questions. */
export function syntheticFinding(code: FindingCode, options: SyntheticOptions = {}): Finding {
  const evidence = options.evidence ?? 4;
  const repeat = options.proseRepeat ?? 1;
  const explanation = Array.from(
    { length: repeat },
    (_, k) =>
      `Part ${k + 1}: the request from 10.40.2.17 to 10.40.9.200 port 5432 was ACCEPTed inbound on eni-07b3c9d1e5f2a4c86 in account ${ACCOUNT}, and its reply was REJECTed on the way out. Security groups are stateful and never reject a tracked reply, so the subnet's network ACL \`acl-0c4e8a2f6b1d3e5a7\` must lack an outbound allow for the client's ephemeral ports (1024-65535).`,
  ).join(' ');
  const commands = [
    `aws ec2 create-network-acl-entry --network-acl-id acl-0c4e8a2f6b1d3e5a7 --egress --rule-number 110 --protocol tcp --port-range From=1024,To=65535 --cidr-block 10.40.2.0/24 --rule-action allow --region eu-west-1`,
    `aws ec2 describe-network-acls --network-acl-ids acl-0c4e8a2f6b1d3e5a7 --query 'NetworkAcls[].Entries[?Egress==\`true\`]' --output table`,
  ];
  if (options.hugeLine) {
    commands.push(
      `aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-0a1b2c3d4e5f67890 --policy-document '${JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 30 }, (_, k) => ({ Sid: `AllowBucket${k}`, Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:PutObject'], Resource: [`arn:aws:s3:::team-artifacts-${k}/*`], Condition: { StringEquals: { 'aws:PrincipalAccount': ACCOUNT } } })) })}'`,
    );
  }
  return {
    code,
    severity: severityOf(code),
    title: `${code.toLowerCase().replace(/_/g, ' ')} on eni-07b3c9d1e5f2a4c86 (10.40.2.17 → 10.40.9.200:5432)`,
    explanation,
    evidence: Array.from({ length: evidence }, (_, i) => ({
      kind: 'record' as const,
      lines: [i * 2 + 1, i * 2 + 2],
      text: record(i),
      note: i === 0 ? 'the reply, rejected' : undefined,
    })),
    fixes: [
      {
        summary: 'Allow the replies out of the database subnet to the app subnet',
        commands,
        terraform:
          `resource "aws_network_acl_rule" "db_replies_to_app" {\n  network_acl_id = "acl-0c4e8a2f6b1d3e5a7"\n  rule_number    = 110\n  egress         = true\n  protocol       = "tcp"\n  rule_action    = "allow"\n  cidr_block     = "10.40.2.0/24"\n  from_port      = 1024\n  to_port        = 65535\n}\n`.repeat(
            repeat,
          ),
      },
    ],
    confirm: {
      logsInsights: `fields @timestamp, srcAddr, dstAddr, srcPort, dstPort, action\n| filter interfaceId = "eni-07b3c9d1e5f2a4c86" and srcPort = 5432 and action = "REJECT"\n| stats count(*) as rejected by dstAddr, bin(5m)\n| sort rejected desc`,
      athena: `SELECT dstaddr, count(*) AS rejected\nFROM vpc_flow_logs\nWHERE interface_id = 'eni-07b3c9d1e5f2a4c86' AND srcport = 5432 AND action = 'REJECT'\n  AND day >= '2026/11/29'\nGROUP BY dstaddr\nORDER BY rejected DESC\nLIMIT 50;`,
    },
    questions:
      code === 'NEED_MORE_INFO'
        ? [
            'the output of `aws ec2 describe-network-acls --network-acl-ids acl-0c4e8a2f6b1d3e5a7`',
            'the route table of subnet-0aa11bb22cc33dd44',
          ]
        : undefined,
    occurrences: evidence * 3,
    evidenceOmitted: evidence * 2,
    subject: { interfaceId: 'eni-07b3c9d1e5f2a4c86', serverPort: 5432 },
  };
}

/** A report with the given findings, ordered and counted the way the core does it. */
export function syntheticReport(
  findings: Finding[],
  extra: Partial<Pick<Report, 'warnings' | 'notes'>> = {},
): Report {
  return buildReport({
    kind: 'flowlog',
    findings,
    warnings: extra.warnings ?? [],
    notes: extra.notes,
    input: {
      lines: 120,
      records: 118,
      tgwRecords: 0,
      nodata: 0,
      skipdata: 0,
      invalid: 2,
      ignored: 0,
      accept: 90,
      reject: 28,
      formats: [{ label: 'default v2 format', source: 'default', fields: 14, records: 118, tgw: false }],
    },
  });
}

/** Every finding code once. */
export function everyCodeReport(options: SyntheticOptions = {}): Report {
  return syntheticReport(ALL_FINDING_CODES.map((c) => syntheticFinding(c, options)));
}
