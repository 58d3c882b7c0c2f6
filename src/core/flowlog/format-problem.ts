import { lookupField } from './fields.js';
import { parseFormatString } from './reader.js';

/** Output formats people reach for with --format, and the option that gives each one. */
const OUTPUT_FORMATS: Record<string, string> = {
  json: 'use --json for a JSON report',
  markdown: 'use --markdown for a Markdown report',
  md: 'use --markdown for a Markdown report',
  text: 'the text report is the default, so leave --format out (--json and --markdown give the others)',
};

const MAX_LISTED = 5;

/** The names in a flow-log format (`${version} ${srcaddr} …` or a header line) that are not AWS flow-log fields. */
export function unknownFormatFields(format: string): string[] {
  return [...new Set(parseFormatString(format).filter((n) => lookupField(n) === undefined))];
}

/**
 * Why a format the user gave cannot be a flow-log layout, and what to do instead; undefined when every
 * field name is one AWS writes (see fields.ts). An empty format is no format, not a problem.
 */
export function formatProblem(format: string): string | undefined {
  const unknown = unknownFormatFields(format);
  if (unknown.length === 0) return undefined;
  const output = OUTPUT_FORMATS[format.trim().toLowerCase()];
  if (output)
    return `"${format.trim()}" is not a flow-log field: --format is the layout of flow-log lines that have no header, not the report's format; ${output}.`;
  const listed = unknown.slice(0, MAX_LISTED).map((n) => `"${clip(n)}"`);
  const more = unknown.length > MAX_LISTED ? ` and ${unknown.length - MAX_LISTED} more` : '';
  return `${unknown.length === 1 ? 'this is not an AWS flow-log field' : 'these are not AWS flow-log fields'}: ${listed.join(', ')}${more}. Give the flow log's own format (aws ec2 describe-flow-logs --query 'FlowLogs[].LogFormat'), e.g. "\${version} \${account-id} \${interface-id} \${srcaddr} \${dstaddr} …", or its header line, or leave --format out when the file has a header line.`;
}

function clip(name: string): string {
  return name.length > 40 ? `${name.slice(0, 37)}…` : name;
}
