// Runs one measured job in a fresh Node process (plain JS, no TypeScript loader) and prints
// {"ms":…,"maxRssMB":…} as the last line of stderr, so the parent reports wall time and peak RSS of
// exactly that job. Jobs: `cli <vpcdiag args…>` (the installed command: bin/vpcdiag.js, which runs the
// built CLI) or `naive <file> <v2|v5>`.
import { naiveRead } from './naive-reader.mjs';

const V2 =
  'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status';
const V5 = `${V2} vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id sublocation-type sublocation-id pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path`;

const [job, ...args] = process.argv.slice(2);
const t0 = performance.now();
if (job === 'cli') {
  const bin = new URL('../bin/vpcdiag.js', import.meta.url);
  process.argv = [process.argv[0], bin.pathname, ...args];
  await import(bin.href);
} else if (job === 'naive') {
  await naiveRead(args[0], (args[1] === 'v5' ? V5 : V2).split(' '));
} else {
  throw new Error(`unknown job ${job}`);
}
const ms = performance.now() - t0;
process.stderr.write(`\n${JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
