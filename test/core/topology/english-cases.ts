import type { FindingCode } from '../../../src/core/report/codes.js';
import type { Severity } from '../../../src/core/report/schema.js';

/** A sentence-level case: what a user types, and what a correct diagnosis must (and must not) say. */
export interface TextCase {
  name: string;
  input: string;
  expect: { code: FindingCode; severity?: Severity; evidence?: string[] }[];
  forbid?: FindingCode[];
  now?: string;
}

export const PEERING_CASES: TextCase[] = [
  {
    name: 'A peered with B and B with C does not let A reach C',
    input: `VPC A 10.0.0.0/16 peered with B (10.1.0.0/16), B peered with C 10.2.0.0/16.
A can't reach C, everything times out`,
    expect: [{ code: 'TRANSITIVE_PEERING_UNSUPPORTED', evidence: ['VPC A 10.0.0.0/16', "A can't reach C"] }],
    forbid: ['NETWORK_PATH_OK'],
  },
  {
    name: 'a route into the peering with the hub is called out as transitive, written with arrows and lower case',
    input: `hub <-> spoke1 and hub <-> spoke2 (pcx-0aa11bb22cc33dd44 and pcx-0ee55ff66aa77bb88)
spoke1 vpc 10.11.0.0/16, spoke2 vpc 10.12.0.0/16, hub vpc 10.10.0.0/16
spoke1 rtb: 10.12.0.0/16 -> pcx-0aa11bb22cc33dd44
from spoke1 to 10.12.4.9 port 443 nothing, curl just hangs`,
    expect: [{ code: 'TRANSITIVE_PEERING_UNSUPPORTED' }],
  },
  {
    name: 'two VPCs with the same 10.0.0.0/16 cannot be peered',
    input: `trying to peer vpc-prod (10.0.0.0/16) with vpc-analytics (10.0.0.0/16, secondary 10.50.0.0/16) and the peering request fails with overlapping cidr error`,
    expect: [{ code: 'PEERING_CIDR_OVERLAP' }],
  },
  {
    name: 'a secondary block that overlaps counts too',
    input: `VPC app 10.20.0.0/16 with a secondary CIDR 100.64.0.0/16
VPC data 10.30.0.0/16, secondary 100.64.0.0/18
peering app <-> data shows failed`,
    expect: [{ code: 'PEERING_CIDR_OVERLAP' }],
  },
  {
    name: 'a peering still pending acceptance after ten days has expired',
    input: `requested a peering pcx-0123456789abcdef0 from vpc-A to the partner account's vpc-B 10 days ago, it still says pending acceptance.
routes are in place on our side: 172.31.0.0/16 -> pcx-0123456789abcdef0 (blackhole)`,
    expect: [{ code: 'PEERING_NOT_ACTIVE', evidence: ['pending acceptance'] }, { code: 'ROUTE_BLACKHOLE' }],
  },
  {
    name: 'a missing route to the peer on the source side is named with the table',
    input: `VPC web 10.1.0.0/16 and VPC db 10.2.0.0/16 are peered (pcx-0a1a2b3b4c5c6d7d8, active)
web subnet route table rtb-0f1e2d3c4b5a69788: 10.1.0.0/16 local, 0.0.0.0/0 -> igw-0123abcd4567ef890
db side route table: 10.2.0.0/16 local, 10.1.0.0/16 -> pcx-0a1a2b3b4c5c6d7d8
web server 10.1.4.10 can't connect to postgres at 10.2.8.20:5432, timeout`,
    expect: [{ code: 'PEERING_ROUTE_MISSING', evidence: ['rtb-0f1e2d3c4b5a69788'] }],
    forbid: ['PEERING_RETURN_ROUTE_MISSING'],
  },
  {
    name: 'the return route added only to the main table while the subnet uses its own table',
    input: `vpc-a (10.8.0.0/16) peered to vpc-b (10.9.0.0/16) via pcx-0bb0bb0bb0bb0bb0b, status active
A's route table: 10.8.0.0/16 local, 10.9.0.0/16 -> pcx-0bb0bb0bb0bb0bb0b
b main route table rtb-0c0c0c0c0c0c0c0c0: 10.9.0.0/16 local, 10.8.0.0/16 -> pcx-0bb0bb0bb0bb0bb0b
b subnet app-private-b (subnet-0d0d0d0d0d0d0d0d0, 10.9.1.0/24) uses rtb-0e0e0e0e0e0e0e0e0
rtb-0e0e0e0e0e0e0e0e0: 10.9.0.0/16 local, 0.0.0.0/0 -> nat-0f0f0f0f0f0f0f0f0
from 10.8.3.3 to 10.9.1.50:8080 times out`,
    expect: [{ code: 'PEERING_RETURN_ROUTE_MISSING', evidence: ['rtb-0e0e0e0e0e0e0e0e0:'] }],
    forbid: ['PEERING_ROUTE_MISSING'],
  },
  {
    name: 'a VPC sending internet traffic into the peering to use the other VPC NAT gateway',
    input: `VPC B 10.60.0.0/16 has no NAT of its own, so we pointed 0.0.0.0/0 -> pcx-0ab12cd34ef56ab78 (peering with VPC A 10.50.0.0/16, which has the NAT gateway).
instances in B can't reach the internet`,
    expect: [{ code: 'PEERING_EDGE_TO_EDGE_UNSUPPORTED' }],
  },
  {
    name: 'an SG rule naming an SG of a peered VPC in another Region',
    input: `app VPC vpc-0a0a0a0a0a0a0a0a0 (10.70.0.0/16) in us-east-1, reporting VPC vpc-0b0b0b0b0b0b0b0b0 (10.80.0.0/16) in eu-west-1, peered (inter-region) with pcx-0c1c1c1c1c1c1c1c1.
the db sg sg-0d1d1d1d1d1d1d1d1 in the reporting vpc allows 5432 from sg-0e1e1e1e1e1e1e1e1 (the app SG in us-east-1)
sg-0d1d1d1d1d1d1d1d1 is in vpc-0b0b0b0b0b0b0b0b0, sg-0e1e1e1e1e1e1e1e1 is in vpc-0a0a0a0a0a0a0a0a0`,
    expect: [{ code: 'SG_REFERENCE_CROSS_REGION_UNSUPPORTED' }],
  },
  {
    name: 'a private hosted zone associated only with one VPC does not resolve from the peer',
    input: `private hosted zone corp.internal is associated only with vpc-shared. from vpc-apps (peered with vpc-shared) the lookup fails:
$ dig db.corp.internal
;; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 4411`,
    expect: [{ code: 'PHZ_NOT_ASSOCIATED_WITH_VPC' }],
  },
];

