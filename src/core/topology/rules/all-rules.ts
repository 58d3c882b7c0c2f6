import { awsServiceViaNat } from './aws-service-via-nat.js';
import { bucketPolicySourceIpViaVpce } from './bucket-policy-sourceip-via-vpce.js';
import { ecrLayerDownloadNoS3Path } from './ecr-layer-download-no-s3-path.js';
import { endpointPolicyDenies } from './endpoint-policy-denies.js';
import { endpointSgBlocksClients } from './endpoint-sg-blocks-clients.js';
import { gatewayEndpointCrossRegion } from './gateway-endpoint-cross-region.js';
import { gatewayEndpointNotExtendable } from './gateway-endpoint-not-extendable.js';
import { gatewayEndpointRouteTableNotAssociated } from './gateway-endpoint-route-table-not-associated.js';
import { gatewayEndpointUnsupportedService } from './gateway-endpoint-unsupported-service.js';
import { interfaceEndpointPrivateDnsOff } from './interface-endpoint-private-dns-off.js';
import { lambdaEniNoPublicIp } from './lambda-eni-no-public-ip.js';
import { mtuPmtudBlackhole } from './mtu-pmtud-blackhole.js';
import { naclBlocksIcmpReply } from './nacl-blocks-icmp-reply.js';
import { naclBlocksRequest } from './nacl-blocks-request.js';
import { naclBlocksResponse } from './nacl-blocks-response.js';
import { naclRuleOrderShadowed } from './nacl-rule-order-shadowed.js';
import { natGatewayInPrivateSubnet } from './nat-gateway-in-private-subnet.js';
import { noInternetRoute } from './no-internet-route.js';
import { noRouteToDestination } from './no-route-to-destination.js';
import { peeringCidrOverlap } from './peering-cidr-overlap.js';
import { peeringEdgeToEdge } from './peering-edge-to-edge.js';
import { peeringNotActive } from './peering-not-active.js';
import { peeringReturnRouteMissing } from './peering-return-route-missing.js';
import { peeringRouteMissing } from './peering-route-missing.js';
import { phzNotAssociated } from './phz-not-associated.js';
import { publicIpMissing } from './public-ip-missing.js';
import { routeBlackhole } from './route-blackhole.js';
import type { Rule } from './rule.js';
import { sgInboundBlocks } from './sg-inbound-blocks.js';
import { sgOutboundBlocks } from './sg-outbound-blocks.js';
import { sgReferenceCrossRegion } from './sg-reference-cross-region.js';
import { tgwAttachmentMissingAz } from './tgw-attachment-missing-az.js';
import { tgwReturnRouteMissing } from './tgw-return-route-missing.js';
import { tgwRouteMissing } from './tgw-route-missing.js';
import { transitivePeering } from './transitive-peering.js';

/** Every blocker rule; each looks at the whole model and every path, and they all run. */
export const ALL_RULES: readonly Rule[] = [
  // peering
  peeringCidrOverlap,
  peeringNotActive,
  transitivePeering,
  peeringRouteMissing,
  peeringReturnRouteMissing,
  peeringEdgeToEdge,
  sgReferenceCrossRegion,
  phzNotAssociated,
  // routing and gateways
  routeBlackhole,
  noRouteToDestination,
  noInternetRoute,
  natGatewayInPrivateSubnet,
  publicIpMissing,
  lambdaEniNoPublicIp,
  awsServiceViaNat,
  tgwAttachmentMissingAz,
  tgwRouteMissing,
  tgwReturnRouteMissing,
  // endpoints and policies
  gatewayEndpointUnsupportedService,
  gatewayEndpointRouteTableNotAssociated,
  gatewayEndpointNotExtendable,
  gatewayEndpointCrossRegion,
  endpointSgBlocksClients,
  interfaceEndpointPrivateDnsOff,
  endpointPolicyDenies,
  bucketPolicySourceIpViaVpce,
  ecrLayerDownloadNoS3Path,
  // filters
  sgInboundBlocks,
  sgOutboundBlocks,
  naclBlocksRequest,
  naclBlocksResponse,
  naclBlocksIcmpReply,
  naclRuleOrderShadowed,
  mtuPmtudBlackhole,
];
