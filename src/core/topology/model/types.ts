import type { Cidr } from '../net/ipv4.js';
import type { PortRange, Protocol } from '../net/protocol.js';

/**
 * The network as read from the input. Every field is optional and every list says whether it is
 * complete: what the input does not say stays unknown, so no rule can mistake "not pasted" for
 * "not configured".
 */

/** Where a fact was read: config (describe-* JSON, YAML, compact notation) or a sentence. */
export interface Source {
  kind: 'config' | 'text';
  /** 1-based input line numbers */
  lines: number[];
  /** the cited input, trimmed (or a one-line summary of a JSON object) */
  text: string;
}

export interface Entity {
  /** the key other entities use: the AWS ID when known, else `<kind>:<name>` */
  key: string;
  /** the AWS ID, when the input gave one that looks real or was used as an ID */
  id?: string;
  /** the Name tag or the name the user gave */
  name?: string;
  /** lower-case names and IDs this entity answers to */
  aliases: Set<string>;
  src: Source[];
}

export interface Vpc extends Entity {
  cidrs: { cidr: Cidr; src: Source }[];
  region?: string;
  dnsSupport?: boolean;
  dnsHostnames?: boolean;
  /** the user said every NACL in this VPC is the default allow-all one */
  naclsDefault?: Source;
  account?: string;
  /** the private hosted zones the VPC is associated with, when the input lists them all */
  zones?: { names: string[]; src: Source };
  /** the account's default VPC (always 172.31.0.0/16) */
  isDefault?: Source;
}

export type SubnetRole = 'public' | 'private';

export interface Subnet extends Entity {
  vpc?: string;
  cidr?: Cidr;
  az?: string;
  /** explicit route table association */
  routeTable?: string;
  nacl?: string;
  mapPublicIp?: boolean;
  /** what the name or the user calls it ("public-1a", "private subnet"); a hint, not a fact */
  roleHint?: SubnetRole;
}

export type RouteTargetKind =
  | 'local'
  | 'igw'
  | 'eigw'
  | 'nat'
  | 'pcx'
  | 'tgw'
  | 'vpce'
  | 'eni'
  | 'instance'
  | 'vgw'
  | 'unknown';

export interface Route {
  /** destination CIDR, or undefined for a prefix-list route */
  cidr?: Cidr;
  prefixList?: string;
  target: { kind: RouteTargetKind; id?: string };
  state?: 'active' | 'blackhole';
  propagated?: boolean;
  src: Source;
}

export interface RouteTable extends Entity {
  vpc?: string;
  main?: boolean;
  subnets: string[];
  routes: Route[];
  /** true when the routes are the whole table (describe output, or a listing that says so) */
  complete: boolean;
  /** destinations the user said the table has no route for ("no route to 10.1.0.0/16") */
  noRouteFor?: Cidr[];
  /** the user said it has no route back (to the other side of the path) */
  noReturnRoute?: boolean;
}

export interface NaclEntry {
  /** 32767 for the `*` rule */
  number: number;
  egress: boolean;
  action: 'allow' | 'deny';
  protocol: Protocol;
  ports?: PortRange;
  /** ICMP entries: the one type (and code) the entry is for, when the paste names it; -1 is all; absent is all */
  icmp?: IcmpTypeCode;
  cidr: Cidr;
  src: Source;
}

/** an ICMP type and code as a NACL entry holds them (`IcmpTypeCode`), -1 for all */
export interface IcmpTypeCode {
  type: number;
  code: number;
}

export interface Nacl extends Entity {
  vpc?: string;
  isDefault?: boolean;
  subnets: string[];
  entries: NaclEntry[];
  /** per direction: the entries are the whole list (the `*` deny is implied) */
  completeIn: boolean;
  completeOut: boolean;
  /** the word the text named the NACL's subnet by ("batch subnet nacl"), when that subnet is not known */
  subnetHint?: string;
}

export type SgPeer =
  | { kind: 'cidr'; cidr: Cidr }
  | { kind: 'sg'; group: string; account?: string; vpc?: string; peering?: string }
  | { kind: 'pl'; id: string }
  /** "from the VPC" when its CIDR is not known */
  | { kind: 'vpc'; vpc: string };

export interface SgRule {
  protocol: Protocol;
  ports?: PortRange;
  peers: SgPeer[];
  src: Source;
}