export const ROUTING_CASES: TextCase[] = [
  {
    name: 'a NAT gateway placed in a private subnet',
    input: `igw-0aa0aa0aa0aa0aa0a attached. public subnet pub-a 10.5.0.0/24 on rtb-pub: 0.0.0.0/0 -> igw-0aa0aa0aa0aa0aa0a, 10.5.0.0/16 local
private subnet priv-a 10.5.10.0/24 on rtb-priv: 10.5.0.0/16 local, 0.0.0.0/0 -> nat-0bb0bb0bb0bb0bb0b
the nat gateway nat-0bb0bb0bb0bb0bb0b is in priv-a. private boxes can't get out to the internet`,
    expect: [{ code: 'NAT_GATEWAY_IN_PRIVATE_SUBNET', evidence: ['is in priv-a'] }],
    forbid: ['NO_INTERNET_ROUTE'],
  },
  {
    name: 'a private subnet with only the local route has no way to the internet',
    input: `our build box i-0123456789abcdef0 (10.7.3.4) in private subnet subnet-0123456789abcdef1 can't reach pypi, pip install times out.
route table for that subnet: 10.7.0.0/16 local (that's it). no NAT gateway in this vpc`,
    expect: [{ code: 'NO_INTERNET_ROUTE' }],
  },
  {
    name: 'an instance in a public subnet without a public IP',
    input: `launched i-0feedfeedfeedfeed into public subnet subnet-0beefbeefbeefbeef (route table: 0.0.0.0/0 -> igw-0cafecafecafecafe, 10.3.0.0/16 local).
it has no public ip. yum update hangs forever`,
    expect: [{ code: 'PUBLIC_IP_MISSING' }],
  },
  {
    name: 'a lambda in a public subnet never gets a public IP',
    input: `lambda function order-sync is in the public subnets (subnet-0aaa1111bbbb2222c, route 0.0.0.0/0 -> igw-0ddd3333eeee4444f). calls to api.stripe.com time out after 6s`,
    expect: [{ code: 'LAMBDA_ENI_NO_PUBLIC_IP' }],
    forbid: ['PUBLIC_IP_MISSING'],
  },
  {
    name: 'a default route to a deleted NAT gateway is a blackhole',
    input: `rtb-0123abcd0123abcd0 routes: 10.40.0.0/16 local, 0.0.0.0/0 -> nat-0aa1bb2cc3dd4ee5f (blackhole)
someone deleted the old NAT last night. instances in that subnet can't reach the internet`,
    expect: [{ code: 'ROUTE_BLACKHOLE', evidence: ['nat-0aa1bb2cc3dd4ee5f (blackhole)'] }],
  },
  {
    name: 'no route to an on-prem range that is not in the route table',
    input: `app subnet route table rtb-0a1b2c3d4e5f6a7b8: 10.0.0.0/16 local, 0.0.0.0/0 -> nat-0a1b2c3d4e5f6a7b8
on-prem network is 192.168.0.0/16 over the site-to-site vpn (vgw-0a1b2c3d4e5f6a7b8)
app server 10.0.2.15 can't connect to 192.168.10.5:1433`,
    expect: [{ code: 'NO_ROUTE_TO_DESTINATION', evidence: ['rtb-0a1b2c3d4e5f6a7b8'] }],
  },
  {
    name: 'S3 traffic through the NAT gateway where a gateway endpoint would be free',
    input: `our nat bill is huge. private subnet route table rtb-0aaaa1111bbbb2222: 10.1.0.0/16 local, 0.0.0.0/0 -> nat-0cccc3333dddd4444
the etl boxes (10.1.20.0/24) push ~4TB/day to s3, no vpc endpoints at all`,
    expect: [{ code: 'AWS_SERVICE_VIA_NAT', severity: 'warning' }],
    forbid: ['NO_INTERNET_ROUTE'],
  },
];

