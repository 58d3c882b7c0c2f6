import type { Finding } from '../../report/schema.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import type { Gap, RuleContext } from './rule.js';

/** A question the user answers by running an AWS CLI command (not one they answer in words). */
const isCommand = (q: string) => /\baws [a-z0-9-]+ [a-z][a-z0-9-]*/.test(q);

/** The closing sentence, worded by what the questions are: commands to run, questions to answer, or both. */
function whatSettlesIt(questions: readonly string[]): string {
  const commands = questions.filter(isCommand).length;
  if (commands === questions.length)
    return commands === 1
      ? 'The output of the command below settles it.'
      : 'The output of the commands below settles it.';
  if (commands === 0)
    return questions.length === 1
      ? 'The answer to the question below settles it.'
      : 'The answers to the questions below settle it.';
  return 'The answers below settle it: the output of the commands, and the answers to the other questions.';
}

/** NEED_MORE_INFO: the input does not settle it: name the hypotheses and ask for exactly what would. */
export function needMoreInfo(ctx: RuleContext, given: readonly Gap[], found: readonly Finding[]): Finding[] {
  let gaps: readonly Gap[] = given;
  if (found.some((f) => f.severity === 'error' || f.severity === 'warning' || f.code === 'NETWORK_PATH_OK'))
    return [];
  if (ctx.flowFindings.some((f) => f.severity === 'error' || f.severity === 'warning')) return [];
  const { model } = ctx;
  const extra: Gap[] = [];
  // a Reachability Analyzer code names the control class, not the rule: ask for that control
  const RA: Record<string, Gap> = {
    ENI_SG_RULES_MISMATCH: {
      hypothesis:
        'a security group on the source (egress) or the destination (ingress) has no rule for the port and peer (Reachability Analyzer: ENI_SG_RULES_MISMATCH)',
      ask: "aws ec2 describe-security-groups --group-ids <the source and destination SG IDs> (and the path's source, destination and port)",
      order: 5,
    },
    SUBNET_ACL_RESTRICTION: {
      hypothesis:
        'a network ACL entry (or the * deny) drops the request or the reply (Reachability Analyzer: SUBNET_ACL_RESTRICTION)',
      ask: 'aws ec2 describe-network-acls --filters Name=association.subnet-id,Values=<SOURCE_SUBNET_ID>,<DESTINATION_SUBNET_ID>',
      order: 5,
    },
    NO_ROUTE_TO_DESTINATION: {
      hypothesis:
        "the source subnet's route table has no route to the destination, or the destination's none back (Reachability Analyzer: NO_ROUTE_TO_DESTINATION)",
      ask: 'aws ec2 describe-route-tables --filters Name=association.subnet-id,Values=<SOURCE_SUBNET_ID> (and the same for the destination subnet)',
      order: 5,
    },
  };
  for (const c of model.claims.filter((k) => k.kind === 'ra-code')) {
    extra.push(
      RA[c.detail ?? ''] ?? {
        hypothesis: `the component Reachability Analyzer names with ${c.detail} blocks the path`,
        ask: 'the analysis\'s explanations: aws ec2 describe-network-insights-analyses --network-insights-analysis-ids <ANALYSIS_ID> --query "NetworkInsightsAnalyses[].Explanations"',
        order: 6,
        src: c.src,
      },
    );
  }
  if (model.claims.some((k) => k.kind === 'screenshot')) {
    extra.push({
      hypothesis: 'the details are in a screenshot, which vpcdiag cannot read',
      ask: 'paste the text instead: the describe-* output (aws ec2 describe-route-tables / describe-security-groups / describe-network-acls …) or the flow-log lines',
      order: 1,
    });
  }
  gaps = [...extra, ...gaps];
  const asked = model.symptoms.length > 0 || model.intents.length > 0 || extra.length > 0;
  if (!asked && gaps.length === 0) return [];
  const byHyp = new Map<string, Gap>();
  const asks = new Set<string>();
  // the same command with differently worded placeholders is the same question
  const askKey = (a: string) => a.replace(/<[^>]*>/g, '<>');
  // one hypothesis per question: the more specific one (lower order) says it best
  for (const g of [...gaps].sort((a, b) => (a.order ?? 50) - (b.order ?? 50)))
    if (!byHyp.has(g.hypothesis) && !(g.ask && asks.has(askKey(g.ask)))) {
      byHyp.set(g.hypothesis, g);
      asks.add(askKey(g.ask));
    }
  const list = [...byHyp.values()];
  const questions = [...new Set(list.map((g) => g.ask))].slice(0, 5);
  if (questions.length === 0) {
    // a symptom with hardly any network: ask for the basics of the path
    const lambda = [...model.workloads.values()].find((w) => w.kind === 'lambda');
    const db = [...model.workloads.values()].find((w) => w.kind === 'rds');
    if (lambda)
      questions.push(
        `the function's subnets and security groups: aws lambda get-function-configuration --function-name ${lambda.name ?? '<FUNCTION>'} --query VpcConfig`,
      );
    questions.push(
      db
        ? `the database's security group rules: aws ec2 describe-security-groups --group-ids <DB_SG_ID> (aws rds describe-db-instances --db-instance-identifier ${db.name ?? '<DB>'} --query 'DBInstances[].VpcSecurityGroups')`
        : "the destination's security groups: aws ec2 describe-security-groups --group-ids <SG_IDS>",
      'the route tables and network ACLs of both subnets: aws ec2 describe-route-tables --filters Name=association.subnet-id,Values=<SUBNET_ID> and aws ec2 describe-network-acls --filters Name=association.subnet-id,Values=<SUBNET_ID>',
      'flow-log records for the destination ENI that mention the source address (a REJECT points at the SG or NACL; no record at all points at routing)',
    );
    list.push(
      {
        hypothesis:
          "the destination's security group does not allow the source (a rule that names another SG or CIDR)",
        ask: '',
      },
      { hypothesis: "the source's security group egress does not allow the destination port", ask: '' },
      {
        hypothesis: 'a network ACL on either subnet drops the request or the reply (ephemeral ports)',
        ask: '',
      },
      {
        hypothesis:
          'the source runs in other subnets than you think, whose route table has no route to the destination',
        ask: '',
      },
    );
  }
  const sym = model.symptoms[0];
  const hyps = list.slice(0, 6).map((g, i) => `(${i + 1}) ${g.hypothesis}`);
  return [
    makeFinding({
      code: 'NEED_MORE_INFO',
      severity: 'info',
      title: sym
        ? `Not enough to tell which control drops it: ${hyps.length} possible cause${hyps.length === 1 ? '' : 's'}`
        : `Not enough to tell whether the path works: ${hyps.length} thing${hyps.length === 1 ? '' : 's'} to check`,
      explanation: `From what was pasted, vpcdiag cannot tell which of these it is: ${hyps.join('; ')}. ${whatSettlesIt(questions)}`,
      evidence: [
        ...(sym ? ev(sym.src, 'the symptom') : []),
        ...model.intents
          .filter((i) => !i.works)
          .slice(0, 2)
          .flatMap((i) => ev(i.src, 'the path')),
        // what a question hangs on ("allows TCP out only on 443"): the rule the user can check
        ...list.slice(0, 6).flatMap((g) => ev(g.src, 'what it depends on')),
      ],
      fixes: [],
      questions,
    }),
  ];
}
