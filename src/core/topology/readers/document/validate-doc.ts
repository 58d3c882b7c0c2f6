import { type TopologyDoc, topologyDocSchema } from './topology-schema.js';

type PathKey = (string | number)[];

/**
 * Validates a topology document. Each problem is reported at its field (paths are the document's as
 * written); an unknown key is ignored and an invalid item (a subnet, a route) is left out, so the rest
 * of the document is still read.
 */
export function validateDoc(
  plain: unknown,
  warn: (path: PathKey, message: string) => void,
): TopologyDoc | undefined {
  const value: unknown = structuredClone(plain);
  // the original index of each item still in each list, as items are left out
  const kept = new WeakMap<unknown[], number[]>();
  const index = (v: unknown): void => {
    if (Array.isArray(v)) {
      kept.set(
        v,
        v.map((_, i) => i),
      );
      v.forEach(index);
    } else if (v && typeof v === 'object') Object.values(v).forEach(index);
  };
  index(value);
  /** the container at `path` and `path` in the document as written */
  const walk = (path: readonly (string | number)[]): { node: unknown; original: PathKey } => {
    let node: unknown = value;
    const original: PathKey = [];
    for (const k of path) {
      if (Array.isArray(node) && typeof k === 'number') {
        original.push(kept.get(node)?.[k] ?? k);
        node = node[k];
      } else if (node && typeof node === 'object') {
        original.push(k);
        node = (node as Record<string, unknown>)[k as string];
      } else original.push(k);
    }
    return { node, original };
  };
  for (let round = 0; round < 50; round++) {
    const r = topologyDocSchema.safeParse(value);
    if (r.success) return r.data;
    const drops: { list: unknown[]; i: number }[] = [];
    let changed = false;
    for (const issue of r.error.issues) {
      const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
      const { node, original } = walk(path);
      if (issue.code === 'unrecognized_keys') {
        for (const k of issue.keys) {
          warn([...original, k], `unknown field "${k}", ignored`);
          if (node && typeof node === 'object' && k in node) {
            delete (node as Record<string, unknown>)[k];
            changed = true;
          }
        }
        continue;
      }
      warn(original, issue.message);
      // leave out the innermost list item that holds the problem
      let cut = -1;
      for (let i = path.length - 1; i >= 0; i--)
        if (typeof path[i] === 'number') {
          cut = i;
          break;
        }
      if (cut >= 0) {
        const list = walk(path.slice(0, cut)).node;
        if (Array.isArray(list)) drops.push({ list, i: path[cut] as number });
      } else if (path.length > 0) {
        const parent = walk(path.slice(0, -1)).node as Record<string, unknown> | undefined;
        const key = path[path.length - 1] as string;
        if (parent && typeof parent === 'object' && key in parent) {
          delete parent[key];
          changed = true;
        }
      }
    }
    // drop from the end so the indexes stay right
    drops.sort((a, b) => b.i - a.i);
    for (const d of drops) {
      if (d.i >= d.list.length) continue;
      if (
        drops.some((x) => x !== d && x.list === d.list && x.i === d.i && drops.indexOf(x) < drops.indexOf(d))
      )
        continue;
      d.list.splice(d.i, 1);
      kept.get(d.list)?.splice(d.i, 1);
      changed = true;
    }
    if (!changed) return undefined;
  }
  return undefined;
}
