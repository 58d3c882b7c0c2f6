import { z } from 'zod';
import { ALL_FINDING_CODES, type FindingCode } from '../src/core/report/codes.js';

/**
 * One labelled evaluation case (eval/cases/NNN-slug.yaml). The labels are what a correct reply must
 * contain (`expect`) and must not contain (`forbid`); they were written from the AWS facts, before the
 * rules were tuned, and change only when a label is wrong on the facts (see eval/README.md).
 */

export const CASE_CLASSES = ['FAULT', 'OK', 'ASK'] as const;
export type CaseClass = (typeof CASE_CLASSES)[number];

/** Codes that answer "the input cannot settle it": every ASK case expects one of them. */
export const ASK_CODES: readonly FindingCode[] = ['NEED_MORE_INFO', 'INPUT_NOT_RECOGNIZED'];

const codeSchema = z.enum(ALL_FINDING_CODES as [FindingCode, ...FindingCode[]]);

export const CASE_ID = /^\d{3}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const evalCaseSchema = z
  .strictObject({
    id: z
      .string()
      .regex(CASE_ID, 'must look like 042-short-slug (three digits, lower-case words joined by -)'),
    class: z.enum(CASE_CLASSES),
    expect: z.array(codeSchema).min(1, 'must name at least one finding code'),
    forbid: z.array(codeSchema).optional(),
    why: z.string().trim().min(40, 'must explain the label (the exact rule, SG, route table or record)'),
    input: z.string().trim().min(1, 'must hold what the user pastes after /diagnose'),
  })
  .superRefine((c, ctx) => {
    const dupes = (list: readonly string[]) => list.filter((x, i) => list.indexOf(x) !== i);
    for (const d of dupes(c.expect))
      ctx.addIssue({ code: 'custom', path: ['expect'], message: `${d} is listed twice` });
    for (const d of dupes(c.forbid ?? [])) {
      ctx.addIssue({ code: 'custom', path: ['forbid'], message: `${d} is listed twice` });
    }
    for (const code of c.forbid ?? []) {
      if (c.expect.includes(code)) {
        ctx.addIssue({ code: 'custom', path: ['forbid'], message: `${code} is both expected and forbidden` });
      }
    }
    if (c.class === 'OK' && (c.forbid ?? []).length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['forbid'],
        message: 'an OK case must forbid the error codes a naive tool would raise',
      });
    }
    if (c.class === 'ASK' && !c.expect.some((code) => ASK_CODES.includes(code))) {
      ctx.addIssue({
        code: 'custom',
        path: ['expect'],
        message: `an ASK case must expect ${ASK_CODES.join(' or ')}`,
      });
    }
    if (/^\s*\/diagnose\b/.test(c.input)) {
      ctx.addIssue({
        code: 'custom',
        path: ['input'],
        message: 'holds only what follows /diagnose, not the command',
      });
    }
  });

export type EvalCase = z.infer<typeof evalCaseSchema>;
