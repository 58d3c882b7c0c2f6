import type { TextCase } from './english-cases.js';

/**
 * The second generalisation batch, written before any reader change for it: the register of on-call
 * and study channels (lower case, typos, IDs, Slack-escaped arrows, chatter) and the config people
 * paste there: Terraform resources (aws_security_group, aws_route, aws_network_acl_rule,
 * aws_vpc_peering_connection), `--output table`/`--output text`, partial describe-* JSON and console
 * tables. Every topology code appears about equally, with "nothing is wrong" and "ask" cases.
 */
export const MORE_PEERING: TextCase[] = [
  {
    name: 'terraform peerings dev-shared and shared-prod, dev asking for prod',
    input: `dev can't reach prod over the peerings, i thought terraform would sort it out:
resource "aws_vpc_peering_connection" "dev_shared" {
  vpc_id      = aws_vpc.dev.id
  peer_vpc_id = aws_vpc.shared.id
  auto_accept = true
}
resource "aws_vpc_peering_connection" "shared_prod" {
  vpc_id      = aws_vpc.shared.id
  peer_vpc_id = aws_vpc.prod.id
  auto_accept = true
}
cidrs: dev 10.10.0.0/16, shared 10.20.0.0/16, prod 10.30.0.0/16`,
    expect: [{ code: 'TRANSITIVE_PEERING_UNSUPPORTED' }],
    forbid: ['NETWORK_PATH_OK'],
  },
  {
    name: 'the acquired company VPC range sits inside ours',
    input: `we need to peer with the acquired company's vpc. ours is 10.0.0.0/16, theirs is 10.0.128.0/20 :(
create-vpc-peering-connection went straight to failed. any way around it?`,
    expect: [{ code: 'PEERING_CIDR_OVERLAP' }],
  },
  {
    name: 'describe-vpc-peering-connections still pending-acceptance, pasted as JSON',
    input: `routes are in, sg is open, still nothing across to the partner vpc
{
    "VpcPeeringConnections": [
        {
            "AccepterVpcInfo": {
                "OwnerId": "444455556666",
                "VpcId": "vpc-0f9e8d7c6b5a49382",
                "Region": "us-east-1"
            },
            "ExpirationTime": "2026-12-01T09:14:22+00:00",
            "RequesterVpcInfo": {
                "CidrBlock": "10.50.0.0/16",
                "OwnerId": "111122223333",
                "VpcId": "vpc-0a1b2c3d4e5f60718",
                "Region": "us-east-1"
            },
            "Status": {
                "Code": "pending-acceptance",
                "Message": "Pending Acceptance by 444455556666"
            },
            "VpcPeeringConnectionId": "pcx-0c1d2e3f4a5b69780"
        }
    ]
}`,
    expect: [{ code: 'PEERING_NOT_ACTIVE', evidence: ['"Code": "pending-acceptance"'] }],
  },
  {
    name: 'a spoke trying to reach on-prem through the VPN of the VPC it is peered with',
    input: `vpc-b (10.2.0.0/16) is peered to vpc-a (10.1.0.0/16). vpc-a has the site to site vpn to the office (192.168.0.0/16, vgw-0a9b8c7d6e5f4a3b1).
in vpc-b's rtb we added 192.168.0.0/16 -> pcx-0b1c2d3e4f5a6b7c9 but nobody in b can reach the office printers lol`,
    expect: [{ code: 'PEERING_EDGE_TO_EDGE_UNSUPPORTED' }],
  },
  {
    name: 'the requester route table in --output table form has no route to the peer',
    input: `ci vpc 10.40.0.0/16 and artifacts vpc 10.41.0.0/16 peered via pcx-0d2e3f4a5b6c7d8e9 (active). artifacts side already routes 10.40.0.0/16 to it.
ci runners (10.40.3.0/24) -> nexus 10.41.1.10:8081 times out. ci rtb:
-----------------------------------------------------------------------
|                         DescribeRouteTables                         |
+---------------------------------------------------------------------+
||                            RouteTables                            ||
|+----------------------------------+--------------------------------+|
||  RouteTableId                    |  rtb-0e3f4a5b6c7d8e9f0         ||
||  VpcId                           |  vpc-0f4a5b6c7d8e9f0a1         ||
|+----------------------------------+--------------------------------+|
|||                              Routes                             |||
||+-----------------------+--------------------------+--------------+||
|||  DestinationCidrBlock |  GatewayId               |  State       |||
||+-----------------------+--------------------------+--------------+||
|||  10.40.0.0/16         |  local                   |  active      |||
|||  0.0.0.0/0            |  igw-0a5b6c7d8e9f0a1b2   |  active      |||
||+-----------------------+--------------------------+--------------+||`,
    expect: [{ code: 'PEERING_ROUTE_MISSING' }],
    forbid: ['PEERING_RETURN_ROUTE_MISSING'],
  },
  {
    name: 'the return route added to the main table while the subnets use a custom one',
    input: `vpc-app 10.1.0.0/16 <-> vpc-data 10.2.0.0/16 (pcx-0a6b7c8d9e0f1a2b3, active)
vpc-app private rtb: 10.2.0.0/16 -> pcx-0a6b7c8d9e0f1a2b3
on the data side i added 10.1.0.0/16 -> pcx-0a6b7c8d9e0f1a2b3 to the main route table, but the data subnets are explicitly associated with rtb-data-private which only has 10.2.0.0/16 local
app 10.1.4.4 -> data 10.2.8.8:5432 still times out`,
    expect: [{ code: 'PEERING_RETURN_ROUTE_MISSING' }],
    forbid: ['PEERING_ROUTE_MISSING'],
  },
  {
    name: 'terraform aws_security_group referencing a group of the peer VPC in another Region',
    input: `terraform apply for the london db sg fails with InvalidGroup.NotFound. the app sg is in virginia, peering between the two regions is active (pcx-0b7c8d9e0f1a2b3c4)
resource "aws_security_group" "db" {
  name   = "db-london"
  vpc_id = "vpc-0c8d9e0f1a2b3c4d5"
  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = ["sg-0d9e0f1a2b3c4d5e6"] # app sg in us-east-1
  }
}`,
    expect: [{ code: 'SG_REFERENCE_CROSS_REGION_UNSUPPORTED' }],
  },
  {
    name: 'a private hosted zone only associated with prod, asked from the batch VPC',
    input: `route53 private zone internal.acme.io is associated with vpc-prod only (vpc-0e0f1a2b3c4d5e6f7).
from the new batch vpc (vpc-0f1a2b3c4d5e6f708) dig api.internal.acme.io returns NXDOMAIN, from prod it resolves fine`,
    expect: [{ code: 'PHZ_NOT_ASSOCIATED_WITH_VPC' }],
  },
];

