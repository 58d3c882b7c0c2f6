import { buildReport } from '../../src/core/report/build-report.js';
import type { FindingCode } from '../../src/core/report/codes.js';
import { ALL_FINDING_CODES } from '../../src/core/report/codes.js';
import { type Finding, type Report, reportSchema, type Severity } from '../../src/core/report/schema.js';

export interface SyntheticOptions {
  /** characters of explanation */
  explanationChars?: number;
  /** evidence items, and characters per evidence text */
  evidence?: number;
  evidenceChars?: number;
  /** characters of Terraform per fix, and commands per fix */
  terraformChars?: number;
  commands?: number;
  /** text put into every free-text field (to test escaping) */
  inject?: string;
  title?: string;
}

const RECORD =
  '2 123456789012 eni-0c4d5e6f7a8b9c0d1 10.20.1.17 10.20.8.44 51544 5432 6 5 300 1717430400 1717430460 REJECT OK';

function filler(n: number, seed: string): string {
  let s = '';
  while (s.length < n) s += `${seed} `;
  return s.slice(0, n).trimEnd();
}

/** A finding for `code` with controllable sizes: for renderer tests while the real rules are written. */
export function syntheticFinding(code: FindingCode, severity: Severity, o: SyntheticOptions = {}): Finding {
  const inj = o.inject ? ` ${o.inject}` : '';
  const evidence = Array.from({ length: o.evidence ?? 3 }, (_, i) => ({
    kind: 'record' as const,
    lines: [i * 2 + 3, i * 2 + 4],
    text: o.evidenceChars ? filler(o.evidenceChars, `${RECORD}${inj}`) : `${RECORD}${inj}`,
    note: i === 0 ? `the response is rejected${inj}` : undefined,
  }));
  const terraform = filler(
    o.terraformChars ?? 200,
    `resource "aws_network_acl_rule" "ephemeral_out_${code.toLowerCase()}" { network_acl_id = "acl-0a1b2c3d" rule_number = 120 egress = true protocol = "tcp" rule_action = "allow" cidr_block = "10.20.0.0/16" from_port = 1024 to_port = 65535 }${inj}\n`,
  );
  return {
    code,
    severity,
    title: o.title ?? `Synthetic ${code.toLowerCase().replace(/_/g, ' ')} on eni-0c4d5e6f7a8b9c0d1${inj}`,
    explanation: filler(
      o.explanationChars ?? 400,
      `The request from 10.20.1.17 to 10.20.8.44:5432 was accepted but its response was rejected${inj}.`,
    ),
    evidence,
    fixes: [
      {
        summary: `Allow TCP 1024-65535 outbound from the subnet's network ACL${inj}`,
        commands: Array.from(
          { length: o.commands ?? 1 },
          (_, i) =>
            `aws ec2 create-network-acl-entry --network-acl-id acl-0a1b2c3d --egress --rule-number ${120 + i} --protocol tcp --port-range From=1024,To=65535 --cidr-block 10.20.0.0/16 --rule-action allow${inj}`,
        ),
        terraform,
      },
    ],
    confirm: {
      logsInsights: `fields @timestamp, srcAddr, dstAddr, action | filter srcAddr = "10.20.8.44" and action = "REJECT"${inj} | stats count() by dstPort`,
      athena: `SELECT srcaddr, dstaddr, count(*) FROM vpc_flow_logs WHERE action = 'REJECT'${inj} GROUP BY 1, 2`,
    },
    questions: code === 'NEED_MORE_INFO' ? [`Paste describe-network-acls for subnet-0a1b${inj}`] : undefined,
    occurrences: (o.evidence ?? 3) * 10,
    evidenceOmitted: 7,
  };
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** A validated report around the given findings, the way the core builds it. */
export function syntheticReport(
  findings: Finding[],
  extra: Partial<Pick<Report, 'notes' | 'warnings'>> = {},
): Report {
  const report = buildReport({
    kind: 'flowlog',
    findings,
    warnings: extra.warnings ?? [],
    notes: extra.notes,
    input: {
      lines: 120,
      records: 110,
      tgwRecords: 0,
      nodata: 0,
      skipdata: 0,
      invalid: 2,
      ignored: 8,
      accept: 80,
      reject: 30,
      formats: [{ label: 'default v2', source: 'default', fields: 14, records: 110, tgw: false }],
    },
  });
  return reportSchema.parse(report);
}

/** One finding for every code, severities rotating. */
export function everyCodeReport(o: SyntheticOptions = {}): Report {
  return syntheticReport(ALL_FINDING_CODES.map((code, i) => syntheticFinding(code, SEVERITIES[i % 3]!, o)));
}
