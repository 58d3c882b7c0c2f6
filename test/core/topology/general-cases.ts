import type { TextCase } from './english-cases.js';

/**
 * A generalisation check: messages written the way people post in Slack and Discord (study servers,
 * on-call channels), across every topology code, before the readers were reworked for them. None of
 * them is a rewording of an eval case; they exist to catch readers that only know the phrasings they
 * were fitted to.
 */
export const GENERAL_PEERING: TextCase[] = [
  {
    name: 'hub peered with two spokes, one spoke routing the other spoke through the hub peering',
    input: `we have 3 vpcs: shared (10.100.0.0/16), dev (10.101.0.0/16), prod (10.102.0.0/16)
shared is peered with dev (pcx-0d1e2f3a4b5c6d7e8) and with prod (pcx-09a8b7c6d5e4f3a21)
added a route in dev's route table 10.102.0.0/16 -> pcx-0d1e2f3a4b5c6d7e8 but ssh from dev boxes to prod still hangs`,
    expect: [{ code: 'TRANSITIVE_PEERING_UNSUPPORTED' }],
    forbid: ['NETWORK_PATH_OK'],
  },
  {
    name: 'a chain written with single-letter names and Slack-escaped arrows',
    input: `a &lt;-&gt; b &lt;-&gt; c, all peered. a = 10.1.0.0/16, b = 10.2.0.0/16, c = 10.3.0.0/16
why cant a ping c?? b can reach both`,
    expect: [{ code: 'TRANSITIVE_PEERING_UNSUPPORTED' }],
  },
  {
    name: 'an EKS pod range that overlaps the monitoring VPC makes the peering fail',
    input: `peering from our eks vpc to the monitoring vpc keeps ending up in Failed.
eks vpc: 10.0.0.0/16 plus secondary 100.64.0.0/16 for pods
monitoring vpc: 100.64.8.0/21
no idea why, the primary cidrs dont overlap`,
    expect: [{ code: 'PEERING_CIDR_OVERLAP' }],
  },
  {
    name: 'a peering request pending for two weeks has expired',
    input: `Hey all - peering pcx-0f3a9c2e71d4b5a68 between our account and the vendor's still shows "Pending Acceptance", we sent it on Nov 10.
our route 172.20.0.0/16 -> pcx-0f3a9c2e71d4b5a68 is already in the private rtb. traffic doesn't flow`,
    expect: [{ code: 'PEERING_NOT_ACTIVE' }],
  },
  {
    name: 'no route to the peer in the source table, from describe-route-tables',
    input: `peering is active (pcx-0a2b4c6d8e0f1a3b5 between web 10.5.0.0/16 and reports 10.6.0.0/16), reports side has the route back. web still times out to 10.6.3.14:443

$ aws ec2 describe-route-tables --route-table-ids rtb-0c1d2e3f4a5b6c7d8
{
    "RouteTables": [
        {
            "Associations": [
                {
                    "Main": false,
                    "RouteTableAssociationId": "rtbassoc-0aa1bb2cc3dd4ee5f",
                    "RouteTableId": "rtb-0c1d2e3f4a5b6c7d8",
                    "SubnetId": "subnet-0e1f2a3b4c5d6e7f8"
                }
            ],
            "RouteTableId": "rtb-0c1d2e3f4a5b6c7d8",
            "Routes": [
                {
                    "DestinationCidrBlock": "10.5.0.0/16",
                    "GatewayId": "local",
                    "Origin": "CreateRouteTable",
                    "State": "active"
                },
                {
                    "DestinationCidrBlock": "0.0.0.0/0",
                    "NatGatewayId": "nat-0f1e2d3c4b5a69788",
                    "Origin": "CreateRoute",
                    "State": "active"
                }
            ],
            "VpcId": "vpc-0a1b2c3d4e5f6a7b8"
        }
    ]
}
the web box is 10.5.1.20 in subnet-0e1f2a3b4c5d6e7f8`,
    expect: [{ code: 'PEERING_ROUTE_MISSING' }],
  },
  {
    name: 'the return route is missing on the accepter side, said in prose',
    input: `billing vpc (10.20.0.0/16) <-> ledger vpc (10.21.0.0/16), pcx-0b3c5d7e9f1a2b4c6, active.
billing-private rtb: 10.21.0.0/16 -> pcx-0b3c5d7e9f1a2b4c6
ledger-app rtb only has 10.21.0.0/16 local and 0.0.0.0/0 -> nat-0c2d4e6f8a0b1c3d5
billing worker 10.20.4.8 -> ledger api 10.21.9.30:8443 = timeout`,
    expect: [{ code: 'PEERING_RETURN_ROUTE_MISSING' }],
    forbid: ['PEERING_ROUTE_MISSING'],
  },
  {
    name: 'a spoke sends its default route into a peering to borrow the egress VPC NAT',
    input: `to save money we removed the NAT from the sandbox vpc (10.90.0.0/16) and pointed its 0.0.0.0/0 at the peering to the egress vpc (pcx-0e4f6a8b0c2d4e6f8), egress vpc has a NAT gw + IGW. now sandbox has no internet at all`,
    expect: [{ code: 'PEERING_EDGE_TO_EDGE_UNSUPPORTED' }],
  },
  {
    name: 'an SG in Frankfurt that names an SG in Oregon across the peering',
    input: `inter-region peering between us-west-2 (vpc-0a9b8c7d6e5f4a3b2, 10.44.0.0/16) and eu-central-1 (vpc-0b8c7d6e5f4a3b2c1, 10.45.0.0/16), pcx-0c7d6e5f4a3b2c1d0 active, routes both ways.
frankfurt redis SG inbound: tcp 6379 from sg-0d6e5f4a3b2c1d0e9 (that's the app SG in oregon)
app in oregon gets timeouts to redis 10.45.2.10:6379`,
    expect: [{ code: 'SG_REFERENCE_CROSS_REGION_UNSUPPORTED' }],
  },
  {
    name: 'nslookup NXDOMAIN for a private zone associated only with the shared VPC',
    input: `new analytics vpc vpc-0aa9bb8cc7dd6ee5f can't resolve names in our private zone corp.internal (it's associated with vpc-shared only)
sh-4.2$ nslookup grafana.corp.internal
Server:		10.70.0.2
Address:	10.70.0.2#53

** server can't find grafana.corp.internal: NXDOMAIN`,
    expect: [{ code: 'PHZ_NOT_ASSOCIATED_WITH_VPC' }],
  },
];