export const MORE_ENDPOINTS: TextCase[] = [
  {
    name: 'create-vpc-endpoint of type Gateway for ECR',
    input: `$ aws ec2 create-vpc-endpoint --vpc-id vpc-0a2b3c4d5e6f7a8b9 --vpc-endpoint-type Gateway --service-name com.amazonaws.eu-west-1.ecr.dkr --route-table-ids rtb-0b3c4d5e6f7a8b9c0
An error occurred (InvalidParameter) when calling the CreateVpcEndpoint operation: ...
why? i just want the nodes to pull images without the nat`,
    expect: [{ code: 'GATEWAY_ENDPOINT_UNSUPPORTED_SERVICE' }],
  },
  {
    name: 'the DynamoDB gateway endpoint on the public table only, private subnets without a NAT',
    input: `dynamodb calls from the workers in the private subnets hang (no nat in this vpc).
ddb gateway endpoint vpce-0c4d5e6f7a8b9c0d1 is associated with rtb-0d5e6f7a8b9c0d1e2 (public rt)
the private subnets are on rtb-0e6f7a8b9c0d1e2f3 which has just the local route 10.5.0.0/16`,
    expect: [{ code: 'GATEWAY_ENDPOINT_ROUTE_TABLE_NOT_ASSOCIATED' }],
  },
  {
    name: 'on-prem over Direct Connect trying to use the S3 gateway endpoint',
    input: `our datacenter (10.200.0.0/16) is connected to the vpc via direct connect. we made an s3 gateway endpoint in the vpc so the on-prem backup servers can upload to s3 privately without going over the internet. uploads from on-prem just time out, from ec2 they work`,
    expect: [{ code: 'GATEWAY_ENDPOINT_NOT_EXTENDABLE' }],
  },
  {
    name: 'a DynamoDB table in another Region through the local gateway endpoint',
    input: `lambda in us-east-1 private subnet, no nat, dynamodb gateway endpoint on its route table. reads from the orders table (us-east-1) work, but the replica table in us-west-2 times out`,
    expect: [{ code: 'GATEWAY_ENDPOINT_CROSS_REGION' }],
  },
  {
    name: 'an interface endpoint SG with no inbound rules at all',
    input: `secrets manager interface endpoint vpce-0f7a8b9c0d1e2f3a4, private dns enabled, attached sg-0a8b9c0d1e2f3a4b5 (default-ish, no inbound rules).
app in the private subnet: "Connect timeout on endpoint URL: https://secretsmanager.eu-west-1.amazonaws.com/". nslookup gives 10.6.1.23 so dns is ok`,
    expect: [{ code: 'ENDPOINT_SG_BLOCKS_CLIENTS' }],
  },
  {
    name: 'DNS hostnames off in the VPC, so the SSM endpoints resolve to public addresses',
    input: `made ssm, ssmmessages, ec2messages interface endpoints in vpc-0b9c0d1e2f3a4b5c6 (no nat). instances still show as offline.
$ aws ec2 describe-vpc-attribute --vpc-id vpc-0b9c0d1e2f3a4b5c6 --attribute enableDnsHostnames
{
    "VpcId": "vpc-0b9c0d1e2f3a4b5c6",
    "EnableDnsHostnames": {
        "Value": false
    }
}`,
    expect: [{ code: 'INTERFACE_ENDPOINT_PRIVATE_DNS_OFF' }],
  },
  {
    name: 'a DynamoDB endpoint policy limited to one table and AccessDenied on another',
    input: `AccessDeniedException on dynamodb:PutItem to the audit-events table from ec2, role has dynamodb:* . the ddb gateway endpoint policy is:
{"Statement":[{"Effect":"Allow","Principal":"*","Action":"dynamodb:*","Resource":"arn:aws:dynamodb:us-east-1:111122223333:table/orders"}]}`,
    expect: [{ code: 'ENDPOINT_POLICY_DENIES' }],
  },
  {
    name: 'a bucket policy pasted as JSON with aws:SourceIp after moving to the gateway endpoint',
    input: `since we switched s3 to a vpc gateway endpoint the app gets 403 on s3://acme-invoices. bucket policy:
{
  "Effect": "Deny",
  "Principal": "*",
  "Action": "s3:*",
  "Resource": ["arn:aws:s3:::acme-invoices", "arn:aws:s3:::acme-invoices/*"],
  "Condition": { "NotIpAddress": { "aws:SourceIp": ["203.0.113.40/32"] } }
}
203.0.113.40 is the nat gateway eip`,
    expect: [{ code: 'BUCKET_POLICY_SOURCEIP_VIA_VPCE' }],
  },
  {
    name: 'EKS nodes with ECR interface endpoints only, ImagePullBackOff',
    input: `eks nodes in private subnets, no NAT. we have vpc endpoints for ecr.api and ecr.dkr + sts. pods stuck in ImagePullBackOff:
Failed to pull image "111122223333.dkr.ecr.us-west-2.amazonaws.com/api:1.4.2": failed to copy: httpReadSeeker: failed open: ... dial tcp 3.5.84.12:443: i/o timeout`,
    expect: [{ code: 'ECR_LAYER_DOWNLOAD_NO_S3_PATH' }],
  },
  {
    name: 'DynamoDB traffic through the NAT gateway, no endpoint',
    input: `why is our NAT gateway processing 4 TB/month?? the private subnets default route to nat-0c0d1e2f3a4b5c6d7 and the only heavy thing in there is the service hammering dynamodb. no vpc endpoints`,
    expect: [{ code: 'AWS_SERVICE_VIA_NAT', severity: 'warning' }],
  },
];