export const TGW_CASES: TextCase[] = [
  {
    name: 'an instance in an AZ the transit gateway attachment does not cover',
    input: `tgw-0123456789abcdef0, vpc A (10.10.0.0/16) attachment has subnets only in us-east-1a and us-east-1b.
A's route table: 10.10.0.0/16 local, 10.20.0.0/16 -> tgw-0123456789abcdef0
the worker in A (10.10.33.7) runs in us-east-1c and can't reach 10.20.1.5 in vpc B; the ones in 1a work`,
    expect: [{ code: 'TGW_ATTACHMENT_MISSING_AZ' }],
  },
  {
    name: 'the TGW route table of the attachment has no route to the destination',
    input: `VPC dev 10.30.0.0/16 and VPC shared 10.80.0.0/16 on tgw-0aaaaaaaaaaaaaaaa.
dev route table: 10.30.0.0/16 local, 10.80.0.0/16 -> tgw-0aaaaaaaaaaaaaaaa
dev attachment tgw-attach-0bbbbbbbbbbbbbbbb is associated with tgw-rtb-0cccccccccccccccc
tgw-rtb-0cccccccccccccccc has only 10.30.0.0/16 -> tgw-attach-0bbbbbbbbbbbbbbbb, no route to 10.80.0.0/16
dev box 10.30.1.10 can't reach 10.80.2.20 on 443`,
    expect: [{ code: 'TGW_ROUTE_MISSING' }],
  },
  {
    name: 'the destination VPC has no route back to the source through the TGW',
    input: `vpc-one 10.1.0.0/16 and vpc-two 10.2.0.0/16 both attached to tgw-0f0f0f0f0f0f0f0f0, tgw route tables are fine (propagation on)
vpc-one rtb: 10.1.0.0/16 local, 10.2.0.0/16 -> tgw-0f0f0f0f0f0f0f0f0
vpc-two rtb: 10.2.0.0/16 local, 0.0.0.0/0 -> nat-0e0e0e0e0e0e0e0e0
from 10.1.5.5 to 10.2.5.5:22 ssh times out. reachability analyzer says reachable!`,
    expect: [{ code: 'TGW_RETURN_ROUTE_MISSING' }],
  },
];

