import { z } from 'zod';
import { ALL_FINDING_CODES, type FindingCode } from './codes.js';

/**
 * The report's shape (shared/spec/findings.md), as a zod schema: the single source of the TypeScript
 * types, of `vpcdiag diagnose --json`'s contract, and of the property tests' validation.
 */

export const severitySchema = z.enum(['error', 'warning', 'info']);

export const findingCodeSchema = z.enum(ALL_FINDING_CODES as [FindingCode, ...FindingCode[]]);

export const evidenceSchema = z.object({
  /** what the evidence is: a flow-log record, a config rule or resource, a sentence the user wrote */
  kind: z.enum(['record', 'config', 'text', 'summary']),
  /** 1-based line numbers of the input this evidence comes from (empty for summaries) */
  lines: z.array(z.number().int().positive()),
  /** the cited input, trimmed, or a one-line summary of many records */
  text: z.string(),
  /** why this piece matters, in a few words */
  note: z.string().optional(),
});

export const fixSchema = z.object({
  summary: z.string().min(1),
  /** AWS CLI commands, ready to paste; `<PLACEHOLDER>`s only for what the input cannot know */
  commands: z.array(z.string()),
  terraform: z.string().optional(),
});

export const confirmSchema = z.object({
  logsInsights: z.string(),
  athena: z.string(),
});

/** Machine-readable facts a finding is about, so other rules (and renderers) need not parse prose. */
export const subjectSchema = z
  .object({
    interfaceId: z.string(),
    subnetId: z.string(),
    vpcId: z.string(),
    /** the client address (the heaviest one when the finding covers several) */
    client: z.string(),
    /** every client address the finding covers (a bounded sample), when there are several */
    clients: z.array(z.string()),
    server: z.string(),
    serverPort: z.number().int(),
    protocol: z.number().int(),
    clientPorts: z.array(z.number().int()),
    resourceIds: z.array(z.string()),
  })
  .partial();

export const findingSchema = z.object({
  code: findingCodeSchema,
  severity: severitySchema,
  title: z.string().min(1),
  explanation: z.string().min(1),
  evidence: z.array(evidenceSchema),
  fixes: z.array(fixSchema),
  confirm: confirmSchema.optional(),
  /** NEED_MORE_INFO (and sometimes others): what to paste next, specifically */
  questions: z.array(z.string()).optional(),
  /** how many occurrences this finding aggregates (records, conversations or rules) */
  occurrences: z.number().int().nonnegative().optional(),
  /** evidence items left out to keep the finding readable ("and N more") */
  evidenceOmitted: z.number().int().nonnegative().optional(),
  subject: subjectSchema.optional(),
});

export const inputWarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  line: z.number().int().positive().optional(),
  lines: z.array(z.number().int().positive()).optional(),
});

export const inputSummarySchema = z.object({
  lines: z.number().int().nonnegative(),
  records: z.number().int().nonnegative(),
  tgwRecords: z.number().int().nonnegative(),
  nodata: z.number().int().nonnegative(),
  skipdata: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  ignored: z.number().int().nonnegative(),
  accept: z.number().int().nonnegative(),
  reject: z.number().int().nonnegative(),
  formats: z.array(
    z.object({
      label: z.string(),
      source: z.enum(['header', 'user', 'default', 'known', 'inferred']),
      fields: z.number().int().positive(),
      records: z.number().int().nonnegative(),
      tgw: z.boolean(),
    }),
  ),
  /** one line on the topology that was read, when there was one ("3 VPCs, 2 peerings, 4 route tables") */
  topology: z.string().optional(),
});

export const reportSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.enum(['flowlog', 'topology', 'mixed', 'unknown']),
  /** the one-line answer: the most important finding, or that nothing is wrong */
  verdict: z.string().min(1),
  counts: z.object({
    error: z.number().int().nonnegative(),
    warning: z.number().int().nonnegative(),
    info: z.number().int().nonnegative(),
  }),
  /** most important first */
  findings: z.array(findingSchema),
  /** input that could not be read, with line numbers */
  warnings: z.array(inputWarningSchema),
  input: inputSummarySchema,
  /** statements about the analysis itself, e.g. that a long tail of conversations was summarised */
  notes: z.array(z.string()),
});

export type Severity = z.infer<typeof severitySchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type Fix = z.infer<typeof fixSchema>;
export type Confirm = z.infer<typeof confirmSchema>;
export type Subject = z.infer<typeof subjectSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type InputWarning = z.infer<typeof inputWarningSchema>;
export type InputSummary = z.infer<typeof inputSummarySchema>;
export type Report = z.infer<typeof reportSchema>;
export type ReportKind = Report['kind'];