export const MORE_ROUTING: TextCase[] = [
  {
    name: 'terraform aws_route lines without a route to the VPN range',
    input: `the app can't reach the partner sftp 172.16.5.10 over the vpn (tunnels are UP, vgw-0d1e2f3a4b5c6d7e8 attached)
routes for the app route table, from our tf:
resource "aws_route" "default" {
  route_table_id         = "rtb-0e2f3a4b5c6d7e8f9"
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = "nat-0f3a4b5c6d7e8f9a0"
}
no propagation enabled`,
    expect: [{ code: 'NO_ROUTE_TO_DESTINATION' }],
  },
  {
    name: 'describe-route-tables JSON with a blackholed peering route',
    input: `we deleted the old peering last week and now billing (10.3.0.0/16) can't reach the ledger 10.9.2.2 anymore. we did make a new peering pcx-0b5c6d7e8f9a0b1c2 though
{
  "RouteTableId": "rtb-0a4b5c6d7e8f9a0b1",
  "Routes": [
    { "DestinationCidrBlock": "10.3.0.0/16", "GatewayId": "local", "Origin": "CreateRouteTable", "State": "active" },
    { "DestinationCidrBlock": "10.9.0.0/16", "VpcPeeringConnectionId": "pcx-0c6d7e8f9a0b1c2d3", "Origin": "CreateRoute", "State": "blackhole" }
  ]
}`,
    expect: [{ code: 'ROUTE_BLACKHOLE', evidence: ['"State": "blackhole"'] }],
  },
  {
    name: 'docker pull from a private subnet that only has the S3 endpoint route',
    input: `docker pull nginx times out on the build box in the private subnet. rt: 10.0.0.0/16 local, pl-68a54001 -> vpce-0d7e8f9a0b1c2d3e4 (s3). no nat gw`,
    expect: [{ code: 'NO_INTERNET_ROUTE' }],
  },
  {
    name: 'terraform putting the NAT gateway in a private subnet',
    input: `private instances have no internet after i refactored the tf:
resource "aws_nat_gateway" "main" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.private_a.id
}
private_a's route table: 10.20.0.0/16 local and 0.0.0.0/0 -> aws_nat_gateway.main
public_a's route table: 10.20.0.0/16 local and 0.0.0.0/0 -> igw`,
    expect: [{ code: 'NAT_GATEWAY_IN_PRIVATE_SUBNET' }],
  },
  {
    name: 'ssh from home to an instance with only a private address in a public subnet',
    input: `can't ssh from home to i-0e8f9a0b1c2d3e4f5. it's in subnet-0f9a0b1c2d3e4f5a6 which has 0.0.0.0/0 -> igw-0a0b1c2d3e4f5a6b7, sg allows 22 from my ip. the instance only has private ip 10.1.0.37, no public ipv4 and no eip`,
    expect: [{ code: 'PUBLIC_IP_MISSING' }],
  },
  {
    name: 'a VPC Lambda in subnets whose default route is the IGW, calling SendGrid',
    input: `lambda (python, vpc attached to subnet-0b1c2d3e4f5a6b7c8 and subnet-0c2d3e4f5a6b7c8d9) times out posting to api.sendgrid.com. both subnets route 0.0.0.0/0 to igw-0d3e4f5a6b7c8d9e0. works when i detach it from the vpc`,
    expect: [{ code: 'LAMBDA_ENI_NO_PUBLIC_IP' }],
  },
  {
    name: 'one VPC routes to the TGW, the other sends everything to the IGW',
    input: `vpc-a 10.1.0.0/16 and vpc-b 10.2.0.0/16 are both attached to tgw-0e4f5a6b7c8d9e0f1, tgw rt has propagations for both
a's rtb: 10.1.0.0/16 local, 10.2.0.0/16 -> tgw-0e4f5a6b7c8d9e0f1
b's rtb: 10.2.0.0/16 local, 0.0.0.0/0 -> igw-0f5a6b7c8d9e0f1a2
a -> b on 443 hangs, the b sg allows 10.1.0.0/16`,
    expect: [{ code: 'TGW_RETURN_ROUTE_MISSING' }],
  },
  {
    name: 'a TGW attachment with subnets in two AZs and instances in the third',
    input: `only the instances in eu-west-1c can't reach the shared vpc over the transit gateway. the tgw attachment (tgw-attach-0a6b7c8d9e0f1a2b3) for our vpc has subnets in eu-west-1a and eu-west-1b only. route tables are identical for all 3 azs`,
    expect: [{ code: 'TGW_ATTACHMENT_MISSING_AZ' }],
  },
  {
    name: 'the TGW route table of the VPN attachment without the new VPC',
    input: `on-prem can't reach the new analytics vpc (10.60.0.0/16) over the vpn on the tgw (tgw-0b7c8d9e0f1a2b3c4). analytics vpc rtb sends 192.168.0.0/16 to the tgw.
the vpn attachment tgw-attach-0c8d9e0f1a2b3c4d5 is associated with tgw-rtb-0d9e0f1a2b3c4d5e6 which has:
10.0.0.0/16 -> tgw-attach-0e0f1a2b3c4d5e6f7 (core)
192.168.0.0/16 -> tgw-attach-0c8d9e0f1a2b3c4d5 (vpn)`,
    expect: [{ code: 'TGW_ROUTE_MISSING' }],
  },
  {
    name: 'ping with DF set fails above a size over the inter-region TGW peering',
    input: `ssh to the frankfurt box over our tgw peering works but as soon as i cat a big file the session freezes. ping -M do -s 1400 10.80.1.5 gets nothing back, ping -M do -s 1200 works. icmp is blocked in the sg "for security"`,
    // the SG drops the ICMP "fragmentation needed" that PMTUD relies on: a fault to fix, not a guess
    expect: [{ code: 'MTU_PMTUD_BLACKHOLE', severity: 'error' }],
  },
];