export const ENDPOINT_CASES: TextCase[] = [
  {
    name: 'a gateway endpoint asked for SQS',
    input: `tried to create a gateway vpc endpoint for sqs (com.amazonaws.us-west-2.sqs) so we can drop the NAT, aws says no. is it a permissions thing?`,
    expect: [{ code: 'GATEWAY_ENDPOINT_UNSUPPORTED_SERVICE' }],
  },
  {
    name: 'the S3 gateway endpoint on another route table than the subnet uses',
    input: `s3 gateway endpoint vpce-0a1a1a1a1a1a1a1a1 is associated with rtb-0b2b2b2b2b2b2b2b2 only.
the batch subnet subnet-0c3c3c3c3c3c3c3c3 uses rtb-0d4d4d4d4d4d4d4d4: 10.9.0.0/16 local (no nat, no igw)
aws s3 cp from the batch instances hangs`,
    expect: [{ code: 'GATEWAY_ENDPOINT_ROUTE_TABLE_NOT_ASSOCIATED', evidence: ['rtb-0d4d4d4d4d4d4d4d4'] }],
  },
  {
    name: 'on-prem servers cannot use the S3 gateway endpoint over the VPN',
    input: `we have an S3 gateway endpoint in the hub vpc (vpce-0123123123123123a). servers in the office reach the vpc over site-to-site VPN.
from on-prem to s3 through the vpn it just times out, thought the endpoint would make s3 private for them`,
    expect: [{ code: 'GATEWAY_ENDPOINT_NOT_EXTENDABLE' }],
  },
  {
    name: 'a bucket in another Region is not covered by the gateway endpoint',
    input: `vpc in us-east-1 has the s3 gateway endpoint on its only route table (10.2.0.0/16 local, pl-63a5400a -> vpce-0e1e1e1e1e1e1e1e1), no nat.
downloads from the bucket in eu-west-1 time out, same-region buckets are fine`,
    expect: [{ code: 'GATEWAY_ENDPOINT_CROSS_REGION' }],
  },
  {
    name: 'the interface endpoint SG with no 443 rule for the clients',
    input: `interface endpoint for secretsmanager vpce-0f0f0f0f0f0f0f0f1, private dns on, endpoint SG sg-0a9a9a9a9a9a9a9a9 only allows 80 from 10.0.0.0/16.
lambdas in 10.0.8.0/24 time out on GetSecretValue`,
    expect: [{ code: 'ENDPOINT_SG_BLOCKS_CLIENTS' }],
  },
  {
    name: 'an interface endpoint with private DNS disabled still resolves to public IPs',
    input: `created an interface endpoint for ssm (vpce-0b1b1b1b1b1b1b1b1) with private dns disabled.
$ nslookup ssm.eu-central-1.amazonaws.com
Server:		10.4.0.2
Address:	10.4.0.2#53

Non-authoritative answer:
Name:	ssm.eu-central-1.amazonaws.com
Address: 52.119.190.128
session manager can't connect from the private instances`,
    expect: [{ code: 'INTERFACE_ENDPOINT_PRIVATE_DNS_OFF' }],
  },
  {
    name: 'VPC DNS hostnames off keeps private DNS from working',
    input: `vpc-0aa0aa0aa0aa0aa0a was made with terraform, enable_dns_hostnames = false
kms interface endpoint (private dns enabled) but kms calls still go out the nat and time out`,
    expect: [{ code: 'INTERFACE_ENDPOINT_PRIVATE_DNS_OFF' }],
  },
  {
    name: 'a 403 through an endpoint whose policy lists other buckets',
    input: `getting 403 AccessDenied on s3://team-reports from the private subnet since we added a custom endpoint policy on the s3 gateway endpoint (vpce-0c2c2c2c2c2c2c2c2) that only allows arn:aws:s3:::team-data/*`,
    expect: [{ code: 'ENDPOINT_POLICY_DENIES' }],
    forbid: ['NO_INTERNET_ROUTE'],
  },
  {
    name: 'a bucket policy on aws:SourceIp breaks once the S3 gateway endpoint is added',
    input: `after adding the s3 gateway endpoint (vpce-0d3d3d3d3d3d3d3d3) our uploads get AccessDenied. the bucket policy denies everything unless aws:SourceIp is our NAT EIP 198.51.100.20`,
    expect: [{ code: 'BUCKET_POLICY_SOURCEIP_VIA_VPCE' }],
  },
  {
    name: 'ECR endpoints without the S3 gateway endpoint',
    input: `fargate tasks in private subnets, no NAT. we created ecr.api and ecr.dkr interface endpoints (private dns on, SG allows 443 from the task sg).
task fails: CannotPullContainerError: ref pull has been retried 5 time(s): failed to copy: httpReadSeeker: failed open: failed to do request: Get "https://prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com/...": dial tcp 52.216.1.1:443: i/o timeout`,
    expect: [{ code: 'ECR_LAYER_DOWNLOAD_NO_S3_PATH' }],
  },
];