export const GENERAL_ENDPOINTS: TextCase[] = [
  {
    name: 'terraform asking for a Gateway endpoint for SQS',
    input: `terraform apply blows up on this:
resource "aws_vpc_endpoint" "sqs" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.us-east-1.sqs"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.private.id]
}
Error: creating EC2 VPC Endpoint: InvalidParameter: Endpoint type (Gateway) does not match available service types ([Interface])`,
    expect: [{ code: 'GATEWAY_ENDPOINT_UNSUPPORTED_SERVICE' }],
  },
  {
    name: 'the S3 gateway endpoint only on the public table while the private table has no NAT',
    input: `private db subnets can't reach s3 for backups (aws s3 cp hangs), no NAT on purpose.
s3 gateway endpoint vpce-0a1a2b2b3c3c4d4d5 route tables: rtb-0f0e0d0c0b0a09080 (public)
db subnets use rtb-0123456789abcdef0 -> only 10.12.0.0/16 local`,
    expect: [{ code: 'GATEWAY_ENDPOINT_ROUTE_TABLE_NOT_ASSOCIATED' }],
  },
  {
    name: 'a peered VPC trying to use our S3 gateway endpoint',
    input: `team B's vpc (10.31.0.0/16) is peered with ours (10.30.0.0/16). we have an s3 gateway endpoint in our vpc and they want to use it instead of their NAT. they added pl-63a5400a -> pcx-0ab1cd2ef3ab4cd5e in their route table and uploads now time out`,
    expect: [{ code: 'GATEWAY_ENDPOINT_NOT_EXTENDABLE' }],
  },
  {
    name: 'a bucket in another Region through the local S3 gateway endpoint',
    input: `ec2 in eu-central-1 private subnet (no nat, s3 gateway endpoint attached to its route table) -> aws s3 cp s3://logs-archive-ireland/x . just hangs. that bucket is in eu-west-1. buckets in frankfurt work fine`,
    expect: [{ code: 'GATEWAY_ENDPOINT_CROSS_REGION' }],
  },
  {
    name: 'the interface endpoint SG allows only the bastion group',
    input: `ECS tasks (sg-0a0b0c0d0e0f01234) time out on logs.us-east-2.amazonaws.com:443 since we killed the NAT.
logs interface endpoint vpce-0b1c2d3e4f5a6b7c8, private dns enabled, SG sg-0c1d2e3f4a5b6c7d9
sg-0c1d2e3f4a5b6c7d9 inbound: 443 from sg-0d2e3f4a5b6c7d8e0 (bastion) only
dig shows logs.us-east-2.amazonaws.com -> 10.3.1.55, 10.3.2.19 so dns is fine`,
    expect: [{ code: 'ENDPOINT_SG_BLOCKS_CLIENTS' }],
  },
  {
    name: 'an STS interface endpoint with private DNS disabled resolves to public addresses',
    input: `created an sts interface endpoint (vpce-0e1d2c3b4a5f6e7d8) in our private subnets, Private DNS names: disabled. no NAT.
aws sts get-caller-identity hangs and then "Connect timeout on endpoint URL: https://sts.us-east-1.amazonaws.com/"
dig sts.us-east-1.amazonaws.com +short -> 209.54.177.164`,
    expect: [{ code: 'INTERFACE_ENDPOINT_PRIVATE_DNS_OFF' }],
  },
  {
    name: 'an S3 endpoint policy that lists one bucket and a 403 on another',
    input: `getting AccessDenied (403) when uploading to s3://team-b-exports from the private subnet. IAM role has s3:* on everything.
the s3 gateway endpoint vpce-0f1e2d3c4b5a6f7e8 has this policy:
{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::team-a-data","arn:aws:s3:::team-a-data/*"]}]}`,
    expect: [{ code: 'ENDPOINT_POLICY_DENIES' }],
  },
  {
    name: 'a bucket policy keyed on the NAT EIP breaks once the gateway endpoint carries the traffic',
    input: `yesterday we added an S3 gateway endpoint to the private route tables, today the nightly export gets 403 access denied on the partner bucket.
their bucket policy only allows us via aws:SourceIp 198.51.100.23/32 (our NAT gateway EIP)`,
    expect: [{ code: 'BUCKET_POLICY_SOURCEIP_VIA_VPCE' }],
  },
  {
    name: 'ECR interface endpoints but no S3 path for the image layers',
    input: `fargate in private subnets, no NAT. endpoints: ecr.api, ecr.dkr, logs (all interface, private dns on, sg allows 443 from the vpc cidr)
tasks fail with:
CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to copy: httpReadSeeker: failed open: failed to do request: Get "https://prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com/...": dial tcp 52.217.140.9:443: i/o timeout`,
    expect: [{ code: 'ECR_LAYER_DOWNLOAD_NO_S3_PATH' }],
  },
  {
    name: 'S3 pulled through the NAT gateway all day, no endpoint',
    input: `nat gateway costs are crazy this month. the private subnets route 0.0.0.0/0 to nat-0a9b8c7d6e5f4a3b2 and our glue/athena-ish jobs read tons of data from s3 in the same region. we have zero vpc endpoints`,
    expect: [{ code: 'AWS_SERVICE_VIA_NAT', severity: 'warning' }],
  },
];

