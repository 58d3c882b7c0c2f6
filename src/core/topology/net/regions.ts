/** AWS Region and Availability Zone names as they appear in IDs, ARNs, service names and prose. */

export const REGION_PATTERN =
  /\b(?:us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov)-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d\b/g;

const REGION_EXACT =
  /^(?:us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov)-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d$/;

export function isRegion(s: string): boolean {
  return REGION_EXACT.test(s);
}

/** `us-east-1a` → `us-east-1`; `use1-az4` → undefined (AZ IDs do not name the Region) */
export function regionOfAz(az: string): string | undefined {
  const m = /^(.*-\d)[a-z]$/.exec(az);
  return m && isRegion(m[1]!) ? m[1] : undefined;
}

/** `arn:aws:ec2:us-east-1:…` → `us-east-1` */
export function regionOfArn(arn: string): string | undefined {
  const r = arn.split(':')[3];
  return r && isRegion(r) ? r : undefined;
}

/** `com.amazonaws.eu-west-1.sqs` → { region, service: 'sqs' } */
export function parseServiceName(name: string): { region?: string; service: string } | undefined {
  const m = /^(?:cn\.)?com\.amazonaws\.(?:vpce\.)?([a-z0-9-]+)\.(.+)$/.exec(name.trim().toLowerCase());
  if (!m) return undefined;
  if (isRegion(m[1]!)) return { region: m[1]!, service: m[2]! };
  return { service: `${m[1]}.${m[2]}` };
}

export const AZ_PATTERN =
  /\b((?:us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov)-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d)([a-f])\b/g;

/**
 * The names people give Regions in chat ("the Frankfurt VPC", "our Oregon account"): the console's
 * location names, one Region each. Only names that mean one Region are listed.
 */
export const REGION_NICKNAMES: readonly [RegExp, string][] = [
  [/\bn(?:orth(?:ern)?)?\.?\s*virginia\b|\bvirginia\b/i, 'us-east-1'],
  [/\bohio\b/i, 'us-east-2'],
  [/\bn(?:orth(?:ern)?)?\.?\s*california\b/i, 'us-west-1'],
  [/\boregon\b/i, 'us-west-2'],
  [/\bireland\b|\bdublin\b/i, 'eu-west-1'],
  [/\blondon\b/i, 'eu-west-2'],
  [/\bparis\b/i, 'eu-west-3'],
  [/\bfrankfurt\b/i, 'eu-central-1'],
  [/\bzurich\b|\bzürich\b/i, 'eu-central-2'],
  [/\bstockholm\b/i, 'eu-north-1'],
  [/\bmilan\b/i, 'eu-south-1'],
  [/\btokyo\b/i, 'ap-northeast-1'],
  [/\bseoul\b/i, 'ap-northeast-2'],
  [/\bosaka\b/i, 'ap-northeast-3'],
  [/\bsingapore\b/i, 'ap-southeast-1'],
  [/\bsydney\b/i, 'ap-southeast-2'],
  [/\bjakarta\b/i, 'ap-southeast-3'],
  [/\bmelbourne\b/i, 'ap-southeast-4'],
  [/\bmumbai\b/i, 'ap-south-1'],
  [/\bhyderabad\b/i, 'ap-south-2'],
  [/\bhong\s+kong\b/i, 'ap-east-1'],
  [/\bs[ãa]o\s+paulo\b/i, 'sa-east-1'],
  [/\bcape\s+town\b/i, 'af-south-1'],
  [/\bbahrain\b/i, 'me-south-1'],
  [/\btel\s+aviv\b/i, 'il-central-1'],
];

/** REGION_NICKNAMES for replacing every occurrence, made once (replace() starts a global search afresh). */
const NICKNAMES_EVERYWHERE: readonly [RegExp, string][] = REGION_NICKNAMES.map(([re, code]) => [
  new RegExp(re.source, 'gi'),
  code,
]);

/** "the vpc in frankfurt" → "the vpc in eu-central-1": Region location names written as their codes. */
export function regionNicknamesToCodes(s: string): string {
  if (!/[a-z]/i.test(s)) return s;
  let out = s;
  for (const [re, code] of NICKNAMES_EVERYWHERE)
    out = out.replace(re, (m, off: number, all: string) =>
      // a host or bucket name ("logs-archive-ireland", "ireland.example.com") keeps its word
      /[\w.-]$/.test(all.slice(0, off)) || /^[\w.-]*[-.]\w/.test(all.slice(off + m.length)) ? m : code,
    );
  return out;
}