export const MORE_FILTERS: TextCase[] = [
  {
    name: 'terraform aws_security_group for the targets opens 443 while the app listens on 8080',
    input: `alb target group health checks fail (Request timed out), app listens on 8080 on 10.4.2.15
resource "aws_security_group" "app" {
  name   = "app-sg"
  vpc_id = aws_vpc.main.id
  ingress {
    from_port       = 443
    to_port         = 443
    protocol        = "tcp"
    security_groups = [aws_security_group.alb.id]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
    expect: [{ code: 'SG_INBOUND_BLOCKS' }],
  },
  {
    name: 'a console inbound rules table that admits only the other app subnet',
    input: `10.0.2.15 (app subnet b) can't connect to mysql on 10.0.9.9, app subnet a is fine. db sg inbound rules copied from the console:
Security group rule ID	IP version	Type	Protocol	Port range	Source	Description
sgr-0a1b2c3d4e5f6a7b8	IPv4	MYSQL/Aurora	TCP	3306	10.0.1.0/24	app subnet a
sgr-0b2c3d4e5f6a7b8c9	IPv4	SSH	TCP	22	10.0.0.0/16	-`,
    expect: [{ code: 'SG_INBOUND_SOURCE_MISMATCH' }],
  },
  {
    name: 'terraform SG egress only 443, the app needs postgres',
    input: `since the "least privilege" PR the app can't talk to postgres 10.8.3.3:5432 (timeout). the app sg now is:
resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1a2b2b3c3c4d4d5"
  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
db sg allows 5432 from the app sg`,
    expect: [{ code: 'SG_OUTBOUND_BLOCKS' }],
  },
  {
    name: 'terraform aws_network_acl_rule deny for the VPN range before the allow',
    input: `people in the office (10.200.0.0/16, over the site-to-site vpn) can't reach the db 10.1.20.5:5432, clients inside the vpc can. db subnet nacl rules:
resource "aws_network_acl_rule" "deny_legacy" {
  network_acl_id = aws_network_acl.db.id
  rule_number    = 90
  egress         = false
  protocol       = "-1"
  rule_action    = "deny"
  cidr_block     = "10.200.0.0/16"
}
resource "aws_network_acl_rule" "pg" {
  network_acl_id = aws_network_acl.db.id
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "10.0.0.0/8"
  from_port      = 5432
  to_port        = 5432
}`,
    expect: [{ code: 'NACL_INBOUND_BLOCKS_REQUEST', evidence: ['rule_number    = 90'] }],
    forbid: ['NACL_INBOUND_BLOCKS_RESPONSE'],
  },
  {
    name: 'describe-network-acls egress entries that only allow 443, smtp out fails',
    input: `app 10.3.1.7 can't send mail via smtp 10.3.50.5:587 in the mail subnet. app subnet acl egress:
$ aws ec2 describe-network-acls --network-acl-ids acl-0b1b2c2c3d3d4e4f5 --query 'NetworkAcls[].Entries[?Egress]'
[
    [
        {
            "CidrBlock": "0.0.0.0/0",
            "Egress": true,
            "PortRange": { "From": 443, "To": 443 },
            "Protocol": "6",
            "RuleAction": "allow",
            "RuleNumber": 100
        },
        {
            "CidrBlock": "0.0.0.0/0",
            "Egress": true,
            "Protocol": "-1",
            "RuleAction": "deny",
            "RuleNumber": 32767
        }
    ]
]`,
    expect: [{ code: 'NACL_OUTBOUND_BLOCKS_REQUEST' }],
    // the pasted NACL is the app subnet's: nothing is known of the mail subnet's
    forbid: ['NACL_OUTBOUND_BLOCKS_RESPONSE'],
  },
  {
    name: 'a public subnet NACL outbound table with only 80 and 443, site times out',
    input: `our site on the web box 10.0.1.20 times out for everyone since someone "hardened" the public subnet nacl. inbound allows 80 and 443 from 0.0.0.0/0. outbound:
Rule number	Type	Protocol	Port range	Destination	Allow/Deny
100	HTTP (80)	TCP (6)	80	0.0.0.0/0	Allow
110	HTTPS (443)	TCP (6)	443	0.0.0.0/0	Allow
*	All traffic	All	All	0.0.0.0/0	Deny`,
    expect: [{ code: 'NACL_OUTBOUND_BLOCKS_RESPONSE' }],
  },
  {
    name: 'a private subnet NACL inbound that only admits the VPC range, yum through the NAT hangs',
    input: `yum update hangs on the private boxes (10.0.10.0/24), nat gw is fine and the rtb has 0.0.0.0/0 -> nat-0e1f2a3b4c5d6e7f8.
private subnet nacl inbound: 100 allow all 10.0.0.0/16, * deny. outbound: 100 allow all 0.0.0.0/0`,
    expect: [{ code: 'NACL_INBOUND_BLOCKS_RESPONSE' }],
  },
  {
    name: 'terraform NACL rules with an allow-all ahead of the deny for one address',
    input: `the block on 198.51.100.99 does nothing, still getting hammered:
resource "aws_network_acl_rule" "allow_all" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 100
  egress         = false
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}
resource "aws_network_acl_rule" "block_bot" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 200
  egress         = false
  protocol       = "-1"
  rule_action    = "deny"
  cidr_block     = "198.51.100.99/32"
}`,
    expect: [{ code: 'NACL_RULE_ORDER_SHADOWED' }],
  },
  {
    name: 'describe-security-groups --output table whose only inbound rule is SSH',
    input: `worker 10.20.4.4 -> redis 10.20.9.9:6379 times out. redis box only has this group:
