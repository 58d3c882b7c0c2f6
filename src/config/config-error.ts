/** A missing or malformed setting; the message names the variable and where to get its value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Turns zod issues into one message per variable: "SLACK_BOT_TOKEN is missing: …where to find it". */
export function describeIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  help: Readonly<Record<string, string>>,
): string {
  return issues
    .map((i) => {
      const name = String(i.path[0] ?? 'config');
      const where = help[name] ? ` ${help[name]}` : '';
      return `${name}: ${i.message}.${where}`;
    })
    .join('\n');
}