export const FILTER_CASES: TextCase[] = [
  {
    name: 'the db SG allows the port only from the old app SG',
    input: `app instances (sg-0new0new0new0new0) can't connect to the database 10.2.3.4:5432, times out.
db security group sg-0db0db0db0db0db0d allows 5432 from sg-0old0old0old0old0 only
app server ip 10.2.10.11, sg-0new0new0new0new0 is on it`,
    expect: [{ code: 'SG_INBOUND_SOURCE_MISMATCH' }],
    forbid: ['SG_INBOUND_BLOCKS'],
  },
  {
    name: 'an SG with no inbound rule for the port',
    input: `web box i-0aaaabbbbccccdddd (10.0.1.20) has sg-0aabbccddeeff0011 which only allows inbound 22 from 10.0.0.0/8
from the alb (10.0.0.15) to 10.0.1.20:8080 health checks time out`,
    expect: [{ code: 'SG_INBOUND_BLOCKS' }],
  },
  {
    name: 'an SG whose egress allows only 443 cannot open 5432',
    input: `worker instance 10.3.1.9 with sg-0worker00worker00 (egress only allows 443 to 0.0.0.0/0) can't reach redis at 10.3.2.2:6379, timeout`,
    expect: [{ code: 'SG_OUTBOUND_BLOCKS' }],
  },
  {
    name: 'a NACL inbound deny rule numbered before the allow drops the request',
    input: `db subnet 10.5.2.0/24 (subnet-0dbdbdbdbdbdbdbdb) NACL acl-0dbdbdbdbdbdbdbdb inbound:
90 DENY TCP 5432 0.0.0.0/0
100 ALLOW TCP 5432 10.5.1.0/24
* DENY ALL
outbound: 100 allow all 0.0.0.0/0
app 10.5.1.30 -> 10.5.2.40:5432 times out`,
    expect: [{ code: 'NACL_INBOUND_BLOCKS_REQUEST', evidence: ['90 DENY TCP 5432'] }],
  },
  {
    name: 'the source subnet NACL outbound has no rule for the request',
    input: `NACL on the app subnets (10.6.1.0/24): outbound rules: 100 allow tcp 443 0.0.0.0/0, 110 allow tcp 32768-65535 0.0.0.0/0, * deny all
inbound: 100 allow all 0.0.0.0/0
app 10.6.1.5 can't connect to mysql at 10.6.9.9:3306`,
    expect: [{ code: 'NACL_OUTBOUND_BLOCKS_REQUEST' }],
  },
  {
    name: 'replies blocked by the server subnet NACL outbound',
    input: `api subnet NACL acl-0apiapiapiapiapia:
inbound: 100 ALLOW TCP 8443 10.0.0.0/16 ; * DENY ALL
outbound: 100 ALLOW TCP 443 0.0.0.0/0 ; * DENY ALL
clients 10.0.5.0/24 -> api 10.0.20.10:8443 time out`,
    expect: [{ code: 'NACL_OUTBOUND_BLOCKS_RESPONSE' }],
  },
  {
    name: 'a Linux-only ephemeral rule is too narrow for NLB clients',
    input: `the NLB (10.9.0.10) health checks to the targets on 9000 fail about a quarter of the time.
target subnet nacl: inbound 100 allow tcp 9000 10.9.0.0/24
outbound 100 allow tcp 32768-61000 10.9.0.0/24, * deny all
target i-0abcabcabcabcabca 10.9.4.4`,
    expect: [{ code: 'NACL_EPHEMERAL_RANGE_TOO_NARROW' }],
  },
  {
    name: 'the client subnet NACL inbound drops the replies',
    input: `my instance 10.1.1.10 (subnet-0cl1cl1cl1cl1cl1c) calls an api on 10.2.2.20:443 over peering and it times out
the NACL on subnet-0cl1cl1cl1cl1cl1c: inbound 100 allow tcp 22 from 10.0.0.0/8, * deny all. outbound 100 allow all`,
    expect: [{ code: 'NACL_INBOUND_BLOCKS_RESPONSE' }],
  },
  {
    name: 'a deny rule numbered after a broad allow never matches',
    input: `added rule 200 deny all from 198.51.100.0/24 to our public subnet NACL to block a scraper, but it still gets through. inbound rules:
100 allow tcp 443 0.0.0.0/0
200 deny all 198.51.100.0/24
* deny all`,
    expect: [{ code: 'NACL_RULE_ORDER_SHADOWED', evidence: ['200 deny all 198.51.100.0/24'] }],
  },
  {
    name: 'large transfers stall over the VPN while small requests work',
    input: `over the site-to-site vpn small api calls work but large file downloads from 10.0.4.4 just hang after a few KB. we block icmp everywhere for security`,
    expect: [{ code: 'MTU_PMTUD_BLACKHOLE' }],
  },
];