export const GENERAL_ROUTING: TextCase[] = [
  {
    name: 'no route to the on-prem range in the app table',
    input: `app subnets can't reach the on-prem ldap 192.168.40.10:636. vpn is up (vgw-0a1b2c3d4e5f6a7b8, both tunnels UP).
app route table: 10.8.0.0/16 local, 0.0.0.0/0 igw-0b2c3d4e5f6a7b8c9. route propagation is off`,
    expect: [{ code: 'NO_ROUTE_TO_DESTINATION' }],
  },
  {
    name: 'a console route table copy with a blackholed NAT route',
    input: `private subnet lost internet overnight, route table rtb-0d3e4f5a6b7c8d9e0:
Destination	Target	Status	Propagated
10.16.0.0/16	local	Active	No
0.0.0.0/0	nat-0e4f5a6b7c8d9e0f1	Blackhole	No`,
    expect: [{ code: 'ROUTE_BLACKHOLE' }],
  },
  {
    name: 'a private subnet with only local routes and no NAT',
    input: `yum update hangs on the new box in the private subnet. its route table just has the local route (10.40.0.0/16), we never made a nat gateway. no vpc endpoints either`,
    expect: [{ code: 'NO_INTERNET_ROUTE' }],
  },
  {
    name: 'SSM agent never registers from a subnet with only the local route',
    input: `instances in subnet-0f1a2b3c4d5e6f7a8 don't appear in fleet manager. role is fine. region eu-west-2
route table for that subnet: Destination 10.9.0.0/16 -> local, nothing else. no endpoints created`,
    expect: [{ code: 'NO_INTERNET_ROUTE' }],
  },
  {
    name: 'a NAT gateway whose subnet routes the default route to the NAT itself',
    input: `nat-0a2b4c6d8e0f1a2b3 is Available, has an EIP, but private boxes have no internet.
the nat is in subnet-0b3c5d7e9f1a2b3c4 (private-1a). private-1a's rtb: 10.2.0.0/16 local, 0.0.0.0/0 -> nat-0a2b4c6d8e0f1a2b3
public-1a rtb: 10.2.0.0/16 local, 0.0.0.0/0 -> igw-0c4d6e8f0a2b3c4d5`,
    expect: [{ code: 'NAT_GATEWAY_IN_PRIVATE_SUBNET' }],
  },
  {
    name: 'an instance in a public subnet launched without a public IP',
    input: `launched i-0a1b2c3d4e5f6a7b8 in public-subnet-b (rtb has 0.0.0.0/0 -> igw-0d1e2f3a4b5c6d7e8), auto-assign public ip was disabled. no EIP. curl google.com times out from it, SG outbound all`,
    expect: [{ code: 'PUBLIC_IP_MISSING' }],
  },
  {
    name: 'a VPC Lambda in public subnets calling a third-party API',
    input: `Our lambda is attached to the VPC so it can reach RDS, we put it in the public subnets (they route 0.0.0.0/0 to the igw). Now calls to api.stripe.com time out. RDS works.`,
    expect: [{ code: 'LAMBDA_ENI_NO_PUBLIC_IP' }],
  },
  {
    name: 'no route back through the transit gateway from the destination VPC',
    input: `shared-svcs vpc 10.0.0.0/16 and payments vpc 10.7.0.0/16 both attached to tgw-0e1f2a3b4c5d6e7f8, tgw route table has both cidrs (propagation).
shared-svcs rtb: 10.0.0.0/16 local, 10.7.0.0/16 -> tgw-0e1f2a3b4c5d6e7f8
payments rtb: 10.7.0.0/16 local, 0.0.0.0/0 -> nat-0f1a2b3c4d5e6f7a8
from a shared box: nc -vz 10.7.3.3 443 -> timed out`,
    expect: [{ code: 'TGW_RETURN_ROUTE_MISSING' }],
  },
  {
    name: 'an instance in an AZ without an attachment subnet, from describe-transit-gateway-vpc-attachments',
    input: `instances in us-east-1c can't reach anything over the tgw, 1a and 1b are fine. instance 10.50.40.7 in subnet-0c9d8e7f6a5b4c3d2 (us-east-1c)
$ aws ec2 describe-transit-gateway-vpc-attachments
{
    "TransitGatewayVpcAttachments": [
        {
            "TransitGatewayAttachmentId": "tgw-attach-0a9b8c7d6e5f4a3b2",
            "TransitGatewayId": "tgw-0b8c7d6e5f4a3b2c1",
            "VpcId": "vpc-0c7d6e5f4a3b2c1d0",
            "VpcOwnerId": "123456789012",
            "State": "available",
            "SubnetIds": [
                "subnet-0d6e5f4a3b2c1d0e9",
                "subnet-0e5f4a3b2c1d0e9f8"
            ]
        }
    ]
}
subnet-0d6e5f4a3b2c1d0e9 is us-east-1a, subnet-0e5f4a3b2c1d0e9f8 is us-east-1b`,
    expect: [{ code: 'TGW_ATTACHMENT_MISSING_AZ' }],
  },
  {
    name: 'the TGW route table of the dev attachment has no route to prod',
    input: `dev (10.10.0.0/16) -> prod (10.20.0.0/16) over tgw-0a1b2c3d4e5f6a7b9 times out.
dev vpc rtb has 10.20.0.0/16 -> tgw-0a1b2c3d4e5f6a7b9, prod vpc rtb has 10.10.0.0/16 -> tgw-0a1b2c3d4e5f6a7b9
dev attachment tgw-attach-0b1c2d3e4f5a6b7c8 is associated with tgw-rtb-0c1d2e3f4a5b6c7d8, which only has:
10.0.0.0/16 -> tgw-attach-0d1e2f3a4b5c6d7e8 (shared)
10.10.0.0/16 -> tgw-attach-0b1c2d3e4f5a6b7c8 (dev)`,
    expect: [{ code: 'TGW_ROUTE_MISSING' }],
  },
  {
    name: 'large transfers hang over the VPN while small requests work',
    input: `weird one: from on-prem over the site-to-site vpn, ssh to 10.4.2.9 works, small curl works, but scp of anything over a few MB just stalls at 0%. same for a big git clone. smaller files fine`,
    expect: [{ code: 'MTU_PMTUD_BLACKHOLE', severity: 'warning' }],
  },
];

