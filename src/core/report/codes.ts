/**
 * The finding codes: vpcdiag's public diagnosis vocabulary, exactly as in shared/spec/findings.md.
 * `rank` orders findings of the same severity: a lower rank is shown first. Codes that pin a fault on
 * one control from config outrank the codes that can only narrow it down from flow logs.
 */
export const FINDING_CODES = {
  // Flow-log findings
  NACL_OUTBOUND_BLOCKS_RESPONSE: { rank: 20, ra: 'SUBNET_ACL_RESTRICTION' },
  NACL_INBOUND_BLOCKS_RESPONSE: { rank: 20, ra: 'SUBNET_ACL_RESTRICTION' },
  NACL_EPHEMERAL_RANGE_TOO_NARROW: { rank: 10, ra: 'SUBNET_ACL_RESTRICTION' },
  INBOUND_REQUEST_REJECTED: { rank: 40, ra: 'ENI_SG_RULES_MISMATCH / SUBNET_ACL_RESTRICTION' },
  OUTBOUND_REQUEST_REJECTED: { rank: 40, ra: 'ENI_SG_RULES_MISMATCH / SUBNET_ACL_RESTRICTION' },
  SG_INBOUND_BLOCKS: { rank: 10, ra: 'ENI_SG_RULES_MISMATCH' },
  SG_INBOUND_SOURCE_MISMATCH: { rank: 10, ra: 'ENI_SG_RULES_MISMATCH' },
  SG_OUTBOUND_BLOCKS: { rank: 10, ra: 'ENI_SG_RULES_MISMATCH' },
  NACL_INBOUND_BLOCKS_REQUEST: { rank: 10, ra: 'SUBNET_ACL_RESTRICTION' },
  NACL_OUTBOUND_BLOCKS_REQUEST: { rank: 10, ra: 'SUBNET_ACL_RESTRICTION' },
  REQUEST_NOT_ANSWERED: { rank: 45, ra: undefined },
  RETURN_ROUTE_MISSING: { rank: 30, ra: 'NO_ROUTE_TO_DESTINATION' },
  NETWORK_PATH_OK: { rank: 90, ra: undefined },
  BLOCK_PUBLIC_ACCESS_REJECT: { rank: 10, ra: 'VPC_BLOCK_PUBLIC_ACCESS_ENABLED' },
  EXPECTED_SCANNER_TRAFFIC_REJECTED: { rank: 60, ra: undefined },
  EXPECTED_NAT_SOURCE_TRANSLATION: { rank: 70, ra: undefined },
  EXPECTED_AMAZON_DNS_NOT_LOGGED: { rank: 60, ra: undefined },
  LOG_NO_DATA: { rank: 80, ra: undefined },
  LOG_SKIPPED_DATA: { rank: 50, ra: undefined },
  AWS_SERVICE_VIA_NAT: { rank: 30, ra: undefined },
  TGW_PACKETS_LOST: { rank: 25, ra: undefined },
  MTU_PMTUD_BLACKHOLE: { rank: 30, ra: undefined },
  // Peering
  TRANSITIVE_PEERING_UNSUPPORTED: { rank: 10, ra: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR' },
  PEERING_CIDR_OVERLAP: { rank: 10, ra: undefined },
  PEERING_NOT_ACTIVE: { rank: 10, ra: 'BAD_STATE' },
  PEERING_EDGE_TO_EDGE_UNSUPPORTED: { rank: 10, ra: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR' },
  PEERING_ROUTE_MISSING: { rank: 10, ra: 'NO_ROUTE_TO_DESTINATION' },
  PEERING_RETURN_ROUTE_MISSING: { rank: 10, ra: 'NO_ROUTE_TO_DESTINATION' },
  SG_REFERENCE_CROSS_REGION_UNSUPPORTED: { rank: 10, ra: 'SG_REFERENCING_SUPPORT' },
  PHZ_NOT_ASSOCIATED_WITH_VPC: { rank: 10, ra: undefined },
  // VPC endpoints
  GATEWAY_ENDPOINT_UNSUPPORTED_SERVICE: { rank: 10, ra: undefined },
  GATEWAY_ENDPOINT_ROUTE_TABLE_NOT_ASSOCIATED: { rank: 10, ra: 'NO_ROUTE_TO_DESTINATION' },
  GATEWAY_ENDPOINT_NOT_EXTENDABLE: { rank: 10, ra: 'VPCE_GATEWAY_EGRESS_SOURCE_ADDRESS_RESTRICTION' },
  GATEWAY_ENDPOINT_CROSS_REGION: { rank: 10, ra: 'NO_ROUTE_TO_DESTINATION' },
  ENDPOINT_SG_BLOCKS_CLIENTS: { rank: 10, ra: 'ENI_SG_RULES_MISMATCH' },
  INTERFACE_ENDPOINT_PRIVATE_DNS_OFF: { rank: 10, ra: undefined },
  ENDPOINT_POLICY_DENIES: { rank: 10, ra: undefined },
  BUCKET_POLICY_SOURCEIP_VIA_VPCE: { rank: 10, ra: undefined },
  ECR_LAYER_DOWNLOAD_NO_S3_PATH: { rank: 10, ra: 'NO_ROUTE_TO_DESTINATION' },
  // Routing and gateways
  NO_ROUTE_TO_DESTINATION: { rank: 15, ra: 'NO_ROUTE_TO_DESTINATION' },
  ROUTE_BLACKHOLE: { rank: 10, ra: 'BAD_STATE_ROUTE' },
  NO_INTERNET_ROUTE: { rank: 15, ra: 'NO_ROUTE_TO_DESTINATION' },
  NAT_GATEWAY_IN_PRIVATE_SUBNET: { rank: 10, ra: undefined },
  PUBLIC_IP_MISSING: { rank: 10, ra: 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS' },
  LAMBDA_ENI_NO_PUBLIC_IP: { rank: 10, ra: 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS' },
  TGW_RETURN_ROUTE_MISSING: { rank: 10, ra: 'NO_ROUTE_TO_DESTINATION' },
  TGW_ATTACHMENT_MISSING_AZ: { rank: 10, ra: 'TGW_ROUTE_AZ_RESTRICTION' },
  TGW_ROUTE_MISSING: { rank: 10, ra: 'TGW_RTB_CANNOT_ROUTE' },
  // NACL configuration
  NACL_RULE_ORDER_SHADOWED: { rank: 20, ra: undefined },
  // Outcomes that are not faults
  NEED_MORE_INFO: { rank: 95, ra: undefined },
  INPUT_NOT_RECOGNIZED: { rank: 99, ra: undefined },
} as const satisfies Record<string, { rank: number; ra: string | undefined }>;

export type FindingCode = keyof typeof FINDING_CODES;

export const ALL_FINDING_CODES = Object.keys(FINDING_CODES) as FindingCode[];

export function isFindingCode(s: string): s is FindingCode {
  return Object.hasOwn(FINDING_CODES, s);
}
