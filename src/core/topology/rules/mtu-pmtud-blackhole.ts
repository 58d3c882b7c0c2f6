import type { Finding } from '../../report/schema.js';
import { naclEntryFix } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import { idFor, label, naclOf } from '../reason/lookup.js';
import type { Rule } from './rule.js';

/** MTU_PMTUD_BLACKHOLE: small requests work, large transfers hang: ICMP "fragmentation needed" is blocked. */
export const mtuPmtudBlackhole: Rule = (ctx) => {
  const { model } = ctx;
  if (!ctx.symptoms.has('large-transfer-hang')) return [];
  const sym = model.symptoms.find((s) => s.kind === 'large-transfer-hang')!;
  const icmpClaim = model.claims.find((c) => c.kind === 'icmp-blocked');
  const vpn = model.claims.find((c) => c.kind === 'vpn' || c.kind === 'direct-connect');
  const crossRegion = model.claims.find((c) => c.kind === 'cross-region');
  const tgw = model.tgwAttachments.size > 0;
  // NACLs on the path that allow TCP but no ICMP back in
  const nacls = new Set<ReturnType<typeof naclOf>['nacl']>();
  for (const p of ctx.paths)
    for (const side of [p.from, p.to]) if (side.subnet) nacls.add(naclOf(model, side.subnet).nacl);
  const noIcmp = [...nacls].filter(
    (n) =>
      n?.completeIn &&
      !n.entries.some((e) => !e.egress && e.action === 'allow' && (e.protocol === -1 || e.protocol === 1)),
  );
  const where = vpn
    ? 'over the VPN/Direct Connect link (MTU 1500, less inside IPsec)'
    : crossRegion
      ? 'across Regions (MTU 1500 unless through a TGW; 8500 on inter-Region peering)'
      : tgw
        ? 'through the Transit Gateway (MTU 8500)'
        : "on a path whose MTU is smaller than the instances' 9001-byte jumbo frames";
  const n = noIcmp[0];
  return [
    makeFinding({
      code: 'MTU_PMTUD_BLACKHOLE',
      severity: icmpClaim || n ? 'error' : 'warning',
      title: 'Small requests work but large transfers hang: path-MTU discovery is broken',
      explanation: `Instances send up to 9001-byte packets with "don't fragment" set. ${where[0]!.toUpperCase()}${where.slice(1)}, a packet that is too big is dropped and the sender should get an ICMP "fragmentation needed" (type 3, code 4) message and shrink it. ${icmpClaim ? 'The input says ICMP is blocked, so' : n ? `${label(n)} allows no ICMP inbound, so` : 'If a security group, NACL or firewall blocks that ICMP,'} the sender never learns, keeps retransmitting the big packets, and the transfer stalls after the handshake while small requests (which fit) work.`,
      evidence: [
        ev(sym.src, 'the symptom'),
        ...(icmpClaim ? ev(icmpClaim.src) : []),
        ...(vpn ? ev(vpn.src) : []),
        ...(n ? ev(n.src[0], 'no ICMP allowed in') : []),
      ],
      fixes: [
        n
          ? naclEntryFix(
              `Allow ICMP back into ${label(n)} (and allow ICMP type 3 code 4 in the security groups)`,
              idFor(n, 'NACL'),
              { number: 90, egress: false, protocol: 1, cidr: '0.0.0.0/0', action: 'allow' },
            )
          : {
              summary:
                'Allow ICMP "Destination Unreachable / fragmentation needed" back to the senders (SG inbound and NACL inbound), or clamp TCP MSS / lower the MTU on the path',
              commands: [
                "aws ec2 authorize-security-group-ingress --group-id <SG_ID> --ip-permissions 'IpProtocol=icmp,FromPort=3,ToPort=4,IpRanges=[{CidrIp=0.0.0.0/0}]'",
                'sudo ip link set dev eth0 mtu 1500   # on the instance, if ICMP cannot be allowed',
              ],
              terraform: `resource "aws_vpc_security_group_ingress_rule" "pmtud" {\n  security_group_id = "<SG_ID>"\n  ip_protocol       = "icmp"\n  from_port         = 3   # type: destination unreachable\n  to_port           = 4   # code: fragmentation needed\n  cidr_ipv4         = "0.0.0.0/0"\n}`,
            },
      ],
    }),
  ];
};
void ({} as Finding);