$ aws ec2 describe-security-groups --group-ids sg-0a1b2c3d4e5f60718 --output table
-----------------------------------------------------------------------------------
|                             DescribeSecurityGroups                              |
+---------------------------------------------------------------------------------+
||                                SecurityGroups                                 ||
|+----------------------+--------------------------------------------------------+|
||  Description         |  redis                                                 ||
||  GroupId             |  sg-0a1b2c3d4e5f60718                                  ||
||  GroupName           |  redis                                                 ||
||  OwnerId             |  111122223333                                          ||
||  VpcId               |  vpc-0b1c2d3e4f5a60718                                 ||
|+----------------------+--------------------------------------------------------+|
|||                                IpPermissions                                |||
||+-------------------------+-------------------------+-------------------------+||
|||        FromPort         |       IpProtocol        |         ToPort          |||
||+-------------------------+-------------------------+-------------------------+||
|||  22                     |  tcp                    |  22                     |||
||+-------------------------+-------------------------+-------------------------+||
||||                                 IpRanges                                  ||||
|||+---------------------------------------------------------------------------+|||
||||                                  CidrIp                                   ||||
|||+---------------------------------------------------------------------------+|||
||||  10.20.0.0/16                                                             ||||
|||+---------------------------------------------------------------------------+|||
|||                             IpPermissionsEgress                             |||
||+-----------------------------------------------------------------------------+||
|||                                 IpProtocol                                  |||
||+-----------------------------------------------------------------------------+||
|||  -1                                                                         |||
||+-----------------------------------------------------------------------------+||
||||                                 IpRanges                                  ||||
|||+---------------------------------------------------------------------------+|||
||||                                  CidrIp                                   ||||
|||+---------------------------------------------------------------------------+|||
||||  0.0.0.0/0                                                                ||||
|||+---------------------------------------------------------------------------+|||`,
    expect: [{ code: 'SG_INBOUND_BLOCKS', evidence: ['|||  22  '] }],
  },
  {
    name: 'describe-network-acls --output text admitting only the first app subnet to postgres',
    input: `the new app subnet (10.0.2.0/24) can't reach postgres 10.0.20.7:5432, the old app subnet 10.0.1.0/24 can. db is in subnet-0f1f2a2a3b3b4c4d5
