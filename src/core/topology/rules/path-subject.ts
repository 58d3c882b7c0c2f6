import type { Subject } from '../../report/schema.js';
import type { Path } from './rule.js';

/** The machine-readable subject of a finding about a path. */
export function subjectOf(path: Path, resourceIds: (string | undefined)[] = []): Subject {
  const ids = resourceIds.filter((x): x is string => !!x);
  const flowSubject = path.flow?.subject;
  return {
    ...(flowSubject ?? {}),
    ...(path.from.ip ? { client: path.from.ip } : {}),
    ...(path.to.ip ? { server: path.to.ip } : {}),
    ...(path.port !== undefined ? { serverPort: path.port } : {}),
    protocol: path.protocol,
    ...(ids.length ? { resourceIds: ids } : {}),
  };
}

/** "from app-1 (10.0.1.5) to db (10.1.2.3) on TCP 5432" */
export function describePath(path: Path): string {
  const end = (p: Path['from']) => (p.ip && p.label !== p.ip ? `${p.label} (${p.ip})` : p.label);
  // only TCP and UDP have ports (flow records of ICMP carry 0)
  const ported = path.protocol === 6 || path.protocol === 17;
  const port =
    path.port !== undefined && ported ? ` on ${path.protocol === 17 ? 'UDP' : 'TCP'} ${path.port}` : '';
  return `from ${end(path.from)} to ${end(path.to)}${port}`;
}
