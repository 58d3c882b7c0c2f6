import type { PolicyInfo, Source } from './types.js';

interface Statement {
  Effect?: string;
  Action?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
  NotAction?: unknown;
}

function list(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** Reads what matters of an IAM policy document for a network diagnosis; undefined if it is not one. */
export function readPolicy(raw: string | unknown, src: Source): PolicyInfo | undefined {
  let doc: unknown = raw;
  if (typeof raw === 'string') {
    try {
      doc = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  if (typeof doc !== 'object' || doc === null) return undefined;
  const st = (doc as { Statement?: Statement | Statement[] }).Statement;
  if (st === undefined) return undefined;
  const statements = Array.isArray(st) ? st : [st];
  const conditionKeys = new Set<string>();
  const allowedResources: string[] = [];
  const allows: PolicyInfo['allows'] = [];
  let openAllow = false;
  let deniesWithoutCondition = false;
  for (const s of statements) {
    for (const op of Object.values(s.Condition ?? {})) {
      for (const k of Object.keys(op ?? {})) conditionKeys.add(k.toLowerCase());
    }
    const effect = (s.Effect ?? '').toLowerCase();
    const resources = list(s.Resource);
    const actions = list(s.Action);
    if (effect === 'allow') {
      allowedResources.push(...resources);
      allows.push({
        resources,
        conditionKeys: Object.values(s.Condition ?? {}).flatMap((op) =>
          Object.keys(op ?? {}).map((k) => k.toLowerCase()),
        ),
      });
      if (
        resources.includes('*') &&
        (actions.includes('*') || actions.some((a) => a.endsWith(':*'))) &&
        !s.Condition
      ) {
        openAllow = true;
      }
    }
    if (effect === 'deny' && !s.Condition) deniesWithoutCondition = true;
  }
  return {
    raw: typeof raw === 'string' ? raw : JSON.stringify(raw),
    conditionKeys: [...conditionKeys],
    restrictive: !openAllow || deniesWithoutCondition,
    allowedResources,
    allows,
    deniesWithoutCondition,
    src,
  };
}