$ aws ec2 describe-network-acls --filters Name=association.subnet-id,Values=subnet-0f1f2a2a3b3b4c4d5 --output text
NETWORKACLS	False	acl-0c1c2d2d3e3e4f4a5	111122223333	vpc-0d1d2e2e3f3f4a4b5
ASSOCIATIONS	aclassoc-0e1e2f2f3a3a4b4c5	acl-0c1c2d2d3e3e4f4a5	subnet-0f1f2a2a3b3b4c4d5
ENTRIES	0.0.0.0/0	True	-1	allow	100
ENTRIES	0.0.0.0/0	True	-1	deny	32767
ENTRIES	10.0.1.0/24	False	6	allow	100
PORTRANGE	5432	5432
ENTRIES	0.0.0.0/0	False	-1	deny	32767`,
    expect: [{ code: 'NACL_INBOUND_BLOCKS_REQUEST', evidence: ['False\t-1\tdeny\t32767'] }],
    forbid: ['NACL_RULE_ORDER_SHADOWED'],
  },
];

export const MORE_OK: TextCase[] = [
  {
    name: 'terraform SG admitting the app group on 5432, the app carrying that group',
    input: `review pls, app (sg-0a0a1b1b2c2c3d3d4) -> postgres 10.7.2.2:5432 works in staging:
