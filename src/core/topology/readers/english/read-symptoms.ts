import type { Claim, SymptomKind } from '../../model/types.js';
import type { Extractor } from './sentence.js';

const SYMPTOMS: [RegExp, SymptomKind][] = [
  [
    /CannotPullContainerError|failed to pull (?:image|layer)|ImagePullBackOff|ErrImagePull|image pull(?:s)?\s+(?:fail|hang|time)|can't pull (?:the )?images?|pulling (?:the )?image.*(?:timeout|timed out|hangs?)/i,
    'image-pull-timeout',
  ],
  [
    /\b(?:large|big|bigger|larger)\s+(?:files?|transfers?|uploads?|downloads?|responses?|payloads?|queries|requests?|packets?|objects?)\b[^.]*\b(?:hang|hangs|stall|stalls|stuck|freeze|freezes|time\s*out|times out|fail)|\b(?:small|tiny)\b[^.]*\b(?:work|fine|ok)\b[^.]*\b(?:large|big|bigger|larger)\b|\bstalls?\s+(?:after|at)\s+\d|\bmtu\b|\bpmtud\b|fragmentation needed|scp\s+(?:hangs|stalls)|hangs?\s+(?:after|on)\s+(?:the\s+)?(?:tls|ssl)\s+handshake/i,
    'large-transfer-hang',
  ],
  [/\b403\b|AccessDenied|Access Denied|\bForbidden\b|not authorized to perform/i, 'access-denied'],
  [/connection refused|ECONNREFUSED|\brefused\b|\bRST\b|connection reset by peer|ECONNRESET/i, 'refused'],
  [
    /couldn't connect|could not connect|failed to connect|time[sd]?\s?out|timeout|timing out|\bhangs?\b|\bhanging\b|no response|i\/o timeout|just sits|stuck at|never (?:connects|returns|responds)|ETIMEDOUT|unreachable|Task timed out|timed-out|spins forever/i,
    'timeout',
  ],
  [
    /\bunhealthy\b|health ?checks?\b[^.]{0,50}?\b(?:fail|fails|failing|failed|time\s*out|timing\s*out|timed\s*out)|Target\.Timeout|Target\.FailedHealthChecks/i,
    'unhealthy',
  ],
  [
    /\bno internet\b|no outbound internet|can't get out|can't reach the internet|no internet access|offline|\bnothing\b[^.]{0,25}\bcan\s+(?:reach|get\s+to|access)\s+the\s+internet/i,
    'no-internet',
  ],
  [
    /overlapping cidr|cidr(?:s| blocks?)? overlap|overlaps? with|InvalidVpcPeeringConnection|peering (?:request|connection)? ?(?:fails?|failed|errors?|won't (?:create|work))|can't (?:create|set up) (?:the |a )?peering|\bpeering\b[^.]{0,40}\b(?:to|in|into|is|as)\s+(?:the\s+)?["']?failed\b/i,
    'peering-create-failed',
  ],
  [
    /\b(?:can't|cannot|can\s+not|unable\s+to|couldn't)\s+(?:reach|talk\s+to|access|get\s+to|hit|ping|ssh\s+(?:in)?to)\b|\bstopped\s+working|\bdoesn't\s+work|\bnot\s+working|\bno\s+longer\s+works?|\bbroke(?:n)?\b|\bcan't\s+connect|\bunable\s+to\s+connect|\b(?:lost|no)\s+connectivity|\bwon't\s+connect|\bisn't\s+reachable|\bnot\s+reachable|\bdropped\b(?!\s*(?:by\s+)?[~≈]?\s*\d)|\bfails?\b|\bfailing\b/i,
    'broken',
  ],
];

const CLAIMS: [RegExp, Claim['kind']][] = [
  [/\bsite[- ]to[- ]site\b|\bvpn\b|\bipsec\b|\bcustomer gateway\b/i, 'vpn'],
  [/\bdirect ?connect\b|\bdx\b/i, 'direct-connect'],
  [/cross[- ]region|inter[- ]region|another region|different regions?/i, 'cross-region'],
  [
    /aws:SourceIp\b|\bSourceIp\b|source ?ip condition|ip[- ]based bucket policy|bucket policy (?:that )?(?:only )?allows? (?:our|the) (?:office|nat|public) ip/i,
    'policy-sourceip',
  ],
  [
    /\bicmp\b[^.]*\b(?:blocked|denied|disabled|dropped)\b|\bblock(?:s|ed|ing)?\s+(?:all\s+)?icmp\b|\bno\s+icmp\b|icmp\s+(?:is\s+)?not\s+allowed/i,
    'icmp-blocked',
  ],
  [/\bsame vpc\b/i, 'same-vpc'],
  [/\bworked (?:fine|before)|used to work|was working/i, 'worked-before'],
];

/** What went wrong, in the user's words, and statements about the path that are not entities. */
const RA_CODES =
  /\b(ENI_SG_RULES_MISMATCH|SUBNET_ACL_RESTRICTION|NO_ROUTE_TO_DESTINATION|PCX_REQUIRES_ADDRESS_IN_VPC_CIDR|IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS|IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS|TGW_ROUTE_AZ_RESTRICTION|TGW_RTB_CANNOT_ROUTE|TGW_RTB_NO_ROUTE_TO_TGW_ATTACHMENT|BAD_STATE(?:_ROUTE|_ATTACHMENT)?|CANNOT_ROUTE|DISCONNECTED_VPCS|NO_PATH|VPCE_GATEWAY_EGRESS_SOURCE_ADDRESS_RESTRICTION|NGW_REQUIRES_SOURCE_IN_VPC|SG_REFERENCING_SUPPORT|UNKNOWN_PEERED_SGS|MORE_SPECIFIC_ROUTE|HIGHER_PRIORITY_ROUTE|ENI_SOURCE_DEST_CHECK_RESTRICTION|VPC_BLOCK_PUBLIC_ACCESS_ENABLED)\b/g;

export const readSymptoms: Extractor = (x) => {
  for (const m of x.s.matchAll(RA_CODES)) {
    x.b.model.claims.push({ kind: 'ra-code', detail: m[1]!, src: x.src });
    x.hit = true;
  }
  if (
    /\bscreenshot\b|\.(?:png|jpe?g|gif)\b|\bimgur\.com|\bprnt\.sc|\bsee\s+(?:the\s+)?(?:attached|image|pic)/i.test(
      x.s,
    )
  ) {
    x.b.model.claims.push({ kind: 'screenshot', src: x.src });
    x.hit = true;
  }
  for (const m of x.s.matchAll(
    /\b(?:listen(?:s|ing)?\s+on(?:\s+port)?|health\s*checks?\s+(?:on|port|to\s+port)|target\s+port|traffic\s+port|serves?\s+on)\s+(?:tcp\s*)?(\d{2,5})\b/gi,
  )) {
    const p = Number(m[1]);
    if (p > 0 && p < 65536 && !x.st.ports.includes(p)) x.st.ports.push(p);
  }
  for (const [re, kind] of SYMPTOMS) {
    const hit = re.exec(x.s);
    if (!hit) continue;
    // "they say the replies will be dropped": a prediction, not what happens
    if (
      (kind === 'broken' || kind === 'timeout') &&
      /\b(?:will|would|could|might|may)\s+(?:be\s+|get\s+)?$/i.test(x.s.slice(0, hit.index))
    )
      continue;
    if (
      kind === 'refused' &&
      /\bnot\s+(?:a\s+)?(?:connection\s+)?refused\b|\brefused\b.*\bnot\b.*\btimeout\b/i.test(x.s)
    )
      continue;
    if (kind === 'peering-create-failed' && !/peer|pcx|overlap/i.test(x.s)) continue;
    if (
      kind === 'broken' &&
      (x.b.model.symptoms.some((s) => s.src.lines[0] === x.line) ||
        !/\b(?:vpc|subnet|peering|peer|sg|security\s+group|nacl|route|nat|igw|tgw|transit|endpoint|vpn|ec2|instance|rds|lambda|db|database|api|server|service|connect|connection|network|traffic|eni|reach)/i.test(
          x.s,
        ))
    )
      continue;
    if (!x.b.model.symptoms.some((s) => s.kind === kind && s.src.lines[0] === x.line))
      x.b.model.symptoms.push({ kind, src: x.src });
    x.hit = true;
    if (kind === 'timeout' && /\bunreachable\b/i.test(x.s) && !/time/i.test(x.s)) break;
  }
  for (const [re, kind] of CLAIMS) {
    if (re.test(x.s)) {
      x.b.model.claims.push({ kind, src: x.src });
      if (kind !== 'same-vpc' && kind !== 'worked-before') x.hit = true;
    }
  }
};
