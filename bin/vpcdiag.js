#!/usr/bin/env node
// The installed `vpcdiag` command: runs the bundled CLI, dist/cli.mjs (built by `npm run build`, which
// `npm ci` runs).
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';

// The CPU counters before the CLI loads (see CpuMark in src/adapters/cli/parallel-lines.ts): whether
// a core is free for a second thread is then read over the loading instead of waited for.
const own = process.cpuUsage();
const start = {
  at: performance.now(),
  idle: cpus().reduce((n, c) => n + c.times.idle, 0),
  ownCpu: (own.user + own.system) / 1000,
};
const compiled = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write(
    'vpcdiag: not built yet. Run `npm ci` (or `npm run build`) in the vpcdiag folder first.\n',
  );
  process.exit(4);
}
const { main } = await import(compiled.href);
process.exitCode = await main(process.argv, start);