export const GENERAL_FILTERS: TextCase[] = [
  {
    name: 'the redis SG only opens SSH',
    input: `app servers (10.1.1.0/24) get connection timed out to redis at 10.1.5.20:6379
redis instance sg-0b1a2c3d4e5f6a7b8 inbound rules:
  ssh 22 from 10.1.0.0/16
that's the only rule. outbound all`,
    expect: [{ code: 'SG_INBOUND_BLOCKS' }],
  },
  {
    name: 'the db SG still names the old app SG after a redeploy',
    input: `after redeploying the app stack it has a new SG sg-0f9e8d7c6b5a4f3e2 and can't reach postgres anymore (timeout on 5432)
db sg rules: inbound postgres 5432 from sg-0a9b8c7d6e5f4a3b3 (old app sg, deleted?)`,
    expect: [{ code: 'SG_INBOUND_SOURCE_MISMATCH' }],
  },
  {
    name: 'the worker SG egress was locked down to 443',
    input: `security hardening: we changed the worker SG egress to only allow 443 to 0.0.0.0/0. since then workers cant reach the db on 10.2.8.40:5432 (timeout). db sg allows 5432 from the worker sg.`,
    expect: [{ code: 'SG_OUTBOUND_BLOCKS' }],
  },
  {
    name: 'a NACL deny entry before the allow, typed as a table',
    input: `db subnet nacl inbound:
Rule #  Type        Protocol  Port Range  Source          Allow/Deny
50      All traffic All       All         10.3.8.0/21     DENY
100     PostgreSQL  TCP       5432        10.3.0.0/16     ALLOW
*       All traffic All       All         0.0.0.0/0       DENY
the etl box 10.3.9.14 can't reach the db 10.3.20.5:5432, everything else can`,
    expect: [{ code: 'NACL_INBOUND_BLOCKS_REQUEST' }],
  },
  {
    name: 'the client subnet NACL outbound has no rule for the request port',
    input: `nacl on the app subnets (acl-0a1b2c3d4e5f6a7b8):
inbound: 100 allow tcp 1024-65535 0.0.0.0/0
outbound: 100 allow tcp 443 0.0.0.0/0, 110 allow tcp 80 0.0.0.0/0
app 10.6.1.10 can't reach mysql at 10.6.20.5:3306 in the data subnets (their nacl is default)`,
    expect: [{ code: 'NACL_OUTBOUND_BLOCKS_REQUEST' }],
  },
  {
    name: 'the server subnet NACL outbound allows only 443, so replies to ephemeral ports die',
    input: `web subnet NACL (acl-0c2d3e4f5a6b7c8d9)
- inbound: 100 allow tcp 443 from 0.0.0.0/0
- outbound: 100 allow tcp 443 to 0.0.0.0/0, * deny
users on the internet can't load https://shop.example.com (timeout), the instance 10.7.0.12 sees the SYN in tcpdump`,
    expect: [{ code: 'NACL_OUTBOUND_BLOCKS_RESPONSE' }],
  },
  {
    name: 'the client subnet NACL inbound only lets SSH in, so DB replies never come back',
    input: `batch subnet nacl: inbound 100 allow tcp 22 10.0.0.0/8 then * deny. outbound 100 allow all 0.0.0.0/0.
batch jobs (10.11.2.0/24) connecting out to postgres 10.11.30.4:5432 just hang. the db side nacl and sg are fine`,
    expect: [{ code: 'NACL_INBOUND_BLOCKS_RESPONSE' }],
    // the NACL shown is the batch (client) subnet's: it does not filter the request entering the db subnet
    forbid: ['NACL_INBOUND_BLOCKS_REQUEST'],
  },
  {
    name: 'a deny after an allow-all never matches',
    input: `trying to block a scanner (203.0.113.77) at the NACL but it still hits us:
rule 100 ALLOW all traffic 0.0.0.0/0
rule 200 DENY all traffic 203.0.113.77/32
* DENY`,
    expect: [{ code: 'NACL_RULE_ORDER_SHADOWED' }],
  },
];