export interface SecurityGroup extends Entity {
  vpc?: string;
  /** the Region the input places the group in ("the app SG in us-west-2"), when its VPC is not known */
  region?: string;
  ingress: SgRule[];
  egress: SgRule[];
  ingressComplete: boolean;
  egressComplete: boolean;
}

export type PeeringStatus =
  | 'initiating-request'
  | 'pending-acceptance'
  | 'provisioning'
  | 'active'
  | 'rejected'
  | 'expired'
  | 'failed'
  | 'deleted'
  | 'deleting';

export interface Peering extends Entity {
  requester?: string;
  accepter?: string;
  requesterCidrs: Cidr[];
  accepterCidrs: Cidr[];
  requesterRegion?: string;
  accepterRegion?: string;
  status?: PeeringStatus;
  statusSrc?: Source;
  expiration?: Date;
  /** when the request was made, if the user said ("requested 9 days ago") */
  requested?: Date;
}

export interface Endpoint extends Entity {
  vpc?: string;
  /** short service name: `s3`, `dynamodb`, `sqs`, `ecr.dkr` … */
  service?: string;
  serviceRegion?: string;
  type?: 'Gateway' | 'Interface' | 'GatewayLoadBalancer';
  routeTables: string[];
  subnets: string[];
  sgs: string[];
  privateDns?: boolean;
  policy?: PolicyInfo;
  state?: string;
}

/** What vpcdiag reads from an IAM-style policy document (endpoint or bucket policy). */
export interface PolicyInfo {
  raw: string;
  /** condition keys used, lower-case: `aws:sourceip`, `aws:sourcevpce` … */
  conditionKeys: string[];
  /** the statement is not `Allow * on *` */
  restrictive: boolean;
  /** resources named in Allow statements */
  allowedResources: string[];
  /** each Allow statement: its resources and the condition keys it needs (lower-case) */
  allows: { resources: string[]; conditionKeys: string[] }[];
  deniesWithoutCondition: boolean;
  src: Source;
}

export interface NatGateway extends Entity {
  subnet?: string;
  vpc?: string;
  state?: string;
  connectivity?: 'public' | 'private';
  /** null when the input shows it has none */
  publicIp?: string | null;
  privateIp?: string;
}

export interface InternetGateway extends Entity {
  vpcs: string[];
}

export type WorkloadKind = 'ec2' | 'lambda' | 'rds' | 'ecs' | 'eks' | 'elb' | 'other';

/** Something with an address in a subnet: an instance, a Lambda function, a DB, a task, an ENI. */
export interface Workload extends Entity {
  kind: WorkloadKind;
  privateIps: string[];
  /** null when the input shows it has none (`PublicIpAddress` missing, "None", "no public IP") */
  publicIp?: string | null;
  subnets: string[];
  vpc?: string;
  sgs: string[];
  az?: string;
  /** the workload's port, when the input gives it (RDS 5432) */
  port?: number;
}

export interface TgwAttachment extends Entity {
  tgw?: string;
  vpc?: string;
  resourceType?: string;
  subnets: string[];
  /** Availability Zones of the attachment subnets, when known directly */
  azs: string[];
  state?: string;
  routeTable?: string;
}

export interface TgwRoute {
  cidr: Cidr;
  attachment?: string;
  state: 'active' | 'blackhole';
  src: Source;
}

export interface TgwRouteTable extends Entity {
  tgw?: string;
  routes: TgwRoute[];
  associations: string[];
  propagations: string[];
  complete: boolean;
}

export interface HostedZone extends Entity {
  zoneName: string;
  private: boolean;
  vpcs: string[];
  complete: boolean;
}

export interface BucketPolicy {
  bucket?: string;
  policy: PolicyInfo;
}

/** What the user saw, in the words of the input. */
export type SymptomKind =
  | 'timeout'
  | 'refused'
  | 'access-denied'
  | 'nxdomain'
  | 'dns-public-answer'
  | 'large-transfer-hang'
  | 'image-pull-timeout'
  | 'no-internet'
  | 'unhealthy'
  | 'reset'
  | 'peering-create-failed'
  /** "stopped working", "can't connect": broken, how unknown */
  | 'broken';

export interface Symptom {
  kind: SymptomKind;
  src: Source;
}

