import { describe, expect, it } from 'vitest';
import { targetFlagFor } from '../../../src/core/topology/findings/fixes.js';
import { isNameLikeId } from '../../../src/core/topology/net/resource-ids.js';
import { diagnose } from './helpers.js';

function commandsOf(text: string, code: string): string {
  const f = diagnose(text).findings.find((x) => x.code === code);
  expect(f, `${code} expected`).toBeDefined();
  return f!.fixes.flatMap((x) => x.commands ?? []).join('\n');
}

/** The CLI commands and the Terraform of a finding's fixes, everything a user would paste. */
function pasteOf(text: string, code: string): string {
  const f = diagnose(text).findings.find((x) => x.code === code);
  expect(f, `${code} expected`).toBeDefined();
  return f!.fixes.flatMap((x) => [...(x.commands ?? []), x.terraform ?? '']).join('\n');
}

/** No name given in the paste reaches a command or a Terraform string bare, only inside a <…> placeholder. */
function expectNoBareName(paste: string, names: string[]): void {
  const outside = paste.replace(/<[^<>\n]*>/g, '<…>');
  for (const n of names)
    expect(outside, `${n} pasted bare`).not.toMatch(new RegExp(`(?<![\\w-])${n}(?![\\w-])`));
}

describe('fixes name real IDs and mark what they cannot know', () => {
  it('VPCs called "vpc-a" and "vpc-c" become marked placeholders, not IDs AWS would refuse', () => {
    const cli = commandsOf(
      'vpc-a 10.0.0.0/16 peered with vpc-b 10.1.0.0/16, b peered with vpc-c 10.2.0.0/16. a cant reach c',
      'TRANSITIVE_PEERING_UNSUPPORTED',
    );
    expect(cli).toContain('--vpc-id <VPC id of vpc-a>');
    expect(cli).toContain('--peer-vpc-id <VPC id of vpc-c>');
    expect(cli).toContain('--route-table-id <route table of vpc-a>');
    expect(cli).not.toMatch(/--vpc-id vpc-a\b/);
  });

  it('real VPC IDs go into the command as they were pasted', () => {
    const cli = commandsOf(
      'vpc-0a1b2c3d4e5f60718 10.0.0.0/16 peered with vpc-0b2c3d4e5f6071829 10.1.0.0/16, vpc-0b2c3d4e5f6071829 peered with vpc-0c3d4e5f607182930 10.2.0.0/16. 10.0.4.10 cant reach 10.2.4.10',
      'TRANSITIVE_PEERING_UNSUPPORTED',
    );
    expect(cli).toContain('--vpc-id vpc-0a1b2c3d4e5f60718 --peer-vpc-id vpc-0c3d4e5f607182930');
  });

  it('tells names from shortened real IDs', () => {
    for (const id of ['vpc-a', 'sg-db', 'rtb-private', 'subnet-priv-a'])
      expect(isNameLikeId(id), id).toBe(true);
    for (const id of [
      'vpc-0a1b2c3d',
      'sg-0123…',
      'tgw-attach-0a1b2c3d4e5f6',
      'acl-07c3e1d2b9a4f5e60',
      'web-server',
    ])
      expect(isNameLikeId(id), id).toBe(false);
  });

  it('a missing peering route names the table and the peering by placeholder in the CLI and Terraform', () => {
    const paste = pasteOf(
      `vpc-web (10.5.0.0/16) is peered with vpc-reports (10.6.0.0/16) over pcx-webrep, status active, and the reports side routes back.
rtb-web, the table the web subnets use: 10.5.0.0/16 local, 0.0.0.0/0 -> nat-web
curl from the web box 10.5.1.20 to 10.6.3.14:443 just hangs`,
      'PEERING_ROUTE_MISSING',
    );
    expect(paste).toContain('--route-table-id <route table id of rtb-web>');
    expect(paste).toContain('--vpc-peering-connection-id <peering connection id of pcx-webrep>');
    expect(paste).toContain('vpc_peering_connection_id = "<peering connection id of pcx-webrep>"');
    expectNoBareName(paste, ['rtb-web', 'pcx-webrep']);
  });

  it('a missing return route through a peering marks the peering named "pcx-bl"', () => {
    const paste = pasteOf(
      `vpc-billing (10.20.0.0/16) <-> vpc-ledger (10.21.0.0/16) via pcx-bl, active.
rtb-billing: 10.21.0.0/16 -> pcx-bl
rtb-ledger only has 10.21.0.0/16 local and 0.0.0.0/0 -> nat-ledger
billing worker 10.20.4.8 -> ledger api 10.21.9.30:8443 = timeout`,
      'PEERING_RETURN_ROUTE_MISSING',
    );
    expect(paste).toContain(
      'create-route --route-table-id <route table id of rtb-ledger> --destination-cidr-block 10.20.0.0/16 --vpc-peering-connection-id <peering connection id of pcx-bl>',
    );
    expectNoBareName(paste, ['rtb-ledger', 'pcx-bl']);
  });

  it('a pending peering called "pcx-vendor" is accepted by placeholder, not by its name', () => {
    const cli = commandsOf(
      `peering pcx-vendor between vpc-app (10.1.0.0/16) and vpc-vendor (172.20.0.0/16) still shows "Pending Acceptance", requested Nov 24.
our route 172.20.0.0/16 -> pcx-vendor is in rtb-private already. nothing gets through`,
      'PEERING_NOT_ACTIVE',
    );
    expect(cli).toContain(
      'accept-vpc-peering-connection --vpc-peering-connection-id <peering connection id of pcx-vendor>',
    );
    expectNoBareName(cli, ['pcx-vendor']);
  });

  it('overlapping VPCs named "vpc-eks" and "vpc-mon" get placeholders in the new peering and the endpoint', () => {
    const text = `peering from vpc-eks to vpc-mon keeps ending up in Failed.
vpc-eks: 10.0.0.0/16 plus secondary 100.64.0.0/16 for pods
vpc-mon: 100.64.8.0/21`;
    const overlap = pasteOf(text, 'PEERING_CIDR_OVERLAP');
    expect(overlap).toContain('create-vpc-endpoint --vpc-id <VPC id of vpc-eks>');
    expect(overlap).toContain('vpc_id            = "<VPC id of vpc-eks>"');
    const again = pasteOf(text, 'PEERING_NOT_ACTIVE');
    expect(again).toContain('--vpc-id <VPC id of vpc-eks> --peer-vpc-id <VPC id of vpc-mon>');
    expectNoBareName(overlap + again, ['vpc-eks', 'vpc-mon']);
  });

  it('a missing Transit Gateway return route targets the marked "tgw-core" with --transit-gateway-id', () => {
    const paste = pasteOf(
      `vpc-shared 10.0.0.0/16 and vpc-pay 10.7.0.0/16 are both attached to tgw-core, the tgw route table has both cidrs (propagated).
rtb-shared: 10.0.0.0/16 local, 10.7.0.0/16 -> tgw-core
rtb-pay: 10.7.0.0/16 local, 0.0.0.0/0 -> nat-pay
from a shared box: nc -vz 10.7.3.3 443 -> timed out`,
      'TGW_RETURN_ROUTE_MISSING',
    );
    expect(paste).toContain('--transit-gateway-id <transit gateway id of tgw-core>');
    expect(paste).toContain('transit_gateway_id     = "<transit gateway id of tgw-core>"');
    expectNoBareName(paste, ['tgw-core', 'rtb-pay']);
  });

  it('a private zone association and a Gateway-type SQS endpoint mark the VPC the user named', () => {
    const phz = pasteOf(
      `new vpc-analytics can't resolve anything in our private zone corp.internal (only associated with vpc-shared)
sh-4.2$ nslookup grafana.corp.internal
** server can't find grafana.corp.internal: NXDOMAIN`,
      'PHZ_NOT_ASSOCIATED_WITH_VPC',
    );
    expect(phz).toContain('VPCId=<VPC id of vpc-analytics>');
    expect(phz).toContain('vpc_id  = "<VPC id of vpc-analytics>"');
    const sqs = pasteOf(
      `vpc-app in us-east-1 has a Gateway endpoint for sqs and terraform says Endpoint type (Gateway) does not match available service types ([Interface])`,
      'GATEWAY_ENDPOINT_UNSUPPORTED_SERVICE',
    );
    expect(sqs).toContain('create-vpc-endpoint --vpc-id <VPC id of vpc-app>');
    expectNoBareName(phz + sqs, ['vpc-analytics', 'vpc-app']);
  });

  it('a subnet with only the local route: the endpoint and the NAT route mark vpc-app, subnet-app and rtb-app', () => {
    const paste = pasteOf(
      `instances in subnet-app of vpc-app never show up in fleet manager. region eu-west-2
route table rtb-app for that subnet: Destination 10.9.0.0/16 -> local, nothing else. no endpoints created`,
      'NO_INTERNET_ROUTE',
    );
    expect(paste).toContain('--vpc-id <VPC id of vpc-app>');
    expect(paste).toContain('--subnet-ids <subnet ID of subnet-app>');
    expect(paste).toContain('--route-table-id <route table id of rtb-app>');
    expectNoBareName(paste, ['vpc-app', 'subnet-app', 'rtb-app']);
  });

  it('security group fixes mark both the group to change and the group it should name', () => {
    const xr = pasteOf(
      `inter-region peering between us-west-2 (vpc-app, 10.44.0.0/16) and eu-central-1 (vpc-cache, 10.45.0.0/16), pcx-xr active, routes both ways.
sg-redis inbound: tcp 6379 from sg-app (the app SG over in oregon)
app in oregon gets timeouts to redis 10.45.2.10:6379`,
      'SG_REFERENCE_CROSS_REGION_UNSUPPORTED',
    );
    expect(xr).toContain('--group-id <SG id of sg-redis>');
    const out = pasteOf(
      `app box 10.0.1.10 in sg-app can't reach redis 10.0.2.20:6379 in sg-cache, times out
sg-app outbound: tcp 443 to 0.0.0.0/0 only
sg-cache inbound: tcp 6379 from sg-app`,
      'SG_OUTBOUND_BLOCKS',
    );
    expect(out).toContain('--group-id <SG id of sg-app>');
    expect(out).toContain('GroupId=<SG id of sg-cache>');
    expectNoBareName(xr + out, ['sg-redis', 'sg-app', 'sg-cache']);
  });

  it('a placeholder route target gets the flag of what it stands for, whatever its name contains', () => {
    expect(targetFlagFor('<peering connection id of pcx-natlink>')).toBe('vpc-peering-connection-id');
    expect(targetFlagFor('<transit gateway id of tgw-nat-egress>')).toBe('transit-gateway-id');
    expect(targetFlagFor('<NAT gateway id of nat-a>')).toBe('nat-gateway-id');
    expect(targetFlagFor('<NAT_GATEWAY_ID>')).toBe('nat-gateway-id');
    expect(targetFlagFor('<PCX_ID>')).toBe('vpc-peering-connection-id');
    expect(targetFlagFor('pcx-0a1b2c3d4e5f60718')).toBe('vpc-peering-connection-id');
  });
});
