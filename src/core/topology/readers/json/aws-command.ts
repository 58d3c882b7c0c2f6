/** An `aws …` command line the user pasted above its output. */
export interface AwsCommand {
  service: string;
  operation: string;
  /** `--vpc-id vpc-…` → `vpc-id: ['vpc-…']` */
  options: Map<string, string[]>;
  filters: { name: string; values: string[] }[];
  query?: string;
  output?: string;
  line: number;
  text: string;
}

const COMMAND = /^\s*(?:[$#>%]\s*|\[[^\]]*\][$#]\s*|\S*[$#]\s+)?aws\s+([a-z0-9-]+)\s+([a-z0-9-]+)(.*)$/;

/** Splits on spaces, keeping quoted strings whole. */
function words(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

export function parseAwsCommand(text: string, line: number): AwsCommand | undefined {
  const m = COMMAND.exec(text.replace(/\\\s*$/, ''));
  if (!m) return undefined;
  const cmd: AwsCommand = {
    service: m[1]!,
    operation: m[2]!,
    options: new Map(),
    filters: [],
    line,
    text: text.trim(),
  };
  const w = words(m[3] ?? '');
  let cur: string | undefined;
  for (const tok of w) {
    if (tok.startsWith('--')) {
      cur = tok.slice(2);
      if (!cmd.options.has(cur)) cmd.options.set(cur, []);
      continue;
    }
    if (cur === undefined) continue;
    cmd.options.get(cur)!.push(tok);
    if (cur === 'filters' || cur === 'filter') {
      const f = /^Name=([^,]+),Values=(.+)$/i.exec(tok);
      if (f) cmd.filters.push({ name: f[1]!, values: f[2]!.split(',') });
    }
    if (cur === 'query') cmd.query = tok;
    if (cur === 'output') cmd.output = tok;
  }
  return cmd;
}