resource "aws_security_group_rule" "db_from_app" {
  type                     = "ingress"
  from_port                = 5432
  to_port                  = 5432
  protocol                 = "tcp"
  security_group_id        = "sg-0b0b1c1c2d2d3e3e4"
  source_security_group_id = "sg-0a0a1b1b2c2c3d3d4"
}
db is in sg-0b0b1c1c2d2d3e3e4`,
    expect: [],
    forbid: ['SG_INBOUND_BLOCKS', 'SG_INBOUND_SOURCE_MISMATCH', 'SG_OUTBOUND_BLOCKS'],
  },
  {
    name: 'two VPCs on a TGW with routes both ways',
    input: `sanity check: vpc-a 10.1.0.0/16 and vpc-b 10.2.0.0/16 attached to tgw-0c1d2e3f4a5b6c7d8 (attachments in all azs), tgw rt propagates both.
a rtb: 10.2.0.0/16 -> tgw-0c1d2e3f4a5b6c7d8. b rtb: 10.1.0.0/16 -> tgw-0c1d2e3f4a5b6c7d8. a->b 443 works`,
    expect: [],
    forbid: [
      'TGW_RETURN_ROUTE_MISSING',
      'TGW_ROUTE_MISSING',
      'NO_ROUTE_TO_DESTINATION',
      'TGW_ATTACHMENT_MISSING_AZ',
    ],
  },
  {
    name: 'an interface endpoint with private DNS and an SG open to the VPC range',
    input: `kms interface endpoint vpce-0d1e2f3a4b5c6d7e8 in vpc 10.12.0.0/16, private dns enabled, its sg allows tcp 443 from 10.12.0.0/16. dns hostnames + dns support both true. calls from the private subnet work, just confirming the setup is right`,
    expect: [],
    forbid: ['ENDPOINT_SG_BLOCKS_CLIENTS', 'INTERFACE_ENDPOINT_PRIVATE_DNS_OFF', 'NO_INTERNET_ROUTE'],
  },
  {
    name: 'NACLs with ephemeral ports both ways are fine',
    input: `app subnet nacl: inbound 100 allow tcp 1024-65535 from 10.0.0.0/16, outbound 100 allow tcp 5432 to 10.0.20.0/24.