export const GENERAL_OK: TextCase[] = [
  {
    name: 'a peering with routes both ways and CIDR rules is fine',
    input: `sanity check before go-live: vpc-app 10.60.0.0/16 and vpc-db 10.61.0.0/16 peered, pcx-0d9e8f7a6b5c4d3e2 active, same region.
app rtb: 10.61.0.0/16 -> pcx-0d9e8f7a6b5c4d3e2. db rtb: 10.60.0.0/16 -> pcx-0d9e8f7a6b5c4d3e2
db sg: 5432 from 10.60.0.0/16. nacls default. app 10.60.1.5 -> db 10.61.1.9:5432 works fine actually, just want a second pair of eyes`,
    expect: [],
    forbid: [
      'PEERING_ROUTE_MISSING',
      'PEERING_RETURN_ROUTE_MISSING',
      'TRANSITIVE_PEERING_UNSUPPORTED',
      'SG_INBOUND_BLOCKS',
      'NACL_INBOUND_BLOCKS_REQUEST',
    ],
  },
  {
    name: 'a private subnet with an S3 gateway endpoint on its table',
    input: `no NAT in this vpc on purpose. private rtb rtb-0e1d2c3b4a5f6e7d9: 10.14.0.0/16 local, pl-63a5400a -> vpce-0f1e2d3c4b5a6f7e9 (s3 gateway endpoint, full access policy). instances sync to s3 in the same region fine. is this ok?`,
    expect: [],
    forbid: ['NO_INTERNET_ROUTE', 'GATEWAY_ENDPOINT_ROUTE_TABLE_NOT_ASSOCIATED', 'AWS_SERVICE_VIA_NAT'],
  },
  {
    name: 'connection refused from the db is not a network block',
    input: `app 10.2.1.5 -> 10.2.9.9:5432 gives "connection refused" immediately. db sg allows 5432 from the app sg, same vpc`,
    expect: [],
    forbid: ['SG_INBOUND_BLOCKS', 'NACL_INBOUND_BLOCKS_REQUEST', 'NO_ROUTE_TO_DESTINATION'],
  },
  {
    name: 'the NAT in a public subnet with private instances behind it',
    input: `nat-0b2c3d4e5f6a7b8c9 sits in public-a (rtb: 0.0.0.0/0 -> igw-0c3d4e5f6a7b8c9d0), private-a rtb 0.0.0.0/0 -> nat-0b2c3d4e5f6a7b8c9. private instances have no public ips. is that right? updates work`,
    expect: [],
    forbid: ['NAT_GATEWAY_IN_PRIVATE_SUBNET', 'PUBLIC_IP_MISSING', 'NO_INTERNET_ROUTE'],
  },
];

export const GENERAL_ASK: TextCase[] = [
  {
    name: 'a bare timeout between two names',
    input: `help, the api can't talk to the db since this morning. timeouts. nothing changed on our side (famous last words)`,
    expect: [{ code: 'NEED_MORE_INFO', severity: 'info' }],
    forbid: ['NETWORK_PATH_OK', 'SG_INBOUND_BLOCKS'],
  },
  {
    name: 'a Lambda timing out on DynamoDB with nothing else said',
    input: `my lambda in a vpc times out calling dynamodb. what do I check?`,
    expect: [{ code: 'NEED_MORE_INFO', severity: 'info' }],
    forbid: ['NO_INTERNET_ROUTE', 'LAMBDA_ENI_NO_PUBLIC_IP'],
  },
];

