import type { Finding } from '../../report/schema.js';
import { confirmQueries } from '../confirm.js';
import { recordEvidence } from '../evidence.js';
import { naclAllowFix, naclCidrFor } from '../fixes.js';
import type { RuleInput } from '../rule-kit.js';
import { listAnd, plural } from '../wording.js';

/**
 * MTU_PMTUD_BLACKHOLE from records that show it: packets-lost-mtu-exceeded at a transit gateway.
 * Packets over 8500 bytes are dropped; the TGW answers with ICMP "fragmentation needed" (IPv4 type 3
 * code 4) or "packet too big" (ICMPv6 type 2), and senders that keep sending big packets are not
 * getting those messages through (an SG or NACL blocks them), or ignore them: small requests work,
 * large transfers hang.
 */
export function mtuPmtudBlackhole({ state }: RuleInput): Finding[] {
  const out: Finding[] = [];
  for (const g of state.tgw.groups.values()) {
    if (g.reason !== 'mtu-exceeded') continue;
    const senders = [...g.sources];
    const dests = g.destinationList();
    const v6 = senders.some((s) => s.includes(':'));
    const cidr = naclCidrFor(dests.length ? dests : ['0.0.0.0']);
    const r = g.region ? ` --region ${g.region}` : '';
    out.push({
      code: 'MTU_PMTUD_BLACKHOLE',
      severity: 'error',
      title: `Packets over 8500 bytes from ${listAnd(senders, 2)} are dropped at the transit gateway (${g.attachment})`,
      explanation: [
        `${plural(g.lost, 'packet')} from ${listAnd(senders, 3)} to ${listAnd(dests, 3)} were dropped at the transit gateway for exceeding its 8500-byte MTU (packets-lost-mtu-exceeded). Instances inside a VPC use 9001-byte jumbo frames by default.`,
        `Path MTU discovery should shrink them: the transit gateway answers oversized packets with ICMP "${v6 ? 'packet too big" (ICMPv6 type 2)' : 'fragmentation needed" (type 3, code 4)'}. Senders that keep sending big packets are not getting that message: their security group or subnet network ACL blocks it inbound, or the host ignores it. The symptom is that small requests work and large transfers hang.`,
        "Allow the ICMP message in on the senders' side, or lower their MTU to 8500 (or clamp the TCP MSS) for traffic through the transit gateway.",
      ].join(' '),
      evidence: g.samples
        .slice(0, 3)
        .map((s) => recordEvidence(s, `packets-lost-mtu-exceeded ${s.fields['packets-lost-mtu-exceeded']}`)),
      evidenceOmitted: Math.max(0, g.records - Math.min(3, g.samples.length)),
      fixes: [
        naclAllowFix(
          `Let "${v6 ? 'packet too big' : 'fragmentation needed'}" back in to the senders' subnet (the network ACL of ${senders[0] ?? 'the sender'}).`,
          { region: g.region, address: senders[0] },
          [
            {
              egress: false,
              protocol: v6 ? 58 : 1,
              cidr: v6 ? '::/0' : cidr === '0.0.0.0/32' ? '0.0.0.0/0' : cidr,
              icmpType: v6 ? 2 : 3,
              icmpCode: v6 ? 0 : 4,
              name: 'allow_pmtud_icmp',
            },
          ],
        ),
        {
          summary: `And in the senders' security group (<SG_ID>), allow the same ICMP message in (for ICMP, FromPort is the type and ToPort the code).`,
          commands: [
            v6
              ? `aws ec2 authorize-security-group-ingress${r} --group-id <SG_ID> --ip-permissions 'IpProtocol=icmpv6,FromPort=2,ToPort=0,Ipv6Ranges=[{CidrIpv6=::/0}]'`
              : `aws ec2 authorize-security-group-ingress${r} --group-id <SG_ID> --ip-permissions 'IpProtocol=icmp,FromPort=3,ToPort=4,IpRanges=[{CidrIp=${cidr === '0.0.0.0/32' ? '0.0.0.0/0' : cidr}}]'`,
          ],
          terraform: [
            'resource "aws_vpc_security_group_ingress_rule" "pmtud" {',
            '  security_group_id = "<SG_ID>"',
            `  ip_protocol       = "${v6 ? 'icmpv6' : 'icmp'}"`,
            `  from_port         = ${v6 ? 2 : 3}`,
            `  to_port           = ${v6 ? 0 : 4}`,
            v6
              ? '  cidr_ipv6         = "::/0"'
              : `  cidr_ipv4         = "${cidr === '0.0.0.0/32' ? '0.0.0.0/0' : cidr}"`,
            '}',
          ].join('\n'),
        },
        {
          summary:
            'Or lower the MTU on the senders for this path (Linux; make it persistent in your network configuration).',
          commands: ['sudo ip link set dev eth0 mtu 8500'],
        },
      ],
      confirm: confirmQueries({
        format: g.samples[0]?.format,
        tgw: true,
        filters: [{ field: 'packets-lost-mtu-exceeded', value: 0, op: '>' }],
        groupBy: ['tgw-attachment-id', 'srcaddr', 'dstaddr'],
        sums: ['packets-lost-mtu-exceeded'],
      }),
      occurrences: g.records,
      subject: {
        resourceIds: [g.attachment, ...(g.tgwId ? [g.tgwId] : [])],
        ...(senders[0] ? { client: senders[0] } : {}),
        ...(senders.length > 1 ? { clients: senders.slice(0, 20) } : {}),
        ...(dests[0] ? { server: dests[0] } : {}),
        ...(g.protocol !== undefined ? { protocol: g.protocol } : {}),
      },
    });
    if (out.length >= 8) break;
  }
  return out;
}
