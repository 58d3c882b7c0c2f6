import type { Model, PlaceRef, SecurityGroup, Subnet, Vpc, Workload } from '../model/types.js';
import { type Cidr, cidrContainsIp, isPublicIp, parseIp } from '../net/ipv4.js';
import { cidrHasIp, ipToCidr, label, sgsOf, subnetForCidr, vpcForCidr, vpcKeyOfSubnet } from './lookup.js';

/** One end of a path, resolved against the model as far as the input allows. */
export interface Place {
  kind: 'vpc' | 'internet' | 'service' | 'onprem' | 'unknown';
  label: string;
  ip?: string;
  /** the most specific block known for it: the IP, else its subnet, else its VPC */
  addr?: Cidr;
  workload?: Workload;
  subnet?: Subnet;
  vpc?: Vpc;
  /** its SGs, when known */
  sgs?: SecurityGroup[];
  service?: string;
  serviceRegion?: string;
}

function fromWorkload(model: Model, w: Workload, ip?: string): Place {
  const theIp = ip ?? w.privateIps[0];
  const subnet =
    w.subnets.map((k) => model.subnets.get(k)).find(Boolean) ??
    (theIp ? subnetForCidr(model, ipToCidr(theIp)!) : undefined);
  const vpcKey = w.vpc ?? (subnet ? vpcKeyOfSubnet(model, subnet) : undefined);
  const vpc =
    (vpcKey ? model.vpcs.get(vpcKey) : undefined) ??
    (theIp ? vpcForCidr(model, ipToCidr(theIp)!) : undefined);
  const addr = theIp ? ipToCidr(theIp) : (subnet?.cidr ?? vpc?.cidrs[0]?.cidr);
  return {
    kind: 'vpc',
    label: label(w),
    ...(theIp ? { ip: theIp } : {}),
    ...(addr ? { addr } : {}),
    workload: w,
    ...(subnet ? { subnet } : {}),
    ...(vpc ? { vpc } : {}),
    ...(w.sgs.length ? { sgs: sgsOf(model, w.sgs) } : {}),
  };
}

function fromSubnet(model: Model, s: Subnet): Place {
  // the one workload the input places in this subnet stands for it
  const inside = [...model.workloads.values()].filter(
    (w) =>
      w.kind !== 'elb' &&
      (w.subnets.includes(s.key) || (s.cidr && w.privateIps.some((ip) => cidrHasIp(s.cidr!, ip)))),
  );
  if (inside.length === 1) return { ...fromWorkload(model, inside[0]!), subnet: s, label: label(s) };
  const vk = vpcKeyOfSubnet(model, s);
  const vpc = vk ? model.vpcs.get(vk) : undefined;
  return {
    kind: 'vpc',
    label: label(s),
    ...(s.cidr ? { addr: s.cidr } : {}),
    subnet: s,
    ...(vpc ? { vpc } : {}),
  };
}

function fromVpc(model: Model, v: Vpc): Place {
  const subnets = [...model.subnets.values()].filter((s) => s.vpc === v.key);
  const only = subnets.length === 1 ? subnets[0] : undefined;
  const addr = only?.cidr ?? v.cidrs[0]?.cidr;
  return {
    kind: 'vpc',
    label: label(v),
    ...(addr ? { addr } : {}),
    vpc: v,
    ...(only ? { subnet: only } : {}),
  };
}

export function resolvePlace(model: Model, ref: PlaceRef | undefined): Place {
  if (!ref) return { kind: 'unknown', label: 'unknown' };
  switch (ref.kind) {
    case 'internet':
      return { kind: 'internet', label: ref.label ?? 'the internet' };
    case 'onprem': {
      // "192.168.0.0/16" as a label, or the one on-premises range the input gives
      const byLabel = ref.label ? model.onprem.find((o) => o.cidr.text === ref.label) : undefined;
      const only = model.onprem.length === 1 ? model.onprem[0] : undefined;
      const range = byLabel ?? only;
      return { kind: 'onprem', label: ref.label ?? 'on-premises', ...(range ? { addr: range.cidr } : {}) };
    }
    case 'service':
      return {
        kind: 'service',
        label: ref.label ?? ref.service,
        service: ref.service,
        ...(ref.region ? { serviceRegion: ref.region } : {}),
      };
    case 'ip': {
      const n = parseIp(ref.ip);
      const c = ipToCidr(ref.ip);
      if (n === undefined || !c) return { kind: 'unknown', label: ref.ip };
      for (const w of model.workloads.values())
        if (w.privateIps.includes(ref.ip)) return fromWorkload(model, w, ref.ip);
      if (model.onprem.some((o) => cidrContainsIp(o.cidr, n))) {
        return { kind: 'onprem', label: ref.label ?? ref.ip, ip: ref.ip, addr: c };
      }
      const subnet = subnetForCidr(model, c);
      const vk = subnet ? vpcKeyOfSubnet(model, subnet) : undefined;
      const vpc = (vk ? model.vpcs.get(vk) : undefined) ?? vpcForCidr(model, c);
      if (!subnet && !vpc && isPublicIp(n)) {
        for (const w of model.workloads.values()) if (w.publicIp === ref.ip) return fromWorkload(model, w);
        return { kind: 'internet', label: ref.label ?? ref.ip, ip: ref.ip, addr: c };
      }
      // a private address in the one network described, whose subnets are not all known
      if (!subnet && !vpc && !isPublicIp(n)) {
        return { kind: 'vpc', label: ref.label ?? ref.ip, ip: ref.ip, addr: c };
      }
      return {
        kind: subnet || vpc ? 'vpc' : 'unknown',
        label: ref.label ?? ref.ip,
        ip: ref.ip,
        addr: c,
        ...(subnet ? { subnet } : {}),
        ...(vpc ? { vpc } : {}),
      };
    }
    case 'entity':
    case 'name': {
      const key = ref.kind === 'entity' ? ref.key : ref.name.toLowerCase();
      const w = model.workloads.get(key) ?? [...model.workloads.values()].find((x) => x.aliases.has(key));
      if (w) return { ...fromWorkload(model, w), ...(ref.label ? { label: ref.label } : {}) };
      const s = model.subnets.get(key) ?? [...model.subnets.values()].find((x) => x.aliases.has(key));
      if (s) return fromSubnet(model, s);
      const v = model.vpcs.get(key) ?? [...model.vpcs.values()].find((x) => x.aliases.has(key));
      if (v) return fromVpc(model, v);
      // "clickhouse in the warehouse vpc": somewhere in that VPC when the name itself is unknown
      if (ref.kind === 'name' && ref.within) {
        const v = model.vpcs.get(ref.within);
        if (v) return { ...fromVpc(model, v), label: ref.label ?? key };
      }
      // "@subject", "that subnet"…: somewhere in the one network described
      const fallback = key === '@subject' ? 'the client' : key.startsWith('@') ? 'the source' : key;
      if (
        model.vpcs.size <= 1 &&
        model.routeTables.size + model.subnets.size + model.sgs.size + model.nacls.size > 0 &&
        key.startsWith('@')
      ) {
        const vpc = [...model.vpcs.values()][0];
        return { kind: 'vpc', label: ref.label ?? fallback, ...(vpc ? { vpc } : {}) };
      }
      return { kind: 'unknown', label: ref.label ?? fallback };
    }
  }
}