/** Config pasted in shapes the readers had not seen: --query projections, text output, partial JSON, YAML. */
export const GENERAL_PASTES: TextCase[] = [
  {
    name: 'describe-security-groups --output text with no rule for the port',
    input: `grafana (10.30.4.4) can't scrape node_exporter on 10.30.8.21:9100, times out
$ aws ec2 describe-security-groups --group-ids sg-0a7b6c5d4e3f2a1b0 --output text
SECURITYGROUPS	node boxes	sg-0a7b6c5d4e3f2a1b0	nodes	111122223333	vpc-0b6c5d4e3f2a1b0c9
IPPERMISSIONS	22	tcp	22
IPRANGES	10.30.0.0/16
IPPERMISSIONSEGRESS	-1
IPRANGES	0.0.0.0/0
10.30.8.21 has only that sg`,
    expect: [{ code: 'SG_INBOUND_BLOCKS' }],
  },
  {
    name: 'a --query projection of NACL entries with the deny before the allow',
    input: `$ aws ec2 describe-network-acls --network-acl-ids acl-0f1e2d3c4b5a69788 --query 'NetworkAcls[0].Entries[?Egress==\`false\`]'
[
    {
        "CidrBlock": "0.0.0.0/0",
        "Egress": false,
        "Protocol": "-1",
        "RuleAction": "allow",
        "RuleNumber": 100
    },
    {
        "CidrBlock": "198.51.100.0/24",
        "Egress": false,
        "Protocol": "-1",
        "RuleAction": "deny",
        "RuleNumber": 120
    },
    {
        "CidrBlock": "0.0.0.0/0",
        "Egress": false,
        "Protocol": "-1",
        "RuleAction": "deny",
        "RuleNumber": 32767
    }
]
the deny for 198.51.100.0/24 was meant to block a partner range that is misbehaving, they still get through`,
    expect: [{ code: 'NACL_RULE_ORDER_SHADOWED' }],
  },
  {
    name: 'describe-vpc-endpoints for a gateway endpoint not on the private table',
    input: `private subnet subnet-0a1b2c3d4e5f6a7b0 (rtb-0b1c2d3e4f5a6b7c9, only local route) -> s3 get-object hangs
{
    "VpcEndpoints": [
        {
            "VpcEndpointId": "vpce-0c1d2e3f4a5b6c7d0",
            "VpcEndpointType": "Gateway",
            "VpcId": "vpc-0d1e2f3a4b5c6d7e0",
            "ServiceName": "com.amazonaws.ap-south-1.s3",
            "State": "available",
            "PolicyDocument": "{\\"Version\\":\\"2008-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"*\\",\\"Resource\\":\\"*\\"}]}",
            "RouteTableIds": [
                "rtb-0e1f2a3b4c5d6e7f0"
            ],
            "SubnetIds": [],
            "Groups": [],
            "PrivateDnsEnabled": false,
            "RequesterManaged": false,
            "NetworkInterfaceIds": [],
            "DnsEntries": [],
            "CreationTimestamp": "2026-03-02T10:11:12.000Z",
            "OwnerId": "111122223333"
        }
    ]
}`,
    expect: [{ code: 'GATEWAY_ENDPOINT_ROUTE_TABLE_NOT_ASSOCIATED' }],
  },
  {
    name: 'describe-instances with no public address in a subnet routed to the IGW',
    input: `box can't reach the internet, subnet-0f0e0d0c0b0a09081 routes 0.0.0.0/0 to igw-0a0b0c0d0e0f10203
$ aws ec2 describe-instances --instance-ids i-0123456789abcdef1 --query 'Reservations[].Instances[].{id:InstanceId,priv:PrivateIpAddress,pub:PublicIpAddress,subnet:SubnetId}'
[
    {
        "id": "i-0123456789abcdef1",
        "priv": "10.0.0.45",
        "pub": null,
        "subnet": "subnet-0f0e0d0c0b0a09081"
    }
]`,
    expect: [{ code: 'PUBLIC_IP_MISSING' }],
  },
  {
    name: 'a YAML topology with a missing return route',
    input: `here's our setup in yaml:
vpcs:
  - name: a
    cidr: 10.1.0.0/16
    routeTables:
      - id: rtb-0a1a1a1a1a1a1a1a1
        routes: ["10.2.0.0/16 -> pcx-0c3c3c3c3c3c3c3c3"]
    hosts:
      - { name: client, ip: 10.1.0.10 }
  - name: b
    cidr: 10.2.0.0/16
    routeTables:
      - id: rtb-0b2b2b2b2b2b2b2b2
        routes: ["0.0.0.0/0 -> igw-0d4d4d4d4d4d4d4d4"]
    hosts:
      - { name: server, ip: 10.2.0.20 }
peerings:
  - { id: pcx-0c3c3c3c3c3c3c3c3, between: [a, b], status: active }
path: { from: client, to: server, port: 443 }`,
    expect: [{ code: 'PEERING_RETURN_ROUTE_MISSING' }],
  },
  {
    name: 'describe-subnets and describe-route-tables showing the main table without a NAT route',
    input: `new subnet subnet-0aa0aa0aa0aa0aa01 has no internet, the others do
$ aws ec2 describe-route-tables --filters Name=vpc-id,Values=vpc-0bb0bb0bb0bb0bb02
{
    "RouteTables": [
        {
            "Associations": [
                { "Main": true, "RouteTableAssociationId": "rtbassoc-0cc0cc0cc0cc0cc03", "RouteTableId": "rtb-0dd0dd0dd0dd0dd04" }
            ],
            "RouteTableId": "rtb-0dd0dd0dd0dd0dd04",
            "Routes": [
                { "DestinationCidrBlock": "10.77.0.0/16", "GatewayId": "local", "State": "active" }
            ],
            "VpcId": "vpc-0bb0bb0bb0bb0bb02"
        },
        {
            "Associations": [
                { "Main": false, "RouteTableId": "rtb-0ee0ee0ee0ee0ee05", "SubnetId": "subnet-0ff0ff0ff0ff0ff06" }
            ],
            "RouteTableId": "rtb-0ee0ee0ee0ee0ee05",
            "Routes": [
                { "DestinationCidrBlock": "10.77.0.0/16", "GatewayId": "local", "State": "active" },
                { "DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": "nat-0a1a2a3a4a5a6a7a8", "State": "active" }
            ],
            "VpcId": "vpc-0bb0bb0bb0bb0bb02"
        }
    ]
}`,
    expect: [{ code: 'NO_INTERNET_ROUTE' }],
  },
];

