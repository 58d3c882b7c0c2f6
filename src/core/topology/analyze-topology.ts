import type { AnalysisContext } from '../analysis-context.js';
import type { Finding, InputWarning } from '../report/schema.js';
import { ModelBuilder } from './model/builder.js';
import { inferFromRoutes } from './model/infer.js';
import { addReviewIntents } from './model/review-intents.js';
import { summarize } from './model/summary.js';
import type { Intent, Model } from './model/types.js';
import { readCompact } from './readers/compact/read-compact.js';
import { readTopologyDocuments } from './readers/document/read-topology-document.js';
import { readEnglish } from './readers/english/read-english.js';
import { findJsonBlocks } from './readers/json/find-json-blocks.js';
import { readDescribeJson } from './readers/json/read-describe-json.js';
import { readTextOutput } from './readers/json/read-text-output.js';
import { readTextRecords } from './readers/json/read-text-records.js';
import { prepareLines } from './readers/prepare-lines.js';
import { FLOW_CHECKS, flowIntent, pins } from './reason/flow-paths.js';
import { type Place, resolvePlace } from './reason/place.js';
import { routePaths } from './reason/route-paths.js';
import { ALL_RULES } from './rules/all-rules.js';
import { needMoreInfo } from './rules/need-more-info.js';
import { networkPathOk } from './rules/network-path-ok.js';
import { ALL_CHECKS, type Check, type Gap, type Path, type RuleContext } from './rules/rule.js';
import type { TopologyAnalysis } from './topology-analysis.js';

/** Reads every kind of topology input in the text into one model. */
export function readModel(context: AnalysisContext): { model: Model; warnings: InputWarning[] } {
  const lines = prepareLines(context.text);
  const b = new ModelBuilder();
  const warnings: InputWarning[] = [];
  const seg = findJsonBlocks(lines);
  const described = readDescribeJson(seg.blocks, b, lines);
  const used = new Set(seg.used);
  if (described.length) b.model.readers.add('describe');
  for (const blk of described)
    for (let i = blk.start; i < blk.next; i++) b.model.readLines.add(lines[i]!.line);
  const others = seg.blocks.filter((x) => !described.includes(x));
  const doc = readTopologyDocuments(lines, others, used, b);
  warnings.push(...doc.warnings);
  const textLines = [...readTextOutput(seg.commands, lines, b), ...readTextRecords(lines, b)];
  for (const l of textLines) {
    b.model.readLines.add(l);
    const i = lines.findIndex((x) => x.line === l);
    if (i >= 0) used.add(i);
  }
  // command lines stay readable as text too: `--vpc-endpoint-id vpce-…` names the endpoint
  const commandLines = new Set(seg.commands.map((c) => c.line));
  const prose = lines.filter((l, i) => !used.has(i) || commandLines.has(l.line));
  const compact = readCompact(prose, b);
  warnings.push(...compact.warnings);
  readEnglish(
    prose.filter((l) => !compact.used.has(l.line)),
    b,
    context.now,
  );
  inferFromRoutes(b);
  addReviewIntents(b);
  return { model: b.finish(), warnings };
}

/**
 * Two paths (say "app → db" and "api → db", or two clients in the flow logs) can meet the same
 * blocker with the same fix: report it once.
 */
function dedupe(findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  const fixKey = (f: Finding) => JSON.stringify(f.fixes.map((x) => x.commands));
  for (const f of findings) {
    const same = out.find(
      (x) => x.code === f.code && (x.title === f.title || (f.fixes.length > 0 && fixKey(x) === fixKey(f))),
    );
    if (!same) {
      out.push({ ...f, evidence: [...f.evidence] });
      continue;
    }
    if (same.title !== f.title) {
      same.explanation = `${same.explanation} The same holds for: ${f.title.charAt(0).toLowerCase()}${f.title.slice(1)}.`;
      same.occurrences = (same.occurrences ?? 1) + 1;
    }
    for (const e of f.evidence)
      if (!same.evidence.some((x) => x.kind === e.kind && x.lines.join() === e.lines.join()))
        same.evidence.push(e);
  }
  return out;
}

function sameIntent(a: Intent, b: Intent): boolean {
  return (
    JSON.stringify([a.from, a.to, a.port, a.protocol ?? 6, a.works ?? false]) ===
    JSON.stringify([b.from, b.to, b.port, b.protocol ?? 6, b.works ?? false])
  );
}

/** Two resolved ends that are the same place: the same address, else the same workload, subnet or name. */
function samePlace(a: Place, b: Place): boolean {
  if (a.ip && b.ip) return a.ip === b.ip;
  if (a.workload || b.workload) return a.workload === b.workload;
  if (a.subnet || b.subnet) return a.subnet === b.subnet;
  return a.kind === b.kind && a.label === b.label;
}

