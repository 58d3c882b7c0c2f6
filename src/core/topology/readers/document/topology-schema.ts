import { z } from 'zod';
import { parseCidr } from '../../net/ipv4.js';

/**
 * The YAML/JSON topology document (also what each compact-notation line becomes). Routes, NACL entries
 * and SG rules are one-line strings in the compact grammar, or objects.
 */

const cidr = z
  .string()
  .refine((s) => parseCidr(s) !== undefined, { message: 'expected a CIDR block like 10.0.0.0/16' });
const ref = z.string().min(1);
const refs = z.array(ref);

export const routeSchema = z.union([
  z.string(),
  z
    .object({
      destination: z.string(),
      target: z.string(),
      state: z.enum(['active', 'blackhole']).optional(),
    })
    .strict(),
]);

export const naclRuleSchema = z.union([
  z.string(),
  z
    .object({
      rule: z.union([z.number().int().min(1).max(32767), z.literal('*')]),
      action: z.enum(['allow', 'deny']),
      protocol: z.union([z.string(), z.number()]).default('all'),
      ports: z.union([z.string(), z.number()]).optional(),
      cidr,
    })
    .strict(),
]);

export const sgRuleSchema = z.union([
  z.string(),
  z
    .object({
      protocol: z.union([z.string(), z.number()]).default('all'),
      ports: z.union([z.string(), z.number()]).optional(),
      from: z.union([z.string(), refs]).optional(),
      to: z.union([z.string(), refs]).optional(),
    })
    .strict(),
]);

export const subnetSchema = z
  .object({
    id: ref.optional(),
    name: z.string().optional(),
    cidr: cidr.optional(),
    az: z.string().optional(),
    routeTable: ref.optional(),
    nacl: ref.optional(),
    public: z.boolean().optional(),
  })
  .strict()
  .refine((s) => s.id || s.name, { message: 'a subnet needs an id or a name' });

export const routeTableSchema = z
  .object({
    id: ref.optional(),
    name: z.string().optional(),
    main: z.boolean().optional(),
    subnets: refs.optional(),
    routes: z.array(routeSchema),
  })
  .strict()
  .refine((t) => t.id || t.name, { message: 'a route table needs an id or a name' });

export const naclSchema = z
  .object({
    id: ref.optional(),
    name: z.string().optional(),
    subnets: refs.optional(),
    default: z.boolean().optional(),
    inbound: z.array(naclRuleSchema).optional(),
    outbound: z.array(naclRuleSchema).optional(),
  })
  .strict();

export const sgSchema = z
  .object({
    id: ref.optional(),
    name: z.string().optional(),
    inbound: z.array(sgRuleSchema).optional(),
    outbound: z.array(sgRuleSchema).optional(),
  })
  .strict()
  .refine((g) => g.id || g.name, { message: 'a security group needs an id or a name' });

export const endpointSchema = z
  .object({
    id: ref.optional(),
    service: z.string(),
    type: z.enum(['gateway', 'interface', 'Gateway', 'Interface']),
    routeTables: refs.optional(),
    subnets: refs.optional(),
    securityGroups: refs.optional(),
    privateDns: z.boolean().optional(),
    region: z.string().optional(),
  })
  .strict();

export const natSchema = z
  .object({ id: ref, subnet: ref, state: z.string().optional(), private: z.boolean().optional() })
  .strict();

export const hostSchema = z
  .object({
    id: ref.optional(),
    name: z.string().optional(),
    kind: z.enum(['ec2', 'lambda', 'rds', 'ecs', 'eks', 'elb', 'other']).default('ec2'),
    ip: z.string().optional(),
    publicIp: z.union([z.string(), z.null()]).optional(),
    subnet: ref.optional(),
    subnets: refs.optional(),
    securityGroups: refs.optional(),
    az: z.string().optional(),
  })
  .strict()
  .refine((h) => h.id || h.name, { message: 'a host needs an id or a name' });

export const vpcSchema = z
  .object({
    id: ref.optional(),
    name: z.string().optional(),
    cidrs: z.array(cidr).min(1).optional(),
    cidr: cidr.optional(),
    region: z.string().optional(),
    dnsSupport: z.boolean().optional(),
    dnsHostnames: z.boolean().optional(),
    internetGateway: ref.optional(),
    subnets: z.array(subnetSchema).optional(),
    routeTables: z.array(routeTableSchema).optional(),
    nacls: z.array(naclSchema).optional(),
    securityGroups: z.array(sgSchema).optional(),
    endpoints: z.array(endpointSchema).optional(),
    natGateways: z.array(natSchema).optional(),
    hosts: z.array(hostSchema).optional(),
  })
  .strict()
  .refine((v) => v.id || v.name, { message: 'a VPC needs an id or a name' });

export const peeringSchema = z
  .object({
    id: ref.optional(),
    between: z.tuple([ref, ref]),
    status: z
      .enum(['active', 'pending-acceptance', 'rejected', 'expired', 'failed', 'deleted', 'provisioning'])
      .default('active'),
    requested: z.string().optional(),
  })
  .strict();

export const tgwSchema = z
  .object({
    id: ref.optional(),
    attachments: z
      .array(
        z
          .object({
            id: ref,
            vpc: ref,
            subnets: refs.optional(),
            azs: z.array(z.string()).optional(),
            routeTable: ref.optional(),
          })
          .strict(),
      )
      .optional(),
    routeTables: z.array(z.object({ id: ref, routes: z.array(routeSchema) }).strict()).optional(),
  })
  .strict();

export const pathSchema = z
  .object({
    from: ref,
    to: ref,
    port: z.number().int().min(0).max(65535).optional(),
    protocol: z.enum(['tcp', 'udp', 'icmp']).default('tcp'),
    symptom: z.enum(['timeout', 'refused', '403', 'nxdomain', 'large-transfers-hang']).optional(),
  })
  .strict();

export const topologyDocSchema = z
  .object({
    vpcs: z.array(vpcSchema).optional(),
    peerings: z.array(peeringSchema).optional(),
    transitGateways: z.array(tgwSchema).optional(),
    hostedZones: z.array(z.object({ name: z.string(), vpcs: refs }).strict()).optional(),
    path: pathSchema.optional(),
    paths: z.array(pathSchema).optional(),
  })
  .strict();

export type TopologyDoc = z.infer<typeof topologyDocSchema>;