/** The same faults said in other words: synonyms, word order, casing, typos. */
export const GENERAL_PHRASING: TextCase[] = [
  {
    name: 'ingress rules of the SG spelled as an allowlist, without the word inbound',
    input: `ES cluster sg (sg-0e9d8c7b6a5f4e3d2) allowlist: 443 from 10.0.0.0/8, 22 from bastion. kibana box 10.0.3.3 cant hit es on 9200, conn timed out`,
    expect: [{ code: 'SG_INBOUND_BLOCKS' }],
  },
  {
    name: 'an SG reference mismatch said as "only lets in"',
    input: `RDS SG only lets in sg-0a1b2c3d4e5f6a7c8 on 3306. the new ecs service runs with sg-0b2c3d4e5f6a7b8c9. tasks get ETIMEDOUT connecting to the rds endpoint`,
    expect: [{ code: 'SG_INBOUND_SOURCE_MISMATCH' }],
  },
  {
    name: 'a transitive path described with "through"',
    input: `VPC-X (172.16.0.0/16) is peered with VPC-Y (172.17.0.0/16). VPC-Y is peered with VPC-Z (172.18.0.0/16). i want X to talk to Z through Y, routes added on all sides but it doesnt work`,
    expect: [{ code: 'TRANSITIVE_PEERING_UNSUPPORTED' }],
  },
  {
    name: 'no NAT said as "no natgw", the box in a private subnet trying pip',
    input: `pip install times out in our private subnet. there's no natgw and no igw route on the RT, just local. Region ap-southeast-1`,
    expect: [{ code: 'NO_INTERNET_ROUTE' }],
  },
  {
    name: 'a gateway endpoint for a service other than S3/DynamoDB, asked in a question',
    input: `is it possible to make a gateway type vpc endpoint for secretsmanager? console only offers interface for it and i'd rather not pay for the ENIs`,
    expect: [{ code: 'GATEWAY_ENDPOINT_UNSUPPORTED_SERVICE' }],
  },
  {
    name: 'peering pending with the request date as a relative phrase',
    input: `the peering to the data team's account (pcx-0aa1bb2cc3dd4ee5f) has been pending acceptance for like 9 days, they say they never saw it. routes on our side already point at it`,
    expect: [{ code: 'PEERING_NOT_ACTIVE' }],
  },
];

/** Regions said by their location names, and SGs placed in a Region by words rather than by a VPC. */
export const GENERAL_REGIONS: TextCase[] = [
  {
    name: 'Ireland and N. Virginia by name, the db SG naming the app SG across the peering',
    input: `our app runs in N. Virginia (vpc-0c0c1d1d2e2e3f3f4, 10.70.0.0/16), the reporting db in Ireland (vpc-0d0d1e1e2f2f3a3a4, 10.71.0.0/16). cross region peering pcx-0e0e1f1f2a2a3b3b4 is active
db security group in ireland: inbound 5432 from sg-0f0f1a1a2b2b3c3c4 (app sg, virginia)
reports time out connecting to 10.71.4.4:5432`,
    expect: [{ code: 'SG_REFERENCE_CROSS_REGION_UNSUPPORTED' }],
  },
  {
    name: 'Tokyo and Sydney VPCs, an SG rule naming a group of the other one',
    input: `Tokyo VPC 10.80.0.0/16 <-> Sydney VPC 10.81.0.0/16 peered (inter-region, pcx-0a1b1c2d2e3f3a4b5)
sydney cache SG sg-0b2c3d4e5f6a7b8c0 allows 6379 from sg-0c3d4e5f6a7b8c9d1 which is the tokyo worker SG`,
    expect: [{ code: 'SG_REFERENCE_CROSS_REGION_UNSUPPORTED' }],
  },
  {
    name: 'the authorize-security-group-ingress command someone ran, with a peering across Regions',
    input: `trying to let the Ohio api SG into the Oregon db SG over our inter-region peering pcx-0d4e5f6a7b8c9d0e2:
aws ec2 authorize-security-group-ingress --region us-west-2 --group-id sg-0e5f6a7b8c9d0e1f3 --ip-permissions IpProtocol=tcp,FromPort=3306,ToPort=3306,UserIdGroupPairs=[{GroupId=sg-0f6a7b8c9d0e1f2a4,VpcPeeringConnectionId=pcx-0d4e5f6a7b8c9d0e2}]
An error occurred (InvalidGroup.NotFound) when calling the AuthorizeSecurityGroupIngress operation`,
    expect: [{ code: 'SG_REFERENCE_CROSS_REGION_UNSUPPORTED' }],
  },
  {
    name: 'a same-Region peering with an SG reference is fine',
    input: `both vpcs are in frankfurt: shop (vpc-0a2b3c4d5e6f7a8b9, 10.90.0.0/16) and search (vpc-0b3c4d5e6f7a8b9c0, 10.91.0.0/16), pcx-0c4d5e6f7a8b9c0d1 active
search SG sg-0d5e6f7a8b9c0d1e2 inbound 9200 from sg-0e6f7a8b9c0d1e2f3 (shop app SG, same region)`,
    expect: [],
    forbid: ['SG_REFERENCE_CROSS_REGION_UNSUPPORTED'],
  },
];

