/**
 * Names people use for the same kind of server: "es" and "elasticsearch", "pg" and "postgres". A
 * workload named by one answers to the others, so "es SG" and "can't reach elasticsearch" meet.
 */
const FAMILIES: readonly (readonly string[])[] = [
  ['es', 'elasticsearch', 'elastic', 'opensearch'],
  ['pg', 'postgres', 'postgresql', 'psql'],
  ['k8s', 'kubernetes', 'eks'],
  ['rabbitmq', 'rabbit'],
  ['mongo', 'mongodb', 'docdb', 'documentdb'],
];

/** The other names of a one-word name, lower case; none when it belongs to no family. */
export function sameThingNames(name: string): string[] {
  const n = name.toLowerCase().trim();
  const f = FAMILIES.find((k) => k.includes(n));
  return f ? f.filter((k) => k !== n) : [];
}
