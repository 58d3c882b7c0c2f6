import { regionNicknamesToCodes } from '../../net/regions.js';

/**
 * A sentence as people type it, made regular: arrows and bullets unified, markdown emphasis and code
 * quotes dropped, whitespace single. Offsets do not matter after this: evidence quotes the raw line.
 */
export function normalize(raw: string): string {
  return (
    regionNicknamesToCodes(raw)
      .replace(/`+/g, ' ')
      .replace(/\*\*(.+?)\*\*/g, '$1')
      .replace(/(^|\s)\*(?=[A-Za-z][^*]*\*(?:\s|$|[.,;:!?]))([^*]+)\*/g, '$1$2')
      .replace(/^\s*(?:[-•·▪◦]|\d+[.)])\s+/, '')
      .replace(/\s*(?:<-+>|<=+>|↔|⇔|⟷)\s*/g, ' \u27f7 ')
      .replace(/\s*(?:-{1,2}>|={1,2}>|→|⇒|⟶|—>|–>|➔|➜)\s*/g, ' -> ')
      .replace(/\s*\u27f7\s*/g, ' <-> ')
      // Terraform addresses in prose: "0.0.0.0/0 -> aws_nat_gateway.main" is a route to a NAT gateway
      .replace(
        /\baws_(nat_gateway|internet_gateway|vpc_peering_connection|ec2_transit_gateway|vpc_endpoint)\.[\w-]+(?:\.id)?/g,
        (_m, t: string) => TF_TARGET[t] ?? t,
      )
      // Terraform labels (private_a, app_sg) are names like private-a; attributes (x_y = …) stay
      .replace(/\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\b(?!\s*=)/gi, (m) => m.replace(/_/g, '-'))
      .replace(/[‘’]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const TF_TARGET: Record<string, string> = {
  nat_gateway: 'nat',
  internet_gateway: 'igw',
  vpc_peering_connection: 'pcx',
  ec2_transit_gateway: 'tgw',
  vpc_endpoint: 'vpce',
};

/** Common misspellings in this domain, fixed before matching. */
const TYPOS: [RegExp, string][] = [
  [/\bpeer(?:r)?ed\b/gi, 'peered'],
  [/\bpeerd\b/gi, 'peered'],
  [/\bpering\b/gi, 'peering'],
  [/\bpeerring\b/gi, 'peering'],
  [/\bsecruity\b|\bsecuirty\b|\bsecurty\b/gi, 'security'],
  [/\bsubent\b|\bsubet\b|\bsunbet\b/gi, 'subnet'],
  [/\bsubents\b/gi, 'subnets'],
  [/\brotue\b|\broute\s+tabel\b/gi, 'route'],
  [/\btabel\b/gi, 'table'],
  [/\bgatway\b|\bgateaway\b|\bgateway\b/gi, 'gateway'],
  [/\bendpiont\b|\bendpoitn\b|\bendopint\b/gi, 'endpoint'],
  [/\binstnace\b|\binstace\b/gi, 'instance'],
  [/\bcant\b/gi, "can't"],
  [/\bcannot\b/gi, "can't"],
  [/\bcan not\b/gi, "can't"],
  [/\bdont\b/gi, "don't"],
  [/\bdoesnt\b/gi, "doesn't"],
  [/\bisnt\b/gi, "isn't"],
  [/\bwont\b/gi, "won't"],
  [/\btimesout\b|\btimeing out\b/gi, 'times out'],
  [/\bacess\b|\baccesss\b/gi, 'access'],
  [/\bconection\b|\bconnnection\b/gi, 'connection'],
];

export function fixTypos(s: string): string {
  let out = s;
  for (const [re, rep] of TYPOS) out = out.replace(re, rep as string);
  return out;
}
