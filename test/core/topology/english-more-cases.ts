import type { TextCase } from './english-cases.js';

/** Shapes people paste beside prose: CDK, console tables, rule listings, --query output. */
export const PASTE_CASES: TextCase[] = [
  {
    name: 'CDK: a group built with allowAllOutbound false and only 443 out cannot open 6379',
    input: `const cacheClientSg = new ec2.SecurityGroup(this, 'CacheClient', { vpc, allowAllOutbound: false });
cacheClientSg.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'https');
redisSg.addIngressRule(cacheClientSg, ec2.Port.tcp(6379));
the worker gets Error: connect ETIMEDOUT 10.9.12.40:6379 every time. same vpc, nacls default`,
    expect: [{ code: 'SG_OUTBOUND_BLOCKS', evidence: ['const cacheClientSg', 'connect ETIMEDOUT'] }],
    forbid: ['SG_INBOUND_BLOCKS', 'NETWORK_PATH_OK'],
  },
  {
    name: 'a route table copied from the console with a blackhole row',
    input: `after the nat box was terminated nothing private can reach the internet. console says:
Destination	Target	Status	Propagated
10.44.0.0/16	local	Active	No
0.0.0.0/0	eni-0a1b2c3d4e5f60789	Blackhole	No`,
    expect: [{ code: 'ROUTE_BLACKHOLE', evidence: ['0.0.0.0/0\teni-0a1b2c3d4e5f60789'] }],
  },
  {
    name: 'a NACL listed one rule a line under "X subnet nacl outbound:" drops the request',
    input: `kibana (vpc-obs 10.90.0.0/16, 10.90.4.11) -> elastic in the search vpc (10.91.0.0/16, 10.91.2.5:9200) over tgw-0aa0bb1cc2dd3ee44, times out
kibana subnet nacl outbound:
  100 ALLOW TCP 443 0.0.0.0/0
  110 ALLOW TCP 32768-65535 0.0.0.0/0
  * DENY ALL`,
    expect: [{ code: 'NACL_OUTBOUND_BLOCKS_REQUEST', evidence: ['* DENY ALL'] }],
  },
  {
    name: 'SG rules listed under "task SG egress (sg-…):" leave out the S3 prefix list for ECR layers',
    input: `ecr interface endpoints and an s3 gateway endpoint (vpce-0f1e2d3c4b5a69788, associated with rtb-0123abcd4567ef890 which the task subnets use), no NAT, eu-west-1. image pulls time out since the SG hardening.
task SG egress (sg-0abcdef0123456789):
- tcp 443 -> sg-0fedcba9876543210   (the interface endpoints)
CannotPullContainerError: failed to do request: Get "https://prod-eu-west-1-starport-layer-bucket.s3.eu-west-1.amazonaws.com/x": dial tcp 52.218.0.10:443: i/o timeout`,
    expect: [{ code: 'ECR_LAYER_DOWNLOAD_NO_S3_PATH', evidence: ['task SG egress', '- tcp 443'] }],
    forbid: ['NO_INTERNET_ROUTE'],
  },
  {
    name: '"api tasks: sg-x", "worker tasks: sg-y": the new service carries a group the DB does not name',
    input: `the new billing-worker service can't connect to mysql, the web service in the same subnets can.
db sg (sg-0d00d00d00d00d00d) allows 3306 from sg-web (sg-0e00e00e00e00e00e)
web tasks: sg-web
worker tasks: sg-worker (sg-0f00f00f00f00f00f), egress all
nacls default`,
    expect: [{ code: 'SG_INBOUND_SOURCE_MISMATCH' }],
    forbid: ['SG_INBOUND_BLOCKS', 'SG_OUTBOUND_BLOCKS'],
  },
  {
    name: 'the failing nodes are outside the CIDR an SG listing allows',
    input: `some of our fluentd nodes can't write to elastic (10.50.6.6:9200)
elastic node SG (sg-0123412341234abcd) inbound:
tcp 9200 from 10.50.0.0/22
nacl default. the failing fluentd nodes are 10.50.12.7 and 10.50.12.8`,
    expect: [{ code: 'SG_INBOUND_SOURCE_MISMATCH', evidence: ['tcp 9200 from 10.50.0.0/22'] }],
    forbid: ['SG_INBOUND_BLOCKS'],
  },
  {
    name: 'SG egress printed with --query is read as the client group',
    input: `billing (10.12.3.4) can't reach the ledger db (10.12.40.9:5432). default nacls.
$ aws ec2 describe-security-groups --group-ids sg-0aa11bb22cc33dd44 --query 'SecurityGroups[0].IpPermissionsEgress'
[
    {
        "FromPort": 443,
        "IpProtocol": "tcp",
        "IpRanges": [{ "CidrIp": "0.0.0.0/0" }],
        "ToPort": 443
    }
]`,
    expect: [{ code: 'SG_OUTBOUND_BLOCKS' }],
    forbid: ['NETWORK_PATH_OK'],
  },
  {
    name: 'an endpoint policy that keys on the organisation blocks the AWS-owned ECR layer bucket',
    input: `ecs pulls fail after we put a perimeter policy on the s3 gateway endpoint vpce-0b1b2b3b4b5b6b7b8
CannotPullContainerError: failed open: unexpected status code https://prod-us-west-2-starport-layer-bucket.s3.us-west-2.amazonaws.com/abc: 403 Forbidden
endpoint policy now:
{
  "Statement": [
    { "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*",
      "Condition": { "StringEquals": { "aws:ResourceAccount": ["111122223333"] } } }
  ]
}`,
    expect: [{ code: 'ENDPOINT_POLICY_DENIES' }],
    forbid: ['ECR_LAYER_DOWNLOAD_NO_S3_PATH'],
  },
  {
    name: 'one bucket-policy statement pasted alone, keyed on the office IP, behind an S3 interface endpoint',
    input: `uploads from the office now go over VPN to the s3 interface endpoint vpce-0c1c2c3c4c5c6c7c8 and get AccessDenied (403)
the bucket policy only has this statement:
{
  "Effect": "Allow",
  "Principal": "*",
  "Action": "s3:PutObject",
  "Resource": "arn:aws:s3:::scans-inbox/*",
  "Condition": { "IpAddress": { "aws:SourceIp": "198.51.100.0/24" } }
}`,
    expect: [{ code: 'BUCKET_POLICY_SOURCEIP_VIA_VPCE' }],
    forbid: ['GATEWAY_ENDPOINT_NOT_EXTENDABLE', 'GATEWAY_ENDPOINT_UNSUPPORTED_SERVICE'],
  },
  {
    name: '"the db needs to push to <ip>" with an isolated table and no route to the other VPC',
    input: `ops vpc 10.40.0.0/16 and backup vpc 10.41.0.0/16 are both attached to tgw-0a1a2a3a4a5a6a7a8, the tgw route table has both (propagated)
rtb-ops-db (db subnets): 10.40.0.0/16 local
the db needs to copy its snapshot to the backup host 10.41.2.2:22 and it times out`,
    expect: [{ code: 'NO_ROUTE_TO_DESTINATION', evidence: ['rtb-ops-db'] }],
  },
];