/** Security group rules and which workload carries which group, in other words than "allows X from Y". */
export const GENERAL_SG: TextCase[] = [
  {
    name: 'an ingress list with arrows pointing in, and the caller in another group',
    input: `payments-api sg-0a1a2a3a4a5a6a7a8 ingress: 8080 <- sg-0b1b2b3b4b5b6b7b8 (alb), 22 <- 10.0.0.0/16
the billing lambda (sg-0c1c2c3c4c5c6c7c8) calls payments-api on 8080 directly and gets connect timeouts`,
    expect: [{ code: 'SG_INBOUND_SOURCE_MISMATCH' }],
  },
  {
    name: 'a markdown rule table under a bold header',
    input: `**db-sg (sg-0d1d2d3d4d5d6d7d8) inbound rules:**
* PostgreSQL TCP 5432 from sg-0e1e2e3e4e5e6e7e8
* SSH TCP 22 from 10.20.0.0/24
reporting box 10.20.7.7 is in sg-0f1f2f3f4f5f6f7f8 and psql to the db on 5432 hangs`,
    expect: [{ code: 'SG_INBOUND_SOURCE_MISMATCH' }],
  },
  {
    name: 'a rule that permits a subnet range that does not hold the client',
    input: `security group for the mongo box permits 27017 from 10.4.0.0/24 only. 10.4.8.15 can't connect to mongo at 10.4.2.2 (timeout)`,
    expect: [{ code: 'SG_INBOUND_SOURCE_MISMATCH' }],
  },
  {
    name: 'upper case, a typo, and "that is it" closing the list',
    input: `SECRUITY GROUP on the grafana box (sg-0a2b3c4d5e6f7a8b1) allows inbound HTTPS from anywhere and that's it.
prometheus 10.9.1.1 cant reach grafana 10.9.2.2 on 3000, times out`,
    expect: [{ code: 'SG_INBOUND_BLOCKS' }],
  },
  {
    name: 'the right group and port, said backwards, is not a block',
    input: `cache sg lets in sg-0b2c3d4e5f6a7b8c2 on 6379. the app instances run with sg-0b2c3d4e5f6a7b8c2. app -> redis 10.0.5.5:6379 works, just double-checking the setup`,
    expect: [],
    forbid: ['SG_INBOUND_BLOCKS', 'SG_INBOUND_SOURCE_MISMATCH'],
  },
];

/** Peerings said in other shapes: "between A and B", chains, no IDs, unicode arrows. */
export const GENERAL_PEERING_SHAPES: TextCase[] = [
  {
    name: 'hub and spokes without IDs, the route into the wrong peering said in prose',
    input: `prod<->shared and shared<->dev are peered. dev vpc 10.2.0.0/16, prod 10.0.0.0/16, shared 10.1.0.0/16
from dev I can't get to prod. the dev route table sends 10.0.0.0/16 to the dev-shared peering`,
    expect: [{ code: 'TRANSITIVE_PEERING_UNSUPPORTED' }],
  },
  {
    name: 'two pcx IDs with their VPC pairs in brackets, unicode arrows',
    input: `peerings: pcx-0a0b0c0d0e0f1a2b3 (analytics ⟷ core) and pcx-0b0c0d0e0f1a2b3c4 (core ⟷ ml)
analytics 10.41.0.0/16, core 10.42.0.0/16, ml 10.43.0.0/16
analytics → ml 10.43.2.2:8888 no response`,
    expect: [{ code: 'TRANSITIVE_PEERING_UNSUPPORTED' }],
  },
  {
    name: 'a peering between two VPCs named inside a sentence about its state',
    input: `the pcx-0c1d2e3f4a5b6c7d8 between Billing (10.60.0.0/16) and Ledger (10.61.0.0/16) is stuck in pending-acceptance since 2026-11-10`,
    expect: [{ code: 'PEERING_NOT_ACTIVE' }],
  },
  {
    name: 'a direct peering as well as the hub: not transitive',
    input: `A 10.1.0.0/16, B 10.2.0.0/16, C 10.3.0.0/16. A<->B, B<->C and also A<->C (pcx-0d1e2f3a4b5c6d7e8) all active.
A's table: 10.3.0.0/16 -> pcx-0d1e2f3a4b5c6d7e8. C's table: 10.1.0.0/16 -> pcx-0d1e2f3a4b5c6d7e8. nacls default, SGs allow the vpc cidrs. A -> C 10.3.1.1:443 works, just checking`,
    expect: [],
    forbid: ['TRANSITIVE_PEERING_UNSUPPORTED'],
  },
];

/** Route tables said in words: "nothing but local", "local only", routes belonging to the subnet just named. */
export const GENERAL_ROUTE_WORDS: TextCase[] = [
  {
    name: 'nothing but local, and a curl that hangs',
    input: `RT for the private subnets has nothing but local. no nat
curl https://api.github.com hangs from there`,
    expect: [{ code: 'NO_INTERNET_ROUTE' }],
  },
  {
    name: 'local only, and Session Manager saying TargetNotConnected',
    input: `Session Manager: "TargetNotConnected" for every box in subnet-0a9a8a7a6a5a4a3a2. that subnet's route table is local only (10.33.0.0/16). no vpc endpoints`,
    expect: [{ code: 'NO_INTERNET_ROUTE' }],
  },
  {
    name: 'two subnets in one line, the failing one with only the local route',
    input: `priv-a: 0.0.0.0/0 -> nat-0b9b8b7b6b5b4b3b2, priv-b: just local
box in priv-b can't apt-get update, the same box in priv-a can`,
    expect: [{ code: 'NO_INTERNET_ROUTE' }],
  },
  {
    name: 'only local, with the SSM interface endpoints in place',
    input: `isolated subnets, route table only local. we created interface endpoints for ssm, ssmmessages and ec2messages with private dns on and an sg allowing 443 from the vpc cidr 10.50.0.0/16. instances show up in fleet manager fine. any issue?`,
    expect: [],
    forbid: ['NO_INTERNET_ROUTE', 'ENDPOINT_SG_BLOCKS_CLIENTS'],
  },
];