db subnet nacl: inbound 100 allow tcp 5432 from 10.0.1.0/24, outbound 100 allow tcp 1024-65535 to 10.0.1.0/24.
app 10.0.1.5 -> db 10.0.20.7:5432 works, is this tight enough?`,
    expect: [],
    forbid: [
      'NACL_INBOUND_BLOCKS_REQUEST',
      'NACL_OUTBOUND_BLOCKS_REQUEST',
      'NACL_INBOUND_BLOCKS_RESPONSE',
      'NACL_OUTBOUND_BLOCKS_RESPONSE',
    ],
  },
];

export const MORE_ASK: TextCase[] = [
  {
    name: 'an S3 upload that fails sometimes, nothing else said',
    input: `s3 uploads from one of our ec2s fail sometimes, other times work fine. any idea where to look?`,
    expect: [{ code: 'NEED_MORE_INFO', severity: 'info' }],
    forbid: ['NO_INTERNET_ROUTE', 'AWS_SERVICE_VIA_NAT', 'ENDPOINT_POLICY_DENIES'],
  },
  {
    name: 'a peering that "does not work" with no routes given',
    input: `set up a vpc peering between staging and qa, accepted it, but still can't ping across. what am i missing`,
    expect: [{ code: 'NEED_MORE_INFO', severity: 'info' }],
    forbid: ['PEERING_NOT_ACTIVE', 'TRANSITIVE_PEERING_UNSUPPORTED', 'PEERING_CIDR_OVERLAP'],
  },
];
