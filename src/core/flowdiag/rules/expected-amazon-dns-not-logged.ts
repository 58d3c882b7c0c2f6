import type { TextLine } from '../../analysis-context.js';
import type { Evidence, Finding } from '../../report/schema.js';
import { confirmQueries } from '../confirm.js';
import type { RuleInput } from '../rule-kit.js';
import { listAnd, plural } from '../wording.js';

/** The traffic flow logs never capture, and how people refer to it. */
const TOPICS: { name: string; re: RegExp }[] = [
  {
    name: 'the Amazon DNS resolver',
    re: /\b(dns|port 53|udp\/53|:53\b|resolver|route ?53 resolver|nameserver|dig|nslookup|169\.254\.169\.253|\d{1,3}\.\d{1,3}\.0\.2)\b/i,
  },
  {
    name: 'instance metadata (169.254.169.254)',
    re: /169\.254\.169\.254|\bimds(v2)?\b|instance metadata|metadata (service|endpoint)/i,
  },
  { name: 'Amazon Time Sync (169.254.169.123)', re: /169\.254\.169\.123|time ?sync|\bchrony|\bntp\b/i },
  { name: 'DHCP', re: /\bdhcp\b/i },
  { name: 'Windows licence activation', re: /licen[cs]e activation|\bkms\b.*activat/i },
];

const ABSENCE =
  /\b(no|zero|nothing|none|never|missing|absent|not (logged|captured|recorded|there|showing|shown|appear\w*|see\w*|in)|(don'?t|doesn'?t|do not|does not|can'?t|cannot|didn'?t) (see|show|find|appear|log|capture)|no data found|dropping|los(e|es|ing|t))\b/i;

/** Words that make an absence about logged traffic, not about anything else ("no header, sorry"). */
const LOGGING =
  /traffic|records?|entries|logged|logging|captured|flow ?logs?|packets|queries|requests|data found|in (it|there|the logs?)/i;

const MAX_EVIDENCE = 4;

/**
 * EXPECTED_AMAZON_DNS_NOT_LOGGED: the user asks why traffic to the Amazon DNS server, IMDS, Time Sync,
 * DHCP or licence activation is missing from flow logs. It is never logged (nor filtered by SGs or
 * NACLs): its absence is expected. Keyed on the user's text, since what matters is that they asked.
 */
export function expectedAmazonDnsNotLogged({ state, context }: RuleInput): Finding[] {
  const hits = new Map<string, TextLine[]>();
  let absence = false;
  for (const line of context.text) {
    const t = line.text;
    if (t.length > 2000) continue;
    for (const topic of TOPICS) {
      if (!topic.re.test(t)) continue;
      const list = hits.get(topic.name) ?? [];
      if (list.length < MAX_EVIDENCE) list.push(line);
      hits.set(topic.name, list);
    }
    if (!absence && saysAbsent(t)) absence = true;
  }
  if (hits.size === 0 || !absence) return [];
  const topics = [...hits.keys()];
  const lines = [...new Map([...hits.values()].flat().map((l) => [l.line, l])).values()].sort(
    (a, b) => a.line - b.line,
  );
  const evidence: Evidence[] = lines
    .slice(0, MAX_EVIDENCE)
    .map((l) => ({ kind: 'text' as const, lines: [l.line], text: clip(l.text.trim()) }));
  const other = state.dnsRecords;
  const dnsAsked = hits.has('the Amazon DNS resolver');
  const vpcIds = [...new Set([...state.enis.values()].map((e) => e.vpcId).filter((v): v is string => !!v))];
  const vpc = vpcIds.length === 1 ? vpcIds[0]! : '<VPC_ID>';
  return [
    {
      code: 'EXPECTED_AMAZON_DNS_NOT_LOGGED',
      severity: 'info',
      title: `Flow logs never record traffic to ${listAnd(topics, 3)}: its absence is expected`,
      explanation: [
        'VPC flow logs do not capture traffic to the Amazon DNS server (the VPC base address + 2, e.g. 10.0.0.2, and 169.254.169.253), to instance metadata (169.254.169.254), to Amazon Time Sync (169.254.169.123), DHCP or Windows licence activation; security groups and network ACLs do not filter it either.',
        `So the missing records for ${listAnd(topics, 3)} are expected; the flow log is not dropping anything.`,
        dnsAsked
          ? `DNS queries to any other server (8.8.8.8, your own resolvers) are logged like any traffic: ${other > 0 ? `this input has ${plural(other, 'record')} on port 53` : 'this input has none on port 53, so no other resolver was used in these records'}. To see the queries to the Amazon resolver themselves, turn on Route 53 Resolver query logging.`
          : '',
      ]
        .filter(Boolean)
        .join(' '),
      evidence,
      evidenceOmitted: Math.max(0, lines.length - evidence.length),
      // which DNS servers do show up in the logs: any but the Amazon resolver can
      confirm: confirmQueries({
        format: anyFormat(state),
        filters: [],
        either: [[{ field: 'dstport', value: 53 }], [{ field: 'srcport', value: 53 }]],
        groupBy: ['dstaddr', 'protocol'],
      }),
      fixes: dnsAsked
        ? [
            {
              summary:
                'To record DNS queries (names, answers, source instances), turn on Route 53 Resolver query logging for the VPC. <LOG_DESTINATION_ARN> is a CloudWatch Logs log group, S3 bucket or Firehose stream.',
              commands: [
                "QLC_ID=$(aws route53resolver create-resolver-query-log-config --name vpc-dns-queries --destination-arn <LOG_DESTINATION_ARN> --query 'ResolverQueryLogConfig.Id' --output text)",
                `aws route53resolver associate-resolver-query-log-config --resolver-query-log-config-id "$QLC_ID" --resource-id ${vpc}`,
              ],
              terraform: [
                'resource "aws_route53_resolver_query_log_config" "dns" {',
                '  name            = "vpc-dns-queries"',
                '  destination_arn = "<LOG_DESTINATION_ARN>"',
                '}',
                '',
                'resource "aws_route53_resolver_query_log_config_association" "dns" {',
                '  resolver_query_log_config_id = aws_route53_resolver_query_log_config.dns.id',
                `  resource_id                  = "${vpc}"`,
                '}',
              ].join('\n'),
            },
          ]
        : [],
    },
  ];
}

/** An absence word close to what is absent: "ZERO port 53 traffic", "nothing to 169.254.169.254". */
function saysAbsent(t: string): boolean {
  const re = new RegExp(ABSENCE.source, 'gi');
  for (let m = re.exec(t); m !== null; m = re.exec(t)) {
    const near = t.slice(Math.max(0, m.index - 60), m.index + m[0].length + 60);
    if (TOPICS.some((topic) => topic.re.test(near)) && LOGGING.test(near)) return true;
  }
  return false;
}

function anyFormat(state: RuleInput['state']) {
  for (const g of state.groups.values()) {
    const f = g.samples[0]?.reqRef?.format ?? g.samples[0]?.respRef?.format;
    if (f) return f;
  }
  return undefined;
}

function clip(s: string): string {
  return s.length > 200 ? `${s.slice(0, 197)}…` : s;
}