/** "Anything I missed?": nothing reported broken, the setup to review. */
export const REVIEW_CASES: TextCase[] = [
  {
    name: 'a DynamoDB gateway endpoint on both worker tables takes the traffic off the NAT',
    input: `quick review before I close the cost ticket. eu-central-1
- app-a -> rtb-0aaa1111bbbb2222c, app-b -> rtb-0ddd3333eeee4444f; both have 10.5.0.0/16 local, 0.0.0.0/0 -> nat-0a0b0c0d0e0f01234 and pl-66a5400f -> vpce-0e0e1e1e2e2e3e3e4
- vpce-0e0e1e1e2e2e3e3e4 = com.amazonaws.eu-central-1.dynamodb, Gateway, route tables rtb-0aaa1111bbbb2222c + rtb-0ddd3333eeee4444f
anything I missed?`,
    expect: [{ code: 'NETWORK_PATH_OK', severity: 'info' }],
    forbid: ['AWS_SERVICE_VIA_NAT', 'GATEWAY_ENDPOINT_ROUTE_TABLE_NOT_ASSOCIATED', 'NO_INTERNET_ROUTE'],
  },
  {
    name: 'an SG needs no inbound ephemeral rule for replies: groups are stateful',
    input: `audit says our api SG (sg-0a9a8a7a6a5a4a3a2) must allow 1024-65535 inbound or the postgres replies will be dropped. is that true?
api SG: inbound 443 from sg-lb, outbound all
postgres SG (sg-0b9b8b7b6b5b4b3b2): inbound 5432 from sg-0a9a8a7a6a5a4a3a2
NACLs: default`,
    expect: [{ code: 'NETWORK_PATH_OK', severity: 'info' }],
    forbid: ['SG_INBOUND_BLOCKS', 'NACL_INBOUND_BLOCKS_RESPONSE'],
  },
  {
    name: 'a Lambda behind a NAT gateway needs no public IP',
    input: `review please: lambda \`thumbnailer\` needs to call a third-party api on the internet
- lambda subnets fn-a (subnet-0aa0aa0aa0aa0aa0a), fn-b (subnet-0bb0bb0bb0bb0bb0b), sg-0cc0cc0cc0cc0cc0c egress all
- fn-a/b route table rtb-0dd0dd0dd0dd0dd0d: 10.3.0.0/16 local, 0.0.0.0/0 -> nat-0ee0ee0ee0ee0ee0e
- nat-0ee0ee0ee0ee0ee0e in pub-a (subnet-0ff0ff0ff0ff0ff0f), state available
- pub-a route table: 10.3.0.0/16 local, 0.0.0.0/0 -> igw-0ab0ab0ab0ab0ab0a
- a colleague said "lambdas have no public ip so this won't work" - true?`,
    expect: [{ code: 'NETWORK_PATH_OK', severity: 'info' }],
    forbid: ['LAMBDA_ENI_NO_PUBLIC_IP', 'PUBLIC_IP_MISSING', 'NO_INTERNET_ROUTE'],
  },
  {
    name: 'a NACL whose egress allows 1024-65535 serves Windows clients too',
    input: `will the new windows laptops work with our wiki subnet NACL? mac and linux are fine
$ aws ec2 describe-network-acls --network-acl-ids acl-0a1b1c1d1e1f10111 --query 'NetworkAcls[0].Entries'
[
  { "CidrBlock": "172.16.0.0/12", "Egress": false, "PortRange": { "From": 443, "To": 443 }, "Protocol": "6", "RuleAction": "allow", "RuleNumber": 100 },
  { "CidrBlock": "0.0.0.0/0", "Egress": false, "Protocol": "-1", "RuleAction": "deny", "RuleNumber": 32767 },
  { "CidrBlock": "172.16.0.0/12", "Egress": true, "PortRange": { "From": 1024, "To": 65535 }, "Protocol": "6", "RuleAction": "allow", "RuleNumber": 100 },
  { "CidrBlock": "0.0.0.0/0", "Egress": true, "Protocol": "-1", "RuleAction": "deny", "RuleNumber": 32767 }
]`,
    expect: [{ code: 'NETWORK_PATH_OK', severity: 'info' }],
    forbid: ['NACL_EPHEMERAL_RANGE_TOO_NARROW', 'NACL_OUTBOUND_BLOCKS_RESPONSE'],
  },
];
