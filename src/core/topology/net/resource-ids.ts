/** AWS resource IDs: what kind of thing an ID names, from its prefix. */

export type ResourceKind =
  | 'vpc'
  | 'subnet'
  | 'rtb'
  | 'acl'
  | 'sg'
  | 'pcx'
  | 'vpce'
  | 'nat'
  | 'igw'
  | 'eigw'
  | 'tgw'
  | 'tgw-attach'
  | 'tgw-rtb'
  | 'eni'
  | 'instance'
  | 'pl'
  | 'vgw'
  | 'cgw'
  | 'vpn'
  | 'dxgw';

/** Longest prefixes first so `tgw-attach-` wins over `tgw-`. */
const PREFIXES: [string, ResourceKind][] = [
  ['tgw-attach-', 'tgw-attach'],
  ['tgw-rtb-', 'tgw-rtb'],
  ['subnet-', 'subnet'],
  ['vpce-', 'vpce'],
  ['eigw-', 'eigw'],
  ['vpc-', 'vpc'],
  ['rtb-', 'rtb'],
  ['acl-', 'acl'],
  ['pcx-', 'pcx'],
  ['nat-', 'nat'],
  ['igw-', 'igw'],
  ['tgw-', 'tgw'],
  ['eni-', 'eni'],
  ['vgw-', 'vgw'],
  ['cgw-', 'cgw'],
  ['vpn-', 'vpn'],
  ['sg-', 'sg'],
  ['pl-', 'pl'],
  ['i-', 'instance'],
];

/** A real, hex-suffixed ID: `vpc-0a1b2c3d` or `vpc-0a1b2c3d4e5f60718`. */
const REAL_SUFFIX = /^[0-9a-f]{8}$|^[0-9a-f]{17}$/;

export function kindOfId(id: string): ResourceKind | undefined {
  const s = id.toLowerCase();
  for (const [p, k] of PREFIXES) {
    if (s.startsWith(p) && s.length > p.length) {
      if (k === 'instance' && !REAL_SUFFIX.test(s.slice(p.length))) return undefined;
      return k;
    }
  }
  return undefined;
}

/** What follows the resource prefix of an ID (lower case), or undefined when it has none. */
function idSuffix(id: string): string | undefined {
  const k = kindOfId(id);
  if (k === undefined) return undefined;
  const p = PREFIXES.find(([, kind]) => kind === k)![0];
  return id.toLowerCase().slice(p.length);
}

/** true for an ID AWS could have issued (hex suffix of 8 to 17), not a name like `sg-app` */
export function isRealId(id: string): boolean {
  const suffix = idSuffix(id);
  return suffix !== undefined && /^[0-9a-f]{8,17}$/.test(suffix);
}

/**
 * A name shaped like an ID that AWS would never issue ("vpc-a", "sg-db", "rtb-private"): a command
 * needs a placeholder there. Shortened real IDs ("vpc-0a1b2c", "sg-0123…") are not such names.
 */
export function isNameLikeId(id: string): boolean {
  const suffix = idSuffix(id);
  return suffix !== undefined && !/^[0-9a-f]{3,17}$/.test(suffix.replace(/(?:…|\.\.\.)$/, ''));
}

/**
 * Every ID-looking token in a text: real IDs (`sg-0a1b2c3d`) and the short names people give in
 * descriptions (`sg-db`, `rtb-private`, `pcx-ab`). `i-` needs a hex suffix.
 */
export const ID_PATTERN =
  /\b(?:tgw-attach|tgw-rtb|subnet|vpce|eigw|vpc|rtb|acl|pcx|nat|igw|tgw|eni|vgw|cgw|vpn|sg|pl)-[A-Za-z0-9][A-Za-z0-9_-]*|\bi-[0-9a-f]{8,17}\b/g;

export function findIds(text: string): { id: string; index: number; kind: ResourceKind }[] {
  const out: { id: string; index: number; kind: ResourceKind }[] = [];
  for (const m of text.matchAll(ID_PATTERN)) {
    const id = m[0].replace(/[-_]+$/, '');
    const kind = kindOfId(id);
    if (kind) out.push({ id, index: m.index ?? 0, kind });
  }
  return out;
}
