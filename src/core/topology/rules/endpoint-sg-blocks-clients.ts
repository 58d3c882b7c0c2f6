import type { Finding } from '../../report/schema.js';
import { sgRuleFix } from '../findings/fixes.js';
import { ev, makeFinding } from '../findings/make-finding.js';
import type { Endpoint } from '../model/types.js';
import { portInRange, protocolMatches } from '../net/protocol.js';
import { idFor, label, sgsOf } from '../reason/lookup.js';
import { serviceReach } from '../reason/service-path.js';
import { evalSgs } from '../reason/sg-eval.js';
import { describePath, subjectOf } from './path-subject.js';
import type { Path, Rule } from './rule.js';

/** ENDPOINT_SG_BLOCKS_CLIENTS: the interface endpoint's SG does not admit the clients on 443. */
export const endpointSgBlocksClients: Rule = (ctx) => {
  const { model } = ctx;
  const out: Finding[] = [];
  const byEndpoint = new Map<Endpoint, Path[]>();
  for (const path of ctx.paths) {
    if (!path.checks.has('service')) continue;
    const reach = serviceReach(model, path);
    if (reach?.kind !== 'interface-endpoint' || reach.dns === 'off') continue;
    byEndpoint.set(reach.endpoint, [...(byEndpoint.get(reach.endpoint) ?? []), path]);
  }
  for (const e of model.endpoints.values()) {
    if (e.type === 'Gateway' || e.sgs.length === 0) continue;
    const sgs = sgsOf(model, e.sgs);
    if (sgs.length === 0) continue;
    const paths = byEndpoint.get(e) ?? [];
    const blocked: { path?: Path; portRules: number }[] = [];
    if (paths.length) {
      for (const path of paths) {
        const v = evalSgs(sgs, false, {
          protocol: 6,
          port: 443,
          ...(path.from.addr ? { peer: path.from.addr } : {}),
          ...(path.from.sgs ? { peerSgs: path.from.sgs.map((g) => g.key) } : {}),
        });
        if (v.verdict === 'deny') blocked.push({ path, portRules: v.portRules.length });
        else if (v.verdict === 'unknown' && !sgs.every((g) => g.ingressComplete)) {
          ctx.gap({
            hypothesis: `the endpoint's security group (${sgs.map(label).join(', ')}) does not allow TCP 443 from ${path.from.label}`,
            ask: `aws ec2 describe-security-groups --group-ids ${sgs.map((g) => idFor(g, 'SG')).join(' ')}`,
            order: 15,
          });
        }
      }
    } else if (
      sgs.every((g) => g.ingressComplete) &&
      !sgs.some((g) => g.ingress.some((r) => protocolMatches(r.protocol, 6) && portInRange(r.ports, 443)))
    ) {
      blocked.push({ portRules: 0 });
    }
    if (blocked.length === 0) continue;
    const first = blocked[0]!;
    const client = first.path?.from;
    const clientSg = client?.sgs?.[0];
    const peerCidr =
      client?.subnet?.cidr?.text ?? client?.vpc?.cidrs[0]?.cidr.text ?? client?.addr?.text ?? '<CLIENT_CIDR>';
    const sg = sgs[0]!;
    out.push(
      makeFinding({
        code: 'ENDPOINT_SG_BLOCKS_CLIENTS',
        severity: 'error',
        title: `The security group of ${label(e)} (${e.service}) does not allow HTTPS from ${client ? client.label : 'any client'}`,
        explanation: `An interface endpoint is a set of network interfaces in your subnets, and its security group decides who may connect. Clients reach AWS APIs on TCP 443, so ${sgs.map(label).join(', ')} must allow inbound 443 from them${first.path ? ` (${describePath(first.path)})` : ''}. ${first.portRules ? 'It allows 443 only from other sources' : 'It has no inbound rule for 443'}${sg.name?.toLowerCase() === 'default' ? ' (it is the VPC default group, which only admits members of itself)' : ''}, so the TLS handshake never starts and SDK calls time out.`,
        evidence: [
          ev(e.src[0], 'the endpoint'),
          ...sgs
            .flatMap((g) => [ev(g.src[0], 'endpoint SG'), ...g.ingress.slice(0, 3).map((r) => ev(r.src))])
            .flat(),
          ...(first.path ? ev(first.path.intent.src, 'the path') : []),
        ],
        fixes: [
          sgRuleFix(
            `Allow TCP 443 into ${label(sg)} from ${clientSg ? label(clientSg) : peerCidr}`,
            idFor(sg, 'SG'),
            false,
            6,
            { from: 443, to: 443 },
            clientSg?.id ? { sg: idFor(clientSg, 'SG') } : { cidr: peerCidr },
          ),
        ],
        subject: first.path
          ? subjectOf(first.path, [e.id, sg.id])
          : { resourceIds: [e.id, sg.id].filter((s): s is string => !!s) },
      }),
    );
  }
  return out;
};