export const OK_CASES: TextCase[] = [
  {
    name: 'connection refused means the network path works',
    input: `from 10.0.1.5 to 10.0.2.9:8080 i get "connection refused" immediately. sg allows 8080 from 10.0.0.0/16, nacls are default`,
    expect: [{ code: 'NETWORK_PATH_OK', severity: 'info' }],
    forbid: ['SG_INBOUND_BLOCKS', 'NACL_INBOUND_BLOCKS_REQUEST'],
  },
  {
    name: 'a path that every control allows is reported as working',
    input: `vpc-0123456789abcdef0 10.0.0.0/16, same vpc, web 10.0.1.10 (sg-0aaaaaaaaaaaaaaaa) -> api 10.0.2.20 (sg-0bbbbbbbbbbbbbbbb) port 8080
sg-0bbbbbbbbbbbbbbbb allows 8080 from sg-0aaaaaaaaaaaaaaaa
sg-0aaaaaaaaaaaaaaaa outbound all traffic
NACLs are the default ones
is this config right before I ship it? from web to api on 8080 should work`,
    expect: [{ code: 'NETWORK_PATH_OK', severity: 'info' }],
    forbid: ['SG_INBOUND_BLOCKS', 'SG_INBOUND_SOURCE_MISMATCH', 'SG_OUTBOUND_BLOCKS'],
  },
  {
    name: 'a private subnet with an S3 gateway endpoint needs no NAT for S3',
    input: `private subnet route table rtb-0a0a0a0a0a0a0a0a0: 10.1.0.0/16 local, pl-63a5400a -> vpce-0b0b0b0b0b0b0b0b0
vpce-0b0b0b0b0b0b0b0b0 is the s3 gateway endpoint, us-east-1. no NAT on purpose. will the instances reach s3 in us-east-1?`,
    expect: [],
    forbid: ['NO_INTERNET_ROUTE', 'GATEWAY_ENDPOINT_ROUTE_TABLE_NOT_ASSOCIATED', 'AWS_SERVICE_VIA_NAT'],
  },
  {
    name: 'an S3 interface endpoint is a real thing, not an unsupported gateway',
    input: `we use an s3 interface endpoint (vpce-0c0c0c0c0c0c0c0c0) for on-prem access over direct connect, and a dynamodb interface endpoint since 2024. private dns on both`,
    expect: [],
    forbid: ['GATEWAY_ENDPOINT_UNSUPPORTED_SERVICE', 'GATEWAY_ENDPOINT_NOT_EXTENDABLE'],
  },
];

export const ASK_CASES: TextCase[] = [
  {
    name: 'a vague timeout with no config asks for the SGs, routes and NACLs',
    input: `ec2 can't talk to rds anymore, just times out. nothing changed on our side i swear`,
    expect: [{ code: 'NEED_MORE_INFO', severity: 'info' }],
  },
  {
    name: 'an SG reference to a group the client might carry asks which SGs the client has',
    input: `db sg sg-0d0d0d0d0d0d0d0d0 allows 5432 from sg-0a0a0a0a0a0a0a0a0. app at 10.1.1.1 can't connect to the db 10.1.2.2:5432 (timeout)`,
    expect: [{ code: 'NEED_MORE_INFO', severity: 'info' }],
    forbid: ['SG_INBOUND_BLOCKS', 'NETWORK_PATH_OK'],
  },
];