/**
 * Reads the non-record text as a network and finds every blocker on the path. `flowFindings` are the
 * flow-log rules' conclusions, so config can pin a REJECT on the exact rule.
 */
export function analyzeTopology(
  context: AnalysisContext,
  flowFindings: readonly Finding[],
): TopologyAnalysis {
  const { model, warnings } = readModel(context);
  const recognised =
    model.readLines.size > 0 ||
    model.vpcs.size +
      model.subnets.size +
      model.routeTables.size +
      model.nacls.size +
      model.sgs.size +
      model.peerings.size +
      model.endpoints.size +
      model.workloads.size >
      0 ||
    model.symptoms.length > 0 ||
    model.intents.length > 0 ||
    model.claims.some((c) => c.kind === 'ra-code' || c.kind === 'screenshot');
  const hasConfig =
    model.readers.size > 0 &&
    model.routeTables.size +
      model.nacls.size +
      model.sgs.size +
      model.subnets.size +
      model.endpoints.size +
      model.peerings.size >
      0;

  const paths: Path[] = [];
  const intents: Intent[] = [];
  for (const i of model.intents) if (!intents.some((x) => sameIntent(x, i))) intents.push(i);
  const pathOf = (i: Intent, checks: readonly Check[], flow?: Finding): Path => ({
    intent: i,
    from: resolvePlace(model, i.from),
    to: resolvePlace(model, i.to),
    protocol: i.protocol ?? 6,
    ...(i.port !== undefined ? { port: i.port } : {}),
    checks: new Set<Check>(checks),
    ...(flow ? { flow } : {}),
  });
  // traffic the text says works is open: no fault is looked for on it, on any path that is that traffic
  const open = intents.filter((i) => i.works).map((i) => pathOf(i, []));
  const isOpen = (p: Path) =>
    open.some(
      (o) =>
        o.protocol === p.protocol && o.port === p.port && samePlace(o.from, p.from) && samePlace(o.to, p.to),
    );
  for (const i of intents) {
    if (i.works) continue;
    const p = pathOf(i, ALL_CHECKS);
    if (!isOpen(p)) paths.push(p);
  }
  if (hasConfig) {
    for (const f of flowFindings) {
      const i = flowIntent(f);
      if (!i) continue;
      paths.push(pathOf(i, FLOW_CHECKS[f.code] ?? [], f));
    }
  }

  const gaps: Gap[] = [];
  const ctx: RuleContext = {
    model,
    now: context.now,
    paths,
    routePaths: routePaths(model),
    symptoms: new Set(model.symptoms.map((s) => s.kind)),
    flowFindings,
    gap: (g) => gaps.push(g),
  };
  const findings: Finding[] = [];
  for (const rule of ALL_RULES) findings.push(...rule(ctx));
  findings.push(...networkPathOk(ctx, findings));
  findings.push(...needMoreInfo(ctx, gaps, findings));
  const unique = dedupe(findings);

  const supersedes = flowFindings.filter((f) => findings.some((t) => pins(t, f)));
  // A finding that pins a flow-log finding on one rule keeps that finding's queries: they still
  // confirm it across all of the user's logs.
  for (let i = 0; i < unique.length; i++) {
    const t = unique[i]!;
    if (t.confirm) continue;
    const pinned = flowFindings.find((f) => f.confirm !== undefined && pins(t, f));
    if (pinned?.confirm) unique[i] = { ...t, confirm: pinned.confirm };
  }
  // one NEED_MORE_INFO: the records' questions first, then the network's
  const ask = unique.findIndex((f) => f.code === 'NEED_MORE_INFO');
  const flowAsks = flowFindings.filter((f) => f.code === 'NEED_MORE_INFO');
  if (ask >= 0 && flowAsks.length) {
    const mine = unique[ask]!;
    unique[ask] = {
      ...mine,
      title: flowAsks[0]!.title,
      explanation: [...flowAsks.map((f) => f.explanation), mine.explanation].join(' '),
      evidence: [...flowAsks.flatMap((f) => f.evidence), ...mine.evidence],
      questions: [...new Set([...flowAsks.flatMap((f) => f.questions ?? []), ...(mine.questions ?? [])])],
    };
    supersedes.push(...flowAsks);
  }
  const summary = summarize(model);
  return {
    recognised,
    ...(summary ? { summary } : {}),
    findings: unique,
    warnings,
    ...(supersedes.length ? { supersedes } : {}),
  };
}
