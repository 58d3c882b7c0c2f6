#!/usr/bin/env node
// The installed `vpcdiag` command: runs the CLI bundled into one file (built by `npm run build`, which
// `npm ci` runs).
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write(
    'vpcdiag: not built yet. Run `npm ci` (or `npm run build`) in the vpcdiag folder first.\n',
  );
  process.exit(4);
}
const { main } = await import(compiled.href);
process.exitCode = await main(process.argv);
