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