/** `nslookup`/`dig` output: a name and the addresses it resolved to. */
export interface DnsAnswer {
  name: string;
  ips: string[];
  nxdomain: boolean;
  src: Source;
}

/** A path the user cares about: "A can't reach B on 5432", a flow-log conversation, "needs S3". */
export interface Intent {
  from?: PlaceRef;
  to?: PlaceRef;
  port?: number;
  protocol?: Protocol;
  src: Source;
  /** where it came from: a sentence, a flow-log finding, the compact/YAML `path` */
  origin: 'text' | 'flow' | 'config';
  /** set when it came from a flow-log finding */
  flowCode?: string;
  clientPorts?: number[];
  /**
   * the text says this traffic works ("ssh works fine"): evidence the path is open, never a path to
   * find faults on
   */
  works?: boolean;
}

/** A reference to one end of a path, resolved later against the model. */
export type PlaceRef =
  | { kind: 'ip'; ip: string; label?: string }
  | { kind: 'entity'; key: string; label?: string }
  | { kind: 'internet'; label?: string }
  | { kind: 'service'; service: string; region?: string; host?: string; label?: string }
  | { kind: 'onprem'; label?: string }
  | { kind: 'name'; name: string; label?: string; within?: string };

/** Statements that are not entities: "no NAT", "SG allows everything", "private DNS is off". */
export interface Claim {
  kind:
    | 'no-nat'
    | 'no-igw'
    | 'no-endpoint'
    | 'no-route'
    | 'sg-allows-all'
    | 'nacl-default'
    | 'private-dns-off'
    | 'private-dns-on'
    | 'icmp-blocked'
    | 'vpn'
    | 'direct-connect'
    | 'cross-region'
    | 'same-vpc'
    | 'policy-sourceip'
    | 'endpoint-policy-restricted'
    | 'new-launch'
    | 'worked-before'
    /** "orders -> billing via tgw-…": the path crosses a Transit Gateway (detail: its ID) */
    | 'via-tgw'
    /** a Reachability Analyzer explanation code the user quotes (detail: the code) */
    | 'ra-code'
    /** the user points at a screenshot or link instead of text */
    | 'screenshot';
  about?: string;
  detail?: string;
  src: Source;
}

export interface Model {
  vpcs: Map<string, Vpc>;
  subnets: Map<string, Subnet>;
  routeTables: Map<string, RouteTable>;
  nacls: Map<string, Nacl>;
  sgs: Map<string, SecurityGroup>;
  peerings: Map<string, Peering>;
  endpoints: Map<string, Endpoint>;
  nats: Map<string, NatGateway>;
  igws: Map<string, InternetGateway>;
  workloads: Map<string, Workload>;
  tgwAttachments: Map<string, TgwAttachment>;
  tgwRouteTables: Map<string, TgwRouteTable>;
  hostedZones: Map<string, HostedZone>;
  bucketPolicies: BucketPolicy[];
  symptoms: Symptom[];
  dnsAnswers: DnsAnswer[];
  intents: Intent[];
  claims: Claim[];
  /** on-premises ranges (over VPN / Direct Connect) the input names */
  onprem: { cidr: Cidr; src: Source }[];
  /** Regions mentioned anywhere, first first */
  regions: { region: string; src: Source }[];
  /** services mentioned (s3, sqs, ecr…), for rules that need "the user talks about S3" */
  services: { service: string; src: Source }[];
  /** lines that some reader understood (for `recognised` and the summary) */
  readLines: Set<number>;
  /** which readers contributed */
  readers: Set<'describe' | 'document' | 'compact' | 'english'>;
}

export function emptyModel(): Model {
  return {
    vpcs: new Map(),
    subnets: new Map(),
    routeTables: new Map(),
    nacls: new Map(),
    sgs: new Map(),
    peerings: new Map(),
    endpoints: new Map(),
    nats: new Map(),
    igws: new Map(),
    workloads: new Map(),
    tgwAttachments: new Map(),
    tgwRouteTables: new Map(),
    hostedZones: new Map(),
    bucketPolicies: [],
    symptoms: [],
    dnsAnswers: [],
    intents: [],
    claims: [],
    onprem: [],
    regions: [],
    services: [],
    readLines: new Set(),
    readers: new Set(),
  };
}
