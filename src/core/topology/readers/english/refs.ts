import type { Subnet, Vpc } from '../../model/types.js';
import { isRegion, regionOfAz } from '../../net/regions.js';
import type { Sentence } from './sentence.js';

/** Words that are never a VPC/subnet/table name when they stand next to "vpc", "subnet"… */
export const STOP = new Set(
  (
    'a an the this that these those my our your their its same new old other another each every both all any some one two three ' +
    'default main custom private public is are was were be been has have had with and or to from in on at of for by via into ' +
    'peering peered peer cidr cidrs range block blocks id ids attachment endpoint endpoints route routes table tables rt rtb level ' +
    'flow flowlogs logs side console wide only just also then there here it they which where when what who not no yes but so ' +
    "if else can cant can't cannot could should would will won't does doesn't did didn't do as up down over under since " +
    'subnet subnets vpc vpcs nacl nacls acl acls sg sgs security group groups internet gateway gateways nat igw tgw traffic ' +
    'instance instances box boxes host server lambda function functions endpoint ' +
    'call calls everything nothing something says said shows show shown looks look seems like fine ok okay works working ' +
    'being its itself too very really now still already again ago days day week weeks time times out ' +
    'btw fyi imo tbh iirc afaik lol pls please thanks thx fwiw ' +
    'whole entire single existing separate different target source destination remote another first second ' +
    'other peer peers request requester accepter owner account allows allow uses use used can could ' +
    'should would will shall may might must cannot does did done got gets sends send routes runs run sits talks talk ' +
    'gives give gave returns return shows says said works work worked fails fail failed times hangs hang'
  ).split(/\s+/),
);

export function isNameToken(t: string | undefined): t is string {
  if (!t) return false;
  if (/^[A-Z]\d?$/.test(clean(t))) return true;
  const n = t.toLowerCase().replace(/[^\w-]/g, '');
  if (!n || STOP.has(n)) return false;
  // a Region or AZ ("app in us-east-1 (vpc-…)") says where, not what
  if (isRegion(n) || regionOfAz(n)) return false;
  if (/^\d+$/.test(n)) return false;
  if (/^\d+\.\d+/.test(t)) return false;
  return /^[a-z0-9][\w-]*$/i.test(t.replace(/[.,:;)]+$/, ''));
}

export function clean(t: string): string {
  return t.replace(/^[("'`]+|[)"'`.,:;!?]+$/g, '');
}

/**
 * A VPC named in a phrase: an ID, "VPC A", "app VPC", "vpc-a", or a name already known. Creates it when
 * the phrase says "vpc"; otherwise only finds.
 */
export function vpcIn(x: Sentence, phrase: string, create: boolean | 'force' = true): Vpc | undefined {
  const id = /\bvpc-[0-9a-z][\w-]*/i.exec(phrase)?.[0];
  const idOk =
    id && !/^vpc-(peering|endpoint|endpoints|flow|level|wide|id|ids|to|based|link|sharing)$/i.test(id);
  const before = /\b([A-Za-z0-9][\w-]*)\s+vpc(?![\w-])/i.exec(phrase)?.[1];
  const after = /\bvpc(?![\w-])\s+([A-Za-z0-9][\w-]*)/i.exec(phrase)?.[1];
  const named = [before, after].find((n) => isNameToken(n) && !/^vpc-/i.test(n!));
  const name = named ? clean(named) : undefined;
  if (idOk) return x.b.vpc({ id: id!, ...(name ? { name } : {}) });
  if (name) return create ? x.b.vpc({ name }) : x.b.find('vpc', name);
  // a bare name: "A", "prod", "shared-services"
  const bare = clean(
    phrase
      .trim()
      .split(/\s+/)
      .filter((w) => !/^(the|vpc)$/i.test(w))[0] ?? '',
  );
  if (bare && isNameToken(bare)) {
    const found = x.b.find('vpc', bare) ?? vpcByPrefix(x, bare);
    if (found) return found;
    if (/^(it|is|on|in|at|to|me|we|us|my|was|has|and|or)$/i.test(bare)) return undefined;
    if (create === 'force' || (create && /^[A-Z]$|^[A-Za-z]{1,3}\d?$/.test(bare)))
      return x.b.vpc({ name: bare });
  }
  return undefined;
}

/** A subnet named in a phrase: an ID, "subnet X", "X subnet", or a name already known. */
export function subnetIn(x: Sentence, phrase: string, create = true): Subnet | undefined {
  const id = /\bsubnet-[0-9a-z][\w-]*/i.exec(phrase)?.[0];
  if (id) return x.b.subnet({ id });
  const words = phrase
    .split(/[\s,()]+/)
    .map(clean)
    .filter(Boolean);
  for (const w of words) {
    const f = x.b.find('subnet', w);
    if (f) return f;
  }
  const named =
    /\bsubnet\s+([A-Za-z0-9][\w-]*)/i.exec(phrase)?.[1] ??
    /\b([A-Za-z0-9][\w-]*)\s+subnet\b/i.exec(phrase)?.[1];
  if (isNameToken(named) && create) return x.b.subnet({ name: clean(named!) });
  return undefined;
}

/** The names a subnet goes by in prose ("public-1a", "private-app-1a"), to find them in later sentences. */
export const SUBNET_NAME =
  /\b((?:[a-z0-9]+-)*(?:public|private|priv|pub|isolated|app|db|data|web|lambda|tgw|shared|protected|mgmt|dmz)(?:-[a-z0-9]+)*)\b/gi;

export function roleOfName(n: string | undefined): 'public' | 'private' | undefined {
  if (!n) return undefined;
  if (/\bpub(lic)?\b|public/i.test(n)) return 'public';
  if (/priv(ate)?|isolated|protected/i.test(n)) return 'private';
  return undefined;
}

/** "shared" for "shared-svcs", "prod" for "prod-data": the one VPC whose name starts with it. */
export function vpcByPrefix(x: Sentence, n: string): Vpc | undefined {
  const k = n.toLowerCase();
  if (k.length < 3) return undefined;
  const hits = x.b
    .all('vpc')
    .filter((v) =>
      [...v.aliases].some(
        (a) =>
          a.startsWith(`${k}-`) || a.startsWith(`${k}_`) || (a.startsWith(k) && a.length - k.length <= 4),
      ),
    );
  return hits.length === 1 ? hits[0] : undefined;
}
